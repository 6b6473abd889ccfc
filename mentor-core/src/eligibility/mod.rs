//! The decision on an applicant's working status (`docs/wire-format.md#decision`, WS-1..5): can they sign a
//! contract, through whom, who bills the company, and what must they do first.
//!
//! The decision table, exactly as `docs/wire-format.md#decision` states it:
//! - employee, no route → `action_required` [`choose_route`];
//! - employee via employer: agreement `agreed` and sector suited → `eligible` (employer signs,
//!   bills, pays through payroll); sector not suited → `needs_review`
//!   (`employer_sector_unusual`); `not_asked` → [`obtain_employer_agreement`]; `refused` →
//!   [`register_business`] with `employer_refused` (the own-company route stays open);
//! - employee via own company, freelancer, company owner, self-employed: a well-formed number
//!   → `eligible` (the mentor's business signs and invoices); no number →
//!   [`provide_registration_number`] (an employee with no `business` at all:
//!   [`register_business`]); a number that is not well-formed → [`fix_registration_number`];
//!   via own company without having informed the employer → `inform_employer` recommended;
//! - student, job seeker, retired, other: no `business` → [`register_as_self_employed`];
//!   with one → exactly as a freelancer;
//! - a country without registration rules → `needs_review` (`country_rules_unknown`) where a
//!   number would have to be checked; a country the policy excludes → `ineligible`.
//!
//! Several rows may apply; the outcome is the worst and every action and reason is listed.
//! Messages are rendered only when the decision is serialized ([`Decision::render`], which
//! [`Decision::to_json`] and [`evaluate_json_text`] use), in the caller's language.
//!
//! Reading of the seed where the decision table (`docs/wire-format.md#decision`) is silent: the registration
//! number sits with the `business`, so a refused employer with a business on file still gets
//! `register_business` (the table says so); `mentor_business_signs` / `employer_signs` is given whenever the
//! contracting party is known, since it is the reason for that party.
//!
//! [`choose_route`]: ActionCode::ChooseRoute
//! [`obtain_employer_agreement`]: ActionCode::ObtainEmployerAgreement
//! [`register_business`]: ActionCode::RegisterBusiness
//! [`provide_registration_number`]: ActionCode::ProvideRegistrationNumber
//! [`fix_registration_number`]: ActionCode::FixRegistrationNumber
//! [`register_as_self_employed`]: ActionCode::RegisterAsSelfEmployed

use serde_json::Value;

mod wire;

use wire::Message;

use crate::country::CountryCode;
use crate::error::InputError;
use crate::i18n::{Lang, Localized, Text};
use crate::policy::Policy;
use crate::registration::{self, InvalidNumber, RegistrationError, RegistrationNumber};
use crate::rule::Rule;

pub use crate::situation::{
    Business, EmployerAgreement, EmployerSector, Employment, Route, WorkingSituation, WorkingStatus,
};

/// The decision's outcome, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Can sign now.
    Eligible,
    /// A mentor manager must look at it.
    NeedsReview,
    /// The applicant must do something first.
    ActionRequired,
    /// Cannot be contracted (POL-1).
    Ineligible,
}

vocabulary! {
    /// Who signs the contract, or bills the company.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Party {
        /// The employer (WS-2).
        Employer = "employer",
        /// The mentor's own business (WS-3, WS-4, WS-5).
        MentorBusiness = "mentor_business",
    }
}

/// How the mentor is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Payout {
    /// With the usual salary (WS-2).
    EmployerPayroll,
    /// The mentor's business invoices the company (BIL-1).
    Invoice,
}

