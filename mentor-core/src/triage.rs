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
use crate::eligibility::{self, Decision, Outcome, PackedDecision};
use crate::error::{Detail, ErrorCode, FieldError};
use crate::i18n::{In, Lang, Localized};
use crate::policy::Policy;
use crate::recruitment::DuplicateKey;
use crate::review::{self, PackedPriority, Priority, Urgency};
use std::collections::HashMap;

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
    /// A valid form's [`DuplicateKey`] fingerprint, until the batch has checked it against
    /// the forms before it ([`rank`], [`Triage::push`]).
    duplicate_key: Option<Fingerprint>,
}

/// A [`DuplicateKey::fingerprint`], kept out of `Debug` (it is derived from an e-mail).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Fingerprint([u8; 16]);

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<fingerprint>")
    }
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
                status: Status::Invalid,
                rank: None,
                errors: vec![error.clone()],
                completeness: 0.0,
                eligibility: None,
                priority: None,
                on_hold: None,
                duplicate_key: None,
            };
        }
    };
    let mut entry = Entry {
        line,
        reference: v.reference,
        email: v.email,
        status: Status::Invalid,
        rank: None,
        errors: Vec::new(),
        completeness: v.completeness,
        eligibility: None,
        priority: None,
        on_hold: None,
        duplicate_key: None,
    };
    let latest = now + chrono::TimeDelta::days(1);
    match v.result {
        Err(errors) => entry.errors = errors,
        // Submitted after `now` (a day's margin for clocks and time zones): a mistake that
        // would otherwise rank the form as if it had waited least (issue 16).
        Ok(app) if app.submitted_at().is_some_and(|at| at > latest) => {
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
            entry.duplicate_key = entry
                .email
                .as_ref()
                .map(|email| Fingerprint(DuplicateKey::new(email.expose(), app.offer_id()).fingerprint()));
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
/// Keys are compared by their [`DuplicateKey::fingerprint`] (128 bits of SHA-256): two
/// different keys of a million forms share one with probability about 1.5·10⁻²⁷.
#[must_use]
pub fn rank(mut entries: Vec<Entry>) -> Vec<Entry> {
    let mut first_seen = FirstSeen::default();
    entries.iter_mut().for_each(|e| first_seen.check(e));
    order(entries)
}

/// Ranks entries whose duplicates are already marked.
fn order(mut entries: Vec<Entry>) -> Vec<Entry> {
    // The entries are moved into their order in place: a stable sort of the entries themselves
    // would take a buffer of half of them (a million forms: 180 MB).
    let mut order = report_order(
        entries
            .iter()
            .map(|e| (e.status, e.priority.as_ref().map(Priority::urgency), e.line)),
    );
    permute(&mut entries, &mut order);
    for (rank, e) in (1..).zip(entries.iter_mut().filter(|e| e.status == Status::Ranked)) {
        e.rank = Some(rank);
    }
    entries
}

/// The report order of forms given by their status, urgency and line, in input order: the
/// index of each form, first to last. Ranked forms come first, most urgent first; then
/// `on_hold`, `ineligible` and `invalid`, each by line. The order is found on these small keys
/// (sorting the forms themselves would move them all, and sorting indices into them would read
/// them at random); the input index breaks ties, so the order is a stable sort's.
fn report_order(forms: impl Iterator<Item = (Status, Option<Urgency>, usize)>) -> Vec<usize> {
    let mut keys: Vec<(Status, Option<Urgency>, usize, usize)> = forms
        .enumerate()
        .map(|(at, (status, urgency, line))| (status, urgency, line, at))
        .collect();
    keys.sort_unstable_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| match (&a.1, &b.1) {
                (Some(ua), Some(ub)) => ua.cmp_urgency(ub),
                _ => std::cmp::Ordering::Equal,
            })
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    keys.into_iter().map(|k| k.3).collect()
}

/// Moves `items` into `order` (`items[i]` becomes the item that was at `order[i]`) in place,
/// one cycle of the permutation at a time; `order` is left as the identity.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(from) = order.get_mut(at).map(|slot| std::mem::replace(slot, at)) {
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// The line of the first valid form of each duplicate key seen so far, by fingerprint: 24
/// bytes a form, checked as each form arrives.
#[derive(Debug, Default)]
struct FirstSeen(HashMap<Fingerprint, usize>);

impl FirstSeen {
    /// Marks `entry` a duplicate when an earlier form had its key, else remembers its line.
    /// The entry's fingerprint is spent.
    fn check(&mut self, entry: &mut Entry) {
        let Some(key) = entry.duplicate_key.take() else {
            return;
        };
        if entry.status == Status::Invalid {
            return;
        }
        let first_line = match self.0.entry(key) {
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(entry.line);
                return;
            }
            std::collections::hash_map::Entry::Occupied(slot) => *slot.get(),
        };
        entry.errors = vec![FieldError::with(
            "applicant.email",
            ErrorCode::DuplicateApplication,
            Detail::FirstSeenAt(first_line),
        )];
        entry.status = Status::Invalid;
        entry.eligibility = None;
        entry.priority = None;
    }
}

