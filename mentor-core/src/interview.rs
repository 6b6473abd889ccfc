//! The video interview (INT-1..5): its slot across time zones, the candidate's invitation
//! (readiness checklist and agenda) and the interviewer's scorecard with a suggested outcome.
//!
//! A slot is stored as a UTC instant, the candidate's IANA time zone and a duration (DESIGN
//! 4.7). A slot made from a local wall-clock time refuses times that a daylight-saving change
//! skips or repeats in that zone ([`SlotError`]): the library never guesses which hour was
//! meant. Zones come from chrono-tz (the IANA database).
//!
//! The scorecard rates five criteria on a 1–4 scale or `no_decision`, which is left out of the
//! average: an unscored criterion never pulls the average down. [`suggest`] turns a scorecard
//! into a suggested outcome with the policy's thresholds (`[interview]`, POL-1); the mentor
//! manager decides, the suggestion only says what the scores point to and why.

use chrono::{DateTime, LocalResult, NaiveDateTime, SecondsFormat, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde_json::{Map, Value, json};

use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::{Lang, Text};
use crate::lifecycle::{format_instant, read_instant};
use crate::policy::Policy;
use crate::read::{Path, Reader};
use crate::rule::Rule;

/// The longest interview a slot may hold, in minutes (a working day).
///
/// ```
/// use mentor_core::interview::{Slot, MAX_DURATION_MINUTES};
/// let local = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
/// assert!(Slot::from_local(local, chrono_tz::UTC, MAX_DURATION_MINUTES).is_ok());
/// assert!(Slot::from_local(local, chrono_tz::UTC, MAX_DURATION_MINUTES + 1).is_err());
/// ```
pub const MAX_DURATION_MINUTES: u16 = 480;

/// When an interview takes place: a UTC instant, the candidate's zone and a duration
/// (INT-1, DESIGN 4.7).
///
/// ```
/// use mentor_core::interview::Slot;
/// let slot = Slot::from_json(&serde_json::json!({
///     "start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45
/// })).unwrap();
/// assert_eq!(slot.local_start().to_rfc3339(), "2026-11-12T18:00:00+01:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// The start, in UTC.
    pub start: DateTime<Utc>,
    /// The candidate's IANA time zone (invitations show the time there).
    pub time_zone: Tz,
    /// The length in minutes, 1 to [`MAX_DURATION_MINUTES`].
    pub duration_minutes: u16,
}

/// A local wall-clock time that does not name one instant in its zone, or a duration out of
/// range (DESIGN 4.7: a DST gap or overlap is an error, not a guess).
///
/// ```
/// use mentor_core::interview::{Slot, SlotError};
/// let local = chrono::NaiveDate::from_ymd_opt(2026, 3, 29).unwrap().and_hms_opt(2, 30, 0).unwrap();
/// let e = Slot::from_local(local, chrono_tz::Europe::Paris, 45).unwrap_err();
/// assert!(matches!(e, SlotError::NonExistent { .. }));
/// assert_eq!(e.code(), "nonexistent_local_time");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SlotError {
    /// The clocks jump over this time (spring forward): it never happens there.
    #[error("{local} does not exist in {zone}: the clocks skip it (daylight saving time)")]
    NonExistent {
        /// The local time asked for.
        local: NaiveDateTime,
        /// The zone.
        zone: Tz,
    },
    /// The clocks pass this time twice (fall back): say which one with a UTC instant.
    #[error("{local} happens twice in {zone} (daylight saving time ends): at {earliest} and at {latest}")]
    Ambiguous {
        /// The local time asked for.
        local: NaiveDateTime,
        /// The zone.
        zone: Tz,
        /// The first occurrence, in UTC.
        earliest: DateTime<Utc>,
        /// The second occurrence, in UTC.
        latest: DateTime<Utc>,
    },
    /// The duration is 0 or longer than [`MAX_DURATION_MINUTES`].
    #[error("an interview lasts from 1 to {MAX_DURATION_MINUTES} minutes, not {0}")]
    Duration(u16),
}

impl SlotError {
    /// The stable code: `nonexistent_local_time`, `ambiguous_local_time` or `out_of_range`.
    ///
    /// ```
    /// use mentor_core::interview::SlotError;
    /// assert_eq!(SlotError::Duration(0).code(), "out_of_range");
    /// ```
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// The stable code as an [`ErrorCode`].
    ///
    /// ```
    /// use mentor_core::{interview::SlotError, ErrorCode};
    /// assert_eq!(SlotError::Duration(481).error_code(), ErrorCode::OutOfRange);
    /// ```
    #[must_use]
    pub const fn error_code(&self) -> ErrorCode {
        match self {
            SlotError::NonExistent { .. } => ErrorCode::NonexistentLocalTime,
            SlotError::Ambiguous { .. } => ErrorCode::AmbiguousLocalTime,
            SlotError::Duration(_) => ErrorCode::OutOfRange,
        }
    }

    /// The field error at `path`: the ambiguous case names both UTC instants, the others add
    /// nothing that could identify anyone.
    fn field_error(&self, path: &Path<'_>) -> FieldError {
        let detail = match self {
            SlotError::NonExistent { .. } => Detail::None,
            SlotError::Ambiguous { earliest, latest, .. } => Detail::Instants(*earliest, *latest),
            SlotError::Duration(_) => Detail::Range(1, i64::from(MAX_DURATION_MINUTES)),
        };
        FieldError::with(path.to_string(), self.error_code(), detail)
    }
}

impl Slot {
    /// The slot that starts at the wall-clock time `local` in `zone` (INT-1).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use mentor_core::interview::Slot;
    /// let local = NaiveDate::from_ymd_opt(2026, 11, 12).unwrap().and_hms_opt(18, 0, 0).unwrap();
    /// let slot = Slot::from_local(local, chrono_tz::Europe::Paris, 45).unwrap();
    /// assert_eq!(slot.start.to_rfc3339(), "2026-11-12T17:00:00+00:00");
    /// ```
    ///
    /// # Errors
    /// [`SlotError::NonExistent`] or [`SlotError::Ambiguous`] when a daylight-saving change
    /// skips or repeats `local` in `zone`; [`SlotError::Duration`] for a duration of 0 or more
    /// than [`MAX_DURATION_MINUTES`].
    pub fn from_local(local: NaiveDateTime, zone: Tz, duration_minutes: u16) -> Result<Slot, SlotError> {
        if duration_minutes == 0 || duration_minutes > MAX_DURATION_MINUTES {
            return Err(SlotError::Duration(duration_minutes));
        }
        match zone.from_local_datetime(&local) {
            LocalResult::Single(t) => Ok(Slot { start: t.with_timezone(&Utc), time_zone: zone, duration_minutes }),
            LocalResult::Ambiguous(a, b) => {
                let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
                Err(SlotError::Ambiguous { local, zone, earliest: a.min(b), latest: a.max(b) })
            }
            LocalResult::None => Err(SlotError::NonExistent { local, zone }),
        }
    }

