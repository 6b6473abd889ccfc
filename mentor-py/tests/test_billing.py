"""Billing (``docs/billing.md``) through the binding: `billing_statement` and `check_invoice` answer
what `mentor statement --json` and `mentor check-invoice --json` print on
docs/examples/billing/, and bad input is an `InputError` with every problem."""

import copy
import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest

import mentor
from conftest import EXAMPLES, mentor_cli
from mentor import InputError

BILLING = EXAMPLES / "billing"
CONTRACT = BILLING / "contract.json"
SESSIONS = BILLING / "sessions.jsonl"
INVOICES = ["invoice-matching.json", "invoice-not-matching.json"]
POLICY = EXAMPLES / "policy.toml"


def contract() -> Dict[str, Any]:
    loaded: Dict[str, Any] = json.loads(CONTRACT.read_text(encoding="utf-8"))
    return loaded


def sessions() -> List[Dict[str, Any]]:
    return [json.loads(line) for line in SESSIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def run_cli(*args: str) -> Tuple[int, Any]:
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    out = subprocess.run([str(cli), *args, "--json"], capture_output=True)
    return out.returncode, json.loads(out.stdout) if out.stdout.strip() else None


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("period", ["2026-01", "2025-12", "2026-02"])
@pytest.mark.parametrize("policy_file", [None, POLICY], ids=["default-policy", "policy.toml"])
def test_the_statement_is_the_native_commands(period: str, lang: str, policy_file: Optional[Path]) -> None:
    args = ["statement", "--contract", str(CONTRACT), "--sessions", str(SESSIONS), "--period", period, "--lang", lang]
    if policy_file is not None:
        args += ["--policy", str(policy_file)]
    status, native = run_cli(*args)
    assert status == 0
    policy = mentor.Policy.from_file(policy_file) if policy_file is not None else None
    ours = mentor.billing_statement(contract(), sessions(), period, policy=policy, lang=lang)
    assert ours == native


def test_the_example_statement() -> None:
    st = mentor.billing_statement(contract(), sessions(), "2026-01")
    assert (st["total_excluding_vat"], st["vat_amount"], st["total"]) == ("250.00", "0.00", "250.00")
    assert st["vat"]["treatment"] == "franchise"
    assert st["vat"]["mention"] == "TVA non applicable, art. 293 B du CGI"
    # s-0099 started on 31 December in UTC, 1 January in Paris: billed with January.
    assert st["lines"][0]["session_id"] == "s-0099" and st["lines"][0]["date"] == "2026-01-01"
    # Any iterable of sessions, a generator too, gives the same statement.
    assert mentor.billing_statement(contract(), iter(sessions()), "2026-01") == st
    assert mentor.billing_statement(contract(), tuple(sessions()), " 2026-01 ") == st


def test_the_policy_pays_late_cancellations() -> None:
    full = mentor.Policy.from_toml('[billing]\ncancelled_late = "1.0"\n')
    default = mentor.billing_statement(contract(), sessions(), "2026-01")
    paid = mentor.billing_statement(contract(), sessions(), "2026-01", policy=full)
    assert Decimal(paid["total"]) - Decimal(default["total"]) == Decimal("19.00")


def test_python_values_in_the_input() -> None:
    """Dates, aware datetimes and Decimals stand for their wire strings."""
    from datetime import date, datetime, timezone

    c = contract()
    c["versions"][0]["start_date"] = date(2025, 9, 1)
    c["versions"][1]["rates"]["mentoring"] = Decimal("38.00")
    s = sessions()
    s[1]["started_at"] = datetime(2026, 1, 6, 16, 0, tzinfo=timezone.utc)
    assert mentor.billing_statement(c, s, "2026-01") == mentor.billing_statement(contract(), sessions(), "2026-01")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("invoice", INVOICES)
def test_the_invoice_check_is_the_native_commands(invoice: str, lang: str, tmp_path: Path) -> None:
    statement = mentor.billing_statement(contract(), sessions(), "2026-01", lang=lang)
    path = tmp_path / "statement.json"
    path.write_text(json.dumps(statement), encoding="utf-8")
    status, native = run_cli("check-invoice", "--statement", str(path), "--invoice", str(BILLING / invoice), "--lang", lang)
    ours = mentor.check_invoice(statement, json.loads((BILLING / invoice).read_text(encoding="utf-8")), lang=lang)
    assert ours == native
    assert status == (0 if ours["matches"] else 1)


def test_the_example_invoices() -> None:
    statement = mentor.billing_statement(contract(), sessions(), "2026-01")
    good = mentor.check_invoice(statement, json.loads((BILLING / "invoice-matching.json").read_text(encoding="utf-8")))
    assert (good["matches"], good["discrepancies"]) == (True, [])
    bad = mentor.check_invoice(statement, json.loads((BILLING / "invoice-not-matching.json").read_text(encoding="utf-8")))
    assert bad["matches"] is False
    assert [d["code"] for d in bad["discrepancies"]] == [
        "registration_number_mismatch",
        "amount_mismatch",
        "vat_charged",
        "total_mismatch",
        "missing_vat_mention",
    ]


def paths_codes(e: InputError) -> List[Tuple[str, str]]:
    return [(x["path"], x["code"]) for x in e.errors()]


def test_a_bad_period_is_an_input_error() -> None:
    for period in ["2026-13", "2026-1", "January", ""]:
        with pytest.raises(InputError) as info:
            mentor.billing_statement(contract(), sessions(), period)
        assert paths_codes(info.value) == [("period", "invalid_period")]
    with pytest.raises(InputError) as info:
        mentor.billing_statement(contract(), sessions(), 202601)  # type: ignore[arg-type]
    assert paths_codes(info.value) == [("period", "invalid_type")]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_session_that_cannot_be_billed_is_reported(lang: str) -> None:
    s = sessions()
    s[2]["session_type"] = "workshop"
    s[4]["session_type"] = "workshop"
    s[5]["session_id"] = s[1]["session_id"]
    with pytest.raises(InputError) as info:
        mentor.billing_statement(contract(), s, "2026-01", lang=lang)
    assert set(paths_codes(info.value)) == {
        ("sessions[2].session_type", "unknown_session_type"),
        ("sessions[4].session_type", "unknown_session_type"),
        ("sessions[5].session_id", "duplicate_session"),
    }
    messages = {x["message"] for x in info.value.errors()}
    assert ("le contrat n'a pas de tarif pour ce type de séance" in messages) is (lang == "fr")
    assert str(info.value).startswith("invalid input: ")


def test_sessions_and_contracts_that_do_not_read() -> None:
    s = sessions()
    s[0]["status"] = "finished"
    s[3]["duration"] = 45
    with pytest.raises(InputError) as info:
        mentor.billing_statement(contract(), s, "2026-01")
    assert {("sessions[0].status", "invalid_enum"), ("sessions[3].duration", "unknown_field")} <= set(paths_codes(info.value))
    c = contract()
    del c["contract_id"]
    c["invoicing_party"]["registration_number"] = "732 829 320 00075"
    with pytest.raises(InputError) as info:
        mentor.billing_statement(c, sessions(), "2026-01")
    paths = {p for p, _ in paths_codes(info.value)}
    assert {"contract.contract_id", "contract.invoicing_party.registration_number"} <= paths


@pytest.mark.parametrize("value", [None, {}, "sessions", 3])
def test_sessions_that_are_no_list(value: Any) -> None:
    with pytest.raises(InputError) as info:
        mentor.billing_statement(contract(), value, "2026-01")
    assert [p for p, _ in paths_codes(info.value)] == ["sessions"]


def test_python_values_with_no_json_form_are_reported_with_their_path() -> None:
    c = contract()
    c["customer"]["name"] = b"Example"
    s = sessions()
    s[1]["student_ref"] = {"stu"}
    with pytest.raises(InputError) as info:
        mentor.billing_statement(c, (x for x in s), "2026-01")
    assert paths_codes(info.value) == [("contract.customer.name", "invalid_type"), ("sessions[1].student_ref", "invalid_type")]


def test_an_edited_statement_is_no_reference() -> None:
    statement = mentor.billing_statement(contract(), sessions(), "2026-01")
    invoice = json.loads((BILLING / "invoice-matching.json").read_text(encoding="utf-8"))
    edited = copy.deepcopy(statement)
    edited["total"] = "1.00"
    with pytest.raises(InputError) as info:
        mentor.check_invoice(edited, invoice)
    assert ("statement.total", "inconsistent_amount") in paths_codes(info.value)
    bad_invoice = dict(invoice, period="2026-13", total=None)
    with pytest.raises(InputError) as info:
        mentor.check_invoice({}, bad_invoice)
    paths = {p for p, _ in paths_codes(info.value)}
    assert {"statement.contract_id", "invoice.period", "invoice.total"} <= paths
    with pytest.raises(InputError) as info:
        mentor.check_invoice(statement, dict(invoice, mentions={"x"}))
    assert paths_codes(info.value) == [("invoice.mentions", "invalid_type")]
