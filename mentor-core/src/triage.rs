//! The main job (`docs/cli.md` `triage`): for each application form of a batch, is it valid,
//! what is the eligibility decision, and in which order should mentor managers call
//! candidates back.
//!
//! A batch never stops on one bad record: a line that is not JSON is an `invalid` record with
//! code `invalid_json`; every other record is still assessed.
//!
//! Order of the report: ranked forms in rank order, then `on_hold`, then `ineligible`, then
//! `invalid`, each of the last three in input order. A form whose eligibility is
//! `ineligible` is reported as such even when its subjects are closed.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::application::{self, Personal};
use crate::eligibility::{self, Decision, Outcome};
use crate::error::{Detail, ErrorCode, FieldError};
use crate::i18n::{In, Lang, Localized};
use crate::policy::Policy;
use crate::recruitment::DuplicateKey;
use crate::review::{self, Priority};
use std::collections::BTreeMap;

pub use crate::wire::{Record, read_forms, read_forms_bytes, read_records, read_records_bytes};

/// Where a form ends up in the review queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "TriageStatus")
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Valid, eligible or on its way, ranked for a call back.
    Ranked,
    /// Every subject is closed to new mentors (POL-1).
    OnHold,
    /// The eligibility decision is `ineligible`.
    Ineligible,
    /// The form has errors.
    Invalid,
}

/// What triage says of one form.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The record's line (JSON Lines) or array index + 1.
    pub line: usize,
    /// The form's `reference`, echoed.
    pub reference: Option<String>,
    /// The applicant's e-mail as typed, for the people who call back.
    pub email: Option<Personal>,
    /// The offer applied to, when the form could be read.
    pub offer_id: Option<String>,
    /// Where it ends up.
    pub status: Status,
    /// 1-based rank among the ranked forms.
    pub rank: Option<usize>,
    /// Field errors of an invalid form.
    pub errors: Vec<FieldError>,
    /// Completeness, 0.0–1.0.
    pub completeness: f64,
    /// The eligibility decision of a valid form.
    pub eligibility: Option<Decision>,
    /// The review priority of a ranked form.
    pub priority: Option<Priority>,
    /// Why a valid form is on hold.
    pub on_hold: Option<Hold>,
}

/// Why a valid form is on hold (POL-1): the policy closes every subject it offers to new
/// mentors. Code `subject_closed`; on the wire `{"code", "rule", "subjects", "message"}`.
///
/// ```
/// use mentor_core::triage::Hold;
/// use mentor_core::{Lang, Localized};
/// let hold = Hold::new(vec!["cobol".to_owned()]);
/// assert_eq!(hold.to_json(Lang::En)["code"], "subject_closed");
/// assert_eq!(hold.to_json(Lang::Fr)["message"], "la politique ferme aux nouveaux mentors toutes les matières du formulaire : cobol");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hold {
    subjects: Vec<String>,
}

impl Hold {
    /// The stable code.
    pub const CODE: &'static str = "subject_closed";

    /// On hold for these closed subjects (slugs, in the form's order).
    #[must_use]
    pub fn new(subjects: Vec<String>) -> Hold {
        Hold { subjects }
    }

    /// The closed subjects, in the form's order.
    #[must_use]
    pub fn subjects(&self) -> &[String] {
        &self.subjects
    }

    /// What it means, in `lang`, naming the subjects.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let subjects = self.subjects.join(", ");
        match lang {
            Lang::En => {
                format!("every subject of the form is closed to new mentors by the policy: {subjects}")
            }
            Lang::Fr => format!(
                "la politique ferme aux nouveaux mentors toutes les matières du formulaire : {subjects}"
            ),
        }
    }
}

impl Localized for Hold {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            code: &'static str,
            rule: crate::rule::Rule,
            subjects: &'a [String],
            message: String,
        }
        Wire {
            code: Hold::CODE,
            rule: crate::rule::Rule::Pol1,
            subjects: &self.subjects,
            message: self.message(lang),
        }
        .serialize(serializer)
    }
}

impl Entry {
    /// The contact deadline of a ranked form.
    #[must_use]
    pub fn contact_by(&self) -> Option<NaiveDate> {
        self.priority.map(|p| p.contact_by)
    }
}