    /// The end, in UTC.
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let slot = Slot::from_json(&serde_json::json!({
    ///     "start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45
    /// })).unwrap();
    /// assert_eq!(slot.end().to_rfc3339(), "2026-11-12T17:45:00+00:00");
    /// ```
    #[must_use]
    pub fn end(&self) -> DateTime<Utc> {
        // At most 480 minutes after a start that chrono can hold; saturate rather than panic at
        // the very end of chrono's range.
        self.start.checked_add_signed(TimeDelta::minutes(i64::from(self.duration_minutes))).unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// The start on the candidate's wall clock.
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let slot = Slot::from_json(&serde_json::json!({
    ///     "start": "2026-07-01T16:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45
    /// })).unwrap();
    /// assert_eq!(slot.local_start().to_rfc3339(), "2026-07-01T18:00:00+02:00");
    /// ```
    #[must_use]
    pub fn local_start(&self) -> DateTime<Tz> {
        self.start.with_timezone(&self.time_zone)
    }

    /// Reads `{"start", "time_zone", "duration_minutes"}`, `start` an RFC 3339 instant.
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let bad = serde_json::json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 0});
    /// assert_eq!(Slot::from_json(&bad).unwrap_err().errors[0].path, "duration_minutes");
    /// ```
    ///
    /// # Errors
    /// Field errors: `required`, `invalid_datetime`, `invalid_timezone`, `out_of_range`,
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<Slot, InputError> {
        let mut r = Reader::new();
        let slot = read_slot(&mut r, value, &Path::Root);
        r.finish(slot)
    }

    /// Reads `{"local_start", "time_zone", "duration_minutes"}`, where `local_start` is the
    /// wall-clock time in `time_zone` without an offset: `2026-11-12T18:00` or
    /// `2026-11-12T18:00:00` (INT-1, DESIGN 4.7).
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let slot = Slot::from_local_json(&serde_json::json!({
    ///     "local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 45
    /// })).unwrap();
    /// assert_eq!(slot.to_json()["start"], "2026-11-12T17:00:00Z");
    ///
    /// let e = Slot::from_local_json(&serde_json::json!({
    ///     "local_start": "2026-10-25T02:30", "time_zone": "Europe/Paris", "duration_minutes": 45
    /// })).unwrap_err();
    /// assert_eq!(e.errors[0].path, "local_start");
    /// assert_eq!(e.errors[0].code.as_str(), "ambiguous_local_time");
    /// ```
    ///
    /// # Errors
    /// Field errors: `nonexistent_local_time` or `ambiguous_local_time` at `local_start` when a
    /// daylight-saving change skips or repeats that time in the zone (the ambiguous message
    /// gives both UTC instants); `required`, `invalid_datetime`, `invalid_timezone`,
    /// `out_of_range`, `unknown_field`.
    pub fn from_local_json(value: &Value) -> Result<Slot, InputError> {
        let mut r = Reader::new();
        let slot = read_local_slot(&mut r, value, &Path::Root);
        r.finish(slot)
    }

    /// The wire form `{"start", "time_zone", "duration_minutes"}`, which
    /// [`Slot::from_json`] reads back.
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let wire = serde_json::json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45});
    /// assert_eq!(Slot::from_json(&wire).unwrap().to_json(), wire);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        serde_json::json!({
            "start": format_instant(self.start),
            "time_zone": self.time_zone.name(),
            "duration_minutes": self.duration_minutes,
        })
    }
}

pub(crate) fn read_slot(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Slot> {
    let map = r.object(value, path, &["start", "time_zone", "duration_minutes"])?;
    let start = read_instant(r, map.get("start"), &path.key("start"), true);
    let zone = read_zone(r, map, path);
    let duration = read_duration(r, map, path);
    Some(Slot { start: start?, time_zone: zone?, duration_minutes: duration? })
}

/// Reads a slot given as a wall-clock time in the candidate's zone (see
/// [`Slot::from_local_json`]).
pub(crate) fn read_local_slot(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Slot> {
    let map = r.object(value, path, &["local_start", "time_zone", "duration_minutes"])?;
    let local_path = path.key("local_start");
    let text = r.required_text(map.get("local_start"), &local_path, 64);
    let local = text.and_then(|t| {
        let parsed = parse_local(t);
        if parsed.is_none() {
            r.error_with(&local_path, ErrorCode::InvalidDatetime, Detail::Expected(LOCAL_TIME));
        }
        parsed
    });
    let zone = read_zone(r, map, path);
    let duration = read_duration(r, map, path);
    match Slot::from_local(local?, zone?, duration?) {
        Ok(slot) => Some(slot),
        Err(e) => {
            let at = if matches!(e, SlotError::Duration(_)) { path.key("duration_minutes") } else { local_path };
            r.errors.push(e.field_error(&at));
            None
        }
    }
}

const LOCAL_TIME: Text = Text::new(
    "a wall-clock time without an offset, such as 2026-11-12T18:00",
    "une heure locale sans décalage, par exemple 2026-11-12T18:00",
);

/// `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, exactly (a four-digit year; no offset, no
/// fraction, no leap second).
fn parse_local(text: &str) -> Option<NaiveDateTime> {
    const SHAPE: &[u8] = b"dddd-dd-ddTdd:dd:dd";
    let format = match text.len() {
        16 => "%Y-%m-%dT%H:%M",
        19 => "%Y-%m-%dT%H:%M:%S",
        _ => return None,
    };
    let shaped = text.bytes().zip(SHAPE).all(|(c, s)| if *s == b'd' { c.is_ascii_digit() } else { c == *s });
    if !shaped {
        return None;
    }
    NaiveDateTime::parse_from_str(text, format).ok().filter(|t| t.nanosecond() < 1_000_000_000)
}

fn read_zone(r: &mut Reader, map: &Map<String, Value>, path: &Path<'_>) -> Option<Tz> {
    let zone_path = path.key("time_zone");
    let zone = r.required_text(map.get("time_zone"), &zone_path, 64);
    r.parse(zone, &zone_path, ErrorCode::InvalidTimezone, |t| t.parse::<Tz>().ok())
}

fn read_duration(r: &mut Reader, map: &Map<String, Value>, path: &Path<'_>) -> Option<u16> {
    let duration_path = path.key("duration_minutes");
    let duration = r.integer(map.get("duration_minutes"), &duration_path, 1, i64::from(MAX_DURATION_MINUTES));
    if map.get("duration_minutes").is_none_or(Value::is_null) {
        r.error(&duration_path, ErrorCode::Required);
    }
    u16::try_from(duration?).ok()
}

/// One criterion's rating: a score on the fixed 1–4 scale, or an explicit "no decision",
/// which is left out of every average (INT-4).
///
/// ```
/// use mentor_core::interview::{Rating, Scorecard};
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 4, "patience": "no_decision", "humility": 3, "communication": 4,
///     "subject_knowledge": 3, "recommendation": "yes"
/// })).unwrap();
/// assert_eq!(card.patience, Rating::NoDecision);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rating {
    /// 1 (poor) to 4 (excellent).
    Score(u8),
    /// The interviewer could not judge it.
    NoDecision,
}

/// The interviewer's overall recommendation (INT-4); `no` and `strong_no` prevent a
/// suggestion of selection ([`suggest`]).
///
/// ```
/// use mentor_core::interview::Recommendation;
/// assert_eq!(Recommendation::StrongNo.name(), "strong_no");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Recommendation {
    /// Definitely not.
    StrongNo,
    /// No.
    No,
    /// Yes.
    Yes,
    /// Definitely yes.
    StrongYes,
    /// No recommendation.
    NoDecision,
}

const RECOMMENDATIONS: &[(&str, Recommendation)] = &[
    ("strong_no", Recommendation::StrongNo),
    ("no", Recommendation::No),
    ("yes", Recommendation::Yes),
    ("strong_yes", Recommendation::StrongYes),
    ("no_decision", Recommendation::NoDecision),
];

impl Recommendation {
    /// The wire name (`"strong_yes"`).
    ///
    /// ```
    /// use mentor_core::interview::Recommendation;
    /// assert_eq!(Recommendation::NoDecision.name(), "no_decision");
    /// ```
    #[must_use]
    pub fn name(self) -> &'static str {
        RECOMMENDATIONS.iter().find(|(_, r)| *r == self).map_or("", |(n, _)| n)
    }
}

/// The scorecard of an interview: both content and manner (INT-4). Manner is kindness,
/// patience and humility (the seed's "nice, patient and humble"); content is communication
/// and subject knowledge.
///
/// ```
/// use mentor_core::interview::{Rating, Recommendation, Scorecard};
/// let card = Scorecard {
///     kindness: Rating::Score(4), patience: Rating::Score(4), humility: Rating::Score(3),
///     communication: Rating::Score(3), subject_knowledge: Rating::NoDecision,
///     recommendation: Recommendation::Yes,
/// };
/// assert_eq!(Scorecard::from_json(&card.to_json()).unwrap(), card);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scorecard {
    /// Kindness (INT-4).
    pub kindness: Rating,
    /// Patience (INT-4).
    pub patience: Rating,
    /// Humility (INT-4).
    pub humility: Rating,
    /// How clearly they explain (APP-4, INT-3).
    pub communication: Rating,
    /// Knowledge of their mentoring subjects (SEL-1).
    pub subject_knowledge: Rating,
    /// The overall recommendation.
    pub recommendation: Recommendation,
}

/// The criteria in wire order (the names of [`Criterion::ALL`]).
///
/// ```
/// use mentor_core::interview::{Criterion, CRITERIA};
/// assert_eq!(CRITERIA[4], Criterion::SubjectKnowledge.name());
/// ```
pub const CRITERIA: [&str; 5] = ["kindness", "patience", "humility", "communication", "subject_knowledge"];

impl Scorecard {
    /// The ratings in [`CRITERIA`] order.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::Score(2),
    ///     communication: Rating::Score(1), subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.ratings()[2], Rating::Score(2));
    /// ```
    #[must_use]
    pub fn ratings(&self) -> [Rating; 5] {
        [self.kindness, self.patience, self.humility, self.communication, self.subject_knowledge]
    }

