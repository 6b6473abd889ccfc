//! The billing period: a calendar month in the billing time zone (`docs/billing.md`, BIL-1).

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Offset, TimeZone, Timelike, Utc};
use chrono_tz::Tz;

/// A billing period: one calendar month, `YYYY-MM` on the wire (BIL-1: the company is billed
/// monthly; CON-1: the contract pays monthly).
///
/// A session belongs to the month in which it starts in the billing time zone
/// ([`BillingPeriod::of`]): a session at `2026-01-31T23:30:00Z` is in February in
/// `Europe/Paris` (00:30 on 1 February there).
///
/// ```
/// use mentor_core::billing::BillingPeriod;
/// let jan = BillingPeriod::parse("2026-01").unwrap();
/// assert_eq!((jan.year(), jan.month()), (2026, 1));
/// assert_eq!(jan.to_string(), "2026-01");
/// let at = "2026-01-31T23:30:00Z".parse().unwrap();
/// assert_eq!(BillingPeriod::of(at, chrono_tz::Europe::Paris).to_string(), "2026-02");
/// assert!(BillingPeriod::parse("2026-13").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BillingPeriod {
    year: i32,
    month: u32,
}

impl BillingPeriod {
    /// The period of `month` (1 to 12) of `year` (0 to 9999), or `None`.
    ///
    /// ```
    /// use mentor_core::billing::BillingPeriod;
    /// assert!(BillingPeriod::new(2026, 12).is_some());
    /// assert!(BillingPeriod::new(2026, 0).is_none());
    /// ```
    #[must_use]
    pub fn new(year: i32, month: u32) -> Option<BillingPeriod> {
        ((0..=9999).contains(&year) && (1..=12).contains(&month)).then_some(BillingPeriod { year, month })
    }

    /// Reads `YYYY-MM` written exactly so: four digits, `-`, two digits, month 01 to 12 (no
    /// day, no sign, no spaces). `None` otherwise.
    ///
    /// ```
    /// use mentor_core::billing::BillingPeriod;
    /// assert!(BillingPeriod::parse("2026-1").is_none());
    /// assert!(BillingPeriod::parse("2026-01-01").is_none());
    /// assert!(BillingPeriod::parse(" 2026-01").is_none());
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Option<BillingPeriod> {
        let &[y1, y2, y3, y4, b'-', m1, m2] = text.as_bytes() else {
            return None;
        };
        let digits = [y1, y2, y3, y4, m1, m2];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let value = |ds: &[u8]| ds.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        let year = i32::try_from(value(&[y1, y2, y3, y4])).ok()?;
        BillingPeriod::new(year, value(&[m1, m2]))
    }

    /// The period in which the instant `at` falls on the calendar of `zone`.
    #[must_use]
    pub fn of(at: DateTime<Utc>, zone: Tz) -> BillingPeriod {
        let local = at.with_timezone(&zone).date_naive();
        BillingPeriod {
            year: local.year(),
            month: local.month(),
        }
    }

    /// Whether `date` is a day of this month.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use mentor_core::billing::BillingPeriod;
    /// let feb = BillingPeriod::parse("2026-02").unwrap();
    /// assert!(feb.contains(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()));
    /// assert!(!feb.contains(NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()));
    /// ```
    #[must_use]
    pub fn contains(&self, date: NaiveDate) -> bool {
        date.year() == self.year && date.month() == self.month
    }

    /// The year.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    #[must_use]
    pub fn month(&self) -> u32 {
        self.month
    }
}

impl fmt::Display for BillingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The local dates of instants around one billing period in one zone, with the zone's UTC
/// offset looked up once per UTC hour instead of once per instant (a statement of 10,000
/// sessions converts a few hundred hours, not 10,000 instants).
///
/// Exactness: an hour whose offset is the same at its first and last second is taken to have
/// that offset throughout, which holds unless a zone changed its offset and changed it back
/// within one hour (no zone of the tz database does); an hour whose offsets differ is converted
/// instant by instant. Instants more than two days outside the period (further than any UTC
/// offset reaches) are outside it without a lookup.
pub(crate) struct LocalDates {
    zone: Tz,
    period: BillingPeriod,
    /// The first second of the window, and the hours after it.
    start: i64,
    hours: Vec<Hour>,
}

