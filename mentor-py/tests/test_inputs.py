"""Python values in, wire values out: datetimes, unknown keys, wrong types, odd and huge input."""

import decimal
import json
import pickle
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict

import pytest

import mentor
from mentor import InputError

NOW = "2026-11-30T09:00:00Z"


def form(**changes: Any) -> Dict[str, Any]:
    f: Dict[str, Any] = {
        "reference": "T-1",
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "GB"},
        "subjects": [{"subject": "python", "level": "expert"}],
        "consent": {"data_processing": True},
        "submitted_at": "2026-11-12T09:30:00Z",
    }
    f.update(changes)
    return f


def paths_codes(errors: Any) -> set:  # type: ignore[type-arg]
    return {(e["path"], e["code"]) for e in errors}


def input_errors(call: Any, *args: Any, **kwargs: Any) -> set:  # type: ignore[type-arg]
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return paths_codes(info.value.errors())


# --- datetimes --------------------------------------------------------------------------

def test_aware_datetimes_are_instants_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    as_text = mentor.triage([form()], now=NOW)
    as_datetime = mentor.triage([form(submitted_at=datetime(2026, 11, 12, 10, 30, tzinfo=paris))], now=datetime(2026, 11, 30, 10, 0, tzinfo=paris))
    assert as_text == as_datetime
    assert mentor.validate_application(form(submitted_at=datetime(2026, 11, 12, 9, 30, tzinfo=timezone.utc)))["valid"] is True


def test_an_odd_offset_is_converted_not_refused() -> None:
    # Paris mean time's offset, as a tz database may give for old dates; a submission is
    # after 2000 (earlier is out_of_range, issue 16).
    lmt = timezone(timedelta(minutes=9, seconds=21))
    out = mentor.validate_application(form(submitted_at=datetime(2026, 3, 10, 0, 0, tzinfo=lmt)))
    assert out["valid"] is True
    old = mentor.validate_application(form(submitted_at=datetime(1911, 3, 10, 0, 0, tzinfo=lmt)))
    assert [(e["path"], e["code"]) for e in old["errors"]] == [("submitted_at", "out_of_range")]


def test_naive_datetimes_are_refused_with_a_clear_message() -> None:
    naive = datetime(2026, 11, 12, 9, 30)
    out = mentor.validate_application(form(submitted_at=naive))
    assert out["valid"] is False
    (error,) = out["errors"]
    assert (error["path"], error["code"]) == ("submitted_at", "invalid_datetime")
    assert "naive" in error["message"] and "time zone" in error["message"]
    with pytest.raises(InputError) as info:
        mentor.triage([form()], now=naive)
    (error,) = info.value.errors()
    assert (error["path"], error["code"]) == ("now", "invalid_datetime")
    assert "naive" in error["message"]
    with pytest.raises(InputError) as info:
        mentor.Application().apply({"type": "submitted", "at": naive, "actor": "candidate", "offer_id": "o"})
    assert paths_codes(info.value.errors()) == {("at", "invalid_datetime")}


def test_now_accepts_strings_and_refuses_nonsense() -> None:
    assert mentor.triage([form()], now="2026-11-30T10:00:00+01:00") == mentor.triage([form()], now=NOW)
    for bad in ["yesterday", "2026-11-30", 1764493200, b"2026-11-30T09:00:00Z"]:
        assert input_errors(mentor.triage, [form()], now=bad) == {("now", "invalid_datetime")}


def test_dates_and_decimals_take_their_wire_form() -> None:
    contract = mentor.Contract()
    contract.apply({
        "type": "drafted", "at": datetime(2026, 11, 20, 9, tzinfo=timezone.utc), "actor": "system", "contract_id": "c-1",
        "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": decimal.Decimal("35.00")},
                  "start_date": date(2026, 12, 1), "notice_period_days": 30},
        "contracting_party": {"party": "mentor_business", "country": "FR"},
    })
    data = contract.to_dict()
    assert data["terms"]["rates"] == {"mentoring": "35.00"}
    assert data["terms"]["start_date"] == "2026-12-01"


# --- unknown keys and wrong types ---------------------------------------------------------

def test_unknown_keys_are_errors() -> None:
    assert ("applicant.nickname", "unknown_field") in paths_codes(
        mentor.validate_application(form(applicant={**form()["applicant"], "nickname": "A"}))["errors"])
    assert input_errors(mentor.evaluate_eligibility, {"country": "FR", "status": "student", "rout": "x"}) == {("rout", "unknown_field")}


