"""The shapes of the wire format (``docs/wire-format.md``) as typing aids: what the functions return, and the
inputs they read.

These are ``TypedDict`` and ``Literal`` types only, for type checkers and editors: at run time
the functions return plain ``dict`` and ``list`` objects (the eligibility decision is a
``mentor.Decision``, whose ``to_dict()`` is an ``EligibilityDecision``, and a triage entry a
``mentor.TriageEntry``, whose ``to_dict()`` is a ``TriageEntryDict``). Inputs are taken as any mapping in
the same wire format (see the package README); the input types below say what a well-formed
one holds (``ApplicationForm``, ``WorkingSituation``, ``PolicyConfig``, ``BillingSession``), and
the package's tests check them against the JSON Schemas the core writes (docs/schema/).
"""

from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

__all__ = [
    "Action",
    "Applicant",
    "ApplicationForm",
    "ApplicationValidation",
    "BillingCustomer",
    "BillingInvoicingParty",
    "BillingSession",
    "BillingStatement",
    "Business",
    "CodeKind",
    "Consent",
    "Demand",
    "Discrepancy",
    "EligibilityDecision",
    "EligibilityErrors",
    "EmployerAgreement",
    "EmployerSector",
    "Employment",
    "ErrorCodeInfo",
    "EventKind",
    "Experience",
    "FieldError",
    "FormWorkingSituation",
    "Hold",
    "InterviewReadiness",
    "InvoiceCheck",
    "Level",
    "Links",
    "Outcome",
    "Party",
    "Payout",
    "PolicyBilling",
    "PolicyConfig",
    "PolicyContactDeadlines",
    "PolicyInterview",
    "PolicyReviewWeights",
    "Priority",
    "PriorityComponents",
    "Reason",
    "RegistrationCheck",
    "RegistrationNumberResult",
    "RegistrationSchemes",
    "Route",
    "SchemeInfo",
    "SelfEmployedStatus",
    "SessionStatus",
    "SignatureEvent",
    "StatementLine",
    "StatementSubtotal",
    "SubjectChoice",
    "TriageEntryDict",
    "TriageStatus",
    "VatInfo",
    "WebhookDelivery",
    "WebhookProvider",
    "WorkingSituation",
    "WorkingStatus",
]

# Each vocabulary is a union of one-value literals (the same type as a many-value literal for a
# type checker), so that mypy.stubtest can match the run-time alias with the typed one.
Outcome = Union[Literal["eligible"], Literal["needs_review"], Literal["action_required"], Literal["ineligible"]]
"""The eligibility outcome, from best to worst (``docs/wire-format.md#decision``)."""

Party = Union[Literal["employer"], Literal["mentor_business"]]
"""Who signs the contract and who invoices the company (``docs/wire-format.md#decision``)."""

Payout = Union[Literal["employer_payroll"], Literal["invoice"]]
"""How the mentor is paid (``docs/wire-format.md#decision``)."""

TriageStatus = Union[Literal["ranked"], Literal["on_hold"], Literal["ineligible"], Literal["invalid"]]
"""Where a form ends up in the review queue (``docs/cli.md``)."""


class FieldError(TypedDict):
    """One problem with one field (``docs/wire-format.md#field-errors``): ``{"path", "code", "message"}``."""

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
    """The eligibility decision (``docs/wire-format.md#decision``), as ``Decision.to_dict()``
    returns it."""

    outcome: Outcome
    contracting_party: Optional[Party]
    invoicing_party: Optional[Party]
    payout: Optional[Payout]
    registration: Optional[RegistrationCheck]
    required_actions: List[Action]
    recommended_actions: List[Action]
    reasons: List[Reason]


class EligibilityErrors(TypedDict):
    """An item of ``evaluate_eligibility_many`` whose situation does not parse: the field
    errors ``evaluate_eligibility`` raises for it in its ``InputError``."""

    errors: List[FieldError]


