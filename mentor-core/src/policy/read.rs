//! Reading a policy (POL-1, `docs/policy.md`) from TOML text or a JSON value, the way the wire
//! format is read: every problem of the file at once, each a field error at the key's path
//! (`review_weights.demand`) with a stable code, in plain words in English and French, and,
//! for TOML text, its line and column (issue 16). A policy with any problem is not loaded.

use std::collections::HashMap;
use std::fmt;

use serde::{Serialize, Serializer};
use serde_json::{Map, Number, Value};
use toml::de::{DeTable, DeValue};

use super::{
    BillingPolicy, CRITERIA, ContactDeadlines, Demand, InterviewPolicy, Policy, ReviewWeights, SCORE_MAX,
    SCORE_MIN,
};
use crate::country::CountryCode;
use crate::error::{Detail, ErrorCode, FieldError};
use crate::i18n::{Lang, Localized, Text};
use crate::money::Share;
use crate::read::{Path, Reader, present};
use crate::situation::EmployerSector;
use crate::vocabulary::Vocabulary;
use crate::zone::TimeZone;

/// Where a problem is in a policy's text: 1-based line and column (in characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

impl Position {
    /// The position of the byte at `offset` of `text`.
    fn of(text: &str, offset: usize) -> Position {
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Position { line, column }
    }
}

/// One problem of a policy: a field error at the key's path, and where it is in the text
/// (TOML text only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PolicyProblem {
    error: FieldError,
    position: Option<Position>,
}

impl PolicyProblem {
    /// The problem as a field error: `path` is the key (`billing.time_zone`, empty for the
    /// whole file), `code` its stable code.
    #[must_use]
    pub fn error(&self) -> &FieldError {
        &self.error
    }

    /// Where it is in the text, for a policy read from TOML.
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// What is wrong and where, in `lang`: `line 2, column 10: `contact_deadline_days.urgent`:
    /// this value is out of range: expected a whole number from 0 to 65535`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let what = self.error.message(lang);
        let colon = match lang {
            Lang::En => ": ",
            Lang::Fr => " : ",
        };
        let keyed = if self.error.path.is_empty() {
            what
        } else {
            format!("`{}`{colon}{what}", self.error.path)
        };
        match (self.position, lang) {
            (None, _) => keyed,
            (Some(p), Lang::En) => format!("line {}, column {}: {keyed}", p.line, p.column),
            (Some(p), Lang::Fr) => format!("ligne {}, colonne {} : {keyed}", p.line, p.column),
        }
    }
}

/// The wire form: a field error (`path`, `code`, `message`) with `line` and `column` (`null`
/// without a text position).
impl Localized for PolicyProblem {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            path: &'a str,
            code: ErrorCode,
            message: String,
            line: Option<usize>,
            column: Option<usize>,
        }
        Wire {
            path: &self.error.path,
            code: self.error.code,
            message: self.message(lang),
            line: self.position.map(|p| p.line),
            column: self.position.map(|p| p.column),
        }
        .serialize(serializer)
    }
}

/// A policy that could not be loaded: every problem found, in file order (code
/// `invalid_policy` for the whole; each problem has its own code).
///
/// ```
/// use mentor_core::policy::Policy;
/// use mentor_core::Lang;
/// let e = Policy::from_json(r#"{"demand": {"python": "hot"}, "ofers": []}"#).unwrap_err();
/// let codes: Vec<_> = e.problems().iter().map(|p| (p.error().path.as_str(), p.error().code.as_str())).collect();
/// assert_eq!(codes, [("ofers", "unknown_field"), ("demand.python", "invalid_enum")]);
/// assert!(e.message(Lang::Fr).contains("ce champ ne fait pas partie du format"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct PolicyError {
    problems: Vec<PolicyProblem>,
}

impl PolicyError {
    /// The stable code of a policy that does not load.
    pub const CODE: &'static str = "invalid_policy";

    /// Every problem, in file order. Never empty.
    #[must_use]
    pub fn problems(&self) -> &[PolicyProblem] {
        &self.problems
    }

