"""A month of sessions: the statement to invoice, then the check of the invoice received."""

import mentor

contract = {
    "contract_id": "c-2026-0042",
    "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074", "vat": "franchise"},
    "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2025-09-01", "notice_period_days": 30}],
}
sessions = [
    {"session_id": "s-1", "started_at": "2026-01-06T16:00:00Z", "duration_minutes": 45, "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"},
    {"session_id": "s-2", "started_at": "2026-01-20T18:00:00Z", "duration_minutes": 45, "session_type": "mentoring", "student_ref": "stu-2", "status": "cancelled_late"},
]

statement = mentor.billing_statement(contract, sessions, "2026-01")
print(statement["total"], statement["vat"]["mention"])  # 52.50 TVA non applicable, art. 293 B du CGI

invoice = {
    "invoice_number": "2026-007", "issued_on": "2026-02-02", "period": "2026-01",
    "issuer": {"country": "FR", "registration_number": "73282932000074"},
    "currency": "EUR", "total_excluding_vat": "52.50", "vat_amount": "10.50", "total": "63.00",
}
check = mentor.check_invoice(statement, invoice)
print(check["matches"], [d["code"] for d in check["discrepancies"]])
# False ['vat_charged', 'total_mismatch', 'missing_vat_mention']

# A session the contract has no rate for: no statement (dropping it would be a wrong amount).
try:
    mentor.billing_statement(contract, [*sessions, dict(sessions[0], session_id="s-3", session_type="workshop")], "2026-01")
except mentor.InputError as e:
    print([(err["path"], err["code"]) for err in e.errors()])  # [('sessions[2].session_type', 'unknown_session_type')]