@pytest.mark.parametrize("bad", [[], ["FR"], None, b'{"country": "FR"}', "FR", 3, 2.5, True])
def test_a_situation_of_the_wrong_type_is_an_input_error(bad: Any) -> None:
    assert input_errors(mentor.evaluate_eligibility, bad) == {("", "invalid_type")}


@pytest.mark.parametrize("bad", [[], None, b"{}", "form", 7])
def test_a_form_of_the_wrong_type_is_reported(bad: Any) -> None:
    out = mentor.validate_application(bad)
    assert out["valid"] is False and paths_codes(out["errors"]) == {("", "invalid_type")}


@pytest.mark.parametrize(
    "value, code",
    [
        (b"732829320", "invalid_type"),
        ({"732829320"}, "invalid_type"),
        (object(), "invalid_type"),
        (float("nan"), "invalid_type"),
        (float("inf"), "invalid_type"),
        ("\ud800", "invalid_characters"),
    ],
)
def test_values_with_no_json_form_are_errors_at_their_path(value: Any, code: str) -> None:
    situation = {"country": "FR", "status": "freelancer", "business": {"registration_number": value}}
    assert input_errors(mentor.evaluate_eligibility, situation) == {("business.registration_number", code)}
    out = mentor.validate_application(form(working_situation=situation))
    assert paths_codes(out["errors"]) == {("working_situation.business.registration_number", code)}
    # In a batch, the form is invalid (it cannot be read as JSON) and the others go on.
    report = mentor.triage([form(working_situation=situation), form(reference="T-2")], now=NOW)
    assert [(e["reference"], e["status"]) for e in report] == [("T-2", "ranked"), (None, "invalid")]
    (error,) = report[1]["errors"]
    assert error["code"] == "invalid_json" and "working_situation.business.registration_number" in error["message"]


def test_wrong_types_inside_are_the_cores_errors() -> None:
    situation = {"country": "FR", "status": "employee", "employment": ["full_time"], "route": None}
    assert input_errors(mentor.evaluate_eligibility, situation) == {("employment", "invalid_type")}
    situation = {"country": "FR", "status": ["student"]}
    assert ("status", "invalid_type") in input_errors(mentor.evaluate_eligibility, situation)
    out = mentor.validate_application(form(subjects={"subject": "python"}))
    assert ("subjects", "invalid_type") in paths_codes(out["errors"])


def test_non_string_keys_are_refused() -> None:
    assert input_errors(mentor.evaluate_eligibility, {"country": "FR", "status": "student", 1: "x"}) == {("", "invalid_type")}


def test_big_integers() -> None:
    out = mentor.validate_application(form(availability_hours_per_week=10**30))
    assert ("availability_hours_per_week", "out_of_range") in paths_codes(out["errors"])
    out = mentor.validate_application(form(availability_hours_per_week=2**64 + 1))
    assert ("availability_hours_per_week", "out_of_range") in paths_codes(out["errors"])
    assert ("availability_hours_per_week", "invalid_type") in paths_codes(
        mentor.validate_application(form(availability_hours_per_week=10**400))["errors"])


def test_tuples_and_subclasses() -> None:
    from collections import OrderedDict

    situation = OrderedDict([("country", "FR"), ("status", "student")])
    assert mentor.evaluate_eligibility(situation)["outcome"] == "action_required"
    out = mentor.validate_application(form(subjects=({"subject": "python", "level": "expert"},)))
    assert out["valid"] is True


def test_deep_nesting_is_refused_not_a_crash() -> None:
    deep: Any = "x"
    for _ in range(100_000):
        deep = [deep]
    errors = input_errors(mentor.evaluate_eligibility, {"country": "FR", "status": "student", "business": {"legal_form": deep}})
    # Issue 14: nesting past the limit is `too_deep`, the code the core gives in JSON text.
    assert {code for _, code in errors} == {"too_deep"}
    loop: Dict[str, Any] = {"country": "FR", "status": "student"}
    loop["business"] = loop
    assert {code for _, code in input_errors(mentor.evaluate_eligibility, loop)} == {"too_deep"}


# --- very large input ------------------------------------------------------------------

