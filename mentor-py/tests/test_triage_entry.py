"""``mentor.TriageEntry`` (issue 15): what ``triage``, ``triage_json_bytes`` and
``triage_file`` return, one per form, a read-only mapping of the entry's wire form whose fields
are rendered when read. Every way of reading it is checked against ``to_dict()``, and
``to_dict()`` against the native command's ``mentor triage --json`` on the same input and
against the key order written out by hand from docs/wire-format.md."""

import copy
import json
import pickle
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Dict, List

import pytest

import mentor
from conftest import EXAMPLES, NOW, assert_read_only, assert_reads_as_dict, mentor_cli

# The entry's keys in the order of docs/wire-format.md (triage entry), written out by hand.
WIRE_ORDER = [
    "reference",
    "line",
    "email",
    "status",
    "rank",
    "errors",
    "completeness",
    "eligibility",
    "priority",
    "contact_by",
    "on_hold",
]

FORMS = EXAMPLES / "applications.jsonl"
POLICY = EXAMPLES / "policy.toml"

# Personal data of a form that no repr may show.
SECRET_FORM = {
    "reference": "Ref-Zoé-Quintessa",
    "offer_id": "mentor-web-2026",
    "applicant": {"first_name": "Zoé", "last_name": "Quintessa", "email": "zoe.quintessa@example.org", "country": "FR"},
    "subjects": [{"subject": "python", "level": "proficient", "years_experience": 4}],
    "consent": {"data_processing": True},
    "working_situation": {"status": "freelancer", "business": {"registration_number": "732 829 320 00074"}},
}


# A policy and a batch with every status: ranked, on hold (POL-1, a closed subject),
# ineligible (POL-1, an excluded country), invalid (a missing applicant, a line not JSON).
POLICY_TOML = 'excluded_countries = ["RU"]\n[demand]\nux_design = "closed"\npython = "high"\n'
def variant(reference: str, email: str, **changes: Any) -> Dict[str, Any]:
    """``SECRET_FORM`` under another reference and e-mail (one e-mail is one application)."""
    applicant = {**SECRET_FORM["applicant"], "email": email, **changes.pop("applicant", {})}
    return {**SECRET_FORM, "reference": reference, "applicant": applicant, **changes}


BATCH_FORMS = [
    SECRET_FORM,
    variant("T-2", "t2@example.org", subjects=[{"subject": "ux_design", "level": "expert"}]),
    variant("T-3", "t3@example.org", applicant={"country": "RU"}, working_situation={"status": "student"}),
    {"reference": "T-4", "offer_id": "mentor-web-2026"},
    variant("T-5", "t5@example.org", subjects=[{"subject": "devops", "level": "comfortable", "years_experience": 1}]),
]
BATCH = ("\n".join(json.dumps(f) for f in BATCH_FORMS) + "\n{broken\n").encode()


def report(lang: str = "en") -> List[mentor.TriageEntry]:
    """``BATCH`` triaged: every status, six entries."""
    return mentor.triage_json_bytes(BATCH, policy=mentor.Policy.from_toml(POLICY_TOML), now=NOW, lang=lang)


def plain(value: Any, path: str = "") -> None:
    """``value`` is made of plain JSON types only, all the way down."""
    if isinstance(value, dict):
        assert type(value) is dict, path
        for key, item in value.items():
            assert type(key) is str, path
            plain(item, f"{path}.{key}")
    elif isinstance(value, list):
        assert type(value) is list, path
        for i, item in enumerate(value):
            plain(item, f"{path}[{i}]")
    else:
        assert value is None or type(value) in (str, int, float, bool), (path, type(value))