    /// Every problem's message in `lang`, one after the other (`; `).
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| p.message(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid policy: {}", self.message(Lang::En))
    }
}

/// A policy text that is not JSON, or repeats a key: that one problem.
impl From<FieldError> for PolicyError {
    fn from(error: FieldError) -> Self {
        PolicyError {
            problems: vec![PolicyProblem {
                error,
                position: None,
            }],
        }
    }
}

/// The wire form: the list of problems.
impl Localized for PolicyError {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        self.problems.as_slice().render(lang).serialize(serializer)
    }
}

/// Reads TOML text: its first syntax error (the parser's later ones follow from it, and
/// some are false), or the policy its values make, each problem placed at its key.
pub(super) fn from_toml(text: &str) -> Result<Policy, PolicyError> {
    let (table, syntax) = DeTable::parse_recoverable(text);
    if let Some(first) = syntax
        .iter()
        .min_by_key(|e| e.span().map_or(0, |span| span.start))
    {
        let what = first.message().trim_end().replace('\n', " ");
        let problem = PolicyProblem {
            error: FieldError::with("", ErrorCode::InvalidToml, Detail::Parser(what)),
            position: first.span().map(|span| Position::of(text, span.start)),
        };
        return Err(PolicyError {
            problems: vec![problem],
        });
    }
    let mut starts = HashMap::new();
    let value = table_value(table.get_ref(), "", &mut starts);
    from_value(&value, &|error| {
        // A problem with a key (one that should not be there, a subject that is not a slug)
        // is shown at the key; a wrong value, at the value.
        let (key, value) = *starts.get(&error.path)?;
        let of_key = matches!(error.code, ErrorCode::UnknownField | ErrorCode::InvalidSubject);
        Some(Position::of(text, if of_key { key } else { value }))
    })
}

/// Where each key (or array item) of a TOML document starts, and where its value starts, by
/// path (`billing.time_zone`, `offers[1]`), in bytes.
type Starts = HashMap<String, (usize, usize)>;

/// A TOML table as a JSON value, noting where each key and value starts.
fn table_value(table: &DeTable<'_>, path: &str, starts: &mut Starts) -> Value {
    let mut map = Map::new();
    for (key, value) in table {
        let key_path = if path.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{path}.{}", key.get_ref())
        };
        starts.insert(key_path.clone(), (key.span().start, value.span().start));
        let value = toml_value(value.get_ref(), &key_path, starts);
        map.insert(key.get_ref().to_string(), value);
    }
    Value::Object(map)
}

/// A TOML value as a JSON value. A date-time is its text; an integer past 64 bits and a float
/// that is not finite (`inf`, `nan`) are their text too, so that a number is asked for there.
fn toml_value(value: &DeValue<'_>, path: &str, starts: &mut Starts) -> Value {
    match value {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .map_or_else(|_| Value::String(i.to_string()), Value::from),
        DeValue::Float(f) => f
            .as_str()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let item_path = format!("{path}[{i}]");
                    starts.insert(item_path.clone(), (item.span().start, item.span().start));
                    toml_value(item.get_ref(), &item_path, starts)
                })
                .collect(),
        ),
        DeValue::Table(table) => table_value(table, path, starts),
    }
}

/// Reads a JSON value; `position` places a problem in the text it came from.
pub(super) fn from_value(
    value: &Value,
    position: &dyn Fn(&FieldError) -> Option<Position>,
) -> Result<Policy, PolicyError> {
    let mut r = Reader::new();
    let policy = read_policy(&mut r, value);
    if r.errors.is_empty() {
        return Ok(policy);
    }
    let mut problems: Vec<PolicyProblem> = r
        .errors
        .into_iter()
        .map(|error| {
            let position = position(&error);
            PolicyProblem { error, position }
        })
        .collect();
    // File order (stable: the reader's order where the text gives no position).
    problems.sort_by_key(|p| p.position);
    Err(PolicyError { problems })
}