def test_a_10_mb_string_is_too_long_not_a_crash() -> None:
    huge = "x" * (10 * 1024 * 1024)
    out = mentor.validate_application(form(motivation=huge))
    assert paths_codes(out["errors"]) == {("motivation", "too_long")}
    out = mentor.validate_application(form(applicant={**form()["applicant"], "first_name": huge}))
    assert paths_codes(out["errors"]) == {("applicant.first_name", "too_long")}
    situation = {"country": "FR", "status": "freelancer", "business": {"registration_number": huge}}
    assert input_errors(mentor.evaluate_eligibility, situation) == {("business.registration_number", "too_long")}
    report = mentor.triage([form(motivation=huge), form(reference="T-2")], now=NOW)
    assert [e["status"] for e in report] == ["ranked", "invalid"]
    out = mentor.validate_registration_number("FR", huge)
    assert out["valid"] is False


def test_a_big_batch_from_bytes() -> None:
    lines = [json.dumps(form(reference=f"T-{i}", applicant={**form()["applicant"], "email": f"a{i}@example.org"})) for i in range(5000)]
    data = ("\n".join(lines) + "\nnot json\n").encode()
    report = mentor.triage_json_bytes(data, now=NOW)
    assert len(report) == 5001
    assert report[-1]["status"] == "invalid" and report[-1]["line"] == 5001
    assert [e["rank"] for e in report[:3]] == [1, 2, 3]


def test_triage_json_bytes_takes_arrays_and_survives_bad_bytes() -> None:
    as_array = json.dumps([form(), form(reference="T-2")]).encode()
    report = mentor.triage_json_bytes(as_array, now=NOW)
    assert [e["line"] for e in report] == [1, 2]
    broken = b'{"offer_id": "\xff"}\n' + json.dumps(form()).encode()
    report = mentor.triage_json_bytes(broken, now=NOW)
    assert [(e["line"], e["status"]) for e in report] == [(2, "ranked"), (1, "invalid")]
    with pytest.raises(TypeError):
        mentor.triage_json_bytes("not bytes", now=NOW)  # type: ignore[arg-type]


def test_triage_takes_any_iterable_and_one_form() -> None:
    one = mentor.triage(form(), now=NOW)
    assert len(one) == 1 and one[0]["status"] == "ranked"
    assert mentor.triage((f for f in [form()]), now=NOW) == one
    assert mentor.triage([], now=NOW) == []


# --- lang, policy ------------------------------------------------------------------------

def test_lang() -> None:
    assert mentor.evaluate_eligibility({"country": "FR", "status": "student"}, lang="FR")["reasons"][0]["message"] != \
        mentor.evaluate_eligibility({"country": "FR", "status": "student"}, lang="en")["reasons"][0]["message"]
    assert input_errors(mentor.evaluate_eligibility, {"country": "FR", "status": "student"}, lang="de") == {("lang", "invalid_enum")}
    assert input_errors(mentor.validate_application, form(), lang=None) == {("lang", "invalid_enum")}


def test_policy_loading(tmp_path: Path) -> None:
    toml = 'offers = ["mentor-web-2026"]\n[demand]\npython = "urgent"\n'
    from_toml = mentor.Policy.from_toml(toml)
    (tmp_path / "p.toml").write_text(toml)
    (tmp_path / "p.json").write_text(json.dumps(from_toml.to_dict()))
    assert mentor.Policy.from_file(tmp_path / "p.toml").to_dict() == from_toml.to_dict()
    assert mentor.Policy.from_file(str(tmp_path / "p.json")).to_dict() == from_toml.to_dict()
    assert mentor.Policy.from_json(json.dumps({"offers": ["mentor-web-2026"], "demand": {"python": "urgent"}})).to_dict() == from_toml.to_dict()
    assert mentor.Policy().to_dict() == mentor.Policy.from_toml("").to_dict()
    assert mentor.validate_application(form(offer_id="other"), policy=from_toml)["errors"][0]["code"] == "unknown_offer"
    # As open() raises it: the subclass, with errno, strerror and filename set (issue 16).
    missing = tmp_path / "missing.toml"
    with pytest.raises(FileNotFoundError) as raised:
        mentor.Policy.from_file(missing)
    with pytest.raises(FileNotFoundError) as by_open:
        open(missing)
    assert (raised.value.errno, raised.value.strerror, raised.value.filename) == (by_open.value.errno, by_open.value.strerror, str(missing))
    with pytest.raises(IsADirectoryError) as raised_dir:
        mentor.Policy.from_file(tmp_path)
    assert raised_dir.value.filename is not None


