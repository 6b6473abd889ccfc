//! The application form (`docs/wire-format.md#application-form`, APP-1..4): parsed once into an
//! [`Application`] whose fields cannot be wrong, or into the list of every problem found, each with its path.
//!
//! Readings of the spec written down here:
//! - optional strings that are empty or whitespace-only count as absent (also for
//!   completeness); strings are trimmed;
//! - `phone` accepts the usual separators (spaces, dots, dashes, parentheses) around an E.164
//!   number and stores the E.164 form;
//! - `submitted_at` accepts any RFC 3339 offset and is stored in UTC;
//! - duplicate `languages` are kept once; a subject chosen twice is `duplicate_subject`;
//! - completeness counts only the optional items that are present *and* valid.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::country::CountryCode;
use crate::error::{Detail, ErrorCode, FieldError};
use crate::i18n::{In, Localized};
use crate::policy::Policy;
use crate::read::{Path, Reader};
use crate::situation::{Country, SituationForm, WorkingSituation};
use crate::subject::SUBJECT_MAX;
pub use crate::subject::is_subject_slug;
use crate::vocabulary::Vocabulary;
use crate::wire::{self, Field, Flag, List, Num, Obj, Object, Str, raw_form};

/// Text that may identify a person: kept whole, never shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Personal(String);

impl Personal {
    /// The text itself (to show to the people allowed to see it).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Personal text, as kept elsewhere.
    pub(crate) fn new(text: String) -> Personal {
        Personal(text)
    }
}

impl fmt::Debug for Personal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

vocabulary! {
    /// How well the applicant can teach a subject (APP-4: explaining to a friend is enough).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Level {
        /// Can explain it to a friend.
        Comfortable = "comfortable",
        /// Works with it.
        Proficient = "proficient",
        /// Expert.
        Expert = "expert",
    }
}

/// A subject the applicant chose (APP-4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubjectChoice {
    /// Lower-case slug (`web_development`).
    pub subject: String,
    /// Level.
    pub level: Level,
    /// Years of experience in the subject (0–80).
    pub years_experience: Option<u8>,
}

/// The applicant's professional experience.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Experience {
    /// Current role.
    pub current_role: Option<Personal>,
    /// Years of professional experience (0–80).
    pub years_professional: Option<u8>,
    /// Whether they have mentored before.
    pub mentoring_experience: Option<bool>,
    /// Recent projects (INT-3).
    pub recent_projects: Vec<Personal>,
}

/// INT-2's reminders: answered or not, they never block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct InterviewReadiness {
    /// A microphone, built in or external.
    pub microphone: Option<bool>,
    /// A camera.
    pub camera: Option<bool>,
    /// A calm, well-lit place.
    pub quiet_well_lit_room: Option<bool>,
}

/// The applicant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applicant {
    /// First name (at most 100 characters).
    pub first_name: Personal,
    /// Last name (at most 100 characters).
    pub last_name: Personal,
    /// E-mail address.
    pub email: Personal,
    /// E.164 phone number.
    pub phone: Option<Personal>,
    /// Country of residence.
    pub country: CountryCode,
    /// IANA time zone.
    pub timezone: Option<chrono_tz::Tz>,
    /// ISO 639-1 codes, lower case, each once.
    pub languages: Vec<String>,
}

/// A valid application (`docs/wire-format.md#application-form`).
#[derive(Clone, Debug, PartialEq)]
pub struct Application {
    /// The caller's own id, echoed in every output.
    reference: Option<String>,
    /// The job offer applied to (APP-1).
    offer_id: String,
    /// The applicant.
    applicant: Applicant,
    /// The subjects, at least one, each once.
    subjects: Vec<SubjectChoice>,
    /// Experience.
    experience: Experience,
    /// Motivation (at most 5,000 characters).
    motivation: Option<Personal>,
    /// Hours per week (1–80).
    availability_hours_per_week: Option<u8>,
    /// LinkedIn profile URL.
    linkedin: Option<Personal>,
    /// Portfolio URL.
    portfolio: Option<Personal>,
    /// Working situation, when already given (else settled at the interview, INT-5).
    working_situation: Option<WorkingSituation>,
    /// Interview readiness (INT-2).
    interview_readiness: Option<InterviewReadiness>,
    /// When the form was submitted.
    submitted_at: Option<DateTime<Utc>>,
    /// Share of the optional items given (APP-3), 0.0–1.0.
    completeness: f64,
}

impl Application {
    /// The caller's own id, echoed in every output.
    #[must_use]
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// The job offer applied to (APP-1).
    #[must_use]
    pub fn offer_id(&self) -> &str {
        &self.offer_id
    }

    /// The applicant.
    #[must_use]
    pub fn applicant(&self) -> &Applicant {
        &self.applicant
    }

    /// The subjects, at least one, each once.
    #[must_use]
    pub fn subjects(&self) -> &[SubjectChoice] {
        &self.subjects
    }

