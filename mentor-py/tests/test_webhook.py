"""E-signature webhooks (``docs/esign.md``) through the binding: `verify_webhook` answers what
`mentor webhook PROVIDER … --json` prints, on every delivery of docs/examples/webhooks/ with
the secrets and headers docs/esign.md gives, and refuses what the command refuses."""

import json
import pickle
import shlex
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

import pytest

import mentor
from conftest import EXAMPLES, WORKSPACE, mentor_cli
from mentor import InputError, SignatureError

WEBHOOKS = EXAMPLES / "webhooks"
SECRET = "mentor-example-secret"
# The examples were delivered on 2026-11-20 (DocuSeal's signed timestamp is 10:15:31Z).
RECEIVED = "2026-11-20T10:16:00Z"


@dataclass
class Example:
    """One `mentor webhook …` command of docs/esign.md."""

    provider: str
    body: Path
    secret: Optional[str] = None
    headers: List[Tuple[str, str]] = field(default_factory=list)
    now: Optional[str] = None

    @property
    def id(self) -> str:
        return self.provider

    def cli_args(self) -> List[str]:
        args = [self.provider, "--body", str(self.body)]
        if self.secret is not None:
            args += ["--secret", self.secret]
        for name, value in self.headers:
            args += ["--header", f"{name}: {value}"]
        return args


def esign_examples() -> List[Example]:
    """The commands of docs/esign.md's "Trying it" section, as the CLI would read them."""
    text = (WORKSPACE / "docs" / "esign.md").read_text(encoding="utf-8")
    examples = []
    for line in text.splitlines():
        # The commands, not the synopsis (`mentor webhook PROVIDER --secret SECRET [...]`).
        if not line.startswith("mentor webhook ") or "PROVIDER" in line:
            continue
        words = shlex.split(line)[2:]
        example = Example(provider=words[0], body=Path())
        it: Iterator[str] = iter(words[1:])
        for option in it:
            value = next(it)
            if option == "--secret":
                example.secret = value
            elif option == "--header":
                name, _, val = value.partition(":")
                example.headers.append((name.strip(), val.strip()))
            elif option == "--body":
                example.body = WORKSPACE / value
            elif option == "--now":
                example.now = value
            else:
                raise AssertionError(f"unexpected option {option} in docs/esign.md")
        examples.append(example)
    return examples


EXAMPLES_OF_DOCS = esign_examples()


def test_the_docs_give_a_command_for_every_example_delivery() -> None:
    shipped = {p.name for p in WEBHOOKS.iterdir() if not p.name.startswith(".")}
    assert {e.body.name for e in EXAMPLES_OF_DOCS} == shipped
    assert {e.provider for e in EXAMPLES_OF_DOCS} == {"concord", "docusign", "dropbox_sign", "yousign", "documenso", "docuseal"}


def run_cli(args: List[str], lang: str) -> Tuple[int, Dict[str, Any]]:
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    out = subprocess.run([str(cli), "webhook", *args, "--json", "--lang", lang], capture_output=True)
    return out.returncode, json.loads(out.stdout)


def verify(example: Example, **changes: Any) -> mentor.WebhookDelivery:
    args: Dict[str, Any] = {"secret": example.secret, "headers": example.headers, "body": example.body.read_bytes(), "now": example.now}
    args.update(changes)
    return mentor.verify_webhook(example.provider, args.pop("secret"), args.pop("headers"), args.pop("body"), **args)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("example", EXAMPLES_OF_DOCS, ids=lambda e: e.id)
def test_every_example_is_the_native_commands(example: Example, lang: str) -> None:
    now = example.now or RECEIVED
    status, native = run_cli([*example.cli_args(), "--now", now], lang)
    assert status == 0
    ours = verify(example, now=now, lang=lang)
    assert ours == native
    assert ours["verified"] is (example.provider != "concord")
    assert ours["events"] and all(e["hint"] is (example.provider == "concord") for e in ours["events"])


