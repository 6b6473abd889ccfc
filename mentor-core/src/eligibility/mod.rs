//! The decision on an applicant's working status (DESIGN 4.3, WS-1..5): can they sign a
//! contract, through whom, who bills the company, and what must they do first.
//!
//! The decision table, exactly as DESIGN 4.3 writes it:
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
//! Reading of the seed where DESIGN is silent: the registration number sits with the
//! `business`, so a refused employer with a business on file still gets `register_business`
//! (the table says so); `mentor_business_signs` / `employer_signs` is given whenever the
//! contracting party is known, since it is the reason for that party.

use serde::Deserialize;
use serde_json::Value;

mod wire;

use wire::Message;
pub use wire::Rendered;

use crate::country::CountryCode;
use crate::error::{ErrorCode, InputError};
use crate::i18n::{Lang, Text};
use crate::policy::Policy;
use crate::read::{Path, Reader};
use crate::wire::{self as wire_format, Flag, Object, Str, Unknown};
use crate::registration::{self, InvalidNumber, RegistrationError, RegistrationNumber};
use crate::rule::Rule;

/// What the applicant does for a living (DESIGN 4.3 `status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkingStatus {
    /// Salaried (full or part time): WS-2 or WS-3.
    Employee,
    /// Works on their own account: WS-4.
    Freelancer,
    /// Owns a company: WS-4.
    CompanyOwner,
    /// Registered self-employed: WS-4.
    SelfEmployed,
    /// WS-5.
    Student,
    /// WS-5.
    JobSeeker,
    /// WS-5.
    Retired,
    /// WS-5.
    Other,
}

const STATUSES: &[(&str, WorkingStatus)] = &[
    ("employee", WorkingStatus::Employee),
    ("freelancer", WorkingStatus::Freelancer),
    ("company_owner", WorkingStatus::CompanyOwner),
    ("self_employed", WorkingStatus::SelfEmployed),
    ("student", WorkingStatus::Student),
    ("job_seeker", WorkingStatus::JobSeeker),
    ("retired", WorkingStatus::Retired),
    ("other", WorkingStatus::Other),
];

/// The sector of an employee's employer; WS-2 suits tutoring, education and IT services
/// (the policy's `employer_sectors_suited`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmployerSector {
    /// Tutoring.
    Tutoring,
    /// Education.
    Education,
    /// IT services.
    ItServices,
    /// Anything else (the default).
    #[default]
    Other,
}

const SECTORS: &[(&str, EmployerSector)] = &[
    ("tutoring", EmployerSector::Tutoring),
    ("education", EmployerSector::Education),
    ("it_services", EmployerSector::ItServices),
    ("other", EmployerSector::Other),
];

/// Whether the employer agreed to the employee mentoring through it (WS-2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum EmployerAgreement {
    /// Agreed.
    Agreed,
    /// Refused: the own-company route stays open.
    Refused,
    /// Not asked yet (the default).
    #[default]
    NotAsked,
}

const AGREEMENTS: &[(&str, EmployerAgreement)] =
    &[("agreed", EmployerAgreement::Agreed), ("refused", EmployerAgreement::Refused), ("not_asked", EmployerAgreement::NotAsked)];

/// How an employee will be contracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    /// Through the employer (WS-2).
    ViaEmployer,
    /// Through their own small business (WS-3).
    ViaOwnCompany,
}

const ROUTES: &[(&str, Route)] = &[("via_employer", Route::ViaEmployer), ("via_own_company", Route::ViaOwnCompany)];

/// An employee's employment (ignored for other statuses).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Employment {
    /// Informational: a part-time employee follows the same rules.
    pub full_time: Option<bool>,
    /// The employer's sector (default `other`).
    pub sector: EmployerSector,
    /// The employer's agreement (default `not_asked`).
    pub agreement: EmployerAgreement,
    /// Whether the employee told the employer (default false; WS-3 recommends it).
    pub employer_informed: bool,
}