/// Something the applicant must (or should) do, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ActionCode {
    /// Choose between the employer and an own company (WS-2/WS-3).
    ChooseRoute,
    /// Ask the employer to agree (WS-2).
    ObtainEmployerAgreement,
    /// Set up an own small business (WS-3).
    RegisterBusiness,
    /// Register as self-employed in the country (WS-5).
    RegisterAsSelfEmployed,
    /// Give the business's registration number (WS-1).
    ProvideRegistrationNumber,
    /// Correct a number that is not well-formed (WS-1).
    FixRegistrationNumber,
    /// Tell the employer about mentoring on the side (WS-3; a recommendation).
    InformEmployer,
}

/// Why the decision is what it is, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReasonCode {
    /// The employer signs, bills and pays (WS-2).
    EmployerSigns,
    /// The mentor's business signs and invoices (WS-3/4/5).
    MentorBusinessSigns,
    /// The employer refused (WS-2).
    EmployerRefused,
    /// The employer's sector is not one that usually suits WS-2.
    EmployerSectorUnusual,
    /// No registered business yet (WS-5).
    NoRegisteredBusiness,
    /// The registration number is not well-formed (WS-1).
    RegistrationNumberInvalid,
    /// The working situation is settled at the first interview (INT-5).
    StatusToSettleAtInterview,
    /// The library cannot check this country's numbers (WS-1).
    CountryRulesUnknown,
    /// The policy excludes the country (POL-1).
    CountryExcluded,
}

/// An action with the rule it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Action {
    /// What to do.
    pub code: ActionCode,
    /// The rule that asks for it.
    pub rule: Rule,
}

/// A reason with the rule it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reason {
    /// Why.
    pub code: ReasonCode,
    /// The rule it comes from.
    pub rule: Rule,
}

/// What the check of a registration number found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistrationCheck {
    /// Well-formed for this scheme (not a proof of registration).
    WellFormed(RegistrationNumber),
    /// Not well-formed: the closest scheme and why.
    NotWellFormed(InvalidNumber),
}

/// The eligibility decision (`docs/wire-format.md#decision`). Render it with [`Decision::render`] (any
/// serde serializer) or [`Decision::to_json`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The worst outcome of the rows that apply.
    outcome: Outcome,
    /// Who will sign once the required actions are done; `None` while a route is to choose.
    contracting_party: Option<Party>,
    /// Who will bill the company (BIL-1).
    invoicing_party: Option<Party>,
    /// How the mentor is paid.
    payout: Option<Payout>,
    /// The check of the business's registration number, when one was checked.
    registration: Option<RegistrationCheck>,
    /// What must be done before a contract can be signed.
    required_actions: Vec<Action>,
    /// What should be done.
    recommended_actions: Vec<Action>,
    /// Why.
    reasons: Vec<Reason>,
    /// The country whose rules applied (it fills the actions' params).
    country: CountryCode,
}

impl Decision {
    /// The worst outcome of the rows that apply.
    #[must_use]
    pub fn outcome(&self) -> Outcome {
        self.outcome
    }

    /// Who will sign once the required actions are done; `None` while a route is to choose.
    #[must_use]
    pub fn contracting_party(&self) -> Option<Party> {
        self.contracting_party
    }

    /// Who will bill the company (BIL-1).
    #[must_use]
    pub fn invoicing_party(&self) -> Option<Party> {
        self.invoicing_party
    }

    /// How the mentor is paid.
    #[must_use]
    pub fn payout(&self) -> Option<Payout> {
        self.payout
    }

    /// The check of the business's registration number, when one was checked.
    #[must_use]
    pub fn registration(&self) -> Option<RegistrationCheck> {
        self.registration
    }

    /// What must be done before a contract can be signed.
    #[must_use]
    pub fn required_actions(&self) -> &[Action] {
        &self.required_actions
    }

    /// What should be done.
    #[must_use]
    pub fn recommended_actions(&self) -> &[Action] {
        &self.recommended_actions
    }

    /// Why.
    #[must_use]
    pub fn reasons(&self) -> &[Reason] {
        &self.reasons
    }
}