@pytest.mark.parametrize("example", [e for e in EXAMPLES_OF_DOCS if e.now is None], ids=lambda e: e.id)
def test_now_defaults_to_the_clock_as_in_the_command(example: Example) -> None:
    status, native = run_cli(example.cli_args(), "en")
    assert status == 0
    assert verify(example) == native


def test_docuseal_is_stale_by_the_clock() -> None:
    (example,) = [e for e in EXAMPLES_OF_DOCS if e.provider == "docuseal"]
    with pytest.raises(SignatureError) as info:
        verify(example, now=None)
    assert info.value.code == "stale_timestamp"
    # An aware datetime in any zone works as well as a string (11:16 in Paris is 10:16Z).
    paris = timezone(timedelta(hours=1))
    assert verify(example, now=datetime(2026, 11, 20, 11, 16, tzinfo=paris)) == verify(example, now=RECEIVED)


def refusals() -> List[Tuple[str, Example, Dict[str, Any], str]]:
    """Deliveries the command refuses with status 3, and the code it gives."""
    cases = []
    for e in EXAMPLES_OF_DOCS:
        if e.provider == "concord":
            continue
        cases.append((f"{e.provider}-wrong-secret", e, {"secret": "a-guess"}, "bad_signature"))
        cases.append((f"{e.provider}-no-secret", e, {"secret": None}, "empty_secret"))
        if e.headers and e.provider != "dropbox_sign":
            cases.append((f"{e.provider}-no-header", e, {"headers": []}, "missing_header"))
    (docuseal,) = [e for e in EXAMPLES_OF_DOCS if e.provider == "docuseal"]
    cases.append(("docuseal-stale", docuseal, {"now": "2026-11-20T11:00:00Z"}, "stale_timestamp"))
    cases.append(("docuseal-future", docuseal, {"now": "2026-11-20T10:00:00Z"}, "stale_timestamp"))
    cases.append(("docuseal-malformed-header", docuseal, {"headers": [("X-Docuseal-Signature", "not-a-signature")]}, "malformed_header"))
    (docusign,) = [e for e in EXAMPLES_OF_DOCS if e.provider == "docusign"]
    tampered = docusign.body.read_bytes().replace(b"env-example-1", b"env-example-2")
    cases.append(("docusign-tampered", docusign, {"body": tampered}, "bad_signature"))
    return cases


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name, example, changes, code", refusals(), ids=[c[0] for c in refusals()])
def test_refused_deliveries_are_signature_errors_as_in_the_command(
    name: str, example: Example, changes: Dict[str, Any], code: str, lang: str, tmp_path: Path
) -> None:
    with pytest.raises(SignatureError) as info:
        verify(example, **changes, lang=lang)
    e = info.value
    assert (e.code, e.provider) == (code, example.provider)
    assert str(e).startswith(f"{example.provider}: ")
    # The command on the same delivery: status 3, the same code and message.
    body = tmp_path / "body"
    body.write_bytes(changes.get("body", example.body.read_bytes()))
    cli = Example(example.provider, body, changes.get("secret", example.secret), changes.get("headers", example.headers))
    now = changes.get("now", example.now or RECEIVED)
    status, native = run_cli([*cli.cli_args(), "--now", now], lang)
    assert status == 3
    assert (native["verified"], native["events"]) == (False, [])
    assert native["error"]["code"] == code
    assert str(e) == f"{example.provider}: {native['error']['message']}"
    assert pickle.loads(pickle.dumps(e)).code == code


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_malformed_body_is_an_input_error_as_in_the_command(lang: str, tmp_path: Path) -> None:
    body = b'{"event": 3, "payload": {}}'
    headers = [("X-Documenso-Secret", SECRET)]
    with pytest.raises(InputError) as info:
        mentor.verify_webhook("documenso", SECRET, headers, body, lang=lang)
    errors = info.value.errors()
    assert ("event", "invalid_type") in {(x["path"], x["code"]) for x in errors}
    path = tmp_path / "body.json"
    path.write_bytes(body)
    status, native = run_cli(["documenso", "--secret", SECRET, "--header", f"X-Documenso-Secret: {SECRET}", "--body", str(path)], lang)
    assert status == 1
    assert native["error"]["code"] == "invalid_body"
    assert errors == native["error"]["errors"]
    # Not JSON at all.
    with pytest.raises(InputError) as info:
        mentor.verify_webhook("documenso", SECRET, headers, b"{not json")
    assert info.value.errors()[0]["code"] == "invalid_json"


