//! The application form (DESIGN 4.2, APP-1..4): parsed once into an [`Application`] whose
//! fields cannot be wrong, or into the list of every problem found, each with its path.
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
use serde_json::Value;

use crate::country::CountryCode;
use crate::eligibility::{Country, WorkingSituation, read_situation};
use crate::error::{Detail, ErrorCode, FieldError};
use crate::policy::Policy;
use crate::read::{Path, Reader, present};

/// Text that may identify a person: kept whole, never shown by `Debug`.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Personal(String);

impl Personal {
    /// The text itself (to show to the people allowed to see it).
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Personal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// How well the applicant can teach a subject (APP-4: explaining to a friend is enough).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Can explain it to a friend.
    Comfortable,
    /// Works with it.
    Proficient,
    /// Expert.
    Expert,
}

const LEVELS: &[(&str, Level)] = &[("comfortable", Level::Comfortable), ("proficient", Level::Proficient), ("expert", Level::Expert)];

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

/// A valid application (DESIGN 4.2).
#[derive(Clone, Debug, PartialEq)]
pub struct Application {
    /// The caller's own id, echoed in every output.
    pub reference: Option<String>,
    /// The job offer applied to (APP-1).
    pub offer_id: String,
    /// The applicant.
    pub applicant: Applicant,
    /// The subjects, at least one, each once.
    pub subjects: Vec<SubjectChoice>,
    /// Experience.
    pub experience: Experience,
    /// Motivation (at most 5,000 characters).
    pub motivation: Option<Personal>,
    /// Hours per week (1–80).
    pub availability_hours_per_week: Option<u8>,
    /// LinkedIn profile URL.
    pub linkedin: Option<Personal>,
    /// Portfolio URL.
    pub portfolio: Option<Personal>,
    /// Working situation, when already given (else settled at the interview, INT-5).
    pub working_situation: Option<WorkingSituation>,
    /// Interview readiness (INT-2).
    pub interview_readiness: Option<InterviewReadiness>,
    /// When the form was submitted.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Share of the optional items given (APP-3), 0.0–1.0.
    pub completeness: f64,
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

/// The number of optional items that completeness counts (DESIGN 4.2).
pub const COMPLETENESS_ITEMS: u32 = 14;

/// Limits of DESIGN 4.2.
const NAME_MAX: usize = 100;
const MOTIVATION_MAX: usize = 5_000;
const SHORT_TEXT_MAX: usize = 200;
const URL_MAX: usize = 2_048;
const EMAIL_MAX: usize = 254;
const SUBJECT_MAX: usize = 64;

const FORM_KEYS: &[&str] = &[
    "reference", "offer_id", "applicant", "subjects", "experience", "motivation", "availability_hours_per_week", "links",
    "working_situation", "interview_readiness", "consent", "submitted_at",
];
const APPLICANT_KEYS: &[&str] = &["first_name", "last_name", "email", "phone", "country", "timezone", "languages"];

/// Validates one application form given as JSON (DESIGN 4.2). Never fails: problems are data.
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
    let mut r = Reader::new();
    let root = Path::Root;
    let mut present_items = 0u32;
    let mut count = |given: bool| {
        if given {
            present_items += 1;
        }
    };

    let Some(map) = r.object(form, &root, FORM_KEYS) else {
        return Validation { reference: None, email: None, result: Err(r.errors), completeness: 0.0 };
    };
    let reference = r.text(map.get("reference"), &root.key("reference"), SHORT_TEXT_MAX, false).map(str::to_owned);
    let offer_path = root.key("offer_id");
    let offer_id = r.required_text(map.get("offer_id"), &offer_path, SHORT_TEXT_MAX);
    if let Some(offer) = offer_id {
        if !policy.accepts_offer(offer) {
            r.error(&offer_path, ErrorCode::UnknownOffer);
        }
    }