impl Decision {
    fn new(country: CountryCode) -> Self {
        Decision {
            outcome: Outcome::Eligible,
            contracting_party: None,
            invoicing_party: None,
            payout: None,
            registration: None,
            required_actions: Vec::new(),
            recommended_actions: Vec::new(),
            reasons: Vec::new(),
            country,
        }
    }

    /// The country whose rules applied: the working situation's (`docs/wire-format.md#working-situation`),
    /// where the contracting party is or will be registered.
    ///
    /// ```
    /// use mentor_core::eligibility::{evaluate, WorkingSituation};
    /// use mentor_core::policy::Policy;
    /// let s = WorkingSituation::from_json(&serde_json::json!({"country": "SN", "status": "student"})).unwrap();
    /// assert_eq!(evaluate(&s, &Policy::default()).country().as_str(), "SN");
    /// ```
    #[must_use]
    pub fn country(&self) -> CountryCode {
        self.country
    }

    fn at_least(&mut self, outcome: Outcome) {
        self.outcome = self.outcome.max(outcome);
    }

    fn require(&mut self, code: ActionCode, rule: Rule) {
        self.at_least(Outcome::ActionRequired);
        self.required_actions.push(Action { code, rule });
    }

    fn recommend(&mut self, code: ActionCode, rule: Rule) {
        self.recommended_actions.push(Action { code, rule });
    }

    fn reason(&mut self, code: ReasonCode, rule: Rule) {
        self.reasons.push(Reason { code, rule });
    }

    fn parties(&mut self, party: Party, payout: Payout, rule: Rule) {
        self.contracting_party = Some(party);
        self.invoicing_party = Some(party);
        self.payout = Some(payout);
        let reason = match party {
            Party::Employer => ReasonCode::EmployerSigns,
            Party::MentorBusiness => ReasonCode::MentorBusinessSigns,
        };
        self.reason(reason, rule);
    }

    /// The decision for an application whose working situation is not given yet: it is
    /// settled at the first interview (INT-5), so `needs_review`. The situation's country
    /// defaults to the applicant's (`docs/wire-format.md#working-situation`), so a country the policy
    /// excludes still makes the application `ineligible` (POL-1).
    #[must_use]
    pub fn to_settle_at_interview(country: CountryCode, policy: &Policy) -> Decision {
        let mut d = Decision::new(country);
        exclusion(&mut d, country, policy);
        d.at_least(Outcome::NeedsReview);
        d.reason(ReasonCode::StatusToSettleAtInterview, Rule::Int5);
        d
    }
}

/// A [`Decision`] as a queue of many keeps it (`triage::Triage`, issue 15): the same facts,
/// its short lists inline instead of three heap allocations. [`PackedDecision::unpack`] gives
/// back an equal decision.
#[derive(Clone, Debug)]
pub(crate) struct PackedDecision {
    outcome: Outcome,
    contracting_party: Option<Party>,
    invoicing_party: Option<Party>,
    payout: Option<Payout>,
    country: CountryCode,
    registration: Option<RegistrationCheck>,
    lists: Lists,
}

/// The actions and reasons of a packed decision: inline while they fit (every row of the
/// decision table gives at most one required action, one recommended and three reasons),
/// else as they were.
#[derive(Clone, Debug)]
enum Lists {
    Inline {
        required: [Option<Action>; 2],
        recommended: [Option<Action>; 1],
        reasons: [Option<Reason>; 4],
    },
    Spilled(Box<(Vec<Action>, Vec<Action>, Vec<Reason>)>),
}

/// `items` in front of `N` slots, or `None` when they do not fit.
fn inline<T: Copy, const N: usize>(items: &[T]) -> Option<[Option<T>; N]> {
    if items.len() > N {
        return None;
    }
    let mut slots = [None; N];
    for (slot, item) in slots.iter_mut().zip(items) {
        *slot = Some(*item);
    }
    Some(slots)
}

