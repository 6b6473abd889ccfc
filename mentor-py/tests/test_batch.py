"""Batch calls that cross the boundary once (issue 15): ``triage_file``, which streams a file
through the core's record reader, against ``triage_json_bytes`` on the same bytes; and
``evaluate_eligibility_many`` against ``evaluate_eligibility`` called once per situation."""

import doctest
import json
import os
from pathlib import Path
from typing import Any, Dict, List

import pytest

import mentor
from mentor import InputError
from conftest import EXAMPLES, NOW, VECTORS

STUBS = Path(mentor.__file__).with_name("__init__.pyi")


def form(i: int, email: str, offer: str = "mentor-web-2026") -> Dict[str, Any]:
    return {
        "reference": f"T-{i}",
        "offer_id": offer,
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": email, "country": "GB"},
        "subjects": [{"subject": "python", "level": "expert"}],
        "consent": {"data_processing": True},
        "submitted_at": "2026-11-12T09:30:00Z",
    }


# --- triage_file ------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "fr"])
def test_triage_file_is_triage_json_bytes_on_the_example(lang: str) -> None:
    path = EXAMPLES / "applications.jsonl"
    policy = mentor.Policy.from_file(EXAMPLES / "policy.toml")
    want = mentor.triage_json_bytes(path.read_bytes(), policy=policy, now=NOW, lang=lang)
    assert len(want) == 10
    assert mentor.triage_file(path, policy=policy, now=NOW, lang=lang) == want
    assert mentor.triage_file(str(path), policy=policy, now=NOW, lang=lang) == want


def big_file(tmp_path: Path) -> Path:
    """More than 200 KB, so several 64 KiB chunks: CRLF line endings, a blank line, the same
    applicant applying twice to the same offer 1,500 lines apart (and once to another offer),
    a broken line, and no line ending after the last line (read only when the file ends)."""
    lines: List[str] = []
    for i in range(2000):
        email = "same@example.org" if i in (10, 1510, 1700) else f"a{i}@example.org"
        offer = "mentor-data-2026" if i == 1700 else "mentor-web-2026"
        lines.append(json.dumps(form(i, email, offer)))
        if i == 500:
            lines.append('{"reference": "broken", "offer_id": ')
        if i == 900:
            lines.append("")
    data = "\r\n".join(lines).encode()
    assert len(data) > 200_000
    path = tmp_path / "forms.jsonl"
    path.write_bytes(data)
    return path


def test_triage_file_streams_a_big_file_to_the_same_report(tmp_path: Path) -> None:
    path = big_file(tmp_path)
    want = mentor.triage_json_bytes(path.read_bytes(), now=NOW)
    got = mentor.triage_file(path, now=NOW)
    assert got == want
    # Checked by hand, not only against the other reading: 2000 forms, a broken line, a blank one.
    assert len(got) == 2001
    by_line = {e["line"]: e for e in got}
    broken = by_line[502]
    assert broken["status"] == "invalid" and [e["code"] for e in broken["errors"]] == ["invalid_json"]
    # Form 1510 is on line 1513 (after the broken line and the blank one); it repeats form 10.
    repeat = by_line[1513]
    assert repeat["status"] == "invalid"
    assert [e["code"] for e in repeat["errors"]] == ["duplicate_application"]
    assert "line 11" in repeat["errors"][0]["message"]
    assert by_line[11]["status"] == "ranked"
    assert by_line[1703]["status"] == "ranked"  # the same person, another offer
    assert sum(e["status"] == "invalid" for e in got) == 2
    assert [e["rank"] for e in got[:3]] == [1, 2, 3]


def test_triage_file_reads_a_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "forms.json"
    path.write_text(json.dumps([form(1, "a@example.org"), form(2, "b@example.org")], indent=2), encoding="utf-8")
    got = mentor.triage_file(path, now=NOW)
    assert got == mentor.triage_json_bytes(path.read_bytes(), now=NOW)
    assert sorted(e["line"] for e in got) == [1, 2]


def test_triage_file_raises_oserror_naming_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.jsonl"
    with pytest.raises(FileNotFoundError) as info:
        mentor.triage_file(missing, now=NOW)
    assert info.value.filename == str(missing)
    with pytest.raises(IsADirectoryError if os.name != "nt" else PermissionError):
        mentor.triage_file(tmp_path, now=NOW)


