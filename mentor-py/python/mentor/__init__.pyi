"""Type stubs of the package ``mentor``; its documentation is the package docstring
(``help(mentor)``, mentor/__init__.py), kept in one place."""

import os
from datetime import datetime
from typing import Any, ClassVar, Dict, ItemsView, Iterable, Iterator, KeysView, List, Literal, Mapping, Optional, Tuple, Union, ValuesView, final, overload

from mentor import wire as wire
from mentor._errors import InputError as InputError
from mentor._errors import MentorError as MentorError
from mentor._errors import PolicyError as PolicyError
from mentor._errors import SignatureError as SignatureError
from mentor._errors import TransitionError as TransitionError
from mentor.wire import Action as Action
from mentor.wire import Applicant as Applicant
from mentor.wire import ApplicationForm as ApplicationForm
from mentor.wire import ApplicationValidation as ApplicationValidation
from mentor.wire import BillingCustomer as BillingCustomer
from mentor.wire import BillingInvoicingParty as BillingInvoicingParty
from mentor.wire import BillingSession as BillingSession
from mentor.wire import BillingStatement as BillingStatement
from mentor.wire import Business as Business
from mentor.wire import CodeKind as CodeKind
from mentor.wire import Consent as Consent
from mentor.wire import Demand as Demand
from mentor.wire import Discrepancy as Discrepancy
from mentor.wire import EligibilityDecision as EligibilityDecision
from mentor.wire import EligibilityErrors as EligibilityErrors
from mentor.wire import EmployerAgreement as EmployerAgreement
from mentor.wire import EmployerSector as EmployerSector
from mentor.wire import Employment as Employment
from mentor.wire import ErrorCodeInfo as ErrorCodeInfo
from mentor.wire import EventKind as EventKind
from mentor.wire import Experience as Experience
from mentor.wire import FieldError as FieldError
from mentor.wire import FormWorkingSituation as FormWorkingSituation
from mentor.wire import Hold as Hold
from mentor.wire import InterviewReadiness as InterviewReadiness
from mentor.wire import InvoiceCheck as InvoiceCheck
from mentor.wire import Level as Level
from mentor.wire import Links as Links
from mentor.wire import Outcome as Outcome
from mentor.wire import Party as Party
from mentor.wire import Payout as Payout
from mentor.wire import PolicyBilling as PolicyBilling
from mentor.wire import PolicyConfig as PolicyConfig
from mentor.wire import PolicyContactDeadlines as PolicyContactDeadlines
from mentor.wire import PolicyInterview as PolicyInterview
from mentor.wire import PolicyReviewWeights as PolicyReviewWeights
from mentor.wire import Priority as Priority
from mentor.wire import PriorityComponents as PriorityComponents
from mentor.wire import Reason as Reason
from mentor.wire import RegistrationCheck as RegistrationCheck
from mentor.wire import RegistrationNumberResult as RegistrationNumberResult
from mentor.wire import RegistrationSchemes as RegistrationSchemes
from mentor.wire import Route as Route
from mentor.wire import SchemeInfo as SchemeInfo
from mentor.wire import SelfEmployedStatus as SelfEmployedStatus
from mentor.wire import SessionStatus as SessionStatus
from mentor.wire import SignatureEvent as SignatureEvent
from mentor.wire import StatementLine as StatementLine
from mentor.wire import StatementSubtotal as StatementSubtotal
from mentor.wire import SubjectChoice as SubjectChoice
from mentor.wire import TriageEntryDict as TriageEntryDict
from mentor.wire import TriageStatus as TriageStatus
from mentor.wire import VatInfo as VatInfo
from mentor.wire import WebhookDelivery as WebhookDelivery
from mentor.wire import WebhookProvider as WebhookProvider
from mentor.wire import WorkingSituation as WorkingSituation
from mentor.wire import WorkingStatus as WorkingStatus