    /// Experience.
    #[must_use]
    pub fn experience(&self) -> &Experience {
        &self.experience
    }

    /// Motivation (at most 5,000 characters).
    #[must_use]
    pub fn motivation(&self) -> Option<&Personal> {
        self.motivation.as_ref()
    }

    /// Hours per week (1–80).
    #[must_use]
    pub fn availability_hours_per_week(&self) -> Option<u8> {
        self.availability_hours_per_week
    }

    /// LinkedIn profile URL.
    #[must_use]
    pub fn linkedin(&self) -> Option<&Personal> {
        self.linkedin.as_ref()
    }

    /// Portfolio URL.
    #[must_use]
    pub fn portfolio(&self) -> Option<&Personal> {
        self.portfolio.as_ref()
    }

    /// Working situation, when already given (else settled at the interview, INT-5).
    #[must_use]
    pub fn working_situation(&self) -> Option<&WorkingSituation> {
        self.working_situation.as_ref()
    }

    /// Interview readiness (INT-2).
    #[must_use]
    pub fn interview_readiness(&self) -> Option<&InterviewReadiness> {
        self.interview_readiness.as_ref()
    }

    /// When the form was submitted.
    #[must_use]
    pub fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.submitted_at
    }

    /// Share of the optional items given (APP-3), 0.0–1.0.
    #[must_use]
    pub fn completeness(&self) -> f64 {
        self.completeness
    }
}

/// What validating one form gives: the application, or every problem found; the
/// completeness in both cases (over the optional items that are present and valid).
#[derive(Clone, Debug, PartialEq)]
pub struct Validation {
    /// The reference, if it could be read (echoed even for invalid forms).
    pub reference: Option<String>,
    /// The applicant's e-mail as typed, if it is a string (echoed by `triage`).
    pub email: Option<Personal>,
    /// The parsed application, or the field errors.
    pub result: Result<Application, Vec<FieldError>>,
    /// Share of the optional items given, 0.0–1.0 (APP-3).
    pub completeness: f64,
}

impl Validation {
    /// The validation of a form that could not be read at all (not JSON, a repeated key, a
    /// value with no JSON form in a binding): that one error, nothing echoed, completeness 0.
    ///
    /// ```
    /// use mentor_core::application::Validation;
    /// use mentor_core::{ErrorCode, FieldError, Lang, Localized};
    /// let v = Validation::unreadable(FieldError::new("", ErrorCode::InvalidJson));
    /// assert_eq!(v.to_json(Lang::En)["valid"], false);
    /// assert_eq!(v.to_json(Lang::En)["errors"][0]["code"], "invalid_json");
    /// ```
    #[must_use]
    pub fn unreadable(error: FieldError) -> Validation {
        Validation {
            reference: None,
            email: None,
            result: Err(vec![error]),
            completeness: 0.0,
        }
    }
}

/// The number of optional items that completeness counts (`docs/wire-format.md#application-form`).
pub const COMPLETENESS_ITEMS: u32 = 14;

/// Limits of the application form (`docs/wire-format.md#application-form`).
const NAME_MAX: usize = 100;
const MOTIVATION_MAX: usize = 5_000;
const SHORT_TEXT_MAX: usize = 200;
const URL_MAX: usize = 2_048;
const EMAIL_MAX: usize = 254;
/// A phone number as typed, separators included.
const PHONE_MAX: usize = 32;
/// A country code, time-zone name or instant as typed: longer text is refused as too long
/// before it is looked up.
const CODE_TEXT_MAX: usize = 64;
/// A language code as typed.
const LANGUAGE_TEXT_MAX: usize = 8;
/// One recent project (INT-3).
const PROJECT_MAX: usize = 500;
/// Years of experience, in a subject or in all (`docs/wire-format.md#application-form`: 0–80).
const YEARS_MAX: i64 = 80;
/// Availability (`docs/wire-format.md#application-form`: 1–80 hours a week).
const HOURS_PER_WEEK_MAX: i64 = 80;

raw_form! {
    /// An application form (`docs/wire-format.md#application-form`): who applies, to which offer, to mentor
    /// which subjects; everything else counts toward its completeness (APP-3).
    ///
    /// Each field as found, read in one pass from text, bytes or a value; `form_validation`
    /// finds every problem.
    pub(crate) struct ApplicationForm<'a> {
        /// The caller's own id of the form, echoed in every output about it.
        #[schema(max_chars(SHORT_TEXT_MAX))]
        reference: Str<'a>,
        /// The offer applied to; the policy's `offers` lists those accepted (APP-1).
        #[schema(required, max_chars(SHORT_TEXT_MAX))]
        offer_id: Str<'a>,
        /// Who applies.
        #[schema(required)]
        applicant: Object<ApplicantForm<'a>>,
        /// The subjects the applicant would mentor, each once (APP-4).
        #[schema(required, min_items(1))]
        subjects: List<Object<SubjectForm<'a>>>,
        /// Professional experience.
        experience: Object<ExperienceForm<'a>>,
        /// Why the applicant wants to mentor; line breaks allowed.
        #[schema(max_chars(MOTIVATION_MAX))]
        motivation: Str<'a>,
        /// Hours a week the applicant can mentor.
        #[schema(integer(1, HOURS_PER_WEEK_MAX))]
        availability_hours_per_week: Num,
        /// Public profiles, http(s) URLs.
        links: Object<LinksForm<'a>>,
        /// How the applicant would be contracted (`docs/wire-format.md#working-situation`); optional at
        /// submission, settled at the first interview (INT-5).
        working_situation: Object<SituationForm<'a>>,
        /// Whether the applicant is ready for a video interview (INT-2); never blocks anything.
        interview_readiness: Object<ReadinessForm>,
        /// The applicant's consent.
        #[schema(required)]
        consent: Object<ConsentForm>,
        /// When the form was submitted: an RFC 3339 instant (any offset; stored in UTC).
        #[schema(format("date-time"))]
        submitted_at: Str<'a>,
    }
}

