"""The shapes of the wire format (DESIGN 4) as typing aids: what the functions return.

These are ``TypedDict`` and ``Literal`` types only, for type checkers and editors: at run time
the functions return plain ``dict`` and ``list`` objects. Inputs are taken as any mapping in
the same wire format (see the package README).
"""

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "Action",
    "ApplicationValidation",
    "BillingCustomer",
    "BillingInvoicingParty",
    "BillingStatement",
    "Discrepancy",
    "EligibilityDecision",
    "CodeKind",
    "ErrorCodeInfo",
    "EventKind",
    "FieldError",
    "InvoiceCheck",
    "Outcome",
    "Party",
    "Payout",
    "Priority",
    "PriorityComponents",
    "Reason",
    "RegistrationCheck",
    "RegistrationNumberResult",
    "RegistrationSchemes",
    "SchemeInfo",
    "SelfEmployedStatus",
    "SignatureEvent",
    "StatementLine",
    "StatementSubtotal",
    "TriageEntry",
    "TriageStatus",
    "VatInfo",
    "WebhookDelivery",
    "WebhookProvider",
]

# Each vocabulary is a union of one-value literals (the same type as a many-value literal for a
# type checker), so that mypy.stubtest can match the run-time alias with the typed one.
Outcome = Union[Literal["eligible"], Literal["needs_review"], Literal["action_required"], Literal["ineligible"]]
"""The eligibility outcome, from best to worst (DESIGN 4.3)."""

Party = Union[Literal["employer"], Literal["mentor_business"]]
"""Who signs the contract and who invoices the company (DESIGN 4.3)."""

Payout = Union[Literal["employer_payroll"], Literal["invoice"]]
"""How the mentor is paid (DESIGN 4.3)."""

TriageStatus = Union[Literal["ranked"], Literal["on_hold"], Literal["ineligible"], Literal["invalid"]]
"""Where a form ends up in the review queue (DESIGN 4.9)."""


class FieldError(TypedDict):
    """One problem with one field (DESIGN 4.1): ``{"path", "code", "message"}``."""

    path: str
    code: str
    message: str


class ApplicationValidation(TypedDict):
    """What ``validate_application`` returns."""

    valid: bool
    reference: Optional[str]
    completeness: float
    errors: List[FieldError]


class Action(TypedDict):
    """A required or recommended action of a decision, with the rule it comes from."""

    code: str
    rule: str
    message: str
    params: Dict[str, Any]


class Reason(TypedDict):
    """A reason of a decision, with the rule it comes from."""

    code: str
    rule: str
    message: str


class _RegistrationCheckBase(TypedDict):
    scheme: Optional[str]
    normalized: Optional[str]
    formatted: Optional[str]
    valid: bool


class RegistrationCheck(_RegistrationCheckBase, total=False):
    """The check of a registration number: ``valid`` means well-formed, not registered.

    ``error`` (a reason code such as ``bad_check_digit``, or ``unsupported_country``) and
    ``message`` are present when ``valid`` is false.
    """

    error: str
    message: str


class RegistrationNumberResult(RegistrationCheck):
    """What ``validate_registration_number`` returns: the check and the country."""

    country: str


class EligibilityDecision(TypedDict):
    """The eligibility decision (DESIGN 4.3)."""

    outcome: Outcome
    contracting_party: Optional[Party]
    invoicing_party: Optional[Party]
    payout: Optional[Payout]
    registration: Optional[RegistrationCheck]
    required_actions: List[Action]
    recommended_actions: List[Action]
    reasons: List[Reason]


class PriorityComponents(TypedDict):
    """The components of a review priority, each in 0..1 before weighting (DESIGN 4.6)."""

    demand: float
    experience: float
    completeness: float
    waiting: float


class Priority(TypedDict):
    """A review priority: the weighted sum of its components."""

    score: float
    components: PriorityComponents


class TriageEntry(TypedDict):
    """One line of a triage report (DESIGN 4.9)."""

    reference: Optional[str]
    line: int
    email: Optional[str]
    status: TriageStatus
    rank: Optional[int]
    errors: List[FieldError]
    completeness: float
    eligibility: Optional[EligibilityDecision]
    priority: Optional[Priority]
    contact_by: Optional[str]


class SelfEmployedStatus(TypedDict):
    """A self-employed status of a country: its local name and a gloss."""

    local_name: str
    gloss: str