/// The policy's keys.
const KEYS: [&str; 8] = [
    "offers",
    "employer_sectors_suited",
    "excluded_countries",
    "demand",
    "contact_deadline_days",
    "review_weights",
    "interview",
    "billing",
];
/// An offer id: as long as an application form's `offer_id` may be.
const OFFER_MAX: usize = 200;
/// A country code or time-zone name as typed.
const CODE_TEXT_MAX: usize = 64;

const WEIGHT: Text = Text::new("a number, 0 or more", "un nombre, 0 ou plus");
const WEIGHTS_SUM: Text = Text::new(
    "weights whose sum is a finite number",
    "des poids dont la somme est un nombre fini",
);
const THRESHOLD: Text = Text::new(
    "a number from 1 to 4 (the scorecard's scale)",
    "un nombre de 1 à 4 (l'échelle de la grille)",
);
const SHARE: Text = Text::new(
    "a share from 0 to 1, such as \"0.5\"",
    "une part de 0 à 1, comme \"0.5\"",
);

/// Every key read into the defaults; each problem reported where it is. What is returned when
/// a problem was reported is not used.
fn read_policy(r: &mut Reader, value: &Value) -> Policy {
    let root = Path::Root;
    let mut policy = Policy::default();
    let Some(map) = r.object(value, &root, &KEYS) else {
        return policy;
    };

    let path = root.key("offers");
    if let Some(items) = r.array(map.get("offers"), &path) {
        policy.offers = items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                r.required_text(Some(v), &path.index(i), OFFER_MAX)
                    .map(str::to_owned)
            })
            .collect();
    }
    let path = root.key("employer_sectors_suited");
    if let Some(items) = r.array(map.get("employer_sectors_suited"), &path) {
        policy.employer_sectors_suited = items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| r.choice(Some(v), &path.index(i), EmployerSector::ALL))
            .collect();
    }
    let path = root.key("excluded_countries");
    if let Some(items) = r.array(map.get("excluded_countries"), &path) {
        policy.excluded_countries = items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let item = path.index(i);
                let code = r.required_text(Some(v), &item, CODE_TEXT_MAX);
                r.parse(code, &item, ErrorCode::InvalidCountry, CountryCode::parse)
            })
            .collect();
    }
    let path = root.key("demand");
    if let Some(demand) = present(map.get("demand")).and_then(|v| r.entries(v, &path)) {
        for (subject, level) in demand {
            let at = path.key(subject);
            if !crate::subject::is_subject_slug(subject) {
                r.error(&at, ErrorCode::InvalidSubject);
            } else if let Some(level) = r.choice(Some(level), &at, Demand::ALL) {
                policy.demand.insert(subject.clone(), level);
            }
        }
    }
    let path = root.key("contact_deadline_days");
    if let Some(days) = r.optional_object(
        map.get("contact_deadline_days"),
        &path,
        &["urgent", "high", "normal"],
    ) {
        let defaults = ContactDeadlines::default();
        let mut day = |key: &'static str, default: u16| {
            let at = path.key(key);
            let days = r.integer(days.get(key), &at, 0, i64::from(u16::MAX));
            days.and_then(|d| u16::try_from(d).ok()).unwrap_or(default)
        };
        policy.contact_deadline_days = ContactDeadlines {
            urgent: day("urgent", defaults.urgent),
            high: day("high", defaults.high),
            normal: day("normal", defaults.normal),
        };
    }
    let path = root.key("review_weights");
    if let Some(weights) = r.optional_object(
        map.get("review_weights"),
        &path,
        &["demand", "experience", "completeness", "waiting"],
    ) {
        let defaults = ReviewWeights::default();
        let mut weight = |key: &'static str, default: f64| {
            r.number(weights.get(key), &path.key(key), 0.0, f64::MAX, WEIGHT)
                .unwrap_or(default)
        };
        let w = ReviewWeights {
            demand: weight("demand", defaults.demand),
            experience: weight("experience", defaults.experience),
            completeness: weight("completeness", defaults.completeness),
            waiting: weight("waiting", defaults.waiting),
        };
        if !(w.demand + w.experience + w.completeness + w.waiting).is_finite() {
            r.error_with(&path, ErrorCode::OutOfRange, Detail::Expected(WEIGHTS_SUM));
        }
        policy.review_weights = w;
    }
    let path = root.key("interview");
    if let Some(interview) = r.optional_object(
        map.get("interview"),
        &path,
        &["selection_threshold", "minimum_scored", "manner_minimum"],
    ) {
        let defaults = InterviewPolicy::default();
        let score = (i64::from(SCORE_MIN), i64::from(SCORE_MAX));
        let criteria = i64::try_from(CRITERIA).unwrap_or(i64::MAX);
        let threshold = r.number(
            interview.get("selection_threshold"),
            &path.key("selection_threshold"),
            f64::from(SCORE_MIN),
            f64::from(SCORE_MAX),
            THRESHOLD,
        );
        let scored = r.integer(
            interview.get("minimum_scored"),
            &path.key("minimum_scored"),
            1,
            criteria,
        );
        let manner = r.integer(
            interview.get("manner_minimum"),
            &path.key("manner_minimum"),
            score.0,
            score.1,
        );
        policy.interview = InterviewPolicy {
            selection_threshold: threshold.unwrap_or(defaults.selection_threshold),
            minimum_scored: scored
                .and_then(|n| u8::try_from(n).ok())
                .unwrap_or(defaults.minimum_scored),
            manner_minimum: manner
                .and_then(|n| u8::try_from(n).ok())
                .unwrap_or(defaults.manner_minimum),
        };
    }
    let path = root.key("billing");
    if let Some(billing) = r.optional_object(
        map.get("billing"),
        &path,
        &["time_zone", "student_no_show", "cancelled_late"],
    ) {
        let defaults = BillingPolicy::default();
        let at = path.key("time_zone");
        let zone = r.text(billing.get("time_zone"), &at, CODE_TEXT_MAX, false);
        let time_zone = r.parse(zone, &at, ErrorCode::InvalidTimezone, TimeZone::parse);
        let mut share = |key: &'static str| {
            let at = path.key(key);
            let value = present(billing.get(key))?;
            if !(value.is_string() || value.is_number()) {
                r.wrong_type(&at, SHARE);
                return None;
            }
            let share = serde::Deserialize::deserialize(value).ok();
            if share.is_none() {
                r.error_with(&at, ErrorCode::OutOfRange, Detail::Expected(SHARE));
            }
            share
        };
        let student_no_show: Option<Share> = share("student_no_show");
        let cancelled_late: Option<Share> = share("cancelled_late");
        policy.billing = BillingPolicy {
            time_zone: time_zone.unwrap_or(defaults.time_zone),
            student_no_show: student_no_show.unwrap_or(defaults.student_no_show),
            cancelled_late: cancelled_late.unwrap_or(defaults.cancelled_late),
        };
    }
    policy
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `((line, column), path, code)` of a problem.
    type Found = (Option<(usize, usize)>, String, String);

    fn problems(text: &str) -> Vec<Found> {
        Policy::from_text(text)
            .unwrap_err()
            .problems()
            .iter()
            .map(|p| {
                (
                    p.position().map(|p| (p.line, p.column)),
                    p.error().path.clone(),
                    p.error().code.as_str().to_owned(),
                )
            })
            .collect()
    }

    type Expected<'a> = (Option<(usize, usize)>, &'a str, &'a str);

    fn owned(list: &[Expected<'_>]) -> Vec<Found> {
        list.iter()
            .map(|(p, path, code)| (*p, (*path).to_owned(), (*code).to_owned()))
            .collect()
    }

    #[test]
    fn every_problem_of_a_toml_file_at_once_in_file_order() {
        let text = "ofers = []\nexcluded_countries = [\"FR\", \"XX\"]\n[demand]\npython = \"hot\"\n\"Web Dev\" = \"high\"\n[review_weights]\ndemand = -1\n[interview]\nminimum_scored = 9\n[billing]\ntime_zone = \"Mars\"\ncancelled_late = \"1.5\"\nstudent_no_show = true\n";
        assert_eq!(
            problems(text),
            owned(&[
                (Some((1, 1)), "ofers", "unknown_field"),
                (Some((2, 29)), "excluded_countries[1]", "invalid_country"),
                (Some((4, 10)), "demand.python", "invalid_enum"),
                (Some((5, 1)), "demand.Web Dev", "invalid_subject"),
                (Some((7, 10)), "review_weights.demand", "out_of_range"),
                (Some((9, 18)), "interview.minimum_scored", "out_of_range"),
                (Some((11, 13)), "billing.time_zone", "invalid_timezone"),
                (Some((12, 18)), "billing.cancelled_late", "out_of_range"),
                (Some((13, 19)), "billing.student_no_show", "invalid_type"),
            ])
        );
    }

    #[test]
    fn messages_are_plain_words_in_both_languages() {
        let e = Policy::from_toml("[contact_deadline_days]\nurgent = 70000\n").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "line 2, column 10: `contact_deadline_days.urgent`: this value is out of range: expected a whole number from 0 to 65535"
        );
        assert_eq!(
            e.message(Lang::Fr),
            "ligne 2, colonne 10 : `contact_deadline_days.urgent` : cette valeur est hors limites : nombre entier de 0 à 65535 attendu"
        );
        // `selection_threshold = "high"`: the value starts at column 23.
        let e = Policy::from_toml("[interview]\nselection_threshold = \"high\"\n").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "line 2, column 23: `interview.selection_threshold`: this value has the wrong type: expected a number from 1 to 4 (the scorecard's scale)"
        );
    }

    #[test]
    fn syntax_errors_give_their_line_and_code() {
        // One missing `]`: one error, the first, not the parser's cascade after it.
        let found = problems("offers = [\"a\"\n[demand\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found.iter().all(|(position, path, code)| position.is_some()
                && path.is_empty()
                && code == "invalid_toml"),
            "{found:?}"
        );
    }

    #[test]
    fn json_problems_are_the_same_without_lines() {
        assert_eq!(
            problems(r#"{"demand": {"python": "hot"}, "billing": {"time_zone": "Mars"}}"#),
            // Without positions, in the order of the policy's keys (`docs/policy.md`).
            owned(&[
                (None, "demand.python", "invalid_enum"),
                (None, "billing.time_zone", "invalid_timezone")
            ])
        );
        assert_eq!(
            problems(r#"{"demand": {"python": "high", "python": "closed"}}"#),
            owned(&[(None, "demand.python", "duplicate_key")])
        );
        let not_an_object = Policy::from_json("[]").unwrap_err();
        assert_eq!(not_an_object.problems()[0].error().code, ErrorCode::InvalidType);
        assert_eq!(
            not_an_object.message(Lang::En),
            "this value has the wrong type: expected an object"
        );
    }

    #[test]
    fn a_policy_without_problems_loads_every_key() {
        let text = "offers = [\"o\"]\nemployer_sectors_suited = [\"education\"]\nexcluded_countries = [\"kp\"]\n[demand]\nrust = \"urgent\"\n[contact_deadline_days]\nurgent = 1\n[review_weights]\nwaiting = 2\n[interview]\nselection_threshold = 3.5\n[billing]\ntime_zone = \"Europe/Brussels\"\ncancelled_late = 0.25\n";
        let p = Policy::from_toml(text).unwrap();
        assert_eq!(p.offers, ["o"]);
        assert_eq!(p.employer_sectors_suited, [EmployerSector::Education]);
        assert_eq!(p.excluded_countries, [CountryCode::parse("KP").unwrap()]);
        assert_eq!(p.demand_of("rust"), Demand::Urgent);
        assert_eq!(
            p.contact_deadline_days,
            ContactDeadlines {
                urgent: 1,
                high: 7,
                normal: 14
            }
        );
        assert_eq!(p.review_weights.waiting, 2.0);
        assert_eq!(p.interview.selection_threshold, 3.5);
        assert_eq!(p.billing.time_zone.name(), "Europe/Brussels");
        assert_eq!(p.billing.cancelled_late.to_string(), "0.25");
        assert_eq!(Policy::from_json(&serde_json::to_string(&p).unwrap()).unwrap(), p);
    }
}