@pytest.mark.parametrize("call, path, code", [
    (lambda: mentor.Policy.from_toml("ofers = []"), "ofers", "unknown_field"),
    (lambda: mentor.Policy.from_toml("[review_weights]\ndemand = -1.0"), "review_weights.demand", "out_of_range"),
    (lambda: mentor.Policy.from_json("{"), "", "invalid_json"),
    (lambda: mentor.Policy.from_dict({"excluded_countries": ["XX"]}), "excluded_countries[0]", "invalid_country"),
])
def test_bad_policies_are_input_errors(call: Any, path: str, code: str) -> None:
    with pytest.raises(InputError) as info:
        call()
    (error,) = info.value.errors()
    assert (error["path"], error["code"]) == (path, code) and error["message"]
    # The class and code JavaScript throws for the same failure (issue 14).
    assert isinstance(info.value, mentor.PolicyError) and info.value.code == "invalid_policy"
    assert type(pickle.loads(pickle.dumps(info.value))) is mentor.PolicyError


def test_every_problem_of_a_policy_file_at_once_with_lines(tmp_path: Path) -> None:
    """Issue 16: every problem, in file order, with line and column, in plain words."""
    (tmp_path / "p.toml").write_text('ofers = []\n[contact_deadline_days]\nurgent = 70000\n[billing]\ntime_zone = "Mars"\n')
    with pytest.raises(mentor.PolicyError) as info:
        mentor.Policy.from_file(tmp_path / "p.toml")
    found = [(e["path"], e["code"], e["line"], e["column"]) for e in info.value.errors()]
    assert found == [
        ("ofers", "unknown_field", 1, 1),
        ("contact_deadline_days.urgent", "out_of_range", 3, 10),
        ("billing.time_zone", "invalid_timezone", 5, 13),
    ]
    assert "a whole number from 0 to 65535" in info.value.errors()[1]["message"]
    assert "u16" not in str(info.value)


def test_policy_pickles_and_is_reused() -> None:
    policy = mentor.Policy.from_toml('excluded_countries = ["CA"]\n[demand]\npython = "urgent"\n')
    back = pickle.loads(pickle.dumps(policy))
    assert isinstance(back, mentor.Policy) and back.to_dict() == policy.to_dict()
    assert "excluded_countries" in repr(policy)
    for _ in range(3):
        assert mentor.evaluate_eligibility({"country": "CA", "status": "student"}, policy=back)["outcome"] == "ineligible"
    with pytest.raises(TypeError):
        mentor.evaluate_eligibility({"country": "CA", "status": "student"}, policy={"excluded_countries": ["CA"]})  # type: ignore[arg-type]


# --- the in-place reading of situation dicts -----------------------------------------------

# Values that exercise both readings: clean words (read in place, a lower-case country code
# too), and padded or cased words (the full reader normalises them), blanks, wrong types (1 is
# not true, True is not a text), None, nesting. Each key draws a clean value three times in
# four.
CLEAN: Dict[str, list] = {  # type: ignore[type-arg]
    "country": ["FR", "GB", "JP", "RU", "US", "DE"],
    "status": ["employee", "freelancer", "student", "retired", "company_owner"],
    "route": ["via_employer", "via_own_company"],
    "full_time": [True, False],
    "employer_name": ["Acme", "École du Nord"],
    "employer_sector": ["tutoring", "it_services", "other"],
    "employer_agreement": ["agreed", "refused", "not_asked"],
    "employer_informed": [True, False],
    "legal_form": ["micro_entrepreneur"],
    "registration_number": ["732 829 320 00074", "73282932000074", "732 829 320 00075", "GB980780684", "12-3456789"],
}
ODD: Dict[str, list] = {  # type: ignore[type-arg]
    "country": [" FR", "fr", "", "XX", 33, None, True],
    "status": ["Student", " employee", "pirate", None, 1],
    "route": ["via_employer ", "nope", None, False],
    "full_time": [1, 0, "true", None],
    "employer_name": ["  ", "", "x" * 201, "Ac\u0000me", None, 5],
    "employer_sector": ["IT_SERVICES", "bakery", None],
    "employer_agreement": ["Agreed", None, True],
    "employer_informed": [1, "yes", None],
    "legal_form": [" sarl ", None, 3.5],
    "registration_number": [" 732829320", "", None, 732829320],
}