    /// The rating of one criterion.
    ///
    /// ```
    /// use mentor_core::interview::{Criterion, Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::Score(2),
    ///     communication: Rating::Score(1), subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.rating(Criterion::Humility), Rating::Score(2));
    /// ```
    #[must_use]
    pub const fn rating(&self, criterion: Criterion) -> Rating {
        match criterion {
            Criterion::Kindness => self.kindness,
            Criterion::Patience => self.patience,
            Criterion::Humility => self.humility,
            Criterion::Communication => self.communication,
            Criterion::SubjectKnowledge => self.subject_knowledge,
        }
    }

    /// How many criteria are scored (not `no_decision`), 0 to 5.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::NoDecision, humility: Rating::Score(2),
    ///     communication: Rating::NoDecision, subject_knowledge: Rating::NoDecision,
    ///     recommendation: Recommendation::NoDecision,
    /// };
    /// assert_eq!(card.scored(), 2);
    /// ```
    #[must_use]
    pub fn scored(&self) -> u8 {
        self.ratings().into_iter().fold(0, |n, r| if matches!(r, Rating::Score(_)) { n + 1 } else { n })
    }

    /// The average of the scored criteria, leaving `no_decision` out; `None` when none is
    /// scored.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::NoDecision,
    ///     communication: Rating::Score(4), subject_knowledge: Rating::Score(3),
    ///     recommendation: Recommendation::Yes,
    /// };
    /// assert_eq!(card.average(), Some(3.5));
    /// ```
    #[must_use]
    pub fn average(&self) -> Option<f64> {
        let scores = self.ratings().into_iter().filter_map(|r| match r {
            Rating::Score(s) => Some(f64::from(s)),
            Rating::NoDecision => None,
        });
        let (sum, n) = scores.fold((0.0, 0u8), |(sum, n), s| (sum + s, n + 1));
        (n > 0).then(|| sum / f64::from(n))
    }

    /// Reads `{"kindness": 1..4 | "no_decision", …, "recommendation"}`; every criterion and
    /// the recommendation are required (an unjudged one is written `no_decision`).
    ///
    /// ```
    /// use mentor_core::interview::Scorecard;
    /// let e = Scorecard::from_json(&serde_json::json!({
    ///     "kindness": 5, "patience": 3, "humility": 3, "communication": 3,
    ///     "subject_knowledge": 3, "recommendation": "yes"
    /// })).unwrap_err();
    /// assert_eq!(e.errors[0].path, "kindness");
    /// assert_eq!(e.errors[0].code.as_str(), "out_of_range");
    /// ```
    ///
    /// # Errors
    /// Field errors: `required`, `out_of_range`, `invalid_enum`, `invalid_type`,
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<Scorecard, InputError> {
        let mut r = Reader::new();
        let card = read_scorecard(&mut r, value, &Path::Root);
        r.finish(card)
    }