#[derive(Clone, Copy)]
enum Hour {
    Unknown,
    /// One offset all hour: the local date at the hour's start, and the UTC second from which
    /// it is the next day (a local midnight inside the hour, with offsets such as +05:30).
    Fixed {
        date: NaiveDate,
        next_day_from: i64,
    },
    Varies,
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;
const MARGIN: i64 = 2 * 24 * HOUR;

impl LocalDates {
    pub(crate) fn new(zone: Tz, period: BillingPeriod) -> LocalDates {
        let (next_year, next_month) = if period.month == 12 {
            (period.year.saturating_add(1), 1)
        } else {
            (period.year, period.month + 1)
        };
        let midnight = |y, m| {
            NaiveDate::from_ymd_opt(y, m, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|t| t.and_utc().timestamp())
        };
        let window = midnight(period.year, period.month).zip(midnight(next_year, next_month));
        let (start, hours) = match window {
            Some((first, next)) => {
                let start = first.saturating_sub(MARGIN);
                let count = usize::try_from((next.saturating_add(MARGIN) - start) / HOUR).unwrap_or(0);
                (start, vec![Hour::Unknown; count])
            }
            // Not reached for a period of years 0 to 9999: every instant is converted exactly.
            None => (0, Vec::new()),
        };
        LocalDates {
            zone,
            period,
            start,
            hours,
        }
    }

    /// The local date of `at` when it falls in the period; `None` otherwise.
    pub(crate) fn in_period(&mut self, at: DateTime<Utc>) -> Option<NaiveDate> {
        let date = self.date(at, at.timestamp())?;
        self.period.contains(date).then_some(date)
    }

    /// The local date of `at` (`second`: its UNIX time); `None` when it is far outside the
    /// period.
    fn date(&mut self, at: DateTime<Utc>, second: i64) -> Option<NaiveDate> {
        if self.hours.is_empty() {
            return Some(at.with_timezone(&self.zone).date_naive());
        }
        let hour = usize::try_from(second.checked_sub(self.start)?.div_euclid(HOUR)).ok()?;
        let known = match *self.hours.get(hour)? {
            Hour::Unknown => {
                let known = self.hour_at(
                    i64::try_from(hour)
                        .ok()?
                        .checked_mul(HOUR)?
                        .checked_add(self.start)?,
                );
                if let Some(slot) = self.hours.get_mut(hour) {
                    *slot = known;
                }
                known
            }
            known => known,
        };
        match known {
            Hour::Fixed { date, next_day_from } if second < next_day_from => Some(date),
            Hour::Fixed { date, .. } => date.succ_opt(),
            Hour::Varies | Hour::Unknown => Some(at.with_timezone(&self.zone).date_naive()),
        }
    }

    /// What the hour starting at the UTC second `first` is.
    fn hour_at(&self, first: i64) -> Hour {
        let offset_at = |t: i64| {
            DateTime::from_timestamp(t, 0)
                .map(|t| (t, self.zone.offset_from_utc_datetime(&t.naive_utc()).fix()))
        };
        let (Some((start, offset)), Some((_, last))) = (offset_at(first), offset_at(first + HOUR - 1)) else {
            return Hour::Varies;
        };
        if offset != last {
            return Hour::Varies;
        }
        let local = start.with_timezone(&offset);
        let into_day = i64::from(local.num_seconds_from_midnight());
        let next_day_from = if into_day + HOUR > DAY {
            first + (DAY - into_day)
        } else {
            i64::MAX
        };
        Hour::Fixed {
            date: local.date_naive(),
            next_day_from,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cached_local_dates_are_the_exact_ones_across_daylight_saving_changes() {
        let zones = [
            "Europe/Paris",
            "America/Santiago",
            "America/New_York",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Asia/Kolkata",
            "Africa/Casablanca",
            "Pacific/Kiritimati",
            "Pacific/Pago_Pago",
            "UTC",
        ];
        for zone in zones {
            let zone: Tz = zone.parse().unwrap();
            for (year, month) in [
                (2026, 1),
                (2026, 3),
                (2026, 4),
                (2026, 9),
                (2026, 10),
                (2026, 11),
                (2025, 12),
            ] {
                let period = BillingPeriod::new(year, month).unwrap();
                let mut dates = LocalDates::new(zone, period);
                let first = NaiveDate::from_ymd_opt(year, month, 1)
                    .unwrap()
                    .and_hms_opt(0, 0, 0)
                    .unwrap()
                    .and_utc()
                    .timestamp();
                // Every 7 minutes and 13 seconds from 3 days before to 34 days after.
                let mut t = first - 3 * 86_400;
                while t < first + 34 * 86_400 {
                    let at = DateTime::from_timestamp(t, 0).unwrap();
                    let exact = at.with_timezone(&zone).date_naive();
                    let expected = period.contains(exact).then_some(exact);
                    assert_eq!(dates.in_period(at), expected, "{zone} {at}");
                    t += 433;
                }
            }
        }
    }

    #[test]
    fn periods_are_written_exactly_yyyy_mm() {
        for good in ["0000-01", "2026-01", "2026-12", "9999-12"] {
            assert_eq!(
                BillingPeriod::parse(good).map(|p| p.to_string()).as_deref(),
                Some(good)
            );
        }
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-01",
            "2026/01",
            "2026-01-01",
            "+2026-01",
            "２０２６-01",
            "",
            "2026-0a",
        ] {
            assert_eq!(BillingPeriod::parse(bad), None, "{bad}");
        }
    }
}