/// The wire form of a triage entry (`docs/cli.md`): `reference`, `line`, `email`, `status`, `rank`, `errors`,
/// `completeness`, `eligibility`, `priority`, `contact_by`, and `on_hold` (why, POL-1).
impl Localized for Entry {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            reference: &'a Option<String>,
            line: usize,
            email: Option<&'a str>,
            status: Status,
            rank: Option<usize>,
            errors: In<'a, [FieldError]>,
            completeness: f64,
            eligibility: In<'a, Option<Decision>>,
            priority: &'a Option<Priority>,
            contact_by: Option<NaiveDate>,
            on_hold: In<'a, Option<Hold>>,
        }
        Wire {
            reference: &self.reference,
            line: self.line,
            email: self.email.as_ref().map(Personal::expose),
            status: self.status,
            rank: self.rank,
            errors: self.errors.as_slice().render(lang),
            completeness: self.completeness,
            eligibility: self.eligibility.render(lang),
            priority: &self.priority,
            contact_by: self.contact_by(),
            on_hold: self.on_hold.render(lang),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`triage-entry` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Entry {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("TriageEntry")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "object",
            "description": "What triage says of one form (`docs/cli.md`).",
            "properties": {
                "reference": {"type": ["string", "null"], "description": "The form's `reference`, echoed."},
                "line": {"type": "integer", "minimum": 1, "description": "The record's line (JSON Lines) or array index + 1."},
                "email": {"type": ["string", "null"], "description": "The applicant's e-mail as typed."},
                "status": generator.subschema_for::<Status>(),
                "rank": {"type": ["integer", "null"], "minimum": 1, "description": "1-based rank among the ranked forms."},
                "errors": {"type": "array", "items": generator.subschema_for::<FieldError>()},
                "completeness": {"type": "number", "minimum": 0, "maximum": 1},
                "eligibility": generator.subschema_for::<Option<Decision>>(),
                "priority": generator.subschema_for::<Option<Priority>>(),
                "contact_by": {"type": ["string", "null"], "format": "date", "description": "Contact the candidate by this UTC date."},
                "on_hold": {
                    "description": "Why a valid form is on hold (POL-1): the policy closes every subject it offers; null otherwise.",
                    "oneOf": [
                        {"type": "null"},
                        {
                            "type": "object",
                            "properties": {
                                "code": {"const": "subject_closed"},
                                "rule": {"const": "POL-1"},
                                "subjects": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                                "message": {"type": "string"},
                            },
                            "required": ["code", "rule", "subjects", "message"],
                            "additionalProperties": false,
                        },
                    ],
                },
            },
            "required": ["reference", "line", "email", "status", "rank", "errors", "completeness", "eligibility", "priority", "contact_by", "on_hold"],
            "additionalProperties": false,
        })
    }
}

/// Assesses one record: validation, eligibility, priority. Ranks are given by [`rank`].
#[must_use]
pub fn assess(record: &Record, policy: &Policy, now: DateTime<Utc>) -> Entry {
    let (line, v) = match record {
        Record::Json { line, value } => (*line, application::validate(value, policy)),
        Record::Text { line, text } => (*line, application::validate_str(text, policy)),
        Record::Unreadable { line, error } => {
            return Entry {
                line: *line,
                reference: None,
                email: None,
                offer_id: None,
                status: Status::Invalid,
                rank: None,
                errors: vec![error.clone()],
                completeness: 0.0,
                eligibility: None,
                priority: None,
                on_hold: None,
            };
        }
    };
    let mut entry = Entry {
        line,
        reference: v.reference,
        email: v.email,
        offer_id: v.result.as_ref().ok().map(|app| app.offer_id().to_owned()),
        status: Status::Invalid,
        rank: None,
        errors: Vec::new(),
        completeness: v.completeness,
        eligibility: None,
        priority: None,
        on_hold: None,
    };
    let latest = now + chrono::TimeDelta::days(1);
    match v.result {
        Err(errors) => entry.errors = errors,
        // Submitted after `now` (a day's margin for clocks and time zones): a mistake that
        // would otherwise rank the form as if it had waited least (issue 16).
        Ok(app) if app.submitted_at().is_some_and(|at| at > latest) => {
            entry.offer_id = None;
            entry.errors = vec![FieldError::with(
                "submitted_at",
                ErrorCode::OutOfRange,
                Detail::NotAfter(latest),
            )];
        }
        Ok(app) => {
            let decision = match &app.working_situation() {
                Some(s) => eligibility::evaluate(s, policy),
                None => Decision::to_settle_at_interview(app.applicant().country, policy),
            };
            entry.priority = review::priority(&app, policy, now);
            entry.status = if decision.outcome() == Outcome::Ineligible {
                Status::Ineligible
            } else if entry.priority.is_none() {
                Status::OnHold
            } else {
                Status::Ranked
            };
            if entry.status != Status::Ranked {
                entry.priority = None;
            }
            if entry.status == Status::OnHold {
                entry.on_hold = Some(Hold::new(
                    app.subjects().iter().map(|s| s.subject.clone()).collect(),
                ));
            }
            entry.eligibility = Some(decision);
        }
    }
    entry
}

