//! An applicant's working situation (`docs/wire-format.md#working-situation`, WS-1..5): what they do, their
//! employment, the route an employee chooses, their business. Read here once from the wire
//! format; [`crate::eligibility`] decides on it, and the policy names its employer sectors.

use serde_json::Value;

use crate::country::CountryCode;
use crate::error::{ErrorCode, InputError};
use crate::read::{Path, Reader};
use crate::vocabulary::Vocabulary;
use crate::wire::{self, Flag, Object, Str, raw_form};

vocabulary! {
    /// What the applicant does for a living (`docs/wire-format.md#working-situation` `status`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum WorkingStatus {
        /// Salaried (full or part time): WS-2 or WS-3.
        Employee = "employee",
        /// Works on their own account: WS-4.
        Freelancer = "freelancer",
        /// Owns a company: WS-4.
        CompanyOwner = "company_owner",
        /// Registered self-employed: WS-4.
        SelfEmployed = "self_employed",
        /// WS-5.
        Student = "student",
        /// WS-5.
        JobSeeker = "job_seeker",
        /// WS-5.
        Retired = "retired",
        /// WS-5.
        Other = "other",
    }
}

vocabulary! {
    /// The sector of an employee's employer; WS-2 suits tutoring, education and IT services
    /// (the policy's `employer_sectors_suited`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum EmployerSector {
        /// Tutoring.
        Tutoring = "tutoring",
        /// Education.
        Education = "education",
        /// IT services.
        ItServices = "it_services",
        /// Anything else (the default).
        #[default]
        Other = "other",
    }
}

vocabulary! {
    /// Whether the employer agreed to the employee mentoring through it (WS-2).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum EmployerAgreement {
        /// Agreed.
        Agreed = "agreed",
        /// Refused: the own-company route stays open.
        Refused = "refused",
        /// Not asked yet (the default).
        #[default]
        NotAsked = "not_asked",
    }
}

vocabulary! {
    /// How an employee will be contracted.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Route {
        /// Through the employer (WS-2).
        ViaEmployer = "via_employer",
        /// Through their own small business (WS-3).
        ViaOwnCompany = "via_own_company",
    }
}

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
        // Free text: an individual business's name holds its owner's (`EI Jeanne Martin`).
        f.debug_struct("Business")
            .field("legal_form", &self.legal_form.as_ref().map(|_| "<given>"))
            .field(
                "registration_number",
                &self.registration_number.as_ref().map(|_| "<given>"),
            )
            .finish()
    }
}

/// An applicant's working situation (`docs/wire-format.md#working-situation`), parsed.
///
/// ```
/// use mentor_core::eligibility::WorkingSituation;
/// let s = WorkingSituation::from_json(&serde_json::json!({"country": "FR", "status": "student"})).unwrap();
/// assert_eq!(s.country().as_str(), "FR");
/// assert!(WorkingSituation::from_json(&serde_json::json!({"status": "pirate"})).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkingSituation {
    /// Where the person is or will be registered; alone drives the rules.
    country: CountryCode,
    /// What they do.
    status: WorkingStatus,
    /// Their employment, for employees.
    employment: Employment,
    /// The route chosen by an employee, if any.
    route: Option<Route>,
    /// Their business, if they have or create one.
    business: Option<Business>,
}

impl WorkingSituation {
    /// Where the person is or will be registered; alone drives the rules.
    #[must_use]
    pub fn country(&self) -> CountryCode {
        self.country
    }

    /// What they do.
    #[must_use]
    pub fn status(&self) -> WorkingStatus {
        self.status
    }

    /// Their employment, for employees.
    #[must_use]
    pub fn employment(&self) -> Employment {
        self.employment
    }

    /// The route chosen by an employee, if any.
    #[must_use]
    pub fn route(&self) -> Option<Route> {
        self.route
    }

    /// Their business, if they have or create one.
    #[must_use]
    pub fn business(&self) -> Option<&Business> {
        self.business.as_ref()
    }
}

impl WorkingSituation {
    /// Parses a working situation on its own (`country` is then required).
    ///
    /// # Errors
    /// [`InputError`] with every field error (`required`, `invalid_enum`, `unknown_field`…).
    pub fn from_json(value: &Value) -> Result<WorkingSituation, InputError> {
        let form = wire::from_value(value).map_err(|e| InputError { errors: vec![e] })?;
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
        let read: Result<_, _> = wire::read_text!(text, |form| WorkingSituation::parse(&form));
        read.map_err(|e| InputError { errors: vec![e] })?
    }

    /// The situation of a raw form read on its own, or every problem found.
    fn parse(form: &Object<SituationForm<'_>>) -> Result<WorkingSituation, InputError> {
        let mut r = Reader::new();
        let parsed = r
            .element(form, &Path::Root)
            .and_then(|form| form.parse(&mut r, &Path::Root, Country::Required));
        r.finish(parsed)
    }
}