def test_every_triage_call_returns_entries(tmp_path: Path) -> None:
    path = tmp_path / "forms.jsonl"
    path.write_bytes(BATCH)
    policy = mentor.Policy.from_toml(POLICY_TOML)
    for got in [
        mentor.triage(BATCH_FORMS, policy=policy, now=NOW),
        mentor.triage_json_bytes(BATCH, policy=policy, now=NOW),
        mentor.triage_file(path, policy=policy, now=NOW),
        mentor.triage_file(FORMS, policy=mentor.Policy.from_file(POLICY), now=NOW),
    ]:
        assert type(got) is list and len(got) >= len(BATCH_FORMS)
        assert all(type(e) is mentor.TriageEntry for e in got)
        assert all(isinstance(e, Mapping) and not isinstance(e, dict) for e in got)
    assert type(mentor.triage(SECRET_FORM, now=NOW)[0]) is mentor.TriageEntry


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_mapping_method_reads_as_to_dict(lang: str) -> None:
    entries = report(lang)
    # By hand: the reasons BATCH_FORMS give for each form.
    assert [(e.reference, e.status) for e in entries] == [
        ("Ref-Zoé-Quintessa", "ranked"), ("T-5", "ranked"), ("T-2", "on_hold"), ("T-3", "ineligible"), ("T-4", "invalid"), (None, "invalid")]
    for e in entries:
        want = e.to_dict()
        assert_reads_as_dict(e, want, WIRE_ORDER)
        # The decision is a Decision when read, a dict in to_dict().
        if e.status == "invalid":
            assert e.eligibility is None and e["eligibility"] is None and want["eligibility"] is None
        else:
            assert type(e.eligibility) is mentor.Decision and type(e["eligibility"]) is mentor.Decision
            assert e.eligibility == want["eligibility"] and e.eligibility.to_dict() == want["eligibility"]
            assert type(want["eligibility"]) is dict


def test_each_read_makes_new_objects_and_the_entry_stays_as_it_was() -> None:
    (e,) = mentor.triage({"offer_id": "mentor-web-2026"}, now=NOW)
    assert_read_only(e, "status", "errors")


def test_to_dict_is_plain_and_is_the_native_commands_line(tmp_path: Path) -> None:
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    forms, policy = tmp_path / "forms.jsonl", tmp_path / "policy.toml"
    forms.write_bytes(BATCH)
    policy.write_text(POLICY_TOML, encoding="utf-8")
    for lang in ["en", "fr"]:
        out = subprocess.run(
            [str(cli), "triage", str(forms), "--policy", str(policy), "--now", NOW, "--lang", lang, "--json"],
            capture_output=True,
            check=False,
        )
        assert out.returncode in (0, 1), out.stderr
        native = [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]
        entries = report(lang)
        assert len(entries) == len(native) == 6
        for e, line in zip(entries, native):
            d = e.to_dict()
            plain(d)
            assert d == line
            # The same keys in the same order at every level.
            assert json.dumps(d) == json.dumps(line)
            assert e == line and line == e


def test_a_form_of_the_readme_by_hand() -> None:
    """Expected values from docs/triage.md's rules, not from the code: an invalid form's
    errors name the missing fields; a valid form alone in its batch is ranked first."""
    invalid, = mentor.triage([{"offer_id": "mentor-web-2026"}], now=NOW)
    assert (invalid.line, invalid.status, invalid.rank, invalid.eligibility, invalid.priority) == (1, "invalid", None, None, None)
    assert {(e["path"], e["code"]) for e in invalid.errors} >= {("applicant", "required"), ("subjects", "required")}
    ranked, = mentor.triage([SECRET_FORM], now=NOW)
    assert (ranked.reference, ranked.line, ranked.email, ranked.status, ranked.rank) == (
        "Ref-Zoé-Quintessa", 1, "zoe.quintessa@example.org", "ranked", 1)
    assert ranked.eligibility is not None and ranked.eligibility.outcome == "eligible"
    assert ranked.eligibility["contracting_party"] == "mentor_business"