raw_form! {
    /// The applicant of an application form.
    struct ApplicantForm<'a> {
        /// First name.
        #[schema(required, max_chars(NAME_MAX))]
        first_name: Str<'a>,
        /// Last name.
        #[schema(required, max_chars(NAME_MAX))]
        last_name: Str<'a>,
        /// E-mail address.
        #[schema(required, max_chars(EMAIL_MAX), format("email"))]
        email: Str<'a>,
        /// Phone number, E.164 (`+33612345678`); spaces, dots, dashes and parentheses allowed.
        #[schema(max_chars(PHONE_MAX))]
        phone: Str<'a>,
        /// Country of residence, ISO 3166-1 alpha-2 (`FR`).
        #[schema(required, pattern(crate::country::CODE_PATTERN))]
        country: Str<'a>,
        /// IANA time zone (`Europe/Paris`).
        #[schema(max_chars(CODE_TEXT_MAX))]
        timezone: Str<'a>,
        /// Languages spoken, ISO 639-1 codes (`fr`).
        #[schema(max_chars(LANGUAGE_TEXT_MAX))]
        languages: List<Str<'a>>,
    }
}

raw_form! {
    /// A subject the applicant would mentor (APP-4).
    struct SubjectForm<'a> {
        /// The subject, a lower-case slug (`web_development`).
        #[schema(required, max_chars(SUBJECT_MAX), pattern(crate::subject::SLUG_PATTERN))]
        subject: Str<'a>,
        /// How well the applicant can teach it: `comfortable` is being able to explain it to a
        /// friend (APP-4).
        #[schema(required, one_of(Level::ALL))]
        level: Str<'a>,
        /// Years of experience in the subject.
        #[schema(integer(0, YEARS_MAX))]
        years_experience: Num,
    }
}

raw_form! {
    /// The applicant's professional experience.
    struct ExperienceForm<'a> {
        /// Current job title.
        #[schema(max_chars(SHORT_TEXT_MAX))]
        current_role: Str<'a>,
        /// Years of professional experience.
        #[schema(integer(0, YEARS_MAX))]
        years_professional: Num,
        /// Whether the applicant has mentored before.
        mentoring_experience: Flag,
        /// Recent projects, one text each (INT-3).
        #[schema(max_chars(PROJECT_MAX))]
        recent_projects: List<Str<'a>>,
    }
}

raw_form! {
    /// The applicant's public profiles.
    struct LinksForm<'a> {
        /// LinkedIn profile, an http(s) URL.
        #[schema(max_chars(URL_MAX), format("uri"))]
        linkedin: Str<'a>,
        /// Portfolio, an http(s) URL.
        #[schema(max_chars(URL_MAX), format("uri"))]
        portfolio: Str<'a>,
    }
}

raw_form! {
    /// Whether the applicant is ready for a video interview (INT-2): completeness counts it
    /// when all three are answered.
    struct ReadinessForm {
        /// Has a microphone.
        microphone: Flag,
        /// Has a camera.
        camera: Flag,
        /// Has a quiet, well-lit room.
        quiet_well_lit_room: Flag,
    }
}

raw_form! {
    /// The applicant's consent.
    struct ConsentForm {
        /// Consent to the processing of the form's personal data: must be `true`.
        #[schema(required)]
        data_processing: Flag,
    }
}

/// Validates one application form given as JSON (`docs/wire-format.md#application-form`). Never fails:
/// problems are data.
///
/// ```
/// use mentor_core::{application::validate, policy::Policy};
/// let form = serde_json::json!({
///     "offer_id": "mentor-web-2026",
///     "applicant": {"first_name": "Ada", "last_name": "L", "email": "ada@example.org", "country": "GB"},
///     "subjects": [{"subject": "python", "level": "comfortable"}],
///     "consent": {"data_processing": true}
/// });
/// let v = validate(&form, &Policy::default());
/// assert!(v.result.is_ok());
/// assert_eq!(v.completeness, 0.0);
/// let bad = validate(&serde_json::json!({"offer_id": 7}), &Policy::default());
/// assert!(bad.result.unwrap_err().iter().any(|e| e.path == "applicant"));
/// ```
#[must_use]
pub fn validate(form: &Value, policy: &Policy) -> Validation {
    read(wire::from_value(form), policy)
}

