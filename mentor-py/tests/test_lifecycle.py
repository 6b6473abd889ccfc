"""The lifecycles: replay of the documented logs, apply, allowed events, diagrams, pickling."""

import json
import pickle
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, List

import pytest

import mentor
from conftest import EXAMPLES, mentor_cli
from mentor import InputError, TransitionError


def read_log(path: Path) -> List[Dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_replay_of_the_documented_log() -> None:
    log = read_log(EXAMPLES / "application-events.jsonl")
    app = mentor.Application.replay(log)
    assert app.state == "contract_sent"
    assert app.data == app.to_dict()
    assert app.to_dict()["state"] == "contract_sent"
    assert app.to_dict()["contract_id"] == "c-2026-0042"
    assert len(app.events) == len(log)
    assert "contract_signed" in app.allowed_events()
    # Replaying the log equals applying its events one by one (docs/lifecycles.md).
    one_by_one = mentor.Application()
    for event in log:
        one_by_one.apply(event)
    assert one_by_one.to_dict() == app.to_dict() and one_by_one.events == app.events
    # Events come back in their wire form, with the schema version.
    assert all(e["version"] == 1 for e in app.events)
    assert mentor.Application.replay(app.events).to_dict() == app.to_dict()


def test_the_refused_log_raises_with_the_index() -> None:
    with pytest.raises(TransitionError) as info:
        mentor.Application.replay(read_log(EXAMPLES / "application-events-refused.jsonl"))
    e = info.value
    assert (e.index, e.code, e.state, e.event, e.aggregate) == (2, "transition_not_allowed", "in_review", "selected", "application")


def test_a_refused_event_changes_nothing() -> None:
    app = mentor.Application()
    app.apply({"type": "submitted", "at": "2026-11-02T08:15:00Z", "actor": "candidate", "offer_id": "o-1"})
    before = (app.state, app.to_dict(), app.events)
    with pytest.raises(TransitionError) as info:
        app.apply({"type": "review_started", "at": "2026-11-01T08:15:00Z", "actor": "mentor_manager"})
    assert info.value.code == "event_before_previous"
    with pytest.raises(InputError):
        app.apply({"type": "review_started", "at": "2026-11-03T08:15:00Z", "actor": "nobody"})
    assert (app.state, app.to_dict(), app.events) == before


def test_events_that_do_not_parse() -> None:
    app = mentor.Application()
    with pytest.raises(InputError) as info:
        app.apply({"type": "teleported", "at": "2026-11-02T08:15:00Z", "actor": "candidate"})
    assert {(e["path"], e["code"]) for e in info.value.errors()} == {("type", "invalid_enum")}
    for bad in [None, [], b"{}", "submitted"]:
        with pytest.raises(InputError):
            app.apply(bad)  # type: ignore[arg-type]
    log = [
        {"type": "submitted", "at": "2026-11-02T08:15:00Z", "actor": "candidate", "offer_id": "o-1"},
        {"type": "review_started", "actor": "mentor_manager"},
        {"type": "selected", "at": "not a time", "actor": "mentor_manager", "extra": 1},
    ]
    with pytest.raises(InputError) as info:
        mentor.Application.replay(log)
    assert {(e["path"], e["code"]) for e in info.value.errors()} == {
        ("[1].at", "required"),
        ("[2].at", "invalid_datetime"),
        ("[2].extra", "unknown_field"),
    }
    assert app.state is None and app.events == []


def test_an_empty_lifecycle() -> None:
    app = mentor.Application()
    assert app.state is None and app.events == [] and app.allowed_events() == ["submitted"]
    assert mentor.Application.replay([]).to_dict() == app.to_dict()
    assert repr(app) == "<mentor.Application state=None events=0>"
    assert mentor.Contract().allowed_events() == ["drafted"]


def test_mermaid_diagrams() -> None:
    for cls in (mentor.Application, mentor.Contract):
        diagram = cls.to_mermaid()
        assert diagram.startswith("stateDiagram-v2\n")
        assert cls().to_mermaid() == diagram
    assert "    in_review --> interview_scheduled: interview_scheduled\n" in mentor.Application.to_mermaid()
    assert "    sent --> partially_signed: signed (others still to sign)\n" in mentor.Contract.to_mermaid()


def contract_log() -> List[Dict[str, Any]]:
    at = "2026-11-20T09:00:00Z"
    return [
        {"type": "drafted", "at": at, "actor": "system", "contract_id": "c-1",
         "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30},
         "contracting_party": {"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074"}},
        {"type": "sent", "at": at, "actor": "system"},
        {"type": "signed", "at": at, "actor": "system", "signer": "company"},
        {"type": "signed", "at": at, "actor": "system", "signer": "contracting_party"},
        {"type": "activated", "at": at, "actor": "system"},
    ]


def test_a_contract_signed_one_signer_at_a_time() -> None:
    log = contract_log()
    contract = mentor.Contract.replay(log[:3])
    assert contract.state == "partially_signed"
    with pytest.raises(TransitionError) as info:
        contract.apply({"type": "signed", "at": "2026-11-21T09:00:00Z", "actor": "system", "signer": "company"})
    assert (info.value.code, info.value.aggregate) == ("signer_already_final", "contract")
    for event in log[3:]:
        contract.apply(event)
    assert contract.state == "active"
    data = contract.to_dict()
    assert data["contracting_party"]["registration_number"] == "73282932000074"
    assert [s["status"] for s in data["signers"]] == ["signed", "signed"] or all("signed" in json.dumps(s) for s in data["signers"])


@pytest.mark.parametrize("make", [lambda: mentor.Application.replay(read_log(EXAMPLES / "application-events.jsonl")),
                                  lambda: mentor.Contract.replay(contract_log()),
                                  mentor.Application])
def test_lifecycles_pickle(make: Any) -> None:
    original = make()
    back = pickle.loads(pickle.dumps(original))
    assert type(back) is type(original)
    assert (back.state, back.to_dict(), back.events) == (original.state, original.to_dict(), original.events)


# ---- erasure (docs/lifecycles.md#personal-data) ----


def test_erase_application_removes_the_time_zone_and_keeps_the_answers() -> None:
    log = read_log(EXAMPLES / "application-events.jsonl")
    assert "Europe/Paris" in json.dumps(log)
    erased = mentor.erase_application(log, "2026-12-01T09:00:00Z")
    assert "Europe/Paris" not in json.dumps(erased)
    assert len(erased) == len(log) + 1
    assert erased[2]["slot"] == {"start": "2026-11-10T17:00:00Z", "time_zone": "UTC", "duration_minutes": 45}
    assert erased[-1] == {"type": "erased", "at": "2026-12-01T09:00:00Z", "actor": "system", "version": 1}
    before, after = mentor.Application.replay(log), mentor.Application.replay(erased)
    assert after.state == before.state == "contract_sent"
    assert after.allowed_events() == before.allowed_events() == ["contract_sent", "contract_signed", "withdrawn", "erased"]
    assert after.to_dict()["scorecard"] == before.to_dict()["scorecard"]
    # Once is enough.
    assert mentor.erase_application(erased, datetime(2030, 1, 1, tzinfo=timezone.utc)) == erased
    assert erased == mentor.Application.replay(erased).events
    # What `mentor erase` prints, line for line.
    cli = mentor_cli()
    if cli is not None:
        out = subprocess.run(
            [str(cli), "erase", "application", str(EXAMPLES / "application-events.jsonl"), "--at", "2026-12-01T09:00:00Z"],
            capture_output=True, text=True, check=True,
        ).stdout
        assert [json.loads(line) for line in out.splitlines()] == erased


def test_erase_contract_nulls_the_registration_number() -> None:
    erased = mentor.erase_contract(contract_log(), datetime(2027, 1, 4, 10, tzinfo=timezone(timedelta(hours=1))))
    assert erased[0]["contracting_party"] == {"party": "mentor_business", "country": "FR", "registration_number": None}
    assert "73282932000074" not in json.dumps(erased) and "732 829 320" not in json.dumps(erased)
    assert erased[-1]["at"] == "2027-01-04T09:00:00Z"
    assert mentor.Contract.replay(erased).state == "active"


def test_erase_refusals() -> None:
    with pytest.raises(TransitionError) as info:
        mentor.erase_application(read_log(EXAMPLES / "application-events-refused.jsonl"), "2026-12-01T09:00:00Z")
    assert (info.value.index, info.value.code, info.value.event) == (2, "transition_not_allowed", "selected")
    log = read_log(EXAMPLES / "application-events.jsonl")
    with pytest.raises(TransitionError) as info:
        mentor.erase_application(log, "2026-11-01T00:00:00Z")
    assert (info.value.index, info.value.code, info.value.event) == (len(log), "event_before_previous", "erased")
    with pytest.raises(TransitionError) as info:
        mentor.erase_contract([])
    assert (info.value.index, info.value.state) == (0, None)
    with pytest.raises(InputError) as bad:
        mentor.erase_application(log, "yesterday")
    assert [(e["path"], e["code"]) for e in bad.value.errors()] == [("at", "invalid_datetime")]
    with pytest.raises(InputError) as bad:
        mentor.erase_application(log, datetime(2026, 12, 1))  # naive: names no instant
    with pytest.raises(InputError) as bad:
        mentor.erase_contract([{"type": "drafted", "at": "2026-11-20T09:00:00Z", "actor": "system"}])
    assert {e["path"] for e in bad.value.errors()} >= {"[0].contract_id", "[0].terms"}