class PriorityComponents(TypedDict):
    """The components of a review priority, each in 0..1 before weighting
    (``docs/triage.md#review-queue``)."""

    demand: float
    experience: float
    completeness: float
    waiting: float


class Priority(TypedDict):
    """A review priority: the weighted sum of its components."""

    score: float
    components: PriorityComponents


class Hold(TypedDict):
    """Why a valid form is on hold (POL-1): the policy closes every subject it offers."""

    code: Literal["subject_closed"]
    rule: Literal["POL-1"]
    subjects: List[str]
    message: str


class TriageEntryDict(TypedDict):
    """One line of a triage report (``docs/cli.md``, a line of ``mentor triage --json``), as
    ``TriageEntry.to_dict()`` returns it (``triage`` returned it up to 0.2)."""

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
    on_hold: Optional[Hold]


class SelfEmployedStatus(TypedDict):
    """A self-employed status of a country: its local name and a gloss."""

    local_name: str
    gloss: str


class SchemeInfo(TypedDict):
    """A registration scheme of a country (``docs/registration/README.md``)."""

    scheme: str
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


# E-signature webhooks (docs/esign.md): what ``verify_webhook`` returns.

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
"""What a normalised signature event says happened (``docs/esign.md``)."""


class SignatureEvent(TypedDict):
    """One normalised signature event of a delivery (``docs/esign.md``)."""

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


# Billing (docs/billing.md): what ``billing_statement`` and ``check_invoice`` return.


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


# Inputs (docs/wire-format.md#application-form, docs/wire-format.md#working-situation,
# docs/policy.md, docs/billing.md): what a well-formed input holds. An optional key may also
# be ``None`` in a form, a situation and a session (the same as absent); in a policy, absent only.
# tests/test_schema.py checks each against docs/schema/ (keys, required keys, ``None``, literals).

Level = Union[Literal["comfortable"], Literal["proficient"], Literal["expert"]]
"""How well the applicant can teach a subject; ``comfortable``: can explain it to a friend (APP-4)."""

WorkingStatus = Union[
    Literal["employee"],
    Literal["freelancer"],
    Literal["company_owner"],
    Literal["self_employed"],
    Literal["student"],
    Literal["job_seeker"],
    Literal["retired"],
    Literal["other"],
]
"""What the applicant does for a living (``docs/wire-format.md#working-situation``)."""

EmployerSector = Union[Literal["tutoring"], Literal["education"], Literal["it_services"], Literal["other"]]
"""The sector of an employee's employer (WS-2)."""

EmployerAgreement = Union[Literal["agreed"], Literal["refused"], Literal["not_asked"]]
"""Whether the employer agreed to the employee mentoring through it (WS-2)."""

Route = Union[Literal["via_employer"], Literal["via_own_company"]]
"""How an employee will be contracted: through the employer (WS-2) or their own business (WS-3)."""

SessionStatus = Union[Literal["completed"], Literal["student_no_show"], Literal["cancelled_late"], Literal["cancelled"]]
"""What became of a session (``docs/billing.md``)."""

Demand = Union[Literal["closed"], Literal["normal"], Literal["high"], Literal["urgent"]]
"""How much a subject's mentors are needed (SEL-2, SEL-3); ``closed`` takes no new mentors."""


class Employment(TypedDict, total=False):
    """An employee's employment (ignored for other statuses)."""

    full_time: Optional[bool]
    employer_name: Optional[str]
    employer_sector: Optional[EmployerSector]
    employer_agreement: Optional[EmployerAgreement]
    employer_informed: Optional[bool]


class Business(TypedDict, total=False):
    """The business the applicant has or creates; the number is checked by the decision."""

    legal_form: Optional[str]
    registration_number: Optional[str]


class _Status(TypedDict):
    status: WorkingStatus


class _SituationDetails(TypedDict, total=False):
    employment: Optional[Employment]
    route: Optional[Route]
    business: Optional[Business]


