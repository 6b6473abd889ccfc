"""The eligibility decision (``docs/wire-format.md#decision``) as a demanding Python team would write it
without mentor: pydantic v2 models of the working situation, validated once, then plain Python rules
on the validated model.

This is the "pure-Python" contender of benches/python/compare.py (issue 8). It is written
the way such a team would write it, not tuned for the benchmark: enums for the vocabularies,
nested ``Employment`` and ``Business`` models, the defaults of ``docs/wire-format.md#working-situation``,
unknown keys refused (``extra="forbid"``), frozen models, and a ``Decision`` dataclass with the reason
codes next to the actions (the messages are left out: mentor renders them, so this side does
less work than mentor per call).

What this side does NOT do: check the registration number. Like the rules engines
(``benches/RESULTS.md#targets``: "registration check precomputed for the engines"), it takes the result of
mentor's check from the benchmark case (``facts["registration"]``) instead of porting the check digits of 15
countries. The comparison is therefore conservative: mentor checks the number on every call,
this side gets that answer for free.

The sectors that suit WS-2 and the excluded countries are literals here, as in every engine
of the benchmark; compare.py checks that they equal benches/engines/policy.toml before using
them.
"""

from __future__ import annotations

import dataclasses
from enum import Enum, IntEnum
from typing import Dict, FrozenSet, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from typing_extensions import Annotated

# -- the policy of the benchmark (benches/engines/policy.toml), as literals ------------------

#: The employer sectors that suit WS-2 (`docs/policy.md` `employer_sectors_suited`).
SECTORS_SUITED: FrozenSet[str] = frozenset({"tutoring", "education", "it_services"})
#: The countries the operator does not contract with (POL-1, `excluded_countries`).
EXCLUDED_COUNTRIES: FrozenSet[str] = frozenset({"RU"})

# -- the working situation (docs/wire-format.md#working-situation) -------------------------


class WorkingStatus(str, Enum):
    """What the applicant does for a living."""

    EMPLOYEE = "employee"
    FREELANCER = "freelancer"
    COMPANY_OWNER = "company_owner"
    SELF_EMPLOYED = "self_employed"
    STUDENT = "student"
    JOB_SEEKER = "job_seeker"
    RETIRED = "retired"
    OTHER = "other"


class EmployerSector(str, Enum):
    """The sector of an employee's employer."""

    TUTORING = "tutoring"
    EDUCATION = "education"
    IT_SERVICES = "it_services"
    OTHER = "other"


class EmployerAgreement(str, Enum):
    """Whether the employer agreed to the employee mentoring through it (WS-2)."""

    AGREED = "agreed"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"


class Route(str, Enum):
    """How an employee will be contracted."""

    VIA_EMPLOYER = "via_employer"
    VIA_OWN_COMPANY = "via_own_company"


CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=64)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class _Wire(BaseModel):
    """The wire format's conventions: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Employment(_Wire):
    """An employee's employment (ignored for other statuses)."""

    full_time: Optional[bool] = None
    employer_name: Optional[Name] = None
    employer_sector: EmployerSector = EmployerSector.OTHER
    employer_agreement: EmployerAgreement = EmployerAgreement.NOT_ASKED
    employer_informed: bool = False


class Business(_Wire):
    """The business the applicant has or creates."""

    legal_form: Optional[ShortText] = None
    registration_number: Optional[ShortText] = None


class WorkingSituation(_Wire):
    """An applicant's working situation (``docs/wire-format.md#working-situation``)."""

    country: CountryCode
    status: WorkingStatus
    employment: Employment = Field(default_factory=Employment)
    route: Optional[Route] = None
    business: Optional[Business] = None


# -- the decision (docs/wire-format.md#decision, without messages) -------------------------

#: The result of checking the business's registration number, precomputed by mentor:
#: `none` (no business or no number), `valid`, `invalid`, `unsupported` (no rules for the
#: country).
RegistrationCheck = Literal["none", "valid", "invalid", "unsupported"]
Party = Literal["employer", "mentor_business"]
Payout = Literal["employer_payroll", "invoice"]


class Outcome(IntEnum):
    """From best to worst: the decision's outcome is the worst of the rows that apply."""

    ELIGIBLE = 0
    NEEDS_REVIEW = 1
    ACTION_REQUIRED = 2
    INELIGIBLE = 3


_OUTCOME_NAMES = {
    Outcome.ELIGIBLE: "eligible",
    Outcome.NEEDS_REVIEW: "needs_review",
    Outcome.ACTION_REQUIRED: "action_required",
    Outcome.INELIGIBLE: "ineligible",
}