def random_situation(rng: Any) -> Dict[str, Any]:
    def pick(key: str) -> Any:
        return rng.choice(CLEAN[key] if rng.random() < 0.75 else ODD[key])

    s: Dict[str, Any] = {}
    for key in ("country", "status", "route"):
        if rng.random() < (0.95 if key != "route" else 0.6):
            s[key] = pick(key)
    if rng.random() < 0.5:
        s["employment"] = {k: pick(k) for k in CLEAN if k.startswith(("full_time", "employer")) and rng.random() < 0.6}
    if rng.random() < 0.6:
        s["business"] = {k: pick(k) for k in ("legal_form", "registration_number") if rng.random() < 0.8}
    roll = rng.random()
    if roll < 0.04:
        s["extra"] = 1
    elif roll < 0.07 and isinstance(s.get("employment"), dict):
        s["employment"]["extra"] = True
    elif roll < 0.09:
        s["employment"] = rng.choice([None, [], "full time", 1])
    elif roll < 0.11:
        s["business"] = rng.choice([None, ["732829320"], "mine"])
    return s


def test_situation_dicts_get_the_native_commands_answer() -> None:
    """evaluate_eligibility reads a clean dict in place and hands anything else to the full
    reader; the native command reads the same situation as JSON text. Decisions and errors must
    be the same, whichever reading the dict took."""
    import random
    import subprocess

    from conftest import mentor_cli

    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    rng = random.Random(20261130)
    decided = refused = clean_only = 0
    for _ in range(300):
        situation = random_situation(rng)
        text = json.dumps(situation)
        clean_only += all_clean(situation)
        native = subprocess.run([str(cli), "eligibility", "-", "--json", "--lang", "fr"], input=text, capture_output=True, text=True, check=False)
        assert native.returncode in (0, 1), native.stderr
        if native.returncode == 0:
            decided += 1
            assert mentor.evaluate_eligibility(situation, lang="fr") == json.loads(native.stdout), text
        else:
            refused += 1
            expected = paths_codes(json.loads(native.stdout)["errors"])
            assert input_errors(mentor.evaluate_eligibility, situation, lang="fr") == expected, text
    # Both answers, and dicts the in-place reading takes whole, must have been drawn, or the
    # test proves little.
    assert decided > 50 and refused > 50 and clean_only > 30, (decided, refused, clean_only)


def all_clean(situation: Dict[str, Any]) -> bool:
    """Whether every key is known and every value clean: the dicts read in place."""
    known = {"country", "status", "route", "employment", "business"}
    if not set(situation) <= known:
        return False
    for key, value in situation.items():
        if key in ("employment", "business"):
            if not isinstance(value, dict) or not all(is_clean(k, v) for k, v in value.items()):
                return False
        elif not is_clean(key, value):
            return False
    return True


def is_clean(key: str, value: Any) -> bool:
    # By type as well: 1 == True in Python, but 1 is not JSON's true.
    return key in CLEAN and any(type(value) is type(c) and value == c for c in CLEAN[key])


def test_a_repeated_key_in_json_text_is_refused_at_its_path() -> None:
    """Issue 14: a key given twice is `duplicate_key`, never "the last one wins"."""
    twice = json.dumps(form(reference="T-1")).replace('"country": "GB"', '"country": "GB", "country": "DE"', 1)
    assert '"country": "DE"' in twice
    data = (twice + "\n" + json.dumps(form(reference="T-2", applicant={**form()["applicant"], "email": "b@example.org"}))).encode()
    report = mentor.triage_json_bytes(data, now=NOW)
    by_line = {e["line"]: e for e in report}
    assert by_line[1]["status"] == "invalid"
    assert paths_codes(by_line[1]["errors"]) == {("applicant.country", "duplicate_key")}
    assert by_line[2]["status"] == "ranked"
    with pytest.raises(InputError) as info:
        mentor.Policy.from_json('{"demand": {"python": "urgent", "python": "closed"}}')
    assert "demand.python" in str(info.value)


def test_nesting_past_the_limit_is_too_deep() -> None:
    deep = "[" * 200 + "]" * 200
    (entry,) = mentor.triage_json_bytes(('{"reference": "T-1", "links": ' + deep + "}").encode(), now=NOW)
    assert [(e["path"].startswith("links[0]"), e["code"]) for e in entry["errors"]] == [(True, "too_deep")]