    /// The wire form, which [`Scorecard::from_json`] reads back.
    ///
    /// ```
    /// use mentor_core::interview::{Rating, Recommendation, Scorecard};
    /// let card = Scorecard {
    ///     kindness: Rating::Score(4), patience: Rating::Score(3), humility: Rating::NoDecision,
    ///     communication: Rating::Score(4), subject_knowledge: Rating::Score(3),
    ///     recommendation: Recommendation::StrongYes,
    /// };
    /// assert_eq!(card.to_json()["humility"], "no_decision");
    /// assert_eq!(card.to_json()["recommendation"], "strong_yes");
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut map = Map::new();
        for (name, rating) in CRITERIA.iter().zip(self.ratings()) {
            let v = match rating {
                Rating::Score(s) => Value::from(s),
                Rating::NoDecision => Value::from("no_decision"),
            };
            map.insert((*name).to_owned(), v);
        }
        map.insert("recommendation".into(), Value::from(self.recommendation.name()));
        Value::Object(map)
    }
}

const SCORECARD_KEYS: [&str; 6] = ["kindness", "patience", "humility", "communication", "subject_knowledge", "recommendation"];

pub(crate) fn read_scorecard(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Scorecard> {
    let map = r.object(value, path, &SCORECARD_KEYS)?;
    let mut ratings = [Rating::NoDecision; 5];
    let mut complete = true;
    for (slot, name) in ratings.iter_mut().zip(CRITERIA) {
        let p = path.key(name);
        match map.get(name) {
            None | Some(Value::Null) => {
                r.error(&p, ErrorCode::Required);
                complete = false;
            }
            Some(Value::String(s)) if s == "no_decision" => {}
            Some(v @ Value::Number(_)) => match r.integer(Some(v), &p, 1, 4).and_then(|s| u8::try_from(s).ok()) {
                Some(s) => *slot = Rating::Score(s),
                None => complete = false,
            },
            Some(_) => {
                r.error_with(&p, ErrorCode::InvalidEnum, crate::error::Detail::Allowed(vec!["1", "2", "3", "4", "no_decision"]));
                complete = false;
            }
        }
    }
    let rec_path = path.key("recommendation");
    let recommendation = match map.get("recommendation") {
        None | Some(Value::Null) => {
            r.error(&rec_path, ErrorCode::Required);
            None
        }
        v => r.choice(v, &rec_path, RECOMMENDATIONS),
    };
    let [kindness, patience, humility, communication, subject_knowledge] = ratings;
    (complete).then_some(())?;
    Some(Scorecard { kindness, patience, humility, communication, subject_knowledge, recommendation: recommendation? })
}

/// A criterion of the scorecard (INT-4): three of manner, two of content.
///
/// ```
/// use mentor_core::interview::Criterion;
/// assert!(Criterion::Patience.is_manner());
/// assert!(!Criterion::Communication.is_manner());
/// assert_eq!(Criterion::SubjectKnowledge.name(), "subject_knowledge");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Criterion {
    /// Kindness: the seed's "nice" (manner).
    Kindness,
    /// Patience (manner).
    Patience,
    /// Humility (manner).
    Humility,
    /// How clearly they explain (content; APP-4, INT-3).
    Communication,
    /// Knowledge of their mentoring subjects (content; SEL-1).
    SubjectKnowledge,
}

impl Criterion {
    /// Every criterion, in [`CRITERIA`] order.
    pub const ALL: [Criterion; 5] =
        [Criterion::Kindness, Criterion::Patience, Criterion::Humility, Criterion::Communication, Criterion::SubjectKnowledge];

    /// The wire name (`"subject_knowledge"`).
    ///
    /// ```
    /// use mentor_core::interview::Criterion;
    /// assert_eq!(Criterion::Kindness.name(), "kindness");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Criterion::Kindness => "kindness",
            Criterion::Patience => "patience",
            Criterion::Humility => "humility",
            Criterion::Communication => "communication",
            Criterion::SubjectKnowledge => "subject_knowledge",
        }
    }

    /// Whether it is one of manner, "how you say it" (INT-4): kindness, patience, humility.
    ///
    /// ```
    /// use mentor_core::interview::Criterion;
    /// assert_eq!(Criterion::ALL.iter().filter(|c| c.is_manner()).count(), 3);
    /// ```
    #[must_use]
    pub const fn is_manner(self) -> bool {
        matches!(self, Criterion::Kindness | Criterion::Patience | Criterion::Humility)
    }

    /// Its name for people, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::Criterion, Lang};
    /// assert_eq!(Criterion::Kindness.label().get(Lang::Fr), "bienveillance");
    /// ```
    #[must_use]
    pub const fn label(self) -> Text {
        match self {
            Criterion::Kindness => Text::new("kindness", "bienveillance"),
            Criterion::Patience => Text::new("patience", "patience"),
            Criterion::Humility => Text::new("humility", "humilité"),
            Criterion::Communication => Text::new("communication", "communication"),
            Criterion::SubjectKnowledge => Text::new("subject knowledge", "connaissance des sujets"),
        }
    }
}

/// What the scores point to (INT-4, with the policy's thresholds, POL-1).
///
/// ```
/// use mentor_core::interview::SuggestedOutcome;
/// assert_eq!(SuggestedOutcome::Undecided.as_str(), "undecided");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SuggestedOutcome {
    /// Enough criteria scored, the average reaches the threshold, manner is good enough and
    /// the interviewer does not recommend against.
    Selected,
    /// Enough criteria scored, and at least one reason against.
    Rejected,
    /// Too few criteria scored to suggest anything.
    Undecided,
}

impl SuggestedOutcome {
    /// The wire name (`"selected"`).
    ///
    /// ```
    /// use mentor_core::interview::SuggestedOutcome;
    /// assert_eq!(SuggestedOutcome::Selected.as_str(), "selected");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SuggestedOutcome::Selected => "selected",
            SuggestedOutcome::Rejected => "rejected",
            SuggestedOutcome::Undecided => "undecided",
        }
    }
}

/// The stable code of a [`SuggestionReason`].
///
/// ```
/// use mentor_core::interview::SuggestionCode;
/// assert_eq!(SuggestionCode::MannerBelowMinimum.as_str(), "manner_below_minimum");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SuggestionCode {
    /// Fewer criteria scored than the policy's `minimum_scored` (POL-1).
    TooFewScored,
    /// The average of the scored criteria is below `selection_threshold` (POL-1).
    AverageBelowThreshold,
    /// A manner criterion is below `manner_minimum` (INT-4).
    MannerBelowMinimum,
    /// The interviewer recommends `no` or `strong_no` (INT-4).
    InterviewerRecommendsAgainst,
}