impl Decision {
    /// The decision in fewer bytes.
    pub(crate) fn pack(self) -> PackedDecision {
        let lists = match (
            inline(&self.required_actions),
            inline(&self.recommended_actions),
            inline(&self.reasons),
        ) {
            (Some(required), Some(recommended), Some(reasons)) => Lists::Inline {
                required,
                recommended,
                reasons,
            },
            _ => Lists::Spilled(Box::new((
                self.required_actions,
                self.recommended_actions,
                self.reasons,
            ))),
        };
        PackedDecision {
            outcome: self.outcome,
            contracting_party: self.contracting_party,
            invoicing_party: self.invoicing_party,
            payout: self.payout,
            country: self.country,
            registration: self.registration,
            lists,
        }
    }
}

impl PackedDecision {
    /// The decision that was packed.
    pub(crate) fn unpack(self) -> Decision {
        let (required_actions, recommended_actions, reasons) = match self.lists {
            Lists::Inline {
                required,
                recommended,
                reasons,
            } => (
                required.into_iter().flatten().collect(),
                recommended.into_iter().flatten().collect(),
                reasons.into_iter().flatten().collect(),
            ),
            Lists::Spilled(lists) => *lists,
        };
        Decision {
            outcome: self.outcome,
            contracting_party: self.contracting_party,
            invoicing_party: self.invoicing_party,
            payout: self.payout,
            registration: self.registration,
            required_actions,
            recommended_actions,
            reasons,
            country: self.country,
        }
    }
}

/// The message of an action: the country, where it has one, is the decision's.
const fn action_message(code: ActionCode, lang: Lang) -> Message {
    match (code, lang) {
        (ActionCode::ChooseRoute, Lang::En) => Message::Fixed(
            "choose how to mentor: through your employer, or through a small business of your own",
        ),
        (ActionCode::ChooseRoute, Lang::Fr) => Message::Fixed(
            "choisissez comment mentorer : par votre employeur, ou par votre propre petite entreprise",
        ),
        (ActionCode::ObtainEmployerAgreement, Lang::En) => {
            Message::Fixed("ask your employer to agree to sign the contract and pay you through your salary")
        }
        (ActionCode::ObtainEmployerAgreement, Lang::Fr) => Message::Fixed(
            "demandez à votre employeur d'accepter de signer le contrat et de vous rémunérer avec votre salaire",
        ),
        (ActionCode::RegisterBusiness, Lang::En) => Message::Country(
            "set up your own small business in ",
            " to sign the contract yourself",
        ),
        (ActionCode::RegisterBusiness, Lang::Fr) => Message::Country(
            "créez votre propre petite entreprise (",
            ") pour signer le contrat vous-même",
        ),
        (ActionCode::RegisterAsSelfEmployed, Lang::En) => Message::Country(
            "register as self-employed in ",
            " before the contract can be signed",
        ),
        (ActionCode::RegisterAsSelfEmployed, Lang::Fr) => Message::Country(
            "immatriculez-vous comme indépendant (",
            ") avant de pouvoir signer le contrat",
        ),
        (ActionCode::ProvideRegistrationNumber, Lang::En) => {
            Message::Fixed("give your business's registration number: it is needed to invoice the company")
        }
        (ActionCode::ProvideRegistrationNumber, Lang::Fr) => Message::Fixed(
            "indiquez le numéro d'immatriculation de votre entreprise : il est nécessaire pour facturer",
        ),
        (ActionCode::FixRegistrationNumber, Lang::En) => {
            Message::Fixed("check the registration number: it is not well-formed")
        }
        (ActionCode::FixRegistrationNumber, Lang::Fr) => {
            Message::Fixed("vérifiez le numéro d'immatriculation : il n'est pas bien formé")
        }
        (ActionCode::InformEmployer, Lang::En) => {
            Message::Fixed("tell your employer that you mentor in your free time")
        }
        (ActionCode::InformEmployer, Lang::Fr) => {
            Message::Fixed("informez votre employeur que vous mentorez sur votre temps libre")
        }
    }
}