/// [`validate`] on JSON text, read straight into the form's raw shape (no JSON tree). Text
/// that cannot be read is an invalid form with one error: `invalid_json`, `duplicate_key` (a
/// key given twice in one object), `too_deep`, or `too_long` at the root for a text longer
/// than [`crate::wire::MAX_DOCUMENT_BYTES`] (told before it is parsed).
///
/// ```
/// use mentor_core::{application::validate_str, policy::Policy};
/// let v = validate_str(r#"{"offer_id": "o", "offer_id": "p"}"#, &Policy::default());
/// let errors = v.result.unwrap_err();
/// assert_eq!((errors[0].path.as_str(), errors[0].code.as_str()), ("offer_id", "duplicate_key"));
/// ```
#[must_use]
pub fn validate_str(form: &str, policy: &Policy) -> Validation {
    read_text(form, policy).unwrap_or_else(Validation::unreadable)
}

/// The validation of a form given as text, or the error of a text that cannot be read.
fn read_text(form: &str, policy: &Policy) -> Result<Validation, FieldError> {
    wire::read_text!(form, |form| form_validation(&form, policy))
}

fn read(form: Result<Object<ApplicationForm<'_>>, FieldError>, policy: &Policy) -> Validation {
    match form {
        Ok(form) => form_validation(&form, policy),
        Err(e) => Validation::unreadable(e),
    }
}