/// Puts assessed entries (given in input order) in report order and numbers the ranked ones.
/// Deterministic: equal priorities fall back on input order.
///
/// A valid form that repeats an earlier valid form of the batch (same normalised e-mail and
/// offer id, [`DuplicateKey`]) is the same application sent twice: it becomes `invalid` with a
/// `duplicate_application` error naming the first one's line, and only the first is ranked.
#[must_use]
pub fn rank(mut entries: Vec<Entry>) -> Vec<Entry> {
    mark_duplicates(&mut entries);
    entries.sort_by(|a, b| {
        a.status
            .cmp(&b.status)
            .then_with(|| match (&a.priority, &b.priority) {
                (Some(pa), Some(pb)) => pa.cmp_urgency(pb),
                _ => std::cmp::Ordering::Equal,
            })
            .then(a.line.cmp(&b.line))
    });
    for (rank, e) in (1..).zip(entries.iter_mut().filter(|e| e.status == Status::Ranked)) {
        e.rank = Some(rank);
    }
    entries
}

fn mark_duplicates(entries: &mut [Entry]) {
    let mut first_seen: BTreeMap<DuplicateKey, usize> = BTreeMap::new();
    for e in entries.iter_mut().filter(|e| e.status != Status::Invalid) {
        let (Some(email), Some(offer_id)) = (&e.email, &e.offer_id) else {
            continue;
        };
        let key = DuplicateKey::new(email.expose(), offer_id);
        match first_seen.get(&key) {
            None => {
                first_seen.insert(key, e.line);
            }
            Some(first) => {
                e.errors = vec![FieldError::with(
                    "applicant.email",
                    ErrorCode::DuplicateApplication,
                    Detail::FirstSeenAt(*first),
                )];
                e.status = Status::Invalid;
                e.eligibility = None;
                e.priority = None;
            }
        }
    }
}

/// Triage of a whole batch at `now` (the core reads no clock).
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use mentor_core::{policy::Policy, triage};
/// let text = r#"{"offer_id": "o", "applicant": {"first_name": "A", "last_name": "B", "email": "a@b.org", "country": "FR"}, "subjects": [{"subject": "python", "level": "expert"}], "consent": {"data_processing": true}}
/// {"offer_id": 1}"#;
/// let now = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
/// let report = triage::triage(&triage::read_records(text), &Policy::default(), now);
/// assert_eq!(report[0].rank, Some(1));
/// assert_eq!(report[1].status, triage::Status::Invalid);
/// ```
#[must_use]
pub fn triage(records: &[Record], policy: &Policy, now: DateTime<Utc>) -> Vec<Entry> {
    rank(records.iter().map(|r| assess(r, policy, now)).collect())
}

/// [`triage`] on the wire format: an array of forms in, the array of entries out
/// (`docs/cli.md`), `line` being the index + 1. Any other value is taken as a batch of one form (so an
/// object is triaged alone, and a string or number is one `invalid_type` record).
#[must_use]
pub fn triage_json(forms: &Value, policy: &Policy, now: DateTime<Utc>, lang: Lang) -> Value {
    let records: Vec<Record> = match forms {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| Record::Json {
                line: i + 1,
                value: v.clone(),
            })
            .collect(),
        other => vec![Record::Json {
            line: 1,
            value: other.clone(),
        }],
    };
    triage(&records, policy, now).to_json(lang)
}