/// A review queue built record by record: each record is assessed as it arrives (only what
/// its [`Entry`] says is kept, packed, not its text), repeated applications are found as they
/// arrive ([`rank`] says how), and [`Triage::report`] gives the entries in report order once
/// all have come. What [`triage`] does on a slice, for batches read as they arrive
/// ([`crate::wire::RecordReader`]) or queues that are never whole in memory.
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use mentor_core::policy::Policy;
/// use mentor_core::triage::{Status, Triage};
/// use mentor_core::wire::RecordReader;
/// let policy = Policy::default();
/// let mut queue = Triage::new(&policy, Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap());
/// let mut reader = RecordReader::forms();
/// reader.feed(b"{\"offer_id\": 1}\n", &mut |record| queue.push(&record)).unwrap();
/// reader.finish(&mut |record| queue.push(&record));
/// assert_eq!(queue.len(), 1);
/// assert_eq!(queue.invalid(), 1);
/// let report = queue.finish();
/// assert_eq!(report[0].status, Status::Invalid);
/// ```
#[derive(Debug)]
pub struct Triage<'p> {
    policy: &'p Policy,
    now: DateTime<Utc>,
    kept: Vec<Kept>,
    first_seen: FirstSeen,
    invalid: usize,
}

/// What the queue keeps of an [`Entry`] until the report (issue 15: a million forms): the
/// reference and e-mail in one allocation, the decision and priority packed, errors and
/// holds (a few forms) behind one pointer. [`Kept::take_entry`] rebuilds the entry.
struct Kept {
    line: usize,
    completeness: f64,
    /// The reference, then the e-mail.
    text: Box<str>,
    reference_len: usize,
    has_reference: bool,
    has_email: bool,
    status: Status,
    priority: Option<KeptPriority>,
    decision: Option<PackedDecision>,
    rare: Option<Box<Rare>>,
}

/// A ranked form's priority, packed unless it cannot be rebuilt from the form's completeness.
#[derive(Clone, Copy, Debug)]
enum KeptPriority {
    Packed(PackedPriority),
    Whole(Priority),
}

/// What only some forms have: errors (invalid forms) and why a form is on hold.
struct Rare {
    errors: Vec<FieldError>,
    on_hold: Option<Hold>,
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kept")
            .field("line", &self.line)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

impl Kept {
    fn new(entry: Entry) -> Kept {
        let reference = entry.reference.as_deref();
        let email = entry.email.as_ref().map(Personal::expose);
        let mut text = String::with_capacity(reference.map_or(0, str::len) + email.map_or(0, str::len));
        text.push_str(reference.unwrap_or(""));
        text.push_str(email.unwrap_or(""));
        let priority = entry.priority.map(|p| {
            p.pack(entry.completeness)
                .map_or(KeptPriority::Whole(p), KeptPriority::Packed)
        });
        let rare = (!entry.errors.is_empty() || entry.on_hold.is_some()).then(|| {
            Box::new(Rare {
                errors: entry.errors,
                on_hold: entry.on_hold,
            })
        });
        Kept {
            line: entry.line,
            completeness: entry.completeness,
            reference_len: reference.map_or(0, str::len),
            has_reference: reference.is_some(),
            has_email: email.is_some(),
            text: text.into_boxed_str(),
            status: entry.status,
            priority,
            decision: entry.eligibility.map(Decision::pack),
            rare,
        }
    }

    fn priority(&self) -> Option<Priority> {
        self.priority.map(|p| match p {
            KeptPriority::Packed(packed) => packed.unpack(self.completeness),
            KeptPriority::Whole(whole) => whole,
        })
    }

    /// The entry; the parts that only some forms have are moved out. The text is copied, not
    /// freed here: freeing a million small blocks in report order, which is not the order they
    /// were made in, scatters the allocator's free lists and costs a fifth of the run.
    fn take_entry(&mut self, rank: Option<usize>) -> Entry {
        let text = &self.text;
        let (reference, email) = match (text.get(..self.reference_len), text.get(self.reference_len..)) {
            (Some(reference), Some(email)) => (
                self.has_reference.then(|| reference.to_owned()),
                self.has_email.then(|| Personal::new(email.to_owned())),
            ),
            _ => (None, None),
        };
        let rare = self.rare.take().map(|rare| *rare);
        let (errors, on_hold) = rare.map_or((Vec::new(), None), |r| (r.errors, r.on_hold));
        Entry {
            line: self.line,
            reference,
            email,
            status: self.status,
            rank,
            errors,
            completeness: self.completeness,
            eligibility: self.decision.take().map(PackedDecision::unpack),
            priority: self.priority(),
            on_hold,
            duplicate_key: None,
        }
    }
}

impl<'p> Triage<'p> {
    /// An empty queue whose forms are assessed under `policy` at `now`.
    #[must_use]
    pub fn new(policy: &'p Policy, now: DateTime<Utc>) -> Triage<'p> {
        Triage {
            policy,
            now,
            kept: Vec::new(),
            first_seen: FirstSeen::default(),
            invalid: 0,
        }
    }

    /// Assesses one more record ([`assess`]), in input order. A repeated application is
    /// found here, as it arrives ([`rank`] says how).
    pub fn push(&mut self, record: &Record) {
        self.keep(assess(record, self.policy, self.now));
    }

    /// Adds entries already assessed (by [`assess`], on other threads), in input order.
    pub fn extend(&mut self, entries: impl IntoIterator<Item = Entry>) {
        entries.into_iter().for_each(|e| self.keep(e));
    }

    fn keep(&mut self, mut entry: Entry) {
        self.first_seen.check(&mut entry);
        if entry.status == Status::Invalid {
            self.invalid += 1;
        }
        self.kept.push(Kept::new(entry));
    }

    /// How many records have been assessed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.kept.len()
    }