const fn reason_text(code: ReasonCode) -> Text {
    match code {
        ReasonCode::EmployerSigns => Text::new(
            "your employer signs the contract, invoices the company and pays you with your salary",
            "votre employeur signe le contrat, facture l'entreprise et vous rémunère avec votre salaire",
        ),
        ReasonCode::MentorBusinessSigns => Text::new(
            "your business signs the contract and invoices the company",
            "votre entreprise signe le contrat et facture l'entreprise",
        ),
        ReasonCode::EmployerRefused => Text::new(
            "your employer refused; you can still mentor through a business of your own",
            "votre employeur a refusé ; vous pouvez encore mentorer par votre propre entreprise",
        ),
        ReasonCode::EmployerSectorUnusual => Text::new(
            "mentoring through the employer usually suits tutoring, education or IT services companies: a mentor manager will check",
            "mentorer par l'employeur convient d'ordinaire aux entreprises de soutien scolaire, d'éducation ou de services informatiques : un responsable des mentors vérifiera",
        ),
        ReasonCode::NoRegisteredBusiness => Text::new(
            "billing the company requires a registered professional status",
            "facturer l'entreprise nécessite un statut professionnel immatriculé",
        ),
        ReasonCode::RegistrationNumberInvalid => Text::new(
            "the registration number is not well-formed for any scheme of the country",
            "le numéro d'immatriculation n'est bien formé pour aucun des identifiants du pays",
        ),
        ReasonCode::StatusToSettleAtInterview => Text::new(
            "the working status will be settled at the first interview",
            "le statut professionnel sera réglé lors du premier entretien",
        ),
        ReasonCode::CountryRulesUnknown => Text::new(
            "the library cannot check registration numbers of this country: a mentor manager will check",
            "la bibliothèque ne sait pas vérifier les numéros d'immatriculation de ce pays : un responsable des mentors vérifiera",
        ),
        ReasonCode::CountryExcluded => Text::new(
            "the programme does not contract with mentors registered in this country",
            "le programme ne contracte pas avec des mentors immatriculés dans ce pays",
        ),
    }
}

/// Decides the working-status questions of a situation (`docs/wire-format.md#decision`). Pure and total:
/// every parsed situation gets a decision.
///
/// ```
/// use mentor_core::eligibility::{evaluate, Outcome, Party, WorkingSituation};
/// use mentor_core::policy::Policy;
/// let s = WorkingSituation::from_json(&serde_json::json!({
///     "country": "FR", "status": "freelancer",
///     "business": {"registration_number": "732 829 320 00074"}
/// })).unwrap();
/// let d = evaluate(&s, &Policy::default());
/// assert_eq!(d.outcome(), Outcome::Eligible);
/// assert_eq!(d.contracting_party(), Some(Party::MentorBusiness));
/// ```
#[must_use]
pub fn evaluate(situation: &WorkingSituation, policy: &Policy) -> Decision {
    let mut d = Decision::new(situation.country());
    exclusion(&mut d, situation.country(), policy);
    match situation.status() {
        WorkingStatus::Employee => match situation.route() {
            None => d.require(ActionCode::ChooseRoute, Rule::Ws2),
            Some(Route::ViaEmployer) => through_employer(&mut d, situation, policy),
            Some(Route::ViaOwnCompany) => {
                through_own_business(&mut d, situation, Rule::Ws3, true);
                if !situation.employment().employer_informed {
                    d.recommend(ActionCode::InformEmployer, Rule::Ws3);
                }
            }
        },
        WorkingStatus::Freelancer | WorkingStatus::CompanyOwner | WorkingStatus::SelfEmployed => {
            through_own_business(&mut d, situation, Rule::Ws4, false);
        }
        WorkingStatus::Student | WorkingStatus::JobSeeker | WorkingStatus::Retired | WorkingStatus::Other => {
            if situation.business().is_some() {
                through_own_business(&mut d, situation, Rule::Ws4, false);
            } else {
                d.parties(Party::MentorBusiness, Payout::Invoice, Rule::Ws5);
                d.require(ActionCode::RegisterAsSelfEmployed, Rule::Ws5);
                d.reason(ReasonCode::NoRegisteredBusiness, Rule::Ws5);
            }
        }
    }
    d
}