Answer = Dict[str, Union[str, None, List[str]]]


@dataclasses.dataclass
class Decision:
    """Who signs, who invoices, and what the applicant must (or should) do first."""

    outcome: Outcome = Outcome.ELIGIBLE
    contracting_party: Optional[Party] = None
    invoicing_party: Optional[Party] = None
    payout: Optional[Payout] = None
    required_actions: List[str] = dataclasses.field(default_factory=list)
    recommended_actions: List[str] = dataclasses.field(default_factory=list)
    reasons: List[str] = dataclasses.field(default_factory=list)

    def at_least(self, outcome: Outcome) -> None:
        """Raises the outcome to `outcome` if it is worse."""
        if outcome > self.outcome:
            self.outcome = outcome

    def require(self, action: str) -> None:
        """A required action: the applicant must act before signing."""
        self.at_least(Outcome.ACTION_REQUIRED)
        self.required_actions.append(action)

    def parties(self, party: Party, payout: Payout) -> None:
        """The party that signs and bills, and how the mentor is paid."""
        self.contracting_party = party
        self.invoicing_party = party
        self.payout = payout
        self.reasons.append("employer_signs" if party == "employer" else "mentor_business_signs")

    def answer(self) -> Answer:
        """The compared answer of the benchmark contract (action codes sorted)."""
        return {
            "outcome": _OUTCOME_NAMES[self.outcome],
            "contracting_party": self.contracting_party,
            "invoicing_party": self.invoicing_party,
            "payout": self.payout,
            "required_actions": sorted(self.required_actions),
            "recommended_actions": sorted(self.recommended_actions),
        }


# -- the rules (docs/wire-format.md#decision, WS-1..5, POL-1) ------------------------------

_OWN_ACCOUNT = frozenset({WorkingStatus.FREELANCER, WorkingStatus.COMPANY_OWNER, WorkingStatus.SELF_EMPLOYED})


def decide(situation: WorkingSituation, registration: RegistrationCheck) -> Decision:
    """The eligibility decision of a validated working situation, given the precomputed
    check of its registration number."""
    d = Decision()
    if situation.country in EXCLUDED_COUNTRIES:  # POL-1
        d.at_least(Outcome.INELIGIBLE)
        d.reasons.append("country_excluded")
    status = situation.status
    if status is WorkingStatus.EMPLOYEE:
        if situation.route is None:
            d.require("choose_route")
        elif situation.route is Route.VIA_EMPLOYER:
            _through_employer(d, situation.employment)
        else:
            _through_own_business(d, situation, registration, employee=True)
            if not situation.employment.employer_informed:
                d.recommended_actions.append("inform_employer")
    elif status in _OWN_ACCOUNT or situation.business is not None:  # WS-4, or WS-5 with a business
        _through_own_business(d, situation, registration, employee=False)
    else:  # WS-5
        d.parties("mentor_business", "invoice")
        d.require("register_as_self_employed")
        d.reasons.append("no_registered_business")
    return d


def _through_employer(d: Decision, employment: Employment) -> None:
    """WS-2: the employer signs, bills and pays through payroll, if it agrees."""
    if employment.employer_agreement is EmployerAgreement.REFUSED:
        d.parties("mentor_business", "invoice")
        d.require("register_business")
        d.reasons.append("employer_refused")
        return
    d.parties("employer", "employer_payroll")
    if employment.employer_sector.value not in SECTORS_SUITED:
        d.at_least(Outcome.NEEDS_REVIEW)
        d.reasons.append("employer_sector_unusual")
    if employment.employer_agreement is EmployerAgreement.NOT_ASKED:
        d.require("obtain_employer_agreement")


def _through_own_business(d: Decision, situation: WorkingSituation, registration: RegistrationCheck, *, employee: bool) -> None:
    """WS-3/4 (and WS-5 with a business): the mentor's business signs and invoices, with a
    registration number that proves it is registered (WS-1)."""
    d.parties("mentor_business", "invoice")
    business = situation.business
    if business is None:
        d.require("register_business" if employee else "provide_registration_number")
    elif business.registration_number is None:
        d.require("provide_registration_number")
    elif registration == "unsupported":
        d.at_least(Outcome.NEEDS_REVIEW)
        d.reasons.append("country_rules_unknown")
    elif registration == "invalid":
        d.require("fix_registration_number")
        d.reasons.append("registration_number_invalid")