impl SuggestionCode {
    /// The wire name (`"too_few_scored"`).
    ///
    /// ```
    /// use mentor_core::interview::SuggestionCode;
    /// assert_eq!(SuggestionCode::TooFewScored.as_str(), "too_few_scored");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SuggestionCode::TooFewScored => "too_few_scored",
            SuggestionCode::AverageBelowThreshold => "average_below_threshold",
            SuggestionCode::MannerBelowMinimum => "manner_below_minimum",
            SuggestionCode::InterviewerRecommendsAgainst => "interviewer_recommends_against",
        }
    }
}

/// Why a suggestion is not `selected`, with what it was measured against. Rendered by
/// [`SuggestionReason::to_json`] as `{"code", "rule", "message", "params"}`.
///
/// ```
/// use mentor_core::interview::{Criterion, SuggestionCode, SuggestionReason};
/// use mentor_core::{Lang, Rule};
/// let r = SuggestionReason::MannerBelowMinimum { criterion: Criterion::Kindness, score: 1, minimum: 2 };
/// assert_eq!(r.code(), SuggestionCode::MannerBelowMinimum);
/// assert_eq!(r.rule(), Rule::Int4);
/// assert_eq!(r.message(Lang::En), "kindness scored 1, below the minimum of 2 for manner (nice, patient and humble)");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum SuggestionReason {
    /// Fewer criteria scored than the policy needs (POL-1).
    TooFewScored {
        /// How many are scored.
        scored: u8,
        /// How many the policy needs.
        minimum: u8,
    },
    /// The average of the scored criteria is below the policy's threshold (POL-1).
    AverageBelowThreshold {
        /// The average of the scored criteria.
        average: f64,
        /// The policy's `selection_threshold`.
        threshold: f64,
    },
    /// A manner criterion scored below the policy's minimum (INT-4: "nice, patient and
    /// humble"; the minimum is the policy's).
    MannerBelowMinimum {
        /// Kindness, patience or humility.
        criterion: Criterion,
        /// Its score.
        score: u8,
        /// The policy's `manner_minimum`.
        minimum: u8,
    },
    /// The interviewer recommends against selection (INT-4).
    InterviewerRecommendsAgainst(Recommendation),
}

impl SuggestionReason {
    /// The stable code.
    ///
    /// ```
    /// use mentor_core::interview::{SuggestionCode, SuggestionReason};
    /// assert_eq!(SuggestionReason::TooFewScored { scored: 1, minimum: 3 }.code(), SuggestionCode::TooFewScored);
    /// ```
    #[must_use]
    pub const fn code(&self) -> SuggestionCode {
        match self {
            SuggestionReason::TooFewScored { .. } => SuggestionCode::TooFewScored,
            SuggestionReason::AverageBelowThreshold { .. } => SuggestionCode::AverageBelowThreshold,
            SuggestionReason::MannerBelowMinimum { .. } => SuggestionCode::MannerBelowMinimum,
            SuggestionReason::InterviewerRecommendsAgainst(_) => SuggestionCode::InterviewerRecommendsAgainst,
        }
    }

    /// The rule it comes from: POL-1 for the policy's count and average thresholds, INT-4 for
    /// manner and the interviewer's own recommendation.
    ///
    /// ```
    /// use mentor_core::{interview::SuggestionReason, Rule};
    /// assert_eq!(SuggestionReason::AverageBelowThreshold { average: 2.5, threshold: 3.0 }.rule(), Rule::Pol1);
    /// ```
    #[must_use]
    pub const fn rule(&self) -> Rule {
        match self {
            SuggestionReason::TooFewScored { .. } | SuggestionReason::AverageBelowThreshold { .. } => Rule::Pol1,
            SuggestionReason::MannerBelowMinimum { .. } | SuggestionReason::InterviewerRecommendsAgainst(_) => Rule::Int4,
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use mentor_core::{interview::SuggestionReason, Lang};
    /// let r = SuggestionReason::AverageBelowThreshold { average: 2.5, threshold: 3.0 };
    /// assert_eq!(r.message(Lang::Fr), "la moyenne des critères notés, 2,5, est sous le seuil de sélection de 3");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (*self, lang) {
            (SuggestionReason::TooFewScored { scored, minimum }, Lang::En) => {
                format!("{scored} of the 5 criteria scored: the policy needs at least {minimum} to suggest an outcome")
            }
            (SuggestionReason::TooFewScored { scored, minimum }, Lang::Fr) => {
                format!("{scored} critère(s) noté(s) sur 5 : la politique en demande au moins {minimum} pour suggérer une issue")
            }
            (SuggestionReason::AverageBelowThreshold { average, threshold }, _) => {
                let (average, threshold) = (decimal(average, lang), decimal(threshold, lang));
                match lang {
                    Lang::En => format!("the average of the scored criteria, {average}, is below the selection threshold of {threshold}"),
                    Lang::Fr => format!("la moyenne des critères notés, {average}, est sous le seuil de sélection de {threshold}"),
                }
            }
            (SuggestionReason::MannerBelowMinimum { criterion, score, minimum }, Lang::En) => {
                format!("{} scored {score}, below the minimum of {minimum} for manner (nice, patient and humble)", criterion.label().get(lang))
            }
            (SuggestionReason::MannerBelowMinimum { criterion, score, minimum }, Lang::Fr) => {
                // The three manner criteria are feminine nouns in French.
                format!(
                    "{} notée {score}, sous le minimum de {minimum} pour la manière d'être (bienveillant, patient et humble)",
                    capitalised(criterion.label().get(lang))
                )
            }
            (SuggestionReason::InterviewerRecommendsAgainst(Recommendation::StrongNo), Lang::En) => {
                "the interviewer strongly recommends against selecting the candidate".to_owned()
            }
            (SuggestionReason::InterviewerRecommendsAgainst(_), Lang::En) => "the interviewer recommends against selecting the candidate".to_owned(),
            (SuggestionReason::InterviewerRecommendsAgainst(Recommendation::StrongNo), Lang::Fr) => {
                "le responsable des mentors recommande fortement de ne pas retenir la candidature".to_owned()
            }
            (SuggestionReason::InterviewerRecommendsAgainst(_), Lang::Fr) => {
                "le responsable des mentors recommande de ne pas retenir la candidature".to_owned()
            }
        }
    }

