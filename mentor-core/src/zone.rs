//! IANA time zones, checked once when read (billing periods, interview slots).

use std::fmt;

use chrono_tz::{TZ_VARIANTS, Tz};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An IANA time zone (`Europe/Paris`), known to the bundled tz database: a `TimeZone` value
/// is always usable, so nothing downstream checks it again. Wire form: its name.
///
/// ```
/// use mentor_core::zone::TimeZone;
/// let paris = TimeZone::parse("Europe/Paris").unwrap();
/// assert_eq!(paris.name(), "Europe/Paris");
/// assert!(TimeZone::parse("Mars/Olympus").is_none());
/// assert_eq!(serde_json::to_string(&paris).unwrap(), r#""Europe/Paris""#);
/// assert!(serde_json::from_str::<TimeZone>(r#""Mars/Olympus""#).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimeZone(Tz);

impl TimeZone {
    /// `Europe/Paris`, the company's zone (the default billing zone).
    pub const PARIS: TimeZone = TimeZone(Tz::Europe__Paris);

    /// The zone of an IANA name (exact, as the tz database spells it); `None` for a name it
    /// does not know.
    #[must_use]
    pub fn parse(name: &str) -> Option<TimeZone> {
        // chrono-tz lists its zones sorted by name (checked by a test): a binary search over
        // that list links no hash map of the names, which the browser build cannot afford
        // (`benches/RESULTS.md#targets`). Exact, as `Tz::from_str` is.
        let found = TZ_VARIANTS.binary_search_by(|tz| tz.name().cmp(name)).ok()?;
        TZ_VARIANTS.get(found).copied().map(TimeZone)
    }

    /// The IANA name.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The zone, for date computations.
    #[must_use]
    pub const fn tz(self) -> Tz {
        self.0
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for TimeZone {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for TimeZone {
    /// # Errors
    /// A name the tz database does not know: "not an IANA time zone name".
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        TimeZone::parse(&name).ok_or_else(|| serde::de::Error::custom("not an IANA time zone name"))
    }
}

/// A string: the zone's IANA name.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for TimeZone {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("TimeZone")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "description": "An IANA time zone name (`Europe/Paris`)."})
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zone_list_is_sorted_by_name_for_the_binary_search() {
        assert!(
            TZ_VARIANTS
                .windows(2)
                .all(|w| matches!(w, [a, b] if a.name() < b.name()))
        );
    }

    #[test]
    fn parse_accepts_exactly_what_chrono_tz_accepts() {
        for tz in TZ_VARIANTS {
            assert_eq!(TimeZone::parse(tz.name()), Some(TimeZone(tz)));
        }
        for name in [
            "Europe/Paris",
            "europe/paris",
            "EUROPE/PARIS",
            "Europe/Paris ",
            " Europe/Paris",
            "",
            "UTC",
            "utc",
            "Etc/GMT+1",
            "US/Pacific",
            "Mars/Olympus",
            "Europe/",
            "Zulu",
            "A",
        ] {
            assert_eq!(
                TimeZone::parse(name).map(TimeZone::tz),
                name.parse::<Tz>().ok(),
                "{name:?}"
            );
        }
    }
}