__all__ = [
    "validate_application",
    "evaluate_eligibility",
    "evaluate_eligibility_many",
    "triage",
    "triage_json_bytes",
    "triage_file",
    "validate_registration_number",
    "registration_schemes",
    "error_codes",
    "verify_webhook",
    "billing_statement",
    "check_invoice",
    "erase_application",
    "erase_contract",
    "Policy",
    "Decision",
    "TriageEntry",
    "Application",
    "Contract",
    "MentorError",
    "InputError",
    "PolicyError",
    "TransitionError",
    "SignatureError",
    "__version__",
    "wire",
]

__version__: str
"""The version of the package (the version of mentor-core it was built from)."""

@final
class Policy:
    """What an operator tunes (``docs/policy.md``, POL-1): accepted offers, subject demand, contact
    deadlines, review weights, employer sectors that suit WS-2, excluded countries, interview
    thresholds, billing.

    Parse it once and pass it to every call (``policy=``); calls without one use the
    documented defaults, which ``Policy()`` also holds. Unknown keys and out-of-range values
    are refused with ``PolicyError`` (an ``InputError``, code ``invalid_policy``). A policy pickles.
    """

    def __init__(self) -> None:
        """The default policy (every key at its documented default)."""
    @classmethod
    def from_toml(cls, text: str) -> "Policy":
        """A policy from TOML text. Raises ``PolicyError`` (``invalid_policy``, with the line
        and column or the key) when it does not load."""
    @classmethod
    def from_json(cls, text: str) -> "Policy":
        """A policy from JSON text. Raises ``PolicyError`` (``invalid_policy``)."""
    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"]) -> "Policy":
        """A policy from a file, JSON when its text starts with ``{`` and TOML otherwise.
        Raises ``OSError`` when the file cannot be read, ``PolicyError`` (``invalid_policy``)
        when it does not load."""
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Policy":
        """A policy from a dict shaped like its JSON form (as ``to_dict`` returns it).
        Raises ``PolicyError`` (``invalid_policy``)."""
    def to_dict(self) -> Dict[str, Any]:
        """The policy as a dict, every key filled in."""