/// The business the applicant has or creates.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Business {
    /// Free text such as `micro_entrepreneur` (at most 64 characters).
    pub legal_form: Option<String>,
    /// The number as typed; checked by the decision, not by the form.
    pub registration_number: Option<String>,
}

impl std::fmt::Debug for Business {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Business")
            .field("legal_form", &self.legal_form)
            .field("registration_number", &self.registration_number.as_ref().map(|_| "<given>"))
            .finish()
    }
}

/// An applicant's working situation (DESIGN 4.3 input), parsed.
///
/// ```
/// use mentor_core::eligibility::WorkingSituation;
/// let s = WorkingSituation::from_json(&serde_json::json!({"country": "FR", "status": "student"})).unwrap();
/// assert_eq!(s.country.as_str(), "FR");
/// assert!(WorkingSituation::from_json(&serde_json::json!({"status": "pirate"})).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingSituation {
    /// Where the person is or will be registered; alone drives the rules.
    pub country: CountryCode,
    /// What they do.
    pub status: WorkingStatus,
    /// Their employment, for employees.
    pub employment: Employment,
    /// The route chosen by an employee, if any.
    pub route: Option<Route>,
    /// Their business, if they have or create one.
    pub business: Option<Business>,
}

impl WorkingSituation {
    /// Parses a working situation on its own (`country` is then required).
    ///
    /// # Errors
    /// [`InputError`] with every field error (`required`, `invalid_enum`, `unknown_field`…).
    pub fn from_json(value: &Value) -> Result<WorkingSituation, InputError> {
        let form = wire_format::from_value(value).map_err(|e| InputError { errors: vec![e] })?;
        WorkingSituation::parse(&form)
    }

    /// Parses a working situation from JSON text, read straight into its raw form (no JSON
    /// tree): the same answer as [`from_json`] on the value the text parses to, and a key given
    /// twice is `duplicate_key` at its path.
    ///
    /// [`from_json`]: WorkingSituation::from_json
    ///
    /// ```
    /// use mentor_core::eligibility::WorkingSituation;
    /// let text = r#"{"country": "FR", "status": "freelancer", "business": {"registration_number": "73282932000074"}}"#;
    /// let fast = WorkingSituation::from_json_str(text).unwrap();
    /// assert_eq!(fast, WorkingSituation::from_json(&serde_json::from_str(text).unwrap()).unwrap());
    /// let err = WorkingSituation::from_json_str(r#"{"status": "pirate"}"#).unwrap_err();
    /// assert_eq!(err.errors.len(), 2); // country required, status not in the vocabulary
    /// ```
    ///
    /// # Errors
    /// [`InputError`]: `invalid_json` when the text is not JSON, `duplicate_key`, `too_deep`,
    /// or the field errors of [`from_json`].
    pub fn from_json_str(text: &str) -> Result<WorkingSituation, InputError> {
        let form = wire_format::from_str(text).map_err(|e| InputError { errors: vec![e] })?;
        WorkingSituation::parse(&form)
    }

    /// The situation of a raw form read on its own, or every problem found.
    fn parse(form: &Object<SituationForm<'_>>) -> Result<WorkingSituation, InputError> {
        let mut r = Reader::new();
        let parsed = r.obj(form, &Path::Root, true).and_then(|form| form.parse(&mut r, &Path::Root, Country::Required));
        r.finish(parsed)
    }
}

/// A working situation as sent (DESIGN 4.3 input): each field as found, read in one pass from
/// text, bytes or a value; [`SituationForm::parse`] finds every problem.
#[derive(Default, Deserialize)]
#[serde(default)]
pub(crate) struct SituationForm<'a> {
    #[serde(borrow)]
    country: Str<'a>,
    #[serde(borrow)]
    status: Str<'a>,
    #[serde(borrow)]
    employment: Object<EmploymentForm<'a>>,
    #[serde(borrow)]
    route: Str<'a>,
    #[serde(borrow)]
    business: Object<BusinessForm<'a>>,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct EmploymentForm<'a> {
    full_time: Flag,
    #[serde(borrow)]
    employer_name: Str<'a>,
    #[serde(borrow)]
    employer_sector: Str<'a>,
    #[serde(borrow)]
    employer_agreement: Str<'a>,
    employer_informed: Flag,
    #[serde(flatten)]
    unknown: Unknown,
}