fn form_validation(form: &Object<ApplicationForm<'_>>, policy: &Policy) -> Validation {
    let mut r = Reader::new();
    let root = Path::Root;
    let mut present_items = 0u32;
    let mut count = |given: bool| {
        if given {
            present_items += 1;
        }
    };

    let Some(form) = r.element(form, &root) else {
        return Validation {
            reference: None,
            email: None,
            result: Err(r.errors),
            completeness: 0.0,
        };
    };
    r.unknown(&form.unknown, &root);
    let reference = r
        .text(&form.reference, &root.key("reference"), SHORT_TEXT_MAX, false)
        .map(str::to_owned);
    let offer_path = root.key("offer_id");
    let offer_id = r.required_text(&form.offer_id, &offer_path, SHORT_TEXT_MAX);
    if let Some(offer) = offer_id {
        if !policy.accepts_offer(offer) {
            r.error(&offer_path, ErrorCode::UnknownOffer);
        }
    }

    // applicant
    let ap = root.key("applicant");
    let email_raw = match &form.applicant {
        Field::Given(Obj(a)) => match &a.email {
            Field::Given(s) if s.len() <= EMAIL_MAX * 4 => Some(Personal(s.trim().to_owned())),
            _ => None,
        },
        _ => None,
    };
    let applicant = r.obj(&form.applicant, &ap, true).map(|a| {
        r.unknown(&a.unknown, &ap);
        let first_name = r.required_text(&a.first_name, &ap.key("first_name"), NAME_MAX);
        let last_name = r.required_text(&a.last_name, &ap.key("last_name"), NAME_MAX);
        let email_path = ap.key("email");
        let email = r.identifier(&a.email, &email_path, EMAIL_MAX, true);
        let email = r.parse(email, &email_path, ErrorCode::InvalidEmail, |e| {
            is_email(e).then(|| Personal(e.to_owned()))
        });
        let phone_path = ap.key("phone");
        let phone = r.identifier(&a.phone, &phone_path, PHONE_MAX, false);
        let phone = r.parse(phone, &phone_path, ErrorCode::InvalidPhone, |p| {
            e164(p).map(Personal)
        });
        let country_path = ap.key("country");
        let country = r.required_text(&a.country, &country_path, CODE_TEXT_MAX);
        let country = r.parse(
            country,
            &country_path,
            ErrorCode::InvalidCountry,
            CountryCode::parse,
        );
        let tz_path = ap.key("timezone");
        let timezone = r.text(&a.timezone, &tz_path, CODE_TEXT_MAX, false);
        let timezone = r.parse(timezone, &tz_path, ErrorCode::InvalidTimezone, |t| {
            crate::zone::TimeZone::parse(t).map(crate::zone::TimeZone::tz)
        });
        let lang_path = ap.key("languages");
        let mut languages: Vec<String> = Vec::new();
        for (i, item) in r
            .list(&a.languages, &lang_path)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let item_path = lang_path.index(i);
            if let Some(code) = r.text(item, &item_path, LANGUAGE_TEXT_MAX, false) {
                let lower = code.to_ascii_lowercase();
                if !is_language(&lower) {
                    r.error(&item_path, ErrorCode::InvalidLanguage);
                } else if !languages.contains(&lower) {
                    languages.push(lower);
                }
            }
        }
        (first_name, last_name, email, phone, country, timezone, languages)
    });
    let applicant = applicant.and_then(
        |(first_name, last_name, email, phone, country, timezone, languages)| {
            count(phone.is_some());
            count(timezone.is_some());
            count(!languages.is_empty());
            Some(Applicant {
                first_name: Personal(first_name?.to_owned()),
                last_name: Personal(last_name?.to_owned()),
                email: email?,
                phone,
                country: country?,
                timezone,
                languages,
            })
        },
    );

    // subjects
    let sp = root.key("subjects");
    let mut subjects: Vec<SubjectChoice> = Vec::new();
    let mut subjects_ok = true;
    match r.list(&form.subjects, &sp) {
        None if !form.subjects.is_present() => r.error(&sp, ErrorCode::Required),
        None => subjects_ok = false,
        Some([]) => r.error(&sp, ErrorCode::Required),
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let ip = sp.index(i);
                let Some(s) = r.element(item, &ip) else {
                    subjects_ok = false;
                    continue;
                };
                r.unknown(&s.unknown, &ip);
                let subject_path = ip.key("subject");
                let subject = r
                    .required_text(&s.subject, &subject_path, SUBJECT_MAX)
                    .and_then(|name| {
                        if !is_subject_slug(name) {
                            r.error(&subject_path, ErrorCode::InvalidSubject);
                            None
                        } else if subjects.iter().any(|c| c.subject == name) {
                            r.error(&subject_path, ErrorCode::DuplicateSubject);
                            None
                        } else {
                            Some(name)
                        }
                    });
                let level_path = ip.key("level");
                if !s.level.is_present() {
                    r.error(&level_path, ErrorCode::Required);
                }
                let level = r.choice(&s.level, &level_path, Level::ALL);
                let years = r
                    .integer(&s.years_experience, &ip.key("years_experience"), 0, YEARS_MAX)
                    .and_then(|y| u8::try_from(y).ok());
                match (subject, level) {
                    (Some(subject), Some(level)) => subjects.push(SubjectChoice {
                        subject: subject.to_owned(),
                        level,
                        years_experience: years,
                    }),
                    _ => subjects_ok = false,
                }
            }
        }
    }
    count(!subjects.is_empty() && subjects_ok && subjects.iter().all(|s| s.years_experience.is_some()));

    // experience
    let ep = root.key("experience");
    let experience = r
        .obj(&form.experience, &ep, false)
        .map(|e| {
            r.unknown(&e.unknown, &ep);
            let current_role = r
                .text(&e.current_role, &ep.key("current_role"), SHORT_TEXT_MAX, false)
                .map(|s| Personal(s.to_owned()));
            let years_professional = r
                .integer(&e.years_professional, &ep.key("years_professional"), 0, YEARS_MAX)
                .and_then(|y| u8::try_from(y).ok());
            let mentoring_experience = r.boolean(&e.mentoring_experience, &ep.key("mentoring_experience"));
            let pp = ep.key("recent_projects");
            let mut recent_projects = Vec::new();
            for (i, item) in r
                .list(&e.recent_projects, &pp)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if let Some(p) = r.text(item, &pp.index(i), PROJECT_MAX, false) {
                    recent_projects.push(Personal(p.to_owned()));
                }
            }
            Experience {
                current_role,
                years_professional,
                mentoring_experience,
                recent_projects,
            }
        })
        .unwrap_or_default();
    count(experience.current_role.is_some());
    count(experience.years_professional.is_some());
    count(experience.mentoring_experience.is_some());
    count(!experience.recent_projects.is_empty());

    let motivation = r
        .text(&form.motivation, &root.key("motivation"), MOTIVATION_MAX, true)
        .map(|s| Personal(s.to_owned()));
    count(motivation.is_some());
    let availability = r
        .integer(
            &form.availability_hours_per_week,
            &root.key("availability_hours_per_week"),
            1,
            HOURS_PER_WEEK_MAX,
        )
        .and_then(|h| u8::try_from(h).ok());
    count(availability.is_some());

    let lp = root.key("links");
    let (linkedin, portfolio) = r
        .obj(&form.links, &lp, false)
        .map(|l| {
            r.unknown(&l.unknown, &lp);
            let mut url = |field: &Str<'_>, key: &'static str| {
                let path = lp.key(key);
                let text = r.text(field, &path, URL_MAX, false);
                r.parse(text, &path, ErrorCode::InvalidUrl, |u| {
                    is_http_url(u).then(|| Personal(u.to_owned()))
                })
            };
            (url(&l.linkedin, "linkedin"), url(&l.portfolio, "portfolio"))
        })
        .unwrap_or_default();
    count(linkedin.is_some());
    count(portfolio.is_some());

    let default_country = applicant.as_ref().map(|a| a.country);
    let wp = root.key("working_situation");
    let working_situation = r
        .obj(&form.working_situation, &wp, false)
        .and_then(|w| w.parse(&mut r, &wp, Country::Applicant(default_country)));
    count(working_situation.is_some());

    let rp = root.key("interview_readiness");
    let interview_readiness = r.obj(&form.interview_readiness, &rp, false).map(|o| {
        r.unknown(&o.unknown, &rp);
        InterviewReadiness {
            microphone: r.boolean(&o.microphone, &rp.key("microphone")),
            camera: r.boolean(&o.camera, &rp.key("camera")),
            quiet_well_lit_room: r.boolean(&o.quiet_well_lit_room, &rp.key("quiet_well_lit_room")),
        }
    });
    count(
        interview_readiness
            .is_some_and(|i| i.microphone.is_some() && i.camera.is_some() && i.quiet_well_lit_room.is_some()),
    );

    let cp = root.key("consent");
    if let Some(consent) = r.obj(&form.consent, &cp, true) {
        r.unknown(&consent.unknown, &cp);
        let dp = cp.key("data_processing");
        match r.boolean(&consent.data_processing, &dp) {
            Some(true) => {}
            Some(false) => r.error(&dp, ErrorCode::ConsentRequired),
            None if !consent.data_processing.is_present() => r.error(&dp, ErrorCode::Required),
            None => {}
        }
    }

    let tp = root.key("submitted_at");
    let submitted_at = crate::lifecycle::read_instant(&mut r, &form.submitted_at, &tp, false);

    let completeness = f64::from(present_items) / f64::from(COMPLETENESS_ITEMS);
    let result = match (r.errors.is_empty(), offer_id, applicant) {
        (true, Some(offer_id), Some(applicant)) => Ok(Application {
            reference: reference.clone(),
            offer_id: offer_id.to_owned(),
            applicant,
            subjects,
            experience,
            motivation,
            availability_hours_per_week: availability,
            linkedin,
            portfolio,
            working_situation,
            interview_readiness,
            submitted_at,
            completeness,
        }),
        _ => {
            if r.errors.is_empty() {
                // Unreachable by construction (a missing piece always reports an error); keep
                // the invariant "invalid means at least one error" anyway.
                r.errors
                    .push(FieldError::with("", ErrorCode::InvalidType, Detail::None));
            }
            Err(r.errors)
        }
    };
    Validation {
        reference,
        email: email_raw,
        result,
        completeness,
    }
}