class WorkingSituation(_Status, _SituationDetails):
    """A working situation on its own (``docs/wire-format.md#working-situation``, ``evaluate_eligibility``):
    with its country, ISO 3166-1 alpha-2."""

    country: str


class FormWorkingSituation(_Status, _SituationDetails, total=False):
    """A working situation in an application form: ``country`` defaults to the applicant's."""

    country: Optional[str]


class _ApplicantRequired(TypedDict):
    first_name: str
    last_name: str
    email: str
    country: str


class Applicant(_ApplicantRequired, total=False):
    """The applicant of a form; ``phone`` E.164, ``timezone`` IANA, ``languages`` ISO 639-1."""

    phone: Optional[str]
    timezone: Optional[str]
    languages: Optional[List[str]]


class _SubjectRequired(TypedDict):
    subject: str
    level: Level


class SubjectChoice(_SubjectRequired, total=False):
    """A subject the applicant would mentor, a lower-case slug (APP-4)."""

    years_experience: Optional[int]


class Experience(TypedDict, total=False):
    """The applicant's professional experience."""

    current_role: Optional[str]
    years_professional: Optional[int]
    mentoring_experience: Optional[bool]
    recent_projects: Optional[List[str]]


class Links(TypedDict, total=False):
    """The applicant's public profiles, http(s) URLs."""

    linkedin: Optional[str]
    portfolio: Optional[str]


class InterviewReadiness(TypedDict, total=False):
    """Whether the applicant is ready for a video interview (INT-2)."""

    microphone: Optional[bool]
    camera: Optional[bool]
    quiet_well_lit_room: Optional[bool]


class Consent(TypedDict):
    """The applicant's consent; ``data_processing`` must be ``True``."""

    data_processing: bool


class _ApplicationFormRequired(TypedDict):
    offer_id: str
    applicant: Applicant
    subjects: List[SubjectChoice]
    consent: Consent


class ApplicationForm(_ApplicationFormRequired, total=False):
    """An application form (``docs/wire-format.md#application-form``), what ``validate_application`` and
    ``triage`` read."""

    reference: Optional[str]
    experience: Optional[Experience]
    motivation: Optional[str]
    availability_hours_per_week: Optional[int]
    links: Optional[Links]
    working_situation: Optional[FormWorkingSituation]
    interview_readiness: Optional[InterviewReadiness]
    submitted_at: Optional[str]


class BillingSession(TypedDict):
    """One session of a billing statement (``docs/billing.md``); ``started_at`` RFC 3339."""

    session_id: str
    started_at: str
    duration_minutes: int
    session_type: str
    student_ref: str
    status: SessionStatus


class PolicyContactDeadlines(TypedDict, total=False):
    """Days within which a candidate should be contacted, by demand (defaults 3, 7, 14)."""

    urgent: int
    high: int
    normal: int


class PolicyReviewWeights(TypedDict, total=False):
    """Weights of the review priority's components (defaults 0.4, 0.3, 0.2, 0.1)."""

    demand: float
    experience: float
    completeness: float
    waiting: float


class PolicyInterview(TypedDict, total=False):
    """The scorecard suggestion's thresholds (INT-4), on its 1-4 scale."""

    selection_threshold: float
    minimum_scored: int
    manner_minimum: int


class PolicyBilling(TypedDict, total=False):
    """Billing settings (POL-1): shares are decimal strings (``"0.5"``)."""

    time_zone: str
    student_no_show: str
    cancelled_late: str


class PolicyConfig(TypedDict, total=False):
    """A policy as data (``docs/policy.md``, ``Policy.from_dict``): every key optional."""

    offers: List[str]
    employer_sectors_suited: List[EmployerSector]
    excluded_countries: List[str]
    demand: Dict[str, Demand]
    contact_deadline_days: PolicyContactDeadlines
    review_weights: PolicyReviewWeights
    interview: PolicyInterview
    billing: PolicyBilling