#[derive(Default, Deserialize)]
#[serde(default)]
struct BusinessForm<'a> {
    #[serde(borrow)]
    legal_form: Str<'a>,
    #[serde(borrow)]
    registration_number: Str<'a>,
    #[serde(flatten)]
    unknown: Unknown,
}

/// The longest employer name, legal form and registration number, in characters.
const EMPLOYER_NAME_MAX: usize = 200;
const LEGAL_FORM_MAX: usize = 64;
const REGISTRATION_NUMBER_MAX: usize = 64;
/// The longest country field read before it is refused as not a code (a code is 2 letters;
/// longer text is `invalid_country`, past this `too_long`).
const COUNTRY_TEXT_MAX: usize = 64;

/// Where a working situation's country comes from when it does not give one.
pub(crate) enum Country {
    /// On its own, the situation must give its country.
    Required,
    /// In a form, the applicant's country, if it is valid (when it is not, the applicant's
    /// error is already reported and no second error is added).
    Applicant(Option<CountryCode>),
}

impl SituationForm<'_> {
    /// The situation at `path`, or `None` with every problem reported to `r`.
    pub(crate) fn parse(&self, r: &mut Reader, path: &Path<'_>, fallback: Country) -> Option<WorkingSituation> {
        r.unknown(&self.unknown, path);
        let country_path = path.key("country");
        let text = r.text(&self.country, &country_path, COUNTRY_TEXT_MAX, false);
        let country = match text {
            Some(_) => r.parse(text, &country_path, ErrorCode::InvalidCountry, CountryCode::parse),
            None => match fallback {
                Country::Applicant(country) => country,
                Country::Required => {
                    // Absent, null or blank (which `text` reads as absent, DESIGN 4.1); a value
                    // of the wrong type has its own error already.
                    if r.is_blank(&self.country) {
                        r.error(&country_path, ErrorCode::Required);
                    }
                    None
                }
            },
        };
        let status_path = path.key("status");
        let status = r.choice(&self.status, &status_path, STATUSES);
        if !self.status.is_present() {
            r.error(&status_path, ErrorCode::Required);
        }
        let employment_path = path.key("employment");
        let employment = r
            .obj(&self.employment, &employment_path, false)
            .map(|e| {
                r.unknown(&e.unknown, &employment_path);
                let full_time = r.boolean(&e.full_time, &employment_path.key("full_time"));
                r.text(&e.employer_name, &employment_path.key("employer_name"), EMPLOYER_NAME_MAX, false);
                Employment {
                    full_time,
                    sector: r.choice(&e.employer_sector, &employment_path.key("employer_sector"), SECTORS).unwrap_or_default(),
                    agreement: r.choice(&e.employer_agreement, &employment_path.key("employer_agreement"), AGREEMENTS).unwrap_or_default(),
                    employer_informed: r.boolean(&e.employer_informed, &employment_path.key("employer_informed")).unwrap_or(false),
                }
            })
            .unwrap_or_default();
        let route = r.choice(&self.route, &path.key("route"), ROUTES);
        let business_path = path.key("business");
        let business = r.obj(&self.business, &business_path, false).map(|b| {
            r.unknown(&b.unknown, &business_path);
            Business {
                legal_form: r.text(&b.legal_form, &business_path.key("legal_form"), LEGAL_FORM_MAX, false).map(str::to_owned),
                registration_number: r
                    .text(&b.registration_number, &business_path.key("registration_number"), REGISTRATION_NUMBER_MAX, false)
                    .map(str::to_owned),
            }
        });
        Some(WorkingSituation { country: country?, status: status?, employment, route, business })
    }
}