/// [`validate`] on the wire format: `{"valid", "reference", "completeness", "errors"}`.
///
/// ```
/// use mentor_core::{application::validate_json, policy::Policy, Lang};
/// let out = validate_json(&serde_json::json!([]), &Policy::default(), Lang::En);
/// assert_eq!(out["valid"], false);
/// assert_eq!(out["errors"][0]["code"], "invalid_type");
/// ```
#[must_use]
pub fn validate_json(form: &Value, policy: &Policy, lang: crate::Lang) -> Value {
    validate(form, policy).to_json(lang)
}

/// [`validate_json`] on JSON text, for callers that refuse text they cannot read (the
/// JavaScript package throws then): `{"valid", "reference", "completeness", "errors"}`, or the
/// reading error.
///
/// ```
/// use mentor_core::{application::validate_json_str, policy::Policy, Lang};
/// let out = validate_json_str(r#"{"offer_id": 7}"#, &Policy::default(), Lang::En).unwrap();
/// assert_eq!(out["valid"], false);
/// let e = validate_json_str(r#"{"offer_id": "o", "offer_id": "p"}"#, &Policy::default(), Lang::En).unwrap_err();
/// assert_eq!((e.path.as_str(), e.code.as_str()), ("offer_id", "duplicate_key"));
/// ```
///
/// # Errors
/// The text is not JSON (`invalid_json`), repeats a key (`duplicate_key`), is nested too
/// deep (`too_deep`) or is longer than [`crate::wire::MAX_DOCUMENT_BYTES`] (`too_long`).
pub fn validate_json_str(form: &str, policy: &Policy, lang: crate::Lang) -> Result<Value, FieldError> {
    read_text(form, policy).map(|v| v.to_json(lang))
}

/// The wire form `{"valid", "reference", "completeness", "errors"}`.
impl Localized for Validation {
    fn serialize_in<S: Serializer>(&self, lang: crate::Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            valid: bool,
            reference: &'a Option<String>,
            completeness: f64,
            errors: In<'a, [FieldError]>,
        }
        let errors = self.result.as_ref().err().map_or(&[][..], Vec::as_slice);
        Wire {
            valid: self.result.is_ok(),
            reference: &self.reference,
            completeness: self.completeness,
            errors: errors.render(lang),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`validation` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Validation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Validation")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "What `validate` says of an application form.",
            "properties": {
                "valid": {"type": "boolean"},
                "reference": {"type": ["string", "null"], "description": "The form's `reference`, echoed."},
                "completeness": {"type": "number", "minimum": 0, "maximum": 1, "description": "The share of the optional items given (`docs/wire-format.md#application-form`)."},
                "errors": {"type": "array", "items": generator.subschema_for::<FieldError>(), "description": "Empty when the form is valid."},
            },
            "required": ["valid", "reference", "completeness", "errors"],
            "additionalProperties": false,
        })
    }
}