    // applicant
    let ap = root.key("applicant");
    let email_raw = map
        .get("applicant")
        .and_then(|a| a.get("email"))
        .and_then(Value::as_str)
        .filter(|s| s.len() <= EMAIL_MAX * 4)
        .map(|s| Personal(s.trim().to_owned()));
    let applicant = r.required_object(map.get("applicant"), &ap, APPLICANT_KEYS).map(|a| {
        let first_name = r.required_text(a.get("first_name"), &ap.key("first_name"), NAME_MAX);
        let last_name = r.required_text(a.get("last_name"), &ap.key("last_name"), NAME_MAX);
        let email_path = ap.key("email");
        let email = r.required_text(a.get("email"), &email_path, EMAIL_MAX);
        let email = r.parse(email, &email_path, ErrorCode::InvalidEmail, |e| is_email(e).then(|| Personal(e.to_owned())));
        let phone_path = ap.key("phone");
        let phone = r.text(a.get("phone"), &phone_path, 32, false);
        let phone = r.parse(phone, &phone_path, ErrorCode::InvalidPhone, |p| e164(p).map(Personal));
        let country_path = ap.key("country");
        let country = r.required_text(a.get("country"), &country_path, 64);
        let country = r.parse(country, &country_path, ErrorCode::InvalidCountry, CountryCode::parse);
        let tz_path = ap.key("timezone");
        let timezone = r.text(a.get("timezone"), &tz_path, 64, false);
        let timezone = r.parse(timezone, &tz_path, ErrorCode::InvalidTimezone, |t| t.parse::<chrono_tz::Tz>().ok());
        let lang_path = ap.key("languages");
        let mut languages: Vec<String> = Vec::new();
        for (i, item) in r.array(a.get("languages"), &lang_path).unwrap_or_default().iter().enumerate() {
            let item_path = lang_path.index(i);
            if let Some(code) = r.text(Some(item), &item_path, 8, false) {
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
    let applicant = applicant.and_then(|(first_name, last_name, email, phone, country, timezone, languages)| {
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
    });

    // subjects
    let sp = root.key("subjects");
    let mut subjects: Vec<SubjectChoice> = Vec::new();
    let mut subjects_ok = true;
    match r.array(map.get("subjects"), &sp) {
        None if present(map.get("subjects")).is_none() => r.error(&sp, ErrorCode::Required),
        None => subjects_ok = false,
        Some([]) => r.error(&sp, ErrorCode::Required),
        Some(items) => {
            for (i, item) in items.iter().enumerate() {
                let ip = sp.index(i);
                let Some(s) = r.object(item, &ip, &["subject", "level", "years_experience"]) else {
                    subjects_ok = false;
                    continue;
                };
                let subject_path = ip.key("subject");
                let subject = r.required_text(s.get("subject"), &subject_path, SUBJECT_MAX).and_then(|name| {
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
                if present(s.get("level")).is_none() {
                    r.error(&level_path, ErrorCode::Required);
                }
                let level = r.choice(s.get("level"), &level_path, LEVELS);
                let years = r.integer(s.get("years_experience"), &ip.key("years_experience"), 0, 80).and_then(|y| u8::try_from(y).ok());
                match (subject, level) {
                    (Some(subject), Some(level)) => subjects.push(SubjectChoice { subject: subject.to_owned(), level, years_experience: years }),
                    _ => subjects_ok = false,
                }
            }
        }
    }
    count(!subjects.is_empty() && subjects_ok && subjects.iter().all(|s| s.years_experience.is_some()));

    // experience
    let ep = root.key("experience");
    let experience = r
        .optional_object(map.get("experience"), &ep, &["current_role", "years_professional", "mentoring_experience", "recent_projects"])
        .map(|e| {
            let current_role = r.text(e.get("current_role"), &ep.key("current_role"), SHORT_TEXT_MAX, false).map(|s| Personal(s.to_owned()));
            let years_professional =
                r.integer(e.get("years_professional"), &ep.key("years_professional"), 0, 80).and_then(|y| u8::try_from(y).ok());
            let mentoring_experience = r.boolean(e.get("mentoring_experience"), &ep.key("mentoring_experience"));
            let pp = ep.key("recent_projects");
            let mut recent_projects = Vec::new();
            for (i, item) in r.array(e.get("recent_projects"), &pp).unwrap_or_default().iter().enumerate() {
                if let Some(p) = r.text(Some(item), &pp.index(i), 500, false) {
                    recent_projects.push(Personal(p.to_owned()));
                }
            }
            Experience { current_role, years_professional, mentoring_experience, recent_projects }
        })
        .unwrap_or_default();
    count(experience.current_role.is_some());
    count(experience.years_professional.is_some());
    count(experience.mentoring_experience.is_some());
    count(!experience.recent_projects.is_empty());

    let motivation = r.text(map.get("motivation"), &root.key("motivation"), MOTIVATION_MAX, true).map(|s| Personal(s.to_owned()));
    count(motivation.is_some());
    let availability = r
        .integer(map.get("availability_hours_per_week"), &root.key("availability_hours_per_week"), 1, 80)
        .and_then(|h| u8::try_from(h).ok());
    count(availability.is_some());

    let lp = root.key("links");
    let (linkedin, portfolio) = r
        .optional_object(map.get("links"), &lp, &["linkedin", "portfolio"])
        .map(|l| {
            let mut url = |key: &'static str| {
                let path = lp.key(key);
                let text = r.text(l.get(key), &path, URL_MAX, false);
                r.parse(text, &path, ErrorCode::InvalidUrl, |u| is_http_url(u).then(|| Personal(u.to_owned())))
            };
            (url("linkedin"), url("portfolio"))
        })
        .unwrap_or_default();
    count(linkedin.is_some());
    count(portfolio.is_some());

    let default_country = applicant.as_ref().map(|a| a.country);
    let wp = root.key("working_situation");
    let working_situation = present(map.get("working_situation")).and_then(|w| read_situation(&mut r, w, &wp, Country::Applicant(default_country)));
    count(working_situation.is_some());

    let rp = root.key("interview_readiness");
    let interview_readiness = r.optional_object(map.get("interview_readiness"), &rp, &["microphone", "camera", "quiet_well_lit_room"]).map(|o| {
        InterviewReadiness {
            microphone: r.boolean(o.get("microphone"), &rp.key("microphone")),
            camera: r.boolean(o.get("camera"), &rp.key("camera")),
            quiet_well_lit_room: r.boolean(o.get("quiet_well_lit_room"), &rp.key("quiet_well_lit_room")),
        }
    });
    count(interview_readiness.is_some_and(|i| i.microphone.is_some() && i.camera.is_some() && i.quiet_well_lit_room.is_some()));

    let cp = root.key("consent");
    if let Some(consent) = r.required_object(map.get("consent"), &cp, &["data_processing"]) {
        let dp = cp.key("data_processing");
        match r.boolean(consent.get("data_processing"), &dp) {
            Some(true) => {}
            Some(false) => r.error(&dp, ErrorCode::ConsentRequired),
            None if present(consent.get("data_processing")).is_none() => r.error(&dp, ErrorCode::Required),
            None => {}
        }
    }

    let tp = root.key("submitted_at");
    let submitted_at = r.text(map.get("submitted_at"), &tp, 64, false);
    let submitted_at = r.parse(submitted_at, &tp, ErrorCode::InvalidDatetime, crate::lifecycle::parse_instant);

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
                r.errors.push(FieldError::with("", ErrorCode::InvalidType, Detail::None));
            }
            Err(r.errors)
        }
    };
    Validation { reference, email: email_raw, result, completeness }
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
    let v = validate(form, policy);
    let errors: Vec<Value> = v.result.as_ref().err().map(|es| es.iter().map(|e| e.to_json(lang)).collect()).unwrap_or_default();
    serde_json::json!({
        "valid": v.result.is_ok(),
        "reference": v.reference,
        "completeness": v.completeness,
        "errors": errors,
    })
}

/// Whether `s` is a subject slug: lower-case ASCII letters, digits and `_`, starting with a
/// letter, at most 64 characters.
#[must_use]
pub fn is_subject_slug(s: &str) -> bool {
    let mut bytes = s.bytes();
    s.len() <= SUBJECT_MAX
        && bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A practical e-mail check (the addresses people type, not all of RFC 5322): one `@`, a local
/// part of 1–64 characters without spaces or quotes, a domain of dot-separated labels of
/// letters (any script), digits and inner hyphens, with a top-level label of 2+ letters.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let local_ok = !local.is_empty()
        && local.chars().count() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local.chars().all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '@' | '"' | '(' | ')' | ',' | ':' | ';' | '<' | '>' | '[' | ']' | '\\'));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty() && l.chars().count() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    local_ok && domain_ok
}