/// The decision's outcome, from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
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

/// Who signs the contract, or bills the company.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    /// The employer (WS-2).
    Employer,
    /// The mentor's own business (WS-3, WS-4, WS-5).
    MentorBusiness,
}

/// How the mentor is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payout {
    /// With the usual salary (WS-2).
    EmployerPayroll,
    /// The mentor's business invoices the company (BIL-1).
    Invoice,
}

/// Something the applicant must (or should) do, as a stable code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
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

/// The eligibility decision (DESIGN 4.3 output). Render it with [`Decision::render`] (any
/// serde serializer) or [`Decision::to_json`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    /// The worst outcome of the rows that apply.
    pub outcome: Outcome,
    /// Who will sign once the required actions are done; `None` while a route is to choose.
    pub contracting_party: Option<Party>,
    /// Who will bill the company (BIL-1).
    pub invoicing_party: Option<Party>,
    /// How the mentor is paid.
    pub payout: Option<Payout>,
    /// The check of the business's registration number, when one was checked.
    pub registration: Option<RegistrationCheck>,
    /// What must be done before a contract can be signed.
    pub required_actions: Vec<Action>,
    /// What should be done.
    pub recommended_actions: Vec<Action>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// The country whose rules applied (it fills the actions' params).
    country: CountryCode,
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

    /// The country whose rules applied: the working situation's (DESIGN 4.3), where the
    /// contracting party is or will be registered.
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
    /// defaults to the applicant's (DESIGN 4.3), so a country the policy excludes still makes
    /// the application `ineligible` (POL-1).
    #[must_use]
    pub fn to_settle_at_interview(country: CountryCode, policy: &Policy) -> Decision {
        let mut d = Decision::new(country);
        exclusion(&mut d, country, policy);
        d.at_least(Outcome::NeedsReview);
        d.reason(ReasonCode::StatusToSettleAtInterview, Rule::Int5);
        d
    }

    /// The wire form of DESIGN 4.3 as a JSON value, messages in `lang`: [`Decision::render`]
    /// serialized into a `serde_json::Value`. To write JSON text (or a binding's objects),
    /// serialize [`Decision::render`] directly, which builds no tree.
    #[must_use]
    #[expect(clippy::expect_used, reason = "serializing `Rendered` into a value cannot fail: every map key is a string")]
    pub fn to_json(&self, lang: Lang) -> Value {
        serde_json::to_value(self.render(lang)).expect("every map key is a string")
    }
}