/// A practical e-mail check (the addresses people type, not all of RFC 5322): one `@`, a local
/// part of 1–64 characters without spaces or quotes, a domain of dot-separated labels of
/// letters (any script), digits and inner hyphens, with a top-level label of 2+ letters or an
/// IDNA A-label (`xn--p1ai`, the ASCII form of `рф` that browsers' `input[type=email]`
/// submit, RFC 5890).
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '@' | '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | ']' | '\\'
                )
        });
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.chars().count() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| {
            (tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic)) || is_a_label(tld)
        });
    local_ok && domain_ok
}

/// An IDNA A-label (RFC 5890 2.3.2.1): `xn--` then ASCII letters, digits and hyphens, not
/// ending with a hyphen.
fn is_a_label(label: &str) -> bool {
    label.len() > 4
        && label.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("xn--"))
        && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !label.ends_with('-')
}

/// The fewest digits of an international number: a country code and a four-digit subscriber
/// number, as in the smallest numbering plans in use (Niue `+683 4002`, Tokelau `+690`; ITU-T
/// E.164 itself sets no minimum).
const E164_DIGITS_MIN: usize = 7;
/// ITU-T E.164 6.2.1: at most 15 digits, country code included.
const E164_DIGITS_MAX: usize = 15;

/// The E.164 form of a phone number typed with the usual separators: `+`, then
/// [`E164_DIGITS_MIN`]–[`E164_DIGITS_MAX`] digits, the first not 0. A national trunk prefix
/// written in brackets after the country code (`+44 (0)20 7946 0958`, for callers inside the
/// country) is dropped, not kept as a digit of the number (`+442079460958`), except where the
/// 0 is part of the national number itself (Italy `+39`, San Marino `+378`, Vatican `+379`:
/// `+39 (0)6…` is `+3906…`).
fn e164(s: &str) -> Option<String> {
    let rest = s.strip_prefix('+')?;
    // The trunk prefix comes right after the country code (1–3 digits, maybe a space).
    let is_country_code = |cc: &str| (1..=3).contains(&cc.len()) && cc.bytes().all(|b| b.is_ascii_digit());
    let zero_is_national = |cc: &str| matches!(cc, "39" | "378" | "379");
    let rest = match rest.split_once("(0)") {
        Some((cc, national)) if is_country_code(cc.trim_end()) && !zero_is_national(cc.trim_end()) => {
            std::borrow::Cow::Owned(format!("{cc}{national}"))
        }
        _ => std::borrow::Cow::Borrowed(rest),
    };
    let mut out = String::with_capacity(16);
    out.push('+');
    for c in rest.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' | '.' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let digits = out.len() - 1;
    let first_ok = out.as_bytes().get(1).is_some_and(|b| *b != b'0');
    ((E164_DIGITS_MIN..=E164_DIGITS_MAX).contains(&digits) && first_ok).then_some(out)
}

/// `http://` or `https://` (any case), then a host of letters, digits, dots and hyphens with
/// at least one dot (or `localhost`), an optional port, and no spaces anywhere.
fn is_http_url(s: &str) -> bool {
    // Compare bytes: `s.get(..8)` is `None` when byte 8 falls inside a character, as in
    // `http://été.fr` (the host's first letter takes bytes 7 and 8).
    let starts_with = |prefix: &str| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
    };
    let rest = if starts_with("https://") {
        s.get(8..)
    } else if starts_with("http://") {
        s.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else { return false };
    if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        Some(_) => return false,
        None => host_port,
    };
    let host_ok = host.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    host_ok
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !host.contains("..")
        && (host.contains('.') || host.eq_ignore_ascii_case("localhost"))
}