    /// What the reason was measured against, as JSON (`{"criterion", "score", "minimum"}`…).
    ///
    /// ```
    /// use mentor_core::interview::SuggestionReason;
    /// let p = SuggestionReason::TooFewScored { scored: 2, minimum: 3 }.params();
    /// assert_eq!(p, serde_json::json!({"scored": 2, "minimum": 3}));
    /// ```
    #[must_use]
    pub fn params(&self) -> Value {
        match *self {
            SuggestionReason::TooFewScored { scored, minimum } => json!({"scored": scored, "minimum": minimum}),
            SuggestionReason::AverageBelowThreshold { average, threshold } => json!({"average": average, "threshold": threshold}),
            SuggestionReason::MannerBelowMinimum { criterion, score, minimum } => {
                json!({"criterion": criterion.name(), "score": score, "minimum": minimum})
            }
            SuggestionReason::InterviewerRecommendsAgainst(r) => json!({"recommendation": r.name()}),
        }
    }

    /// The wire form `{"code", "rule", "message", "params"}`, the message in `lang`.
    ///
    /// ```
    /// use mentor_core::{interview::{Recommendation, SuggestionReason}, Lang};
    /// let j = SuggestionReason::InterviewerRecommendsAgainst(Recommendation::No).to_json(Lang::En);
    /// assert_eq!(j["code"], "interviewer_recommends_against");
    /// assert_eq!(j["rule"], "INT-4");
    /// ```
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({"code": self.code(), "rule": self.rule(), "message": self.message(lang), "params": self.params()})
    }
}

/// A number for a message: at most two decimals, no trailing zeros, a decimal comma in French.
fn decimal(x: f64, lang: Lang) -> String {
    let fixed = format!("{x:.2}");
    let short = fixed.trim_end_matches('0').trim_end_matches('.');
    match lang {
        Lang::En => short.to_owned(),
        Lang::Fr => short.replace('.', ","),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// What a scorecard suggests (INT-4, POL-1): the outcome, the average of the scored criteria,
/// how many were scored, and every reason against selection. The mentor manager decides; this
/// is a suggestion they can follow or not.
///
/// ```
/// use mentor_core::interview::{suggest, Scorecard, SuggestedOutcome};
/// use mentor_core::{policy::Policy, Lang};
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 4, "patience": 4, "humility": 4, "communication": "no_decision",
///     "subject_knowledge": "no_decision", "recommendation": "yes"
/// })).unwrap();
/// let s = suggest(&card, &Policy::default());
/// assert_eq!((s.outcome, s.average, s.scored), (SuggestedOutcome::Selected, Some(4.0), 3));
/// assert_eq!(s.to_json(Lang::En)["outcome"], "selected");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// What the scores point to.
    pub outcome: SuggestedOutcome,
    /// The average of the scored criteria (`no_decision` left out); `None` when none is scored.
    pub average: Option<f64>,
    /// How many criteria are scored, 0 to 5.
    pub scored: u8,
    /// Why it is not `selected`: empty when selected, `too_few_scored` alone when undecided,
    /// every reason that applies when rejected.
    pub reasons: Vec<SuggestionReason>,
}

impl Suggestion {
    /// The wire form `{"outcome", "average", "scored", "reasons": [{"code", "rule", "message",
    /// "params"}]}`, messages in `lang`.
    ///
    /// ```
    /// use mentor_core::interview::{suggest_json};
    /// use mentor_core::{policy::Policy, Lang};
    /// let out = suggest_json(&serde_json::json!({
    ///     "kindness": 4, "patience": "no_decision", "humility": "no_decision", "communication": 3,
    ///     "subject_knowledge": "no_decision", "recommendation": "yes"
    /// }), &Policy::default(), Lang::Fr).unwrap();
    /// assert_eq!(out["outcome"], "undecided");
    /// assert_eq!(out["reasons"][0]["code"], "too_few_scored");
    /// assert_eq!(out["reasons"][0]["rule"], "POL-1");
    /// ```
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({
            "outcome": self.outcome,
            "average": self.average,
            "scored": self.scored,
            "reasons": self.reasons.iter().map(|r| r.to_json(lang)).collect::<Vec<_>>(),
        })
    }
}

/// Suggests an outcome for a scorecard with the policy's `[interview]` thresholds (INT-4,
/// POL-1):
/// - fewer than `minimum_scored` criteria scored → `undecided` (`too_few_scored`);
/// - otherwise `selected` when the average of the scored criteria reaches
///   `selection_threshold`, no scored manner criterion is below `manner_minimum` and the
///   recommendation is not `no` / `strong_no`;
/// - otherwise `rejected`, with every reason that applies (`average_below_threshold`,
///   `manner_below_minimum` once per criterion, `interviewer_recommends_against`).
///
/// `no_decision` is never a low score: it counts neither in the average nor against manner.
///
/// ```
/// use mentor_core::interview::{suggest, Scorecard, SuggestedOutcome, SuggestionCode};
/// use mentor_core::policy::Policy;
/// let card = Scorecard::from_json(&serde_json::json!({
///     "kindness": 1, "patience": 4, "humility": 4, "communication": 4,
///     "subject_knowledge": 4, "recommendation": "yes"
/// })).unwrap();
/// let s = suggest(&card, &Policy::default());
/// assert_eq!(s.outcome, SuggestedOutcome::Rejected);
/// assert_eq!(s.average, Some(3.4));
/// assert_eq!(s.reasons[0].code(), SuggestionCode::MannerBelowMinimum);
/// ```
#[must_use]
pub fn suggest(card: &Scorecard, policy: &Policy) -> Suggestion {
    let p = &policy.interview;
    let scored = card.scored();
    let average = card.average();
    // A policy built in code may say 0; an average still needs one score.
    let minimum = p.minimum_scored.max(1);
    let Some(avg) = average.filter(|_| scored >= minimum) else {
        let reasons = vec![SuggestionReason::TooFewScored { scored, minimum }];
        return Suggestion { outcome: SuggestedOutcome::Undecided, average, scored, reasons };
    };
    let mut reasons = Vec::new();
    // The average of at most five whole scores, divided once: a correctly rounded quotient
    // compares with the threshold as the exact fraction does. A NaN threshold (a policy built in
    // code) is never reached.
    if !matches!(avg.partial_cmp(&p.selection_threshold), Some(std::cmp::Ordering::Greater | std::cmp::Ordering::Equal)) {
        reasons.push(SuggestionReason::AverageBelowThreshold { average: avg, threshold: p.selection_threshold });
    }
    for criterion in Criterion::ALL.into_iter().filter(|c| c.is_manner()) {
        if let Rating::Score(score) = card.rating(criterion)
            && score < p.manner_minimum
        {
            reasons.push(SuggestionReason::MannerBelowMinimum { criterion, score, minimum: p.manner_minimum });
        }
    }
    if matches!(card.recommendation, Recommendation::No | Recommendation::StrongNo) {
        reasons.push(SuggestionReason::InterviewerRecommendsAgainst(card.recommendation));
    }
    let outcome = if reasons.is_empty() { SuggestedOutcome::Selected } else { SuggestedOutcome::Rejected };
    Suggestion { outcome, average, scored, reasons }
}