/// The message of an action: the country, where it has one, is the decision's.
const fn action_message(code: ActionCode, lang: Lang) -> Message {
    match (code, lang) {
        (ActionCode::ChooseRoute, Lang::En) => Message::Fixed("choose how to mentor: through your employer, or through a small business of your own"),
        (ActionCode::ChooseRoute, Lang::Fr) => Message::Fixed("choisissez comment mentorer : par votre employeur, ou par votre propre petite entreprise"),
        (ActionCode::ObtainEmployerAgreement, Lang::En) => Message::Fixed("ask your employer to agree to sign the contract and pay you through your salary"),
        (ActionCode::ObtainEmployerAgreement, Lang::Fr) => Message::Fixed("demandez à votre employeur d'accepter de signer le contrat et de vous rémunérer avec votre salaire"),
        (ActionCode::RegisterBusiness, Lang::En) => Message::Country("set up your own small business in ", " to sign the contract yourself"),
        (ActionCode::RegisterBusiness, Lang::Fr) => Message::Country("créez votre propre petite entreprise (", ") pour signer le contrat vous-même"),
        (ActionCode::RegisterAsSelfEmployed, Lang::En) => Message::Country("register as self-employed in ", " before the contract can be signed"),
        (ActionCode::RegisterAsSelfEmployed, Lang::Fr) => Message::Country("immatriculez-vous comme indépendant (", ") avant de pouvoir signer le contrat"),
        (ActionCode::ProvideRegistrationNumber, Lang::En) => Message::Fixed("give your business's registration number: it is needed to invoice the company"),
        (ActionCode::ProvideRegistrationNumber, Lang::Fr) => Message::Fixed("indiquez le numéro d'immatriculation de votre entreprise : il est nécessaire pour facturer"),
        (ActionCode::FixRegistrationNumber, Lang::En) => Message::Fixed("check the registration number: it is not well-formed"),
        (ActionCode::FixRegistrationNumber, Lang::Fr) => Message::Fixed("vérifiez le numéro d'immatriculation : il n'est pas bien formé"),
        (ActionCode::InformEmployer, Lang::En) => Message::Fixed("tell your employer that you mentor in your free time"),
        (ActionCode::InformEmployer, Lang::Fr) => Message::Fixed("informez votre employeur que vous mentorez sur votre temps libre"),
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

/// Decides the working-status questions of a situation (DESIGN 4.3). Pure and total: every
/// parsed situation gets a decision.
///
/// ```
/// use mentor_core::eligibility::{evaluate, Outcome, Party, WorkingSituation};
/// use mentor_core::policy::Policy;
/// let s = WorkingSituation::from_json(&serde_json::json!({
///     "country": "FR", "status": "freelancer",
///     "business": {"registration_number": "732 829 320 00074"}
/// })).unwrap();
/// let d = evaluate(&s, &Policy::default());
/// assert_eq!(d.outcome, Outcome::Eligible);
/// assert_eq!(d.contracting_party, Some(Party::MentorBusiness));
/// ```
#[must_use]
pub fn evaluate(situation: &WorkingSituation, policy: &Policy) -> Decision {
    let mut d = Decision::new(situation.country);
    exclusion(&mut d, situation.country, policy);
    match situation.status {
        WorkingStatus::Employee => match situation.route {
            None => d.require(ActionCode::ChooseRoute, Rule::Ws2),
            Some(Route::ViaEmployer) => through_employer(&mut d, situation, policy),
            Some(Route::ViaOwnCompany) => {
                through_own_business(&mut d, situation, Rule::Ws3, true);
                if !situation.employment.employer_informed {
                    d.recommend(ActionCode::InformEmployer, Rule::Ws3);
                }
            }
        },
        WorkingStatus::Freelancer | WorkingStatus::CompanyOwner | WorkingStatus::SelfEmployed => {
            through_own_business(&mut d, situation, Rule::Ws4, false);
        }
        WorkingStatus::Student | WorkingStatus::JobSeeker | WorkingStatus::Retired | WorkingStatus::Other => {
            if situation.business.is_some() {
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
    let employment = &situation.employment;
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
    let Some(business) = &situation.business else {
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
    match registration::validate(situation.country, number) {
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

#[expect(clippy::expect_used, reason = "writing `Rendered` into a String cannot fail: every map key is a string")]
fn write_text(rendered: &Rendered<'_>) -> String {
    serde_json::to_string(rendered).expect("every map key is a string")
}

/// [`evaluate`] from JSON text to JSON text, the fastest way through when both ends hold text
/// (a request body, a browser's string): the situation is read with
/// [`WorkingSituation::from_json_str`] and the decision written straight from
/// [`Decision::render`], with no JSON tree on either side. The text parses to exactly
/// [`evaluate_json`]'s value; its keys are in the order of DESIGN 4.3.
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
    Ok(write_text(&decision.render(lang)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forms read sectors through `SECTORS`, policies through serde: the two must agree, or a
    /// policy could name a sector no form can have.
    #[test]
    fn sector_names_are_the_same_for_forms_and_policies() {
        for (name, sector) in SECTORS {
            assert_eq!(serde_json::to_value(sector).unwrap(), *name);
        }
        assert_eq!(SECTORS.len(), 4);
    }
}