/// ISO 639-1 two-letter language codes (184, as maintained by the Library of Congress), sorted.
/// Two bytes each, not a `&str` (8 bytes of pointer and length on wasm32, plus the letters).
const ISO_639_1: [[u8; 2]; 184] = [
    *b"aa", *b"ab", *b"ae", *b"af", *b"ak", *b"am", *b"an", *b"ar", *b"as", *b"av", *b"ay", *b"az", *b"ba",
    *b"be", *b"bg", *b"bh", *b"bi", *b"bm", *b"bn", *b"bo", *b"br", *b"bs", *b"ca", *b"ce", *b"ch", *b"co",
    *b"cr", *b"cs", *b"cu", *b"cv", *b"cy", *b"da", *b"de", *b"dv", *b"dz", *b"ee", *b"el", *b"en", *b"eo",
    *b"es", *b"et", *b"eu", *b"fa", *b"ff", *b"fi", *b"fj", *b"fo", *b"fr", *b"fy", *b"ga", *b"gd", *b"gl",
    *b"gn", *b"gu", *b"gv", *b"ha", *b"he", *b"hi", *b"ho", *b"hr", *b"ht", *b"hu", *b"hy", *b"hz", *b"ia",
    *b"id", *b"ie", *b"ig", *b"ii", *b"ik", *b"io", *b"is", *b"it", *b"iu", *b"ja", *b"jv", *b"ka", *b"kg",
    *b"ki", *b"kj", *b"kk", *b"kl", *b"km", *b"kn", *b"ko", *b"kr", *b"ks", *b"ku", *b"kv", *b"kw", *b"ky",
    *b"la", *b"lb", *b"lg", *b"li", *b"ln", *b"lo", *b"lt", *b"lu", *b"lv", *b"mg", *b"mh", *b"mi", *b"mk",
    *b"ml", *b"mn", *b"mr", *b"ms", *b"mt", *b"my", *b"na", *b"nb", *b"nd", *b"ne", *b"ng", *b"nl", *b"nn",
    *b"no", *b"nr", *b"nv", *b"ny", *b"oc", *b"oj", *b"om", *b"or", *b"os", *b"pa", *b"pi", *b"pl", *b"ps",
    *b"pt", *b"qu", *b"rm", *b"rn", *b"ro", *b"ru", *b"rw", *b"sa", *b"sc", *b"sd", *b"se", *b"sg", *b"si",
    *b"sk", *b"sl", *b"sm", *b"sn", *b"so", *b"sq", *b"sr", *b"ss", *b"st", *b"su", *b"sv", *b"sw", *b"ta",
    *b"te", *b"tg", *b"th", *b"ti", *b"tk", *b"tl", *b"tn", *b"to", *b"tr", *b"ts", *b"tt", *b"tw", *b"ty",
    *b"ug", *b"uk", *b"ur", *b"uz", *b"ve", *b"vi", *b"vo", *b"wa", *b"wo", *b"xh", *b"yi", *b"yo", *b"za",
    *b"zh", *b"zu",
];

fn is_language(code: &str) -> bool {
    let &[a, b] = code.as_bytes() else { return false };
    ISO_639_1.binary_search(&[a, b]).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_table_has_the_184_codes() {
        assert!(
            ISO_639_1.windows(2).all(|w| w[0] < w[1]),
            "binary search needs the table sorted"
        );
        assert!(ISO_639_1.iter().flatten().all(u8::is_ascii_lowercase));
        assert!(is_language("fr") && !is_language("f") && !is_language("fra") && !is_language("xx"));
    }

    #[test]
    fn emails() {
        for good in [
            "a@example.org",
            "camille.moreau@example.org",
            "x+tag@sub.example.co.uk",
            "élise@exemple.fr",
        ] {
            assert!(is_email(good), "{good}");
        }
        // IDNA A-labels, as browsers submit internationalised domains (RFC 5890).
        for good in [
            "моя@xn--h1alffa9f.xn--p1ai",
            "a@example.xn--fiqs8s",
            "a@XN--P1AI.xn--p1ai",
        ] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["a@example.xn--", "a@example.xn-p1ai", "a@example.xn--p1ai-"] {
            assert!(!is_email(bad), "{bad}");
        }
        for bad in [
            "not-an-email",
            "a@b",
            "@example.org",
            "a@.org",
            "a b@example.org",
            "a@example.o",
            "a@@example.org",
            "a@exa_mple.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert_eq!(e164("+33 6 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(e164("+1 (415) 555-0100").as_deref(), Some("+14155550100"));
        // The smallest numbering plans (ITU-T E.164): Niue, a 3-digit country code and 4 digits.
        assert_eq!(e164("+683 4002").as_deref(), Some("+6834002"));
        // A trunk prefix in brackets is for callers inside the country: not part of the number.
        assert_eq!(e164("+44 (0)20 7946 0958").as_deref(), Some("+442079460958"));
        assert_eq!(e164("+49(0)30 123456").as_deref(), Some("+4930123456"));
        // In Italy the 0 belongs to the number (ITU-T E.164 national plan of Italy).
        assert_eq!(e164("+39 (0)6 1234 5678").as_deref(), Some("+390612345678"));
        // Elsewhere a bracketed 0 is a digit like any other (an area code written `(0…)`).
        assert_eq!(e164("+1 415 (0)55 0100").as_deref(), Some("+14150550100"));
        for bad in [
            "0612345678",
            "+0612345678",
            "+33 6 1",
            "+683 400",
            "+33612345678901234",
            "+33 6a",
        ] {
            assert!(e164(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for good in [
            "https://example.org/camille",
            "http://localhost:8080/x",
            "HTTPS://www.linkedin.com/in/x?y=1",
            "http://été.fr/",
            "Http://例え.jp",
        ] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in [
            "ftp://example.org",
            "https://",
            "https://exa mple.org",
            "javascript:alert(1)",
            "https://example",
            "https://a..b",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_subject_slug("web_development"));
        assert!(is_subject_slug("python3"));
        for bad in ["", "Web", "3d", "web-dev", "café"] {
            assert!(!is_subject_slug(bad), "{bad}");
        }
    }
}