class SchemeInfo(TypedDict):
    """A registration scheme of a country (DESIGN 4.4)."""

    id: str
    name: str
    title: str
    proves: str
    example: str


class RegistrationSchemes(TypedDict):
    """What ``registration_schemes`` returns; ``supported`` is false for a country the
    library has no rules for (the lists are then empty)."""

    country: str
    supported: bool
    statuses: List[SelfEmployedStatus]
    procedure: Optional[str]
    schemes: List[SchemeInfo]


CodeKind = Union[
    Literal["field"], Literal["registration_number"], Literal["input"], Literal["refusal"], Literal["signature"],
    Literal["ignored"], Literal["conflict"], Literal["draft"], Literal["statement"], Literal["discrepancy"], Literal["internal"],
]
"""The family of a code: where it appears (``mentor_core::catalogue::CodeKind``)."""


class ErrorCodeInfo(TypedDict):
    """One entry of the error code catalogue: every code any call can answer with, by family
    (``kind``), with its generic message in both languages."""

    code: str
    kind: CodeKind
    en: str
    fr: str


# E-signature webhooks (DESIGN 4.8): what ``verify_webhook`` returns.

WebhookProvider = Union[
    Literal["concord"], Literal["docusign"], Literal["dropbox_sign"], Literal["yousign"], Literal["documenso"], Literal["docuseal"]
]
"""An e-signature provider's wire name."""

EventKind = Union[
    Literal["sent"],
    Literal["viewed"],
    Literal["signed"],
    Literal["declined"],
    Literal["completed"],
    Literal["voided"],
    Literal["expired"],
    Literal["reassigned"],
    Literal["test"],
    Literal["unknown"],
]
"""What a normalised signature event says happened (DESIGN 4.8)."""


class SignatureEvent(TypedDict):
    """One normalised signature event of a delivery (DESIGN 4.8)."""

    provider: WebhookProvider
    request_id: Optional[str]
    signer_id: Optional[str]
    new_signer_id: Optional[str]
    kind: EventKind
    provider_event: str
    occurred_at: str
    dedupe_key: str
    hint: bool


class WebhookDelivery(TypedDict):
    """What ``verify_webhook`` returns (as ``mentor webhook … --json`` prints it)."""

    provider: WebhookProvider
    verified: bool
    events: List[SignatureEvent]


# Billing (DESIGN 4.10): what ``billing_statement`` and ``check_invoice`` return.


class BillingInvoicingParty(TypedDict):
    """Who invoices the company: the employer (WS-2) or the mentor's business."""

    party: Party
    country: str
    registration_number: str
    vat: str
    vat_number: Optional[str]


class BillingCustomer(TypedDict):
    """The company that receives the invoice (established in France); ``name`` is ``None``
    when the contract names none."""

    name: Optional[str]
    country: str


class VatInfo(TypedDict):
    """The VAT treatment of the invoice: ``franchise``, ``french_vat``, ``reverse_charge`` or
    ``outside_eu``, with the mention to write (``None`` when none is required)."""

    treatment: str
    rate: str
    mention: Optional[str]
    explanation: str
    source: str


class StatementLine(TypedDict):
    """One session of a statement, priced (money as decimal strings)."""

    session_id: str
    started_at: str
    date: str
    session_type: str
    status: str
    duration_minutes: int
    student_ref: str
    terms_version: int
    rate: str
    share: str
    amount: str


class StatementSubtotal(TypedDict):
    """The sessions of one type in a statement and their amount."""

    session_type: str
    sessions: int
    amount: str


class BillingStatement(TypedDict):
    """What ``billing_statement`` returns (as ``mentor statement --json`` prints it)."""

    contract_id: str
    period: str
    time_zone: str
    currency: str
    invoicing_party: BillingInvoicingParty
    customer: BillingCustomer
    vat: VatInfo
    lines: List[StatementLine]
    subtotals: List[StatementSubtotal]
    total_excluding_vat: str
    vat_amount: str
    total: str


class Discrepancy(TypedDict):
    """One difference between a received invoice and its statement."""

    code: str
    field: str
    expected: Optional[str]
    found: Optional[str]
    message: str


class InvoiceCheck(TypedDict):
    """What ``check_invoice`` returns (as ``mentor check-invoice --json`` prints it)."""

    invoice_number: str
    matches: bool
    discrepancies: List[Discrepancy]