/// [`suggest`] on the wire format: a scorecard in, the suggestion out, messages in `lang`.
///
/// ```
/// use mentor_core::interview::suggest_json;
/// use mentor_core::{policy::Policy, Lang};
/// let out = suggest_json(&serde_json::json!({
///     "kindness": 4, "patience": 4, "humility": 4, "communication": 4,
///     "subject_knowledge": 4, "recommendation": "no"
/// }), &Policy::default(), Lang::En).unwrap();
/// assert_eq!(out["outcome"], "rejected");
/// assert_eq!(out["reasons"][0]["code"], "interviewer_recommends_against");
/// ```
///
/// # Errors
/// [`InputError`] when the scorecard does not parse (see [`Scorecard::from_json`]).
pub fn suggest_json(card: &Value, policy: &Policy, lang: Lang) -> Result<Value, InputError> {
    let card = Scorecard::from_json(card)?;
    Ok(suggest(&card, policy).to_json(lang))
}

/// Something the candidate prepares before the video interview: INT-2's microphone and calm,
/// well-lit place, and what any video call needs (INT-1).
///
/// ```
/// use mentor_core::{interview::ReadinessItem, Rule};
/// assert_eq!(ReadinessItem::Microphone.rule(), Rule::Int2);
/// assert_eq!(ReadinessItem::Camera.rule(), Rule::Int1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReadinessItem {
    /// A microphone, built into the computer or plugged into it (INT-2).
    Microphone,
    /// A calm place (INT-2).
    CalmPlace,
    /// A well-lit place (INT-2).
    WellLitPlace,
    /// A working camera: the interview is a video call (INT-1).
    Camera,
    /// A connection good enough for video (INT-1).
    InternetConnection,
}

impl ReadinessItem {
    /// The checklist, in the order an invitation lists it.
    pub const ALL: [ReadinessItem; 5] = [
        ReadinessItem::Microphone,
        ReadinessItem::CalmPlace,
        ReadinessItem::WellLitPlace,
        ReadinessItem::Camera,
        ReadinessItem::InternetConnection,
    ];

    /// The stable code (`"well_lit_place"`).
    ///
    /// ```
    /// use mentor_core::interview::ReadinessItem;
    /// assert_eq!(ReadinessItem::CalmPlace.code(), "calm_place");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            ReadinessItem::Microphone => "microphone",
            ReadinessItem::CalmPlace => "calm_place",
            ReadinessItem::WellLitPlace => "well_lit_place",
            ReadinessItem::Camera => "camera",
            ReadinessItem::InternetConnection => "internet_connection",
        }
    }

    /// The rule it comes from: INT-2 for what the seed lists, INT-1 (a video interview) for
    /// the camera and the connection.
    ///
    /// ```
    /// use mentor_core::{interview::ReadinessItem, Rule};
    /// assert_eq!(ReadinessItem::InternetConnection.rule(), Rule::Int1);
    /// ```
    #[must_use]
    pub const fn rule(self) -> Rule {
        match self {
            ReadinessItem::Microphone | ReadinessItem::CalmPlace | ReadinessItem::WellLitPlace => Rule::Int2,
            ReadinessItem::Camera | ReadinessItem::InternetConnection => Rule::Int1,
        }
    }

    /// What to prepare, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::ReadinessItem, Lang};
    /// assert!(ReadinessItem::Microphone.text().get(Lang::Fr).starts_with("un micro"));
    /// ```
    #[must_use]
    pub const fn text(self) -> Text {
        match self {
            ReadinessItem::Microphone => Text::new(
                "a working microphone, built into your computer or plugged into it",
                "un micro qui fonctionne, intégré à votre ordinateur ou branché dessus",
            ),
            ReadinessItem::CalmPlace => Text::new("a calm place where you will not be disturbed", "un endroit calme où personne ne vous dérangera"),
            ReadinessItem::WellLitPlace => Text::new("a well-lit place, so that your face can be seen", "un endroit bien éclairé, pour que l'on voie votre visage"),
            ReadinessItem::Camera => Text::new("a working camera: the interview is a video call", "une caméra qui fonctionne : l'entretien se fait en visioconférence"),
            ReadinessItem::InternetConnection => {
                Text::new("an internet connection good enough for a video call", "une connexion internet suffisante pour un appel vidéo")
            }
        }
    }
}

/// What the interview covers (INT-3): the mentor manager explains mentorship and answers the
/// candidate's questions; the candidate introduces themselves, their current activity and
/// recent projects.
///
/// ```
/// use mentor_core::{interview::AgendaItem, Rule};
/// assert_eq!(AgendaItem::RecentProjects.code(), "recent_projects");
/// assert!(AgendaItem::ALL.iter().all(|i| i.rule() == Rule::Int3));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AgendaItem {
    /// What mentorship involves.
    WhatMentorshipIs,
    /// The candidate introduces themselves.
    IntroduceYourself,
    /// What they do in life now.
    CurrentActivity,
    /// Projects they worked on recently.
    RecentProjects,
    /// The candidate's questions (the seed: "the time … to answer any of your questions").
    YourQuestions,
}

impl AgendaItem {
    /// The agenda, in order.
    pub const ALL: [AgendaItem; 5] = [
        AgendaItem::WhatMentorshipIs,
        AgendaItem::IntroduceYourself,
        AgendaItem::CurrentActivity,
        AgendaItem::RecentProjects,
        AgendaItem::YourQuestions,
    ];