def test_triage_file_refuses_a_file_that_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "utf16.jsonl"
    path.write_bytes(json.dumps(form(1, "a@example.org")).encode("utf-16-le"))
    for lang in ["en", "fr"]:
        with pytest.raises(InputError) as info:
            mentor.triage_file(path, now=NOW, lang=lang)
        (error,) = info.value.errors()
        assert (error["path"], error["code"]) == ("", "invalid_json")
        assert ("UTF-16" in error["message"]) and ("NUL" in error["message"])
    assert str(path) in str(info.value)


def test_triage_file_checks_its_arguments_first(tmp_path: Path) -> None:
    path = EXAMPLES / "applications.jsonl"
    with pytest.raises(InputError):
        mentor.triage_file(path, now="yesterday")
    with pytest.raises(InputError):
        mentor.triage_file(path, now=NOW, lang="de")
    with pytest.raises(TypeError):
        mentor.triage_file(42, now=NOW)  # type: ignore[arg-type]
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert mentor.triage_file(empty, now=NOW) == []


# --- evaluate_eligibility_many ----------------------------------------------------------

def one(situation: Any, **kwargs: Any) -> Dict[str, Any]:
    """What the batch must answer for one situation: the single call's dict, or its errors."""
    try:
        return dict(mentor.evaluate_eligibility(situation, **kwargs))
    except InputError as e:
        return {"errors": e.errors()}


def test_many_answers_each_vector_as_the_single_call() -> None:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    plain = [v["situation"] for v in vectors if "policy" not in v]
    assert len(plain) > 20
    for lang in ["en", "fr"]:
        assert mentor.evaluate_eligibility_many(plain, lang=lang) == [one(s, lang=lang) for s in plain]
    with_policy = [v for v in vectors if "policy" in v]
    for v in with_policy:
        policy = mentor.Policy.from_dict(v["policy"])
        got = mentor.evaluate_eligibility_many(iter([v["situation"]] * 3), policy=policy)
        assert got == [one(v["situation"], policy=policy)] * 3


def test_many_reports_bad_items_in_place() -> None:
    good = {"country": "FR", "status": "student"}
    bad: List[Any] = [None, [good], {**good, "rout": "x"}, {"country": "FR"}, {**good, "business": {"x": b"bytes"}}]
    got = mentor.evaluate_eligibility_many([good, *bad, good])
    assert len(got) == 7
    assert got[0] == got[6] == mentor.evaluate_eligibility(good)
    for item, situation in zip(got[1:6], bad):
        assert set(item) == {"errors"}
        with pytest.raises(InputError) as info:
            mentor.evaluate_eligibility(situation)
        assert item["errors"] == info.value.errors()
    # By hand: the unknown key and the missing status.
    assert [(e["path"], e["code"]) for e in got[3]["errors"]] == [("rout", "unknown_field")]
    assert [(e["path"], e["code"]) for e in got[4]["errors"]] == [("status", "required")]


@pytest.mark.parametrize("situations", [{"country": "FR", "status": "student"}, "FR", b"FR", 42, None])
def test_many_refuses_what_is_not_a_batch(situations: Any) -> None:
    with pytest.raises(InputError) as info:
        mentor.evaluate_eligibility_many(situations)
    assert [(e["path"], e["code"]) for e in info.value.errors()] == [("situations", "invalid_type")]


def test_many_passes_on_an_iterator_that_fails() -> None:
    def situations() -> Any:
        yield {"country": "FR", "status": "student"}
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        mentor.evaluate_eligibility_many(situations())
    with pytest.raises(InputError):
        mentor.evaluate_eligibility_many([], lang="de")
    assert mentor.evaluate_eligibility_many([]) == []


def test_many_answers_a_big_batch_in_order() -> None:
    statuses = ["student", "freelancer", "employee", "job_seeker", "pirate"]
    situations = [{"country": ["FR", "DE", "US", "RU"][i % 4], "status": statuses[i % 5]} for i in range(10_000)]
    distinct = {json.dumps(s, sort_keys=True): one(s) for s in situations}
    got = mentor.evaluate_eligibility_many(situations)
    assert len(got) == 10_000
    assert got == [distinct[json.dumps(s, sort_keys=True)] for s in situations]
    assert sum("errors" in item for item in got) == 2000  # every "pirate"


# --- the examples of the stubs run ------------------------------------------------------

@pytest.mark.parametrize("name", ["triage_file", "evaluate_eligibility_many", "Decision", "TriageEntry"])
def test_the_stub_examples_run(name: str) -> None:
    import ast

    tree = ast.parse(STUBS.read_text(encoding="utf-8"))
    (function,) = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == name]
    doc = ast.get_docstring(function) or ""
    test = doctest.DocTestParser().get_doctest(doc, {}, name, str(STUBS), 0)
    assert test.examples, f"{name} has no example"
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.failures == 0
