"""The exceptions: hierarchy, attributes, pickling, and which calls raise which."""

import copy
import pickle

import pytest

import mentor
from mentor import InputError, MentorError, SignatureError, TransitionError


def test_hierarchy() -> None:
    assert issubclass(MentorError, Exception)
    assert issubclass(InputError, MentorError) and issubclass(InputError, ValueError)
    assert issubclass(TransitionError, MentorError) and not issubclass(TransitionError, ValueError)
    assert issubclass(SignatureError, MentorError)


def raised_input_error() -> InputError:
    with pytest.raises(InputError) as info:
        mentor.evaluate_eligibility({"country": "XX", "status": "pirate", "rout": 1})
    return info.value


def test_input_error_carries_every_field_error() -> None:
    e = raised_input_error()
    errors = e.errors()
    assert {(x["path"], x["code"]) for x in errors} == {
        ("country", "invalid_country"),
        ("status", "invalid_enum"),
        ("rout", "unknown_field"),
    }
    assert all(set(x) == {"path", "code", "message"} and x["message"] for x in errors)
    assert str(e).startswith("invalid input: ")
    # errors() is a copy: changing it does not change the exception.
    errors[0]["code"] = "changed"
    assert e.errors()[0]["code"] != "changed"


def test_input_error_messages_follow_lang() -> None:
    with pytest.raises(InputError) as info:
        mentor.evaluate_eligibility({"country": "FR", "status": "pirate"}, lang="fr")
    (error,) = info.value.errors()
    assert error["code"] == "invalid_enum"
    assert "valeurs permises" in error["message"]


@pytest.mark.parametrize("dump", [pickle.dumps, lambda e: pickle.dumps(e, protocol=0), lambda e: pickle.dumps(e, protocol=5)])
def test_input_error_pickles(dump) -> None:  # type: ignore[no-untyped-def]
    e = raised_input_error()
    back = pickle.loads(dump(e))
    assert type(back) is InputError
    assert str(back) == str(e) and back.args == e.args
    assert back.errors() == e.errors()
    assert copy.deepcopy(e).errors() == e.errors()


def raised_transition_error() -> TransitionError:
    log = [
        {"type": "submitted", "at": "2026-11-02T08:15:00Z", "actor": "candidate", "offer_id": "o-1"},
        {"type": "onboarded", "at": "2026-11-03T08:15:00Z", "actor": "system"},
    ]
    with pytest.raises(TransitionError) as info:
        mentor.Application.replay(log)
    return info.value


def test_transition_error_attributes_and_pickling() -> None:
    e = raised_transition_error()
    assert (e.code, e.aggregate, e.state, e.event, e.index) == ("transition_not_allowed", "application", "submitted", "onboarded", 1)
    assert "submitted" in str(e) and "onboarded" in str(e)
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is TransitionError
    assert (back.code, back.aggregate, back.state, back.event, back.index, str(back)) == (e.code, e.aggregate, e.state, e.event, e.index, str(e))


def test_transition_error_from_apply_has_no_index() -> None:
    app = mentor.Application()
    with pytest.raises(TransitionError) as info:
        app.apply({"type": "selected", "at": "2026-11-02T08:15:00Z", "actor": "mentor_manager"})
    e = info.value
    assert (e.state, e.event, e.index) == (None, "selected", None)


def test_signature_error_pickles() -> None:
    e = SignatureError("the signature does not match", "bad_signature", "docusign")
    back = pickle.loads(pickle.dumps(e))
    assert type(back) is SignatureError
    assert (str(back), back.code, back.provider) == (str(e), "bad_signature", "docusign")
    assert isinstance(back, MentorError)


def test_mentor_error_catches_everything_the_library_raises() -> None:
    with pytest.raises(MentorError):
        mentor.evaluate_eligibility([])
    with pytest.raises(MentorError):
        mentor.Application().apply({"type": "selected", "at": "2026-11-02T08:15:00Z", "actor": "system"})
    with pytest.raises(MentorError):
        mentor.verify_webhook("documenso", "s3cret", {"X-Documenso-Secret": "guess"}, b"{}")
    with pytest.raises(MentorError):
        mentor.billing_statement({}, [], "2026-01")


def test_validators_report_problems_as_data() -> None:
    out = mentor.validate_application({"offer_id": "o", "oops": 1})
    assert out["valid"] is False
    assert ("oops", "unknown_field") in {(e["path"], e["code"]) for e in out["errors"]}
    report = mentor.triage([{"offer_id": 7}, "not a form", None], now="2026-11-30T09:00:00Z")
    assert [e["status"] for e in report] == ["invalid", "invalid", "invalid"]


def test_error_code_catalogue() -> None:
    catalogue = mentor.error_codes()
    codes = [c["code"] for c in catalogue]
    # Every family's codes (issue 14): a code string may recur in two families (a field's
    # `invalid_characters`, a registration number's), never twice in one.
    keys = [(c["kind"], c["code"]) for c in catalogue]
    assert len(keys) == len(set(keys))
    assert {"field", "refusal", "signature", "discrepancy", "input"} <= {c["kind"] for c in catalogue}
    for code in ["duplicate_key", "too_deep", "invalid_policy", "transition_not_allowed", "bad_signature", "amount_mismatch"]:
        assert code in codes
    for code in ["required", "invalid_type", "invalid_json", "unknown_field", "invalid_enum", "invalid_email", "invalid_country",
                 "invalid_timezone", "invalid_url", "invalid_phone", "too_long", "out_of_range", "duplicate_subject",
                 "consent_required", "unknown_offer", "invalid_registration_number"]:
        assert code in codes
    assert all(c["en"] and c["fr"] and c["en"] != c["fr"] for c in catalogue)