/// POL-1: the operator does not contract with mentors registered in an excluded country.
fn exclusion(d: &mut Decision, country: CountryCode, policy: &Policy) {
    if policy.excluded_countries.contains(&country) {
        d.at_least(Outcome::Ineligible);
        d.reason(ReasonCode::CountryExcluded, Rule::Pol1);
    }
}

/// WS-2: the employer signs, bills and pays through payroll, if it agrees.
fn through_employer(d: &mut Decision, situation: &WorkingSituation, policy: &Policy) {
    let employment = situation.employment();
    if employment.agreement == EmployerAgreement::Refused {
        d.parties(Party::MentorBusiness, Payout::Invoice, Rule::Ws3);
        d.require(ActionCode::RegisterBusiness, Rule::Ws3);
        d.reason(ReasonCode::EmployerRefused, Rule::Ws2);
        return;
    }
    d.parties(Party::Employer, Payout::EmployerPayroll, Rule::Ws2);
    if !policy.employer_sectors_suited.contains(&employment.sector) {
        d.at_least(Outcome::NeedsReview);
        d.reason(ReasonCode::EmployerSectorUnusual, Rule::Ws2);
    }
    if employment.agreement == EmployerAgreement::NotAsked {
        d.require(ActionCode::ObtainEmployerAgreement, Rule::Ws2);
    }
}

/// WS-3/4 (and WS-5 with a business): the mentor's business signs and invoices, with a
/// registration number that proves it is registered (WS-1).
fn through_own_business(d: &mut Decision, situation: &WorkingSituation, rule: Rule, employee: bool) {
    d.parties(Party::MentorBusiness, Payout::Invoice, rule);
    let Some(business) = situation.business() else {
        if employee {
            d.require(ActionCode::RegisterBusiness, Rule::Ws3);
        } else {
            d.require(ActionCode::ProvideRegistrationNumber, Rule::Ws1);
        }
        return;
    };
    let Some(number) = &business.registration_number else {
        d.require(ActionCode::ProvideRegistrationNumber, Rule::Ws1);
        return;
    };
    match registration::validate(situation.country(), number) {
        Ok(found) => d.registration = Some(RegistrationCheck::WellFormed(found)),
        Err(RegistrationError::UnsupportedCountry(_)) => {
            d.at_least(Outcome::NeedsReview);
            d.reason(ReasonCode::CountryRulesUnknown, Rule::Ws1);
        }
        Err(RegistrationError::Invalid(e)) => {
            d.registration = Some(RegistrationCheck::NotWellFormed(e));
            d.require(ActionCode::FixRegistrationNumber, Rule::Ws1);
            d.reason(ReasonCode::RegistrationNumberInvalid, Rule::Ws1);
        }
    }
}

/// [`evaluate`] on the wire format: a working situation in, the decision out.
///
/// # Errors
/// [`InputError`] when the situation does not parse.
///
/// ```
/// use mentor_core::{eligibility::evaluate_json, policy::Policy, Lang};
/// let out = evaluate_json(&serde_json::json!({"country": "FR", "status": "student"}), &Policy::default(), Lang::Fr).unwrap();
/// assert_eq!(out["required_actions"][0]["code"], "register_as_self_employed");
/// ```
pub fn evaluate_json(situation: &Value, policy: &Policy, lang: Lang) -> Result<Value, InputError> {
    let situation = WorkingSituation::from_json(situation)?;
    Ok(evaluate(&situation, policy).to_json(lang))
}

