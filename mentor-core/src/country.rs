//! ISO 3166-1 alpha-2 country codes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The officially assigned ISO 3166-1 alpha-2 codes, sorted (249 codes, as of 2024). Two bytes
/// each, not a `&str` (8 bytes of pointer and length on wasm32, plus the letters): smaller in
/// the browser build.
const ASSIGNED: [[u8; 2]; 249] = [
    *b"AD", *b"AE", *b"AF", *b"AG", *b"AI", *b"AL", *b"AM", *b"AO", *b"AQ", *b"AR", *b"AS", *b"AT", *b"AU",
    *b"AW", *b"AX", *b"AZ", *b"BA", *b"BB", *b"BD", *b"BE", *b"BF", *b"BG", *b"BH", *b"BI", *b"BJ", *b"BL",
    *b"BM", *b"BN", *b"BO", *b"BQ", *b"BR", *b"BS", *b"BT", *b"BV", *b"BW", *b"BY", *b"BZ", *b"CA", *b"CC",
    *b"CD", *b"CF", *b"CG", *b"CH", *b"CI", *b"CK", *b"CL", *b"CM", *b"CN", *b"CO", *b"CR", *b"CU", *b"CV",
    *b"CW", *b"CX", *b"CY", *b"CZ", *b"DE", *b"DJ", *b"DK", *b"DM", *b"DO", *b"DZ", *b"EC", *b"EE", *b"EG",
    *b"EH", *b"ER", *b"ES", *b"ET", *b"FI", *b"FJ", *b"FK", *b"FM", *b"FO", *b"FR", *b"GA", *b"GB", *b"GD",
    *b"GE", *b"GF", *b"GG", *b"GH", *b"GI", *b"GL", *b"GM", *b"GN", *b"GP", *b"GQ", *b"GR", *b"GS", *b"GT",
    *b"GU", *b"GW", *b"GY", *b"HK", *b"HM", *b"HN", *b"HR", *b"HT", *b"HU", *b"ID", *b"IE", *b"IL", *b"IM",
    *b"IN", *b"IO", *b"IQ", *b"IR", *b"IS", *b"IT", *b"JE", *b"JM", *b"JO", *b"JP", *b"KE", *b"KG", *b"KH",
    *b"KI", *b"KM", *b"KN", *b"KP", *b"KR", *b"KW", *b"KY", *b"KZ", *b"LA", *b"LB", *b"LC", *b"LI", *b"LK",
    *b"LR", *b"LS", *b"LT", *b"LU", *b"LV", *b"LY", *b"MA", *b"MC", *b"MD", *b"ME", *b"MF", *b"MG", *b"MH",
    *b"MK", *b"ML", *b"MM", *b"MN", *b"MO", *b"MP", *b"MQ", *b"MR", *b"MS", *b"MT", *b"MU", *b"MV", *b"MW",
    *b"MX", *b"MY", *b"MZ", *b"NA", *b"NC", *b"NE", *b"NF", *b"NG", *b"NI", *b"NL", *b"NO", *b"NP", *b"NR",
    *b"NU", *b"NZ", *b"OM", *b"PA", *b"PE", *b"PF", *b"PG", *b"PH", *b"PK", *b"PL", *b"PM", *b"PN", *b"PR",
    *b"PS", *b"PT", *b"PW", *b"PY", *b"QA", *b"RE", *b"RO", *b"RS", *b"RU", *b"RW", *b"SA", *b"SB", *b"SC",
    *b"SD", *b"SE", *b"SG", *b"SH", *b"SI", *b"SJ", *b"SK", *b"SL", *b"SM", *b"SN", *b"SO", *b"SR", *b"SS",
    *b"ST", *b"SV", *b"SX", *b"SY", *b"SZ", *b"TC", *b"TD", *b"TF", *b"TG", *b"TH", *b"TJ", *b"TK", *b"TL",
    *b"TM", *b"TN", *b"TO", *b"TR", *b"TT", *b"TV", *b"TW", *b"TZ", *b"UA", *b"UG", *b"UM", *b"US", *b"UY",
    *b"UZ", *b"VA", *b"VC", *b"VE", *b"VG", *b"VI", *b"VN", *b"VU", *b"WF", *b"WS", *b"YE", *b"YT", *b"ZA",
    *b"ZM", *b"ZW",
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
        let found = ASSIGNED.binary_search(&code).is_ok();
        found.then_some(CountryCode(code))
    }

    /// The two upper-case letters, as ASCII bytes.
    #[must_use]
    pub(crate) const fn bytes(self) -> [u8; 2] {
        self.0
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
            serde::de::Error::custom(format_args!(
                "`{}` is not an ISO 3166-1 alpha-2 country code",
                s.chars().take(8).collect::<String>()
            ))
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
        assert!(
            ASSIGNED.windows(2).all(|w| w[0] < w[1]),
            "binary search needs the table sorted"
        );
        assert!(ASSIGNED.iter().flatten().all(u8::is_ascii_uppercase));
    }

    #[test]
    fn refuses_non_codes() {
        for bad in ["", "F", "FRA", "XX", "1A", "É", "fr "] {
            assert!(CountryCode::parse(bad).is_none(), "{bad}");
        }
    }
}