def test_equality_with_dicts_and_entries() -> None:
    en, fr = report("en"), report("fr")
    assert en == report("en") and en == [e.to_dict() for e in en]
    for e, f in zip(en, fr):
        want = e.to_dict()
        assert e == want and want == e and not (e != want) and not (want != e)
        assert e != {**want, "status": "invalid" if e.status != "invalid" else "ranked"}
        assert e != {k: v for k, v in want.items() if k != "on_hold"}
        assert e != {**want, "extra": None}
        for other in [None, 3, "ranked", [want], list(want.items())]:
            assert e != other and not (e == other)
        # In French the messages differ, wherever the entry has one.
        has_message = bool(e.errors) or e.on_hold is not None or e.eligibility is not None
        assert (e != f) == has_message
    deep = copy.deepcopy(en[0].to_dict())
    deep["eligibility"]["reasons"][0]["message"] += "."
    assert en[0] != deep and deep != en[0]
    with pytest.raises(TypeError):
        en[0] < en[1]  # type: ignore[operator]
    with pytest.raises(TypeError):
        hash(en[0])
    assert mentor.TriageEntry.__hash__ is None


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_entry_pickles_and_copies(lang: str) -> None:
    for e in report(lang):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(e, protocol=protocol))
            assert type(back) is mentor.TriageEntry
            assert back == e and e == back and back == e.to_dict()
            assert list(back.to_dict()) == WIRE_ORDER and json.dumps(back.to_dict()) == json.dumps(e.to_dict())
            assert [getattr(back, k) for k in WIRE_ORDER] == [e[k] for k in WIRE_ORDER]
            assert type(back.eligibility) is type(e.eligibility)
            assert list(back.items()) == list(e.items()) and len(back) == 11
            assert repr(back) == repr(e)
            plain(back.to_dict())
            assert pickle.loads(pickle.dumps(back, protocol=protocol)) == e
        assert copy.copy(e) == e and copy.deepcopy(e) == e


def test_an_unpickled_entry_refuses_what_is_not_an_entry() -> None:
    want = report()[0].to_dict()
    bad: List[str] = ["null", "[]", '"x"', "{", json.dumps({**want, "extra": 1}), json.dumps({k: v for k, v in want.items() if k != "rank"})]
    for text in bad:
        with pytest.raises(mentor.InputError) as info:
            mentor.TriageEntry._from_json(text)  # type: ignore[attr-defined]
        assert [(e["path"], e["code"]) for e in info.value.errors()] == [("", "invalid_type")]
    # The keys in another order are the same entry, read back in wire order.
    back = mentor.TriageEntry._from_json(json.dumps(dict(reversed(list(want.items())))))  # type: ignore[attr-defined]
    assert back == want and list(back) == WIRE_ORDER and list(back.to_dict()) == WIRE_ORDER
    # A decision that is not one is refused when read.
    broken = mentor.TriageEntry._from_json(json.dumps({**want, "eligibility": {"outcome": "eligible"}}))  # type: ignore[attr-defined]
    with pytest.raises(mentor.InputError):
        broken.eligibility


def test_the_repr_shows_no_personal_data() -> None:
    forms = [SECRET_FORM, {**SECRET_FORM, "consent": {"data_processing": False}}, {**SECRET_FORM, "subjects": [{"subject": "ux_design", "level": "expert"}]}]
    policy = mentor.Policy.from_file(POLICY)
    for lang in ["en", "fr"]:
        entries = mentor.triage(forms, policy=policy, now=NOW, lang=lang) + report(lang)
        for e in entries:
            text = repr(e)
            assert str(e) == text
            secrets = [e.email, e.reference, "Zoé", "Quintessa", "732", "@"]
            for secret in [s for s in secrets if s]:
                assert secret not in text, (secret, text)
            for message in [err["message"] for err in e.errors] + ([e.on_hold["message"]] if e.on_hold else []):
                assert message not in text
    # By hand: the form alone is ranked first; a form without applicant is invalid, second.
    ranked, invalid = mentor.triage([SECRET_FORM, {"offer_id": "mentor-web-2026"}], now=NOW)
    assert repr(ranked) == "<mentor.TriageEntry line=1 status='ranked' rank=1>"
    assert repr(invalid) == "<mentor.TriageEntry line=2 status='invalid' rank=None>"
    # An entry rebuilt from JSON text shows only what looks like a code.
    forged = {**ranked.to_dict(), "status": "Zoé Quintessa <zoe@example.org>", "line": "zoe@example.org"}
    text = repr(mentor.TriageEntry._from_json(json.dumps(forged)))  # type: ignore[attr-defined]
    assert "zoe" not in text.lower() and "status='?'" in text and "line='?'" in text


def test_entries_serialize_with_to_dict() -> None:
    """The breaking change of 0.3: an entry is not JSON-serializable itself, its dict is."""
    entries = report()
    with pytest.raises(TypeError):
        json.dumps(entries)
    lines = [json.dumps(e.to_dict()) for e in entries]
    assert [json.loads(line) for line in lines] == entries