class _WireMapping(Mapping[str, Any]):
    """What ``Decision`` and ``TriageEntry`` share (stubs only, no such class at run time): a
    read-only mapping of a wire form's keys, in order, equal to its ``to_dict()``."""

    def __getitem__(self, key: str, /) -> Any: ...
    def get(self, key: str, default: Any = None, /) -> Any:
        """The field ``key``, or ``default`` when the wire form has no such key."""
    def __contains__(self, key: object, /) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def __len__(self) -> int: ...
    def keys(self) -> KeysView[str]:
        """The wire form's keys, in order."""
    def values(self) -> ValuesView[Any]:
        """The fields, in the keys' order."""
    def items(self) -> ItemsView[str, Any]:
        """The ``(key, field)`` pairs, in the keys' order."""
    def __eq__(self, other: object, /) -> bool: ...
    def __ne__(self, other: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Decision(_WireMapping):
    """The eligibility decision (``docs/wire-format.md#decision``; WS-1..5, INT-5, POL-1), as
    ``evaluate_eligibility`` and ``evaluate_eligibility_many`` return it: read-only, holding
    the core's decision, each field written into Python objects when it is read, messages in
    the language of the call.

    Read a field as an attribute (``d.outcome``, ``d.required_actions``) or, as from the dict
    it replaces, by key: a ``Decision`` is a ``collections.abc.Mapping`` of the wire form's
    keys, in that order (``d["outcome"]``, ``get``, ``keys``, ``values``, ``items``,
    iteration, ``len``, ``in``, ``dict(d)``, ``match d: case {"outcome": ...}``).
    ``to_dict()`` is that dict, for ``json.dumps`` or code that needs a ``dict``. Each read
    of a list or dict field makes a new one: changing it changes nothing in the decision.

    A decision equals a dict that is its ``to_dict()`` and any decision with the same wire
    form; it is not hashable (as a dict is not). It pickles (as its ``to_dict()``), and its
    ``repr`` shows its codes only, never the registration number or a message.

    >>> import mentor
    >>> d = mentor.evaluate_eligibility({"country": "FR", "status": "student"})
    >>> d.outcome, d["contracting_party"], [a["code"] for a in d.required_actions]
    ('action_required', 'mentor_business', ['register_as_self_employed'])
    >>> list(d) == list(d.to_dict()) == ["outcome", "contracting_party", "invoicing_party", "payout",
    ...     "registration", "required_actions", "recommended_actions", "reasons"]
    True
    >>> d == d.to_dict()
    True
    >>> d
    <mentor.Decision outcome='action_required' contracting_party='mentor_business' invoicing_party='mentor_business' payout='invoice' required_actions=['register_as_self_employed'] recommended_actions=[] reasons=['mentor_business_signs', 'no_registered_business']>
    """

    @property
    def outcome(self) -> Outcome:
        """The worst outcome of the rows that apply: ``eligible``, ``needs_review``,
        ``action_required`` or ``ineligible``."""
    @property
    def contracting_party(self) -> Optional[Party]:
        """Who signs the contract; ``None`` while a route is to choose."""
    @property
    def invoicing_party(self) -> Optional[Party]:
        """Who invoices the company (BIL-1); ``None`` while a route is to choose."""
    @property
    def payout(self) -> Optional[Payout]:
        """How the mentor is paid; ``None`` while a route is to choose."""
    @property
    def registration(self) -> Optional[RegistrationCheck]:
        """The check of the business's registration number; ``None`` when none was checked."""
    @property
    def required_actions(self) -> List[Action]:
        """What must be done before a contract can be signed (a new list at each read)."""
    @property
    def recommended_actions(self) -> List[Action]:
        """What should be done (a new list at each read)."""
    @property
    def reasons(self) -> List[Reason]:
        """Why (a new list at each read)."""
    def to_dict(self) -> EligibilityDecision:
        """The decision as a new dict, keys in the wire form's order: what
        ``evaluate_eligibility`` returned up to 0.2."""
    @overload
    def __getitem__(self, key: Literal["outcome"], /) -> Outcome: ...
    @overload
    def __getitem__(self, key: Literal["contracting_party", "invoicing_party"], /) -> Optional[Party]: ...
    @overload
    def __getitem__(self, key: Literal["payout"], /) -> Optional[Payout]: ...
    @overload
    def __getitem__(self, key: Literal["registration"], /) -> Optional[RegistrationCheck]: ...
    @overload
    def __getitem__(self, key: Literal["required_actions", "recommended_actions"], /) -> List[Action]: ...
    @overload
    def __getitem__(self, key: Literal["reasons"], /) -> List[Reason]: ...
    @overload
    def __getitem__(self, key: str, /) -> Any: ...

@final
class TriageEntry(_WireMapping):
    """One entry of a triage report (``docs/cli.md``, a line of ``mentor triage --json``), as
    ``triage``, ``triage_json_bytes`` and ``triage_file`` return them: read-only, holding the
    core's entry, each field written into Python objects when it is read, messages in the
    language of the call. A report of 100,000 forms is 100,000 small objects, not some four
    million dicts, lists and strings.

    Read a field as an attribute (``e.status``, ``e.rank``) or, as from the dict it replaces,
    by key: a ``TriageEntry`` is a ``collections.abc.Mapping`` of the wire form's keys, in that
    order (``e["status"]``, ``get``, ``keys``, ``values``, ``items``, iteration, ``len``,
    ``in``, ``dict(e)``, ``match e: case {"status": "ranked"}``). ``eligibility`` is a
    ``Decision`` (``None`` for an invalid form). ``to_dict()`` is the dict, plain all the way
    down (the decision too), for ``json.dumps`` or code that needs a ``dict``: the entry itself
    is not JSON-serializable. Each read of a list or dict field makes a new one.

    An entry equals a dict that is its ``to_dict()`` and any entry with the same wire form; it
    is not hashable (as a dict is not). It pickles (as the JSON text of its wire form), and its
    ``repr`` shows the line, the status and the rank only: never the e-mail, the reference or a
    message.

    >>> import mentor
    >>> form = {"reference": "A-1001", "offer_id": "mentor-web-2026",
    ...         "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "GB"},
    ...         "subjects": [{"subject": "python", "level": "proficient"}], "consent": {"data_processing": True}}
    >>> ranked, invalid = mentor.triage([form, {"offer_id": "mentor-web-2026"}], now="2026-11-30T09:00:00Z")
    >>> ranked.status, ranked["rank"], ranked.email, type(ranked.eligibility).__name__
    ('ranked', 1, 'ada@example.org', 'Decision')
    >>> [e["code"] for e in invalid.errors][:2], invalid.eligibility
    (['required', 'required'], None)
    >>> list(ranked) == list(ranked.to_dict()) == ["reference", "line", "email", "status", "rank",
    ...     "errors", "completeness", "eligibility", "priority", "contact_by", "on_hold"]
    True
    >>> ranked == ranked.to_dict(), type(ranked.to_dict()["eligibility"]).__name__
    (True, 'dict')
    >>> ranked, invalid
    (<mentor.TriageEntry line=1 status='ranked' rank=1>, <mentor.TriageEntry line=2 status='invalid' rank=None>)
    """

    @property
    def reference(self) -> Optional[str]:
        """The form's ``reference``, echoed; ``None`` when it has none."""
    @property
    def line(self) -> int:
        """The record's line (JSON Lines) or array index + 1."""
    @property
    def email(self) -> Optional[str]:
        """The applicant's e-mail as typed, for the people who call back; ``None`` when missing."""
    @property
    def status(self) -> TriageStatus:
        """Where the form ends up: ``ranked``, ``on_hold``, ``ineligible`` or ``invalid``."""
    @property
    def rank(self) -> Optional[int]:
        """1-based rank among the ranked forms; ``None`` for the others."""
    @property
    def errors(self) -> List[FieldError]:
        """The field errors of an invalid form (a new list at each read)."""
    @property
    def completeness(self) -> float:
        """Completeness, 0.0 to 1.0 (APP-3)."""
    @property
    def eligibility(self) -> Optional[Decision]:
        """The eligibility decision of a valid form (a new ``Decision`` at each read); ``None``
        for an invalid form."""
    @property
    def priority(self) -> Optional[Priority]:
        """The review priority of a ranked form; ``None`` otherwise."""
    @property
    def contact_by(self) -> Optional[str]:
        """Contact the candidate by this UTC date (``YYYY-MM-DD``); ``None`` unless ranked."""
    @property
    def on_hold(self) -> Optional[Hold]:
        """Why a valid form is on hold (POL-1); ``None`` otherwise."""
    def to_dict(self) -> TriageEntryDict:
        """The entry as a new dict, keys in the wire form's order, plain dicts all the way
        down: what ``triage`` returned up to 0.2, a line of ``mentor triage --json``."""
    @overload
    def __getitem__(self, key: Literal["reference", "email", "contact_by"], /) -> Optional[str]: ...
    @overload
    def __getitem__(self, key: Literal["line"], /) -> int: ...
    @overload
    def __getitem__(self, key: Literal["status"], /) -> TriageStatus: ...
    @overload
    def __getitem__(self, key: Literal["rank"], /) -> Optional[int]: ...
    @overload
    def __getitem__(self, key: Literal["errors"], /) -> List[FieldError]: ...
    @overload
    def __getitem__(self, key: Literal["completeness"], /) -> float: ...
    @overload
    def __getitem__(self, key: Literal["eligibility"], /) -> Optional[Decision]: ...
    @overload
    def __getitem__(self, key: Literal["priority"], /) -> Optional[Priority]: ...
    @overload
    def __getitem__(self, key: Literal["on_hold"], /) -> Optional[Hold]: ...
    @overload
    def __getitem__(self, key: str, /) -> Any: ...

def validate_application(
    form: Mapping[str, Any], *, policy: Optional[Policy] = None, lang: str = "en"
) -> ApplicationValidation:
    """Validates one application form (``docs/wire-format.md#application-form``; APP-1..4).

    Never raises on the form's content: problems are data. Returns ``{"valid", "reference",
    "completeness", "errors"}``; ``completeness`` (0.0 to 1.0) counts the optional items given
    (APP-3), ``errors`` lists every field error ``{"path", "code", "message"}``. A form that
    is not a dict is one ``invalid_type`` error; a value with no JSON form inside it (bytes, a
    set, a naive datetime…) is one error at its path. Raises ``InputError`` only for a bad
    ``lang``.
    """

def evaluate_eligibility(
    situation: Mapping[str, Any], *, policy: Optional[Policy] = None, lang: str = "en"
) -> Decision:
    """Decides who signs, who invoices and what the applicant must do first (``docs/wire-format.md#decision``;
    WS-1..5, INT-5, POL-1), from a working situation such as
    ``{"country": "FR", "status": "freelancer", "business": {"registration_number": "…"}}``.

    Returns a ``Decision``: ``outcome``, ``contracting_party``, ``invoicing_party``,
    ``payout``, ``registration``, ``required_actions``, ``recommended_actions`` and
    ``reasons``, read as attributes or by key (``d["outcome"]``), each action and reason
    citing its rule; ``d.to_dict()`` is the dict. Its fields are rendered when read, so a
    caller that reads only ``outcome`` does not pay for the messages. Raises ``InputError`` when the situation does not parse (a missing or unknown key,
    an unknown value, a wrong type such as a list, ``None`` or bytes), with every field
    error in ``errors()``.
    """

def evaluate_eligibility_many(
    situations: Iterable[Mapping[str, Any]], *, policy: Optional[Policy] = None, lang: str = "en"
) -> List[Union[Decision, EligibilityErrors]]:
    """``evaluate_eligibility`` on a list (or any iterable) of situations, in one call: one
    item per situation, in order, each situation read, decided and answered before the next.

    Each item is a ``Decision`` equal to what ``evaluate_eligibility(situation,
    policy=policy, lang=lang)`` returns, or, for a situation that does not parse, ``{"errors": [{"path", "code",
    "message"}]}``: the field errors that call would raise in its ``InputError``. One bad
    situation never stops the batch. Raises ``InputError`` (path ``situations``, code
    ``invalid_type``) when ``situations`` is not iterable or is a dict, a string or bytes, and
    for a bad ``lang``.

    >>> import mentor
    >>> items = mentor.evaluate_eligibility_many([{"country": "FR", "status": "student"}, {"country": "FR"}])
    >>> items[0] == mentor.evaluate_eligibility({"country": "FR", "status": "student"})
    True
    >>> [(e["path"], e["code"]) for e in items[1]["errors"]]
    [('status', 'required')]
    """

def triage(
    forms: Union[Iterable[Mapping[str, Any]], Mapping[str, Any]],
    *,
    policy: Optional[Policy] = None,
    now: Union[datetime, str, None] = None,
    lang: str = "en",
) -> List[TriageEntry]:
    """The main job (``docs/cli.md``): validates each form, decides its eligibility and ranks the
    valid ones for a call back (``docs/triage.md#review-queue``): one ``TriageEntry`` per
    form (``e.to_dict()`` is its dict, a line of ``mentor triage --json``).

    ``forms`` is a list (or any iterable) of forms, each entry's ``line`` being its index + 1;
    a single dict is a batch of one. A batch never stops on one bad form: an invalid form is
    reported with its errors (a form holding a value with no JSON form is ``invalid_json``,
    like an unreadable line of a file). The report lists the ranked forms in rank order, then
    ``on_hold``, ``ineligible`` and ``invalid`` ones. ``now`` (an aware ``datetime`` or an RFC
    3339 string; default: the current time) dates the waiting time and the forms without
    ``submitted_at``. The core works with the GIL released. Raises ``InputError`` only for a
    bad ``now`` or ``lang``.
    """

def triage_json_bytes(
    data: bytes,
    *,
    policy: Optional[Policy] = None,
    now: Union[datetime, str, None] = None,
    lang: str = "en",
) -> List[TriageEntry]:
    """``triage`` of a JSON array or JSON Lines document given as bytes (UTF-8): the fast
    path for big exports, as ``mentor triage --json`` reads files.

    ``line`` is the 1-based line (JSON Lines) or the array index + 1. A line that is not JSON
    (or not UTF-8) is one ``invalid`` entry with code ``invalid_json``; the others are still
    triaged. Reading and triage run with the GIL released.
    """

def triage_file(
    path: Union[str, "os.PathLike[str]"],
    *,
    policy: Optional[Policy] = None,
    now: Union[datetime, str, None] = None,
    lang: str = "en",
) -> List[TriageEntry]:
    """``triage_json_bytes`` of a JSON array or JSON Lines file given by its path: the same
    report as ``triage_json_bytes(open(path, "rb").read(), ...)``, but the file is read in
    64 KiB chunks and each form assessed as its line ends, as ``mentor triage`` reads files
    (memory holds the entries, not the file). Reading and triage run with the GIL released.

    Raises ``OSError`` (``FileNotFoundError``, ``PermissionError``…, with ``filename`` set)
    when the file cannot be opened or read; ``InputError`` with one ``invalid_json`` error
    (path ``""``) when the file is not text (it holds a NUL byte: binary data or UTF-16), and
    for a bad ``now`` or ``lang``.

    >>> import mentor, os, tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     path = os.path.join(d, "forms.jsonl")
    ...     with open(path, "w") as f:
    ...         _ = f.write('{"offer_id": 1}\\n')
    ...     [(e["line"], e["status"]) for e in mentor.triage_file(path, now="2026-11-30T09:00:00Z")]
    [(1, 'invalid')]
    """

def validate_registration_number(country: str, number: str, *, lang: str = "en") -> RegistrationNumberResult:
    """Checks a registration number against each scheme of ``country`` (``docs/registration/README.md``;
    WS-1).

    Returns ``{"country", "scheme", "normalized", "formatted", "valid"}``; ``valid`` means
    well-formed (check digits and format), not registered. When no scheme matches, ``valid``
    is false and ``error`` (``bad_check_digit``…, or ``unsupported_country``) and ``message``
    say why. Raises ``InputError`` when ``country`` is not an ISO 3166-1 alpha-2 code or an
    argument is not a string.
    """

def registration_schemes(country: str, *, lang: str = "en") -> RegistrationSchemes:
    """What the library knows of registering in ``country`` (``docs/registration/README.md``): its
    self-employed statuses, the procedure and the identifier schemes, each with an example. ``supported``
    is false (and the lists empty) for a country without rules. Raises ``InputError`` when
    ``country`` is not an ISO 3166-1 alpha-2 code.
    """

def error_codes() -> List[ErrorCodeInfo]:
    """The catalogue of field error codes (``docs/wire-format.md#field-errors``), stable across versions, each
    with its generic message in English and French: ``[{"code", "en", "fr"}]``."""

def verify_webhook(
    provider: str,
    secret: Union[str, bytes, None],
    headers: Union[Mapping[str, str], Iterable[Tuple[str, str]]],
    body: bytes,
    *,
    now: Union[datetime, str, None] = None,
    lang: str = "en",
) -> WebhookDelivery:
    """Verifies one e-signature webhook delivery and returns its normalised events
    (``docs/esign.md``; CON-2, CON-3): ``{"provider", "verified", "events"}``, as ``mentor webhook PROVIDER
    … --json`` prints it.

    ``provider`` is a wire name: ``concord``, ``docusign``, ``dropbox_sign``, ``yousign``,
    ``documenso`` or ``docuseal``. ``secret`` is the webhook secret (DocuSign's HMAC key,
    Dropbox Sign's API key…), used as its UTF-8 bytes; ``None`` for Concord, which documents
    no signature. ``headers`` are the request's headers, names in any case: a mapping (a dict
    or a web framework's header object: anything with ``items()``) or an iterable of ``(name,
    value)`` pairs. ``body`` is the raw request body, exactly as received (a re-encoded body
    does not verify). ``now`` (an aware ``datetime`` or an RFC 3339 string; default: the
    current time) is checked against DocuSeal's signed timestamp (±5 minutes).

    The check runs on the raw bytes before parsing, in constant time, with the GIL released.
    ``verified`` is true when the signature matched, false for Concord's unverified
    deliveries (their events have ``hint`` true: confirm them with the provider). Each event
    is ``{"provider", "request_id", "signer_id", "new_signer_id", "kind", "provider_event",
    "occurred_at", "dedupe_key", "hint"}``; an unknown event type is an event of kind
    ``unknown``, never an error.

    Raises ``SignatureError`` when the check fails: ``code`` is ``empty_secret``,
    ``missing_header``, ``malformed_header``, ``missing_signature``, ``bad_signature`` or
    ``stale_timestamp``, and the message (in ``lang``) says which check failed. Raises
    ``InputError`` when the body is not the provider's documented payload (field errors at
    the payload's paths, such as ``data.envelopeId``; values are never quoted), or for an
    unknown provider or an argument of the wrong type.
    """

def billing_statement(
    contract: Mapping[str, Any],
    sessions: Iterable[Mapping[str, Any]],
    period: str,
    *,
    policy: Optional[Policy] = None,
    lang: str = "en",
) -> BillingStatement:
    """The monthly statement of a contract (``docs/billing.md``; CON-1, BIL-1), as ``mentor statement
    --json`` prints it.

    ``contract`` is the contract for billing (``{"contract_id", "invoicing_party",
    "customer", "versions"}``, see docs/billing.md), ``sessions`` a list (or any iterable) of
    sessions ``{"session_id", "started_at", "duration_minutes", "session_type",
    "student_ref", "status"}``, ``period`` a month ``"YYYY-MM"`` in the policy's billing time
    zone (default ``Europe/Paris``); the policy's ``[billing]`` shares pay no-shows and late
    cancellations. Returns ``{"contract_id", "period", "time_zone", "currency",
    "invoicing_party", "customer", "vat", "lines", "subtotals", "total_excluding_vat",
    "vat_amount", "total"}``, money as decimal strings rounded per line, and the VAT
    treatment with the mention to write on the invoice.

    Raises ``InputError`` with every problem in ``errors()`` (paths under ``contract``,
    ``sessions[i]``, ``period``): a period such as ``2026-13`` (``invalid_period``), a session
    that does not read, a session type the contract has no rate for
    (``unknown_session_type``), a date no version covers (``no_terms_in_force``), a repeated
    id (``duplicate_session``). No statement is made while one session cannot be billed.
    """

def check_invoice(statement: Mapping[str, Any], invoice: Mapping[str, Any], *, lang: str = "en") -> InvoiceCheck:
    """Checks a received invoice against a statement (``docs/billing.md``; BIL-1), as ``mentor
    check-invoice --json`` prints it: ``{"invoice_number", "matches", "discrepancies"}``, each
    discrepancy ``{"code", "field", "expected", "found", "message"}`` (``amount_mismatch``,
    ``vat_charged``, ``missing_vat_mention``…). Every discrepancy is reported.

    ``statement`` is a statement as ``billing_statement`` returns it (every figure is checked
    against the others: an edited one is ``inconsistent_amount``); ``invoice`` is
    ``{"invoice_number", "issued_on", "period", "issuer": {"country",
    "registration_number"}, "currency", "total_excluding_vat", "vat_amount", "total",
    "mentions"}``. Raises ``InputError`` when either does not read (paths under
    ``statement`` and ``invoice``).
    """

@final
class Application:
    """An application's lifecycle (``docs/lifecycles.md``), the fold of its events: ``submitted →
    in_review → interview_scheduled → interviewed → selected | rejected``, then
    ``contract_sent → contract_signed → onboarded``; ``on_hold``, ``no_show``, ``withdrawn``.

    An event is a dict in the wire form ``{"type", "at", "actor", "version", …data}``
    (``at``: an aware ``datetime`` or an RFC 3339 string). The transition table of mentor-core
    decides every move. An application pickles (as the replay of its events).
    """

    def __init__(self) -> None:
        """An application with no event yet (``state`` is ``None``)."""
    def apply(self, event: Mapping[str, Any]) -> None:
        """Applies one event. Raises ``InputError`` when the event does not parse and
        ``TransitionError`` when the current state does not allow it (or it is dated before
        the previous event); the application is then unchanged."""
    @classmethod
    def replay(cls, events: Iterable[Mapping[str, Any]]) -> "Application":
        """The application after ``events``, in order. Raises ``InputError`` listing every
        event that does not parse (paths start with its index: ``[2].at``), else
        ``TransitionError`` for the first refused event, with its 0-based ``index``."""
    @property
    def state(self) -> Optional[str]:
        """The current state (``"in_review"``…); ``None`` before the first event."""
    @property
    def events(self) -> List[Dict[str, Any]]:
        """The accepted events, in order, in their wire form."""
    def allowed_events(self) -> List[str]:
        """The event types the transition table allows now, in table order."""
    def to_dict(self) -> Dict[str, Any]:
        """The application's data: ``{"state", "offer_id", "interview", "reschedules",
        "no_shows", "scorecard", "contract_id", "rejected_from", "last_event_at"}``."""
    @property
    def data(self) -> Dict[str, Any]:
        """The same dict as ``to_dict()``."""
    @staticmethod
    def to_mermaid() -> str:
        """The Mermaid ``stateDiagram-v2`` of the lifecycle, drawn from the same transition
        table that ``apply`` uses."""

@final
class Contract:
    """A contract's lifecycle (``docs/lifecycles.md``; CON-1..3), the fold of its events: ``draft → sent →
    viewed → partially_signed → signed → active``, then ``amended``, ``terminated`` or
    ``expired``; ``declined``, ``voided`` or ``signing_expired`` while it is out for
    signature. Signers are tracked one by one, and only move forward.

    Events are dicts in the wire form, as for ``Application``. A contract pickles (as the
    replay of its events).
    """

    def __init__(self) -> None:
        """A contract with no event yet (``state`` is ``None``)."""
    def apply(self, event: Mapping[str, Any]) -> None:
        """Applies one event. Raises ``InputError`` when the event does not parse and
        ``TransitionError`` when it is not allowed now (``code`` says why: the state, the
        order of events, a signer already final, or data that contradicts the contract); the
        contract is then unchanged."""
    @classmethod
    def replay(cls, events: Iterable[Mapping[str, Any]]) -> "Contract":
        """The contract after ``events``, in order. Raises ``InputError`` listing every event
        that does not parse (paths start with its index), else ``TransitionError`` for the
        first refused event, with its 0-based ``index``."""
    @property
    def state(self) -> Optional[str]:
        """The current state (``"sent"``…); ``None`` before the first event."""
    @property
    def events(self) -> List[Dict[str, Any]]:
        """The accepted events, in order, in their wire form."""
    def allowed_events(self) -> List[str]:
        """The event types the transition table allows now, in table order."""
    def to_dict(self) -> Dict[str, Any]:
        """The contract's data: ``{"state", "contract_id", "terms", "contracting_party",
        "signers", "provider", "request_id", "supersedes", "superseded_by", "terminated_on",
        "last_event_at"}``."""
    @property
    def data(self) -> Dict[str, Any]:
        """The same dict as ``to_dict()``."""
    @staticmethod
    def to_mermaid() -> str:
        """The Mermaid ``stateDiagram-v2`` of the lifecycle, drawn from the same transition
        table that ``apply`` uses."""

def erase_application(
    events: Iterable[Mapping[str, Any]], at: Union[datetime, str, None] = None
) -> List[Dict[str, Any]]:
    """The application's event log with its personal data removed and an ``erased`` event
    appended (``docs/lifecycles.md#personal-data``, GDPR art. 17): the interview's time zone
    becomes ``"UTC"``; ids, scores and dates are kept, and the log replays to the same states
    and allowed events. ``at`` dates the ``erased`` event (an aware ``datetime`` or an RFC
    3339 string; default: now). A log that ends with ``erased`` comes back unchanged.

    Raises ``InputError`` when an event does not parse (paths ``[2].at``) or ``at`` is not an
    instant (path ``at``), ``TransitionError`` (with ``index``) when the log does not replay,
    is empty, or ``at`` is before its last event."""

def erase_contract(
    events: Iterable[Mapping[str, Any]], at: Union[datetime, str, None] = None
) -> List[Dict[str, Any]]:
    """The contract's event log with its personal data removed and an ``erased`` event
    appended (``docs/lifecycles.md#personal-data``, GDPR art. 17): the contracting party's
    ``registration_number`` becomes ``None``; ids, terms and dates are kept, and the log
    replays to the same states and allowed events. ``at`` and the errors as for
    ``erase_application``."""