    /// Whether no record has been assessed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// How many of the records assessed so far are invalid, repeated applications included.
    #[must_use]
    pub fn invalid(&self) -> usize {
        self.invalid
    }

    /// The report: every entry in report order, ranked ([`rank`]).
    #[must_use]
    pub fn finish(self) -> Vec<Entry> {
        self.report().collect()
    }

    /// The report one entry at a time, in report order, each made when asked for: writing a
    /// million entries out this way never holds them all.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use mentor_core::policy::Policy;
    /// use mentor_core::triage::{Status, Triage, read_records};
    /// let policy = Policy::default();
    /// let mut queue = Triage::new(&policy, Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap());
    /// read_records("{\"offer_id\": 1}\n").iter().for_each(|r| queue.push(r));
    /// let mut report = queue.report();
    /// assert_eq!(report.len(), 1);
    /// assert_eq!(report.next().map(|e| e.status), Some(Status::Invalid));
    /// assert!(report.next().is_none());
    /// ```
    #[must_use]
    pub fn report(self) -> Report {
        drop(self.first_seen);
        let kept = self.kept;
        // Each entry is made from its packed form when its turn comes.
        let order = report_order(
            kept.iter()
                .map(|k| (k.status, k.priority().as_ref().map(Priority::urgency), k.line)),
        );
        Report {
            kept,
            order: order.into_iter(),
            ranked: 0,
        }
    }
}

/// A [`Triage`]'s report, one [`Entry`] at a time in report order ([`Triage::report`]).
pub struct Report {
    kept: Vec<Kept>,
    order: std::vec::IntoIter<usize>,
    ranked: usize,
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("left", &self.order.len())
            .finish_non_exhaustive()
    }
}

impl Iterator for Report {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let at = self.order.next()?;
        let kept = self.kept.get_mut(at)?;
        let rank = if kept.status == Status::Ranked {
            self.ranked += 1;
            Some(self.ranked)
        } else {
            None
        };
        Some(kept.take_entry(rank))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}

impl ExactSizeIterator for Report {}

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
    let mut queue = Triage::new(policy, now);
    records.iter().for_each(|r| queue.push(r));
    queue.finish()
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]
    use super::*;
    use chrono::TimeZone as _;

    #[test]
    fn permute_moves_each_item_to_its_place() {
        let mut items = ['a', 'b', 'c', 'd', 'e', 'f'];
        // Two cycles (0 3 5) and (1 2), and 4 in place.
        let mut order = [3, 2, 1, 5, 4, 0];
        permute(&mut items, &mut order);
        assert_eq!(items, ['d', 'c', 'b', 'f', 'e', 'a']);
        assert_eq!(order, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn duplicates_name_the_first_line_of_their_key() {
        let form = |email: &str| {
            format!(
                r#"{{"offer_id": "o", "applicant": {{"first_name": "A", "last_name": "B", "email": "{email}", "country": "FR"}}, "subjects": [{{"subject": "python", "level": "expert"}}], "consent": {{"data_processing": true}}}}"#
            )
        };
        let now = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
        let policy = Policy::default();
        let emails = ["a@x.org", "b@x.org", "A@x.org ", "c@x.org", "b@x.org"];
        let records: Vec<Record> = emails
            .iter()
            .enumerate()
            .map(|(i, e)| Record::keep_text(i + 1, &form(e)))
            .collect();
        let by_rank = rank(records.iter().map(|r| assess(r, &policy, now)).collect());
        let by_push = triage(&records, &policy, now);
        assert_eq!(by_rank, by_push);
        let mut firsts: Vec<(usize, Option<usize>)> = by_push
            .iter()
            .map(|e| match e.errors.first().map(|err| (&err.code, &err.detail)) {
                Some((ErrorCode::DuplicateApplication, Detail::FirstSeenAt(line))) => (e.line, Some(*line)),
                _ => (e.line, None),
            })
            .collect();
        firsts.sort_unstable();
        assert_eq!(
            firsts,
            [(1, None), (2, None), (3, Some(1)), (4, None), (5, Some(2))]
        );
    }
}