/// The E.164 form of a phone number typed with the usual separators: `+`, then 8–15 digits,
/// the first not 0 (ITU-T E.164: country code 1–3 digits, at most 15 digits in all).
fn e164(s: &str) -> Option<String> {
    let rest = s.strip_prefix('+')?;
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
    ((8..=15).contains(&digits) && first_ok).then_some(out)
}

/// `http://` or `https://` (any case), then a host of letters, digits, dots and hyphens with
/// at least one dot (or `localhost`), an optional port, and no spaces anywhere.
fn is_http_url(s: &str) -> bool {
    // Compare bytes: `s.get(..8)` is `None` when byte 8 falls inside a character, as in
    // `http://été.fr` (the host's first letter takes bytes 7 and 8).
    let starts_with = |prefix: &str| s.as_bytes().get(..prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()));
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
    host_ok && !host.starts_with('.') && !host.ends_with('.') && !host.contains("..") && (host.contains('.') || host.eq_ignore_ascii_case("localhost"))
}

/// ISO 639-1 two-letter language codes (184, as maintained by the Library of Congress).
const ISO_639_1: [&str; 184] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm", "bn", "bo",
    "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee", "el", "en", "eo", "es",
    "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr",
    "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj",
    "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv",
    "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv",
    "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd",
    "se", "sg", "si", "sk", "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti",
    "tk", "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
    "yo", "za", "zh", "zu",
];

fn is_language(code: &str) -> bool {
    ISO_639_1.binary_search(&code).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_table_has_the_184_codes() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]), "binary search needs the table sorted");
    }

    #[test]
    fn emails() {
        for good in ["a@example.org", "camille.moreau@example.org", "x+tag@sub.example.co.uk", "élise@exemple.fr"] {
            assert!(is_email(good), "{good}");
        }
        for bad in ["not-an-email", "a@b", "@example.org", "a@.org", "a b@example.org", "a@example.o", "a@@example.org", "a@exa_mple.org"] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert_eq!(e164("+33 6 12 34 56 78").as_deref(), Some("+33612345678"));
        assert_eq!(e164("+1 (415) 555-0100").as_deref(), Some("+14155550100"));
        for bad in ["0612345678", "+0612345678", "+33 6 12", "+33612345678901234", "+33 6a"] {
            assert!(e164(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for good in ["https://example.org/camille", "http://localhost:8080/x", "HTTPS://www.linkedin.com/in/x?y=1", "http://été.fr/", "Http://例え.jp"] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in ["ftp://example.org", "https://", "https://exa mple.org", "javascript:alert(1)", "https://example", "https://a..b"] {
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
