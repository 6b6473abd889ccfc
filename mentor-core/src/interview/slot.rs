//! The interview's slot (INT-1, `docs/lifecycles.md`): a UTC instant, the candidate's IANA time zone and a
//! duration, made from a wall-clock time only when that time names one instant in the zone.

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::Text;
use crate::lifecycle::{format_instant, read_instant};
use crate::read::{Path, Reader};

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
/// (INT-1, `docs/lifecycles.md`).
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
/// range (`docs/lifecycles.md`: a DST gap or overlap is an error, not a guess).
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
    pub fn code(&self) -> &'static str {
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
            LocalResult::Single(t) => Ok(Slot {
                start: t.with_timezone(&Utc),
                time_zone: zone,
                duration_minutes,
            }),
            LocalResult::Ambiguous(a, b) => {
                let (a, b) = (a.with_timezone(&Utc), b.with_timezone(&Utc));
                Err(SlotError::Ambiguous {
                    local,
                    zone,
                    earliest: a.min(b),
                    latest: a.max(b),
                })
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
        self.start
            .checked_add_signed(TimeDelta::minutes(i64::from(self.duration_minutes)))
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
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
    /// `2026-11-12T18:00:00` (INT-1, `docs/lifecycles.md`).
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
    /// [`Slot::from_json`] reads back: the slot's [`Serialize`] form as a JSON value.
    ///
    /// ```
    /// use mentor_core::interview::Slot;
    /// let wire = serde_json::json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45});
    /// assert_eq!(Slot::from_json(&wire).unwrap().to_json(), wire);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }
}

/// `{"start" (UTC), "time_zone", "duration_minutes"}`, as [`Slot::from_json`] reads it.
impl Serialize for Slot {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire {
            start: String,
            time_zone: &'static str,
            duration_minutes: u16,
        }
        Wire {
            start: format_instant(self.start),
            time_zone: self.time_zone.name(),
            duration_minutes: self.duration_minutes,
        }
        .serialize(serializer)
    }
}

pub(crate) fn read_slot(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Slot> {
    let map = r.object(value, path, &["start", "time_zone", "duration_minutes"])?;
    let start = read_instant(r, map.get("start"), &path.key("start"), true);
    let zone = read_zone(r, map, path);
    let duration = read_duration(r, map, path);
    Some(Slot {
        start: start?,
        time_zone: zone?,
        duration_minutes: duration?,
    })
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
            r.error_with(
                &local_path,
                ErrorCode::InvalidDatetime,
                Detail::Expected(LOCAL_TIME),
            );
        }
        parsed
    });
    let zone = read_zone(r, map, path);
    let duration = read_duration(r, map, path);
    match Slot::from_local(local?, zone?, duration?) {
        Ok(slot) => Some(slot),
        Err(e) => {
            let at = if matches!(e, SlotError::Duration(_)) {
                path.key("duration_minutes")
            } else {
                local_path
            };
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
    let shaped = text
        .bytes()
        .zip(SHAPE)
        .all(|(c, s)| if *s == b'd' { c.is_ascii_digit() } else { c == *s });
    if !shaped {
        return None;
    }
    NaiveDateTime::parse_from_str(text, format)
        .ok()
        .filter(|t| t.nanosecond() < 1_000_000_000)
}

fn read_zone(r: &mut Reader, map: &Map<String, Value>, path: &Path<'_>) -> Option<Tz> {
    let zone_path = path.key("time_zone");
    let zone = r.required_text(map.get("time_zone"), &zone_path, 64);
    r.parse(zone, &zone_path, ErrorCode::InvalidTimezone, |t| {
        crate::zone::TimeZone::parse(t).map(crate::zone::TimeZone::tz)
    })
}

fn read_duration(r: &mut Reader, map: &Map<String, Value>, path: &Path<'_>) -> Option<u16> {
    let duration_path = path.key("duration_minutes");
    let duration = r.integer(
        map.get("duration_minutes"),
        &duration_path,
        1,
        i64::from(MAX_DURATION_MINUTES),
    );
    if map.get("duration_minutes").is_none_or(Value::is_null) {
        r.error(&duration_path, ErrorCode::Required);
    }
    u16::try_from(duration?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_have_one_shape() {
        assert!(parse_local("2026-11-12T18:00").is_some());
        assert!(parse_local("2026-11-12T18:00:30").is_some());
        for bad in [
            "2026-11-12 18:00",
            "2026-11-12T18:00Z",
            "2026-11-12T18:00+01:00",
            "99999-01-1T10:10",
            "2026-11-12T18:00:60",
            "2026-02-30T10:00",
            "２026-11-12T18:00",
        ] {
            assert!(parse_local(bad).is_none(), "{bad}");
        }
    }
}