def test_unknown_event_types_are_events_not_errors() -> None:
    body = b'{"event": "DOCUMENT_ARCHIVED", "payload": {"id": 7}, "createdAt": "2026-11-20T09:00:00Z"}'
    out = mentor.verify_webhook("documenso", SECRET, {"X-Documenso-Secret": SECRET}, body)
    assert [e["kind"] for e in out["events"]] == ["unknown"]


class Headers(Mapping[str, str]):
    """A web framework's header object: a mapping, names lower-cased."""

    def __init__(self, pairs: List[Tuple[str, str]]) -> None:
        self._d = {k.lower(): v for k, v in pairs}

    def __getitem__(self, key: str) -> str:
        return self._d[key.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)


@pytest.mark.parametrize("example", [e for e in EXAMPLES_OF_DOCS if e.headers], ids=lambda e: e.id)
def test_headers_and_body_in_every_usual_form(example: Example) -> None:
    want = verify(example)
    lower = [(n.lower(), v) for n, v in example.headers]
    assert verify(example, headers=dict(example.headers)) == want
    assert verify(example, headers=Headers(example.headers)) == want
    assert verify(example, headers=[[n, v] for n, v in lower]) == want
    assert verify(example, headers=iter(lower)) == want
    assert verify(example, headers=[("X-Unrelated", "1"), *example.headers]) == want
    assert verify(example, body=bytearray(example.body.read_bytes())) == want
    assert example.secret is not None
    assert verify(example, secret=example.secret.encode()) == want


@pytest.mark.parametrize(
    "changes, path, code",
    [
        ({"provider": "DocuSign"}, "provider", "invalid_enum"),
        ({"provider": "dropbox-sign"}, "provider", "invalid_enum"),
        ({"provider": None}, "provider", "invalid_enum"),
        ({"secret": b"\xff\xfe"}, "secret", "invalid_type"),
        ({"secret": 42}, "secret", "invalid_type"),
        ({"secret": "\ud800"}, "secret", "invalid_characters"),
        ({"headers": "X-Documenso-Secret: s"}, "headers", "invalid_type"),
        ({"headers": None}, "headers", "invalid_type"),
        ({"headers": 3}, "headers", "invalid_type"),
        ({"headers": [("X-Documenso-Secret",)]}, "headers[0]", "invalid_type"),
        ({"headers": [("a", "b"), ("X-Documenso-Secret", b"s")]}, "headers[1]", "invalid_type"),
        ({"headers": {"X-Documenso-Secret": 1}}, "headers[0]", "invalid_type"),
        ({"body": "{}"}, "body", "invalid_type"),
        ({"body": None}, "body", "invalid_type"),
        ({"now": "yesterday"}, "now", "invalid_datetime"),
        ({"lang": "de"}, "lang", "invalid_enum"),
    ],
)
def test_bad_arguments_are_input_errors(changes: Dict[str, Any], path: str, code: str) -> None:
    args: Dict[str, Any] = {"provider": "documenso", "secret": "s", "headers": {"X-Documenso-Secret": "s"}, "body": b"{}"}
    args.update(changes)
    with pytest.raises(InputError) as info:
        mentor.verify_webhook(args.pop("provider"), args.pop("secret"), args.pop("headers"), args.pop("body"), **args)
    assert [(x["path"], x["code"]) for x in info.value.errors()] == [(path, code)]


def test_threads_verify_at_once() -> None:
    """The GIL is released during verification: threads share the work and agree."""
    work = [e for e in EXAMPLES_OF_DOCS] * 50
    want = {e.provider: verify(e, now=e.now or RECEIVED) for e in EXAMPLES_OF_DOCS}
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda e: (e.provider, verify(e, now=e.now or RECEIVED)), work))
    assert all(out == want[provider] for provider, out in got)