    /// The stable code (`"what_mentorship_is"`).
    ///
    /// ```
    /// use mentor_core::interview::AgendaItem;
    /// assert_eq!(AgendaItem::WhatMentorshipIs.code(), "what_mentorship_is");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            AgendaItem::WhatMentorshipIs => "what_mentorship_is",
            AgendaItem::IntroduceYourself => "introduce_yourself",
            AgendaItem::CurrentActivity => "current_activity",
            AgendaItem::RecentProjects => "recent_projects",
            AgendaItem::YourQuestions => "your_questions",
        }
    }

    /// The rule it comes from: INT-3.
    ///
    /// ```
    /// use mentor_core::{interview::AgendaItem, Rule};
    /// assert_eq!(AgendaItem::CurrentActivity.rule(), Rule::Int3);
    /// ```
    #[must_use]
    pub const fn rule(self) -> Rule {
        Rule::Int3
    }

    /// The item, in English and French.
    ///
    /// ```
    /// use mentor_core::{interview::AgendaItem, Lang};
    /// assert_eq!(AgendaItem::IntroduceYourself.text().get(Lang::Fr), "vous présenter");
    /// ```
    #[must_use]
    pub const fn text(self) -> Text {
        match self {
            AgendaItem::WhatMentorshipIs => Text::new("what mentorship involves, explained by a mentor manager", "ce qu'est le mentorat, présenté par un responsable des mentors"),
            AgendaItem::IntroduceYourself => Text::new("introduce yourself", "vous présenter"),
            AgendaItem::CurrentActivity => Text::new("what you currently do", "ce que vous faites actuellement"),
            AgendaItem::RecentProjects => Text::new("recent projects you have worked on", "des projets récents sur lesquels vous avez travaillé"),
            AgendaItem::YourQuestions => Text::new("answers to your questions", "les réponses à vos questions"),
        }
    }
}

/// The invitation to a video interview (INT-1..3): when (in UTC and on the candidate's wall
/// clock), how long, what to prepare and what will be covered.
///
/// ```
/// use mentor_core::interview::{invitation, ReadinessItem, Slot};
/// let slot = Slot::from_local_json(&serde_json::json!({
///     "local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 45
/// })).unwrap();
/// let inv = invitation(&slot);
/// assert_eq!(inv.checklist[0], ReadinessItem::Microphone);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invitation {
    /// When.
    pub slot: Slot,
    /// What to prepare (INT-2, and INT-1 for video).
    pub checklist: &'static [ReadinessItem],
    /// What the interview covers (INT-3).
    pub agenda: &'static [AgendaItem],
}

/// The invitation to the interview in `slot` (INT-1..3).
///
/// ```
/// use mentor_core::interview::{invitation, Slot};
/// use mentor_core::Lang;
/// let slot = Slot::from_local_json(&serde_json::json!({
///     "local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 45
/// })).unwrap();
/// let j = invitation(&slot).to_json(Lang::En);
/// assert_eq!(j["start"], "2026-11-12T17:00:00Z");
/// assert_eq!(j["local_start"], "2026-11-12T18:00:00+01:00");
/// assert_eq!(j["agenda"][0]["rule"], "INT-3");
/// ```
#[must_use]
pub fn invitation(slot: &Slot) -> Invitation {
    Invitation { slot: *slot, checklist: &ReadinessItem::ALL, agenda: &AgendaItem::ALL }
}

impl Invitation {
    /// The wire form, texts in `lang`: `{"start", "end", "local_start", "local_end",
    /// "time_zone", "duration_minutes", "checklist": [{"code", "rule", "text"}], "agenda": […]}`.
    /// `start` and `end` are UTC instants; `local_start` and `local_end` are the same instants
    /// on the candidate's wall clock, with the offset in force then (`+01:00`).
    ///
    /// ```
    /// use mentor_core::interview::{invitation, Slot};
    /// use mentor_core::Lang;
    /// let slot = Slot::from_json(&serde_json::json!({
    ///     "start": "2026-07-01T16:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 60
    /// })).unwrap();
    /// let j = invitation(&slot).to_json(Lang::Fr);
    /// assert_eq!(j["local_end"], "2026-07-01T19:00:00+02:00");
    /// assert_eq!(j["checklist"][3]["code"], "camera");
    /// assert_eq!(j["checklist"][3]["rule"], "INT-1");
    /// ```
    #[must_use]
    pub fn to_json(&self, lang: Lang) -> Value {
        let local = |at: DateTime<Utc>| at.with_timezone(&self.slot.time_zone).to_rfc3339_opts(SecondsFormat::AutoSi, false);
        let checklist: Vec<Value> =
            self.checklist.iter().map(|i| json!({"code": i.code(), "rule": i.rule(), "text": i.text().get(lang)})).collect();
        let agenda: Vec<Value> = self.agenda.iter().map(|i| json!({"code": i.code(), "rule": i.rule(), "text": i.text().get(lang)})).collect();
        json!({
            "start": format_instant(self.slot.start),
            "end": format_instant(self.slot.end()),
            "local_start": local(self.slot.start),
            "local_end": local(self.slot.end()),
            "time_zone": self.slot.time_zone.name(),
            "duration_minutes": self.slot.duration_minutes,
            "checklist": checklist,
            "agenda": agenda,
        })
    }
}

/// [`invitation`] on the wire format: a slot `{"start", "time_zone", "duration_minutes"}` in,
/// the invitation out, texts in `lang`.
///
/// ```
/// use mentor_core::{interview::invitation_json, Lang};
/// let j = invitation_json(&serde_json::json!({
///     "start": "2026-11-12T17:00:00Z", "time_zone": "America/New_York", "duration_minutes": 30
/// }), Lang::En).unwrap();
/// assert_eq!(j["local_start"], "2026-11-12T12:00:00-05:00");
/// ```
///
/// # Errors
/// [`InputError`] when the slot does not parse (see [`Slot::from_json`]).
pub fn invitation_json(slot: &Value, lang: Lang) -> Result<Value, InputError> {
    Ok(invitation(&Slot::from_json(slot)?).to_json(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_names_agree_with_the_wire_order() {
        assert_eq!(Criterion::ALL.map(Criterion::name), CRITERIA);
        // The policy's bound on `minimum_scored` (and its schema's maximum).
        assert_eq!(crate::policy::CRITERIA, CRITERIA.len());
    }

    #[test]
    fn numbers_in_messages() {
        assert_eq!(decimal(3.0, Lang::En), "3");
        assert_eq!(decimal(2.0 / 3.0 + 2.0, Lang::Fr), "2,67");
        assert_eq!(decimal(3.5, Lang::En), "3.5");
        assert_eq!(capitalised("humilité"), "Humilité");
        assert_eq!(capitalised(""), "");
    }

    #[test]
    fn local_times_have_one_shape() {
        assert!(parse_local("2026-11-12T18:00").is_some());
        assert!(parse_local("2026-11-12T18:00:30").is_some());
        for bad in ["2026-11-12 18:00", "2026-11-12T18:00Z", "2026-11-12T18:00+01:00", "99999-01-1T10:10", "2026-11-12T18:00:60", "2026-02-30T10:00", "２026-11-12T18:00"] {
            assert!(parse_local(bad).is_none(), "{bad}");
        }
    }
}
