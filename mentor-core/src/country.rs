//! ISO 3166-1 alpha-2 country codes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted (249 codes, as of 2024).
const ASSIGNED: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// An ISO 3166-1 alpha-2 country code, officially assigned (`FR`, `US`…), stored upper-case.
///
/// Parsing accepts any ASCII case and nothing else: `"fr"` is `FR`, `"XX"` and `"FRA"` are
/// refused. Wire form: the two upper-case letters.
///
/// ```
/// use mentor_core::CountryCode;
/// assert_eq!(CountryCode::parse("fr").unwrap().as_str(), "FR");
/// assert!(CountryCode::parse("XX").is_none());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// The code for `s`, or `None` when `s` is not an assigned alpha-2 code.
    #[must_use]
    pub fn parse(s: &str) -> Option<CountryCode> {
        let &[a, b] = s.as_bytes() else { return None };
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        if !code.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let found = ASSIGNED.binary_search_by(|c| c.as_bytes().cmp(code.as_slice())).is_ok();
        found.then_some(CountryCode(code))
    }

    /// The two upper-case letters.
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        CountryCode::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format_args!("`{}` is not an ISO 3166-1 alpha-2 country code", s.chars().take(8).collect::<String>()))
        })
    }
}

/// A country code as a regular expression (the JSON Schema of the inputs, `schema` feature):
/// two ASCII letters, any case, as [`CountryCode::parse`] reads them (which also wants the code
/// assigned).
#[cfg(feature = "schema")]
pub(crate) const CODE_PATTERN: &str = "^[A-Za-z]{2}$";

/// A string of two letters, any case (`fr` is `FR`); only assigned codes are accepted.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for CountryCode {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("CountryCode")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": CODE_PATTERN,
            "description": "An ISO 3166-1 alpha-2 country code (`FR`), officially assigned."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_complete() {
        assert!(ASSIGNED.windows(2).all(|w| w[0] < w[1]), "binary search needs the table sorted");
        assert!(ASSIGNED.iter().all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase())));
    }

    #[test]
    fn refuses_non_codes() {
        for bad in ["", "F", "FRA", "XX", "1A", "É", "fr "] {
            assert!(CountryCode::parse(bad).is_none(), "{bad}");
        }
    }
}