/// [`evaluate`] on JSON text, for bindings that hold text (a request body, a JS string): the
/// same answer as [`evaluate_json`] on the parsed text, read with
/// [`WorkingSituation::from_json_str`].
///
/// # Errors
/// [`InputError`] when the text is not JSON or the situation does not parse.
///
/// ```
/// use mentor_core::{eligibility::evaluate_json_str, policy::Policy, Lang};
/// let out = evaluate_json_str(r#"{"country": "FR", "status": "student"}"#, &Policy::default(), Lang::En).unwrap();
/// assert_eq!(out["outcome"], "action_required");
/// ```
pub fn evaluate_json_str(situation: &str, policy: &Policy, lang: Lang) -> Result<Value, InputError> {
    let situation = WorkingSituation::from_json_str(situation)?;
    Ok(evaluate(&situation, policy).to_json(lang))
}

/// [`evaluate`] from JSON text to JSON text, the fastest way through when both ends hold text
/// (a request body, a browser's string): the situation is read with
/// [`WorkingSituation::from_json_str`] and the decision written straight from
/// [`Decision::render`], with no JSON tree on either side. The text parses to exactly
/// [`evaluate_json`]'s value; its keys are in the order of `docs/wire-format.md#decision`.
///
/// # Errors
/// [`InputError`] when the text is not JSON or the situation does not parse.
///
/// ```
/// use mentor_core::{eligibility::evaluate_json_text, policy::Policy, Lang};
/// let out = evaluate_json_text(r#"{"country": "FR", "status": "student"}"#, &Policy::default(), Lang::En).unwrap();
/// assert!(out.starts_with(r#"{"outcome":"action_required","#));
/// ```
pub fn evaluate_json_text(situation: &str, policy: &Policy, lang: Lang) -> Result<String, InputError> {
    let situation = WorkingSituation::from_json_str(situation)?;
    let decision = evaluate(&situation, policy);
    Ok(decision.to_json_text(lang))
}

/// One situation's answer in a batch (Python's `evaluate_eligibility_many`, Node's
/// `evaluateEligibilityMany`): its decision, or, for a situation that does not parse, the field
/// errors [`evaluate`]'s callers would get, so that one bad situation never stops a batch. The
/// wire form is the decision's (`docs/wire-format.md#decision`), or `{"errors": [field errors]}`.
///
/// ```
/// use mentor_core::eligibility::{Answer, WorkingSituation};
/// use mentor_core::{policy::Policy, Lang, Localized};
/// let policy = Policy::default();
/// let good = Answer::of(WorkingSituation::from_json_str(r#"{"country": "FR", "status": "student"}"#), &policy);
/// assert!(good.to_json_text(Lang::En).starts_with(r#"{"outcome":"action_required","#));
/// let bad = Answer::of(WorkingSituation::from_json_str(r#"{"country": "FR"}"#), &policy);
/// assert_eq!(bad.to_json(Lang::En)["errors"][0]["code"], "required");
/// ```
#[derive(Clone, Debug)]
pub enum Answer {
    /// The situation's decision.
    Decision(Decision),
    /// Why the situation does not parse.
    Invalid(InputError),
}

impl Answer {
    /// The answer for a situation as it was read: decided under `policy`, or its reading errors.
    #[must_use]
    pub fn of(situation: Result<WorkingSituation, InputError>, policy: &Policy) -> Answer {
        match situation {
            Ok(situation) => Answer::Decision(evaluate(&situation, policy)),
            Err(errors) => Answer::Invalid(errors),
        }
    }
}

impl Localized for Answer {
    fn serialize_in<S: serde::Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Answer::Decision(decision) => decision.serialize_in(lang, serializer),
            Answer::Invalid(errors) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("errors", &errors.render(lang))?;
                map.end()
            }
        }
    }
}