raw_form! {
    /// An applicant's working situation (`docs/wire-format.md#working-situation`): what they do, their
    /// employment, the route an employee chooses, their business; the eligibility decision reads it
    /// (WS-1..5).
    ///
    /// Each field as found, read in one pass from text, bytes or a value;
    /// [`SituationForm::parse`] finds every problem.
    pub(crate) struct SituationForm<'a> {
        /// The country where the person is or will be registered, ISO 3166-1 alpha-2 (`FR`); it
        /// alone drives the rules. Required on its own; in an application form, the applicant's
        /// country by default.
        #[schema(pattern(crate::country::CODE_PATTERN))]
        country: Str<'a>,
        /// What the applicant does for a living.
        #[schema(required, one_of(WorkingStatus::ALL))]
        status: Str<'a>,
        /// An employee's employment (ignored for other statuses).
        employment: Object<EmploymentForm<'a>>,
        /// How an employee will be contracted: through the employer (WS-2) or their own
        /// business (WS-3); absent while not chosen (ignored for other statuses).
        #[schema(one_of(Route::ALL))]
        route: Str<'a>,
        /// The business the applicant has or creates.
        business: Object<BusinessForm<'a>>,
    }
}

raw_form! {
    /// An employee's employment.
    struct EmploymentForm<'a> {
        /// Informational: a part-time employee follows the same rules.
        full_time: Flag,
        /// The employer's name.
        #[schema(max_chars(EMPLOYER_NAME_MAX))]
        employer_name: Str<'a>,
        /// The employer's sector (default `other`); the policy lists those that suit mentoring
        /// through the employer (WS-2).
        #[schema(one_of(EmployerSector::ALL))]
        employer_sector: Str<'a>,
        /// Whether the employer agreed to the employee mentoring through it (default
        /// `not_asked`, WS-2).
        #[schema(one_of(EmployerAgreement::ALL))]
        employer_agreement: Str<'a>,
        /// Whether the employee told the employer (default false; recommended, WS-3).
        employer_informed: Flag,
    }
}

raw_form! {
    /// The business the applicant has or creates.
    struct BusinessForm<'a> {
        /// Free text such as `micro_entrepreneur`.
        #[schema(max_chars(LEGAL_FORM_MAX))]
        legal_form: Str<'a>,
        /// The registration number as typed (SIRET, EIN, UTR…, `docs/registration/README.md`); checked by the
        /// decision, not by the form.
        #[schema(max_chars(REGISTRATION_NUMBER_MAX))]
        registration_number: Str<'a>,
    }
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
    pub(crate) fn parse(
        &self,
        r: &mut Reader,
        path: &Path<'_>,
        fallback: Country,
    ) -> Option<WorkingSituation> {
        r.unknown(&self.unknown, path);
        let country_path = path.key("country");
        let text = r.text(&self.country, &country_path, COUNTRY_TEXT_MAX, false);
        let country = match text {
            Some(_) => r.parse(text, &country_path, ErrorCode::InvalidCountry, CountryCode::parse),
            None => match fallback {
                Country::Applicant(country) => country,
                Country::Required => {
                    // Absent, null or blank (which `text` reads as absent,
                    // `docs/wire-format.md#field-errors`); a value of the wrong type has its own error
                    // already.
                    if r.is_blank(&self.country) {
                        r.error(&country_path, ErrorCode::Required);
                    }
                    None
                }
            },
        };
        let status_path = path.key("status");
        let status = r.choice(&self.status, &status_path, WorkingStatus::ALL);
        if !self.status.is_present() {
            r.error(&status_path, ErrorCode::Required);
        }
        let employment_path = path.key("employment");
        let employment = r
            .obj(&self.employment, &employment_path, false)
            .map(|e| {
                r.unknown(&e.unknown, &employment_path);
                let full_time = r.boolean(&e.full_time, &employment_path.key("full_time"));
                r.text(
                    &e.employer_name,
                    &employment_path.key("employer_name"),
                    EMPLOYER_NAME_MAX,
                    false,
                );
                Employment {
                    full_time,
                    sector: r
                        .choice(
                            &e.employer_sector,
                            &employment_path.key("employer_sector"),
                            EmployerSector::ALL,
                        )
                        .unwrap_or_default(),
                    agreement: r
                        .choice(
                            &e.employer_agreement,
                            &employment_path.key("employer_agreement"),
                            EmployerAgreement::ALL,
                        )
                        .unwrap_or_default(),
                    employer_informed: r
                        .boolean(&e.employer_informed, &employment_path.key("employer_informed"))
                        .unwrap_or(false),
                }
            })
            .unwrap_or_default();
        let route = r.choice(&self.route, &path.key("route"), Route::ALL);
        let business_path = path.key("business");
        let business = r.obj(&self.business, &business_path, false).map(|b| {
            r.unknown(&b.unknown, &business_path);
            Business {
                legal_form: r
                    .text(
                        &b.legal_form,
                        &business_path.key("legal_form"),
                        LEGAL_FORM_MAX,
                        false,
                    )
                    .map(str::to_owned),
                registration_number: r
                    .identifier(
                        &b.registration_number,
                        &business_path.key("registration_number"),
                        REGISTRATION_NUMBER_MAX,
                        false,
                    )
                    .map(str::to_owned),
            }
        });
        Some(WorkingSituation {
            country: country?,
            status: status?,
            employment,
            route,
            business,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Forms read sectors through `EmployerSector::ALL`, policies through serde: the two must
    /// agree, or a policy could name a sector no form can have.
    #[test]
    fn sector_names_are_the_same_for_forms_and_policies() {
        for (name, sector) in EmployerSector::ALL {
            assert_eq!(serde_json::to_value(sector).unwrap(), *name);
        }
        assert_eq!(EmployerSector::ALL.len(), 4);
    }
}
