//! Currencies and amounts of money (`docs/wire-format.md`, `docs/billing.md`): ISO 4217 codes with their
//! minor units, amounts as decimal strings (`"35.00"`, never a JSON number), rounding half away from zero.
//!
//! Source of the codes and minor units: ISO 4217 list one ("current currency & funds"), as
//! published by SIX, the maintenance agency, on 2026-01-01
//! (<https://www.six-group.com/dam/download/financial-information/data-center/iso-currrency/lists/list-one.xml>).
//! Codes whose minor unit is "N.A." in that list (precious metals `XAU`, `XAG`, `XPD`, `XPT`,
//! the bond-market units `XBA`–`XBD`, `XDR`, `XSU`, `XUA`, the testing code `XTS` and `XXX`,
//! "no currency") are left out: no amount can be rounded in them, and no contract pays in them.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::Value;

use crate::error::ErrorCode;
use crate::read::{Path, Reader};

/// The active ISO 4217 codes that have a minor unit, with it (number of decimals), sorted.
const ACTIVE: [(&str, u8); 165] = [
    ("AED", 2),
    ("AFN", 2),
    ("ALL", 2),
    ("AMD", 2),
    ("AOA", 2),
    ("ARS", 2),
    ("AUD", 2),
    ("AWG", 2),
    ("AZN", 2),
    ("BAM", 2),
    ("BBD", 2),
    ("BDT", 2),
    ("BHD", 3),
    ("BIF", 0),
    ("BMD", 2),
    ("BND", 2),
    ("BOB", 2),
    ("BOV", 2),
    ("BRL", 2),
    ("BSD", 2),
    ("BTN", 2),
    ("BWP", 2),
    ("BYN", 2),
    ("BZD", 2),
    ("CAD", 2),
    ("CDF", 2),
    ("CHE", 2),
    ("CHF", 2),
    ("CHW", 2),
    ("CLF", 4),
    ("CLP", 0),
    ("CNY", 2),
    ("COP", 2),
    ("COU", 2),
    ("CRC", 2),
    ("CUP", 2),
    ("CVE", 2),
    ("CZK", 2),
    ("DJF", 0),
    ("DKK", 2),
    ("DOP", 2),
    ("DZD", 2),
    ("EGP", 2),
    ("ERN", 2),
    ("ETB", 2),
    ("EUR", 2),
    ("FJD", 2),
    ("FKP", 2),
    ("GBP", 2),
    ("GEL", 2),
    ("GHS", 2),
    ("GIP", 2),
    ("GMD", 2),
    ("GNF", 0),
    ("GTQ", 2),
    ("GYD", 2),
    ("HKD", 2),
    ("HNL", 2),
    ("HTG", 2),
    ("HUF", 2),
    ("IDR", 2),
    ("ILS", 2),
    ("INR", 2),
    ("IQD", 3),
    ("IRR", 2),
    ("ISK", 0),
    ("JMD", 2),
    ("JOD", 3),
    ("JPY", 0),
    ("KES", 2),
    ("KGS", 2),
    ("KHR", 2),
    ("KMF", 0),
    ("KPW", 2),
    ("KRW", 0),
    ("KWD", 3),
    ("KYD", 2),
    ("KZT", 2),
    ("LAK", 2),
    ("LBP", 2),
    ("LKR", 2),
    ("LRD", 2),
    ("LSL", 2),
    ("LYD", 3),
    ("MAD", 2),
    ("MDL", 2),
    ("MGA", 2),
    ("MKD", 2),
    ("MMK", 2),
    ("MNT", 2),
    ("MOP", 2),
    ("MRU", 2),
    ("MUR", 2),
    ("MVR", 2),
    ("MWK", 2),
    ("MXN", 2),
    ("MXV", 2),
    ("MYR", 2),
    ("MZN", 2),
    ("NAD", 2),
    ("NGN", 2),
    ("NIO", 2),
    ("NOK", 2),
    ("NPR", 2),
    ("NZD", 2),
    ("OMR", 3),
    ("PAB", 2),
    ("PEN", 2),
    ("PGK", 2),
    ("PHP", 2),
    ("PKR", 2),
    ("PLN", 2),
    ("PYG", 0),
    ("QAR", 2),
    ("RON", 2),
    ("RSD", 2),
    ("RUB", 2),
    ("RWF", 0),
    ("SAR", 2),
    ("SBD", 2),
    ("SCR", 2),
    ("SDG", 2),
    ("SEK", 2),
    ("SGD", 2),
    ("SHP", 2),
    ("SLE", 2),
    ("SOS", 2),
    ("SRD", 2),
    ("SSP", 2),
    ("STN", 2),
    ("SVC", 2),
    ("SYP", 2),
    ("SZL", 2),
    ("THB", 2),
    ("TJS", 2),
    ("TMT", 2),
    ("TND", 3),
    ("TOP", 2),
    ("TRY", 2),
    ("TTD", 2),
    ("TWD", 2),
    ("TZS", 2),
    ("UAH", 2),
    ("UGX", 0),
    ("USD", 2),
    ("USN", 2),
    ("UYI", 0),
    ("UYU", 2),
    ("UYW", 4),
    ("UZS", 2),
    ("VED", 2),
    ("VES", 2),
    ("VND", 0),
    ("VUV", 0),
    ("WST", 2),
    ("XAD", 2),
    ("XAF", 0),
    ("XCD", 2),
    ("XCG", 2),
    ("XOF", 0),
    ("XPF", 0),
    ("YER", 2),
    ("ZAR", 2),
    ("ZMW", 2),
    ("ZWG", 2),
];

/// The most digits an amount has before its decimal point, read or written: far beyond any
/// rate or total, and with the three decimals of the finest minor unit short of `Decimal`'s 28
/// significant digits. An amount is below 10^24.
pub(crate) const MAX_WHOLE_DIGITS: usize = 24;

/// The longest amount text read, in characters: [`MAX_WHOLE_DIGITS`], the point and three
/// decimals, so that every amount read can be written with its currency's minor unit
/// ([`Currency::format_amount`]) and read back.
const MAX_AMOUNT_CHARS: usize = MAX_WHOLE_DIGITS + 4;

/// 10^24: the first amount with more than [`MAX_WHOLE_DIGITS`] digits before its point.
const WIRE_AMOUNT_LIMIT: Decimal = Decimal::from_parts(2_701_131_776, 466_537_709, 54_210, false, 0);

/// Whether `amount` can be written on the wire and read back: below 10^24 (its whole part
/// at most [`MAX_WHOLE_DIGITS`] digits).
pub(crate) fn fits_wire(amount: Decimal) -> bool {
    amount.abs() < WIRE_AMOUNT_LIMIT
}

/// An ISO 4217 currency code that is active and has a minor unit (`EUR`, `JPY`, `TND`…), with
/// that minor unit: the number of decimals amounts in it are written and rounded with.
///
/// Parsing accepts exactly three upper-case letters (`"eur"` is refused: ISO 4217 codes are
/// upper-case, and a wire format that guesses would accept typos). Wire form: the code.
///
/// ```
/// use mentor_core::money::Currency;
/// let eur = Currency::parse("EUR").unwrap();
/// assert_eq!((eur.code(), eur.minor_units()), ("EUR", 2));
/// assert_eq!(Currency::parse("TND").unwrap().minor_units(), 3);
/// assert_eq!(Currency::parse("XOF").unwrap().minor_units(), 0);
/// assert!(Currency::parse("eur").is_none());
/// assert!(Currency::parse("FRF").is_none()); // withdrawn in 2002
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency {
    code: [u8; 3],
    minor_units: u8,
}

impl Currency {
    /// The currency of an active ISO 4217 code, or `None` (unknown, withdrawn, lower-case, a
    /// code without minor unit such as `XAU`).
    #[must_use]
    pub fn parse(code: &str) -> Option<Currency> {
        let &[a, b, c] = code.as_bytes() else { return None };
        let code = [a, b, c];
        if !code.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let i = ACTIVE
            .binary_search_by(|(c, _)| c.as_bytes().cmp(code.as_slice()))
            .ok()?;
        let &(_, minor_units) = ACTIVE.get(i)?;
        Some(Currency { code, minor_units })
    }

    /// The three upper-case letters.
    #[must_use]
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.code).unwrap_or("???")
    }

    /// The minor unit: how many decimals an amount has (EUR 2, JPY 0, TND 3, CLF 4).
    #[must_use]
    pub fn minor_units(&self) -> u32 {
        u32::from(self.minor_units)
    }

    /// `amount` rounded to the minor unit, half away from zero (`docs/billing.md`): EUR 0.125 is
    /// 0.13 and -0.125 is -0.13; JPY 2.5 is 3.
    ///
    /// ```
    /// use mentor_core::money::Currency;
    /// use rust_decimal::Decimal;
    /// let eur = Currency::parse("EUR").unwrap();
    /// assert_eq!(eur.round(Decimal::new(125, 3)), Decimal::new(13, 2));
    /// assert_eq!(eur.round(Decimal::new(-125, 3)), Decimal::new(-13, 2));
    /// ```
    #[must_use]
    pub fn round(&self, amount: Decimal) -> Decimal {
        amount.round_dp_with_strategy(self.minor_units(), RoundingStrategy::MidpointAwayFromZero)
    }

    /// The wire form of `amount`: rounded per [`Currency::round`], written with exactly the
    /// currency's minor units (`"35.00"`, JPY `"4000"`, TND `"12.500"`).
    ///
    /// ```
    /// use mentor_core::money::Currency;
    /// use rust_decimal::Decimal;
    /// assert_eq!(Currency::parse("EUR").unwrap().format_amount(Decimal::new(35, 0)), "35.00");
    /// assert_eq!(Currency::parse("TND").unwrap().format_amount(Decimal::new(125, 1)), "12.500");
    /// assert_eq!(Currency::parse("JPY").unwrap().format_amount(Decimal::new(40005, 1)), "4001");
    /// ```
    #[must_use]
    pub fn format_amount(&self, amount: Decimal) -> String {
        let mut rounded = self.round(amount);
        rounded.rescale(self.minor_units());
        if rounded.is_zero() {
            // `-0.004` rounds to a negative zero, which would print as `-0.00`.
            rounded.set_sign_positive(true);
        }
        rounded.to_string()
    }

    /// The amount written in `text`: ASCII digits (at most 24), optionally a `.` and more
    /// digits, with no more decimals than the minor unit; no sign, exponent, separator or
    /// spaces. `None` otherwise.
    ///
    /// ```
    /// use mentor_core::money::Currency;
    /// use rust_decimal::Decimal;
    /// let eur = Currency::parse("EUR").unwrap();
    /// assert_eq!(eur.parse_amount("35.5"), Some(Decimal::new(355, 1)));
    /// assert_eq!(eur.parse_amount("35.005"), None); // three decimals in euros
    /// assert_eq!(eur.parse_amount("-1.00"), None);
    /// assert_eq!(Currency::parse("JPY").unwrap().parse_amount("4000.0"), None);
    /// ```
    #[must_use]
    pub fn parse_amount(&self, text: &str) -> Option<Decimal> {
        parse_decimal(text, Some(self.minor_units()))
    }
}

/// A non-negative decimal written `123` or `123.45`, with at most `max_decimals` decimals
/// when given.
fn parse_decimal(text: &str, max_decimals: Option<u32>) -> Option<Decimal> {
    if text.chars().nth(MAX_AMOUNT_CHARS).is_some() {
        return None;
    }
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !fraction.is_none_or(digits) || whole.len() > MAX_WHOLE_DIGITS {
        return None;
    }
    let decimals = fraction.map_or(0, str::len);
    if max_decimals.is_some_and(|max| u32::try_from(decimals).is_ok_and(|d| d > max)) {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Reads a currency code; `required` when absent and `required` is set, `invalid_currency`
/// when it is not an active ISO 4217 code.
pub(crate) fn read_currency(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
    required: bool,
) -> Option<Currency> {
    let text = if required {
        r.required_text(value, path, 8)
    } else {
        r.text(value, path, 8, false)
    };
    r.parse(text, path, ErrorCode::InvalidCurrency, Currency::parse)
}

/// Reads a required amount of money: a decimal string (a JSON number is `invalid_type`), not
/// negative, with no more decimals than `currency`'s minor unit, else `invalid_money`. When
/// the currency is unknown (its own error is reported already), the decimals are not checked.
pub(crate) fn read_amount(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
    currency: Option<Currency>,
) -> Option<Decimal> {
    let text = r.required_text(value, path, MAX_AMOUNT_CHARS);
    r.parse(text, path, ErrorCode::InvalidMoney, |t| {
        parse_decimal(t, currency.map(|c| c.minor_units()))
    })
}

/// A share of a session's rate, from 0 to 1 inclusive (POL-1: what a student no-show or a
/// late cancellation pays). A `Share` is always in range, so nothing downstream checks it
/// again. Wire form: a decimal string (`"0.5"`), as the policy writes it.
///
/// ```
/// use mentor_core::money::Share;
/// use rust_decimal::Decimal;
/// let half = Share::new(Decimal::new(5, 1)).unwrap();
/// assert_eq!(half.get(), Decimal::new(5, 1));
/// assert!(Share::new(Decimal::new(11, 1)).is_none());
/// assert!(Share::new(Decimal::NEGATIVE_ONE).is_none());
/// assert_eq!(serde_json::to_string(&half).unwrap(), r#""0.5""#);
/// assert!(serde_json::from_str::<Share>(r#""1.5""#).is_err());
/// assert_eq!(serde_json::from_str::<Share>("0.1").unwrap().get(), Decimal::new(1, 1));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Share(Decimal);

impl Share {
    /// The whole rate.
    pub const WHOLE: Share = Share(Decimal::ONE);
    /// Half the rate.
    pub const HALF: Share = Share(Decimal::from_parts(5, 0, 0, false, 1));

    /// The share `value`, if it is from 0 to 1.
    #[must_use]
    pub fn new(value: Decimal) -> Option<Share> {
        (Decimal::ZERO..=Decimal::ONE)
            .contains(&value)
            .then_some(Share(value))
    }

    /// The share as a decimal from 0 to 1.
    #[must_use]
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl serde::Serialize for Share {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::str::serialize(&self.0, serializer)
    }
}

/// A decimal string from 0 to 1.
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Share {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Share")
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": "^(0(\\.[0-9]+)?|1(\\.0+)?)$", "description": "A share of the rate from 0 to 1, as a decimal string (`\"0.5\"`)."})
    }
}

impl<'de> serde::Deserialize<'de> for Share {
    /// Reads a decimal string (`"0.5"`, the canonical form) or, as TOML and JSON users write
    /// it, a number (`0.5`, read through its shortest decimal form, so `0.1` is exactly 0.1).
    ///
    /// # Errors
    /// Anything else, or a value outside 0..1: "not a share from 0 to 1".
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ShareVisitor;
        impl serde::de::Visitor<'_> for ShareVisitor {
            type Value = Share;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a share from 0 to 1, such as \"0.5\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Share, E> {
                text.trim()
                    .parse::<Decimal>()
                    .ok()
                    .and_then(Share::new)
                    .ok_or_else(|| E::custom("not a share from 0 to 1, such as \"0.5\""))
            }
            fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Share, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Share, E> {
                self.visit_str(&value.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Share, E> {
                self.visit_str(&value.to_string())
            }
        }
        deserializer.deserialize_any(ShareVisitor)
    }
}

/// An amount as [`Currency::format_amount`] writes it: a decimal string (`"35.00"`).
#[cfg(feature = "schema")]
pub(crate) const AMOUNT_PATTERN: &str = "^-?[0-9]+(\\.[0-9]+)?$";

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    fn currency(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    #[test]
    fn the_wire_limit_is_ten_to_the_24() {
        let limit: Decimal = "1000000000000000000000000".parse().unwrap();
        assert_eq!(WIRE_AMOUNT_LIMIT, limit);
        assert!(fits_wire(limit - Decimal::new(1, 3)) && !fits_wire(limit) && !fits_wire(-limit));
    }

    #[test]
    fn the_list_is_sorted_without_duplicates_and_well_formed() {
        assert!(ACTIVE.windows(2).all(|w| w[0].0 < w[1].0));
        for (code, minor) in ACTIVE {
            assert_eq!(
                Currency::parse(code).map(|c| c.minor_units()),
                Some(u32::from(minor)),
                "{code}"
            );
            assert!(minor <= 4, "{code}");
        }
    }

    #[test]
    fn minor_units_of_well_known_currencies() {
        let expected = [
            ("EUR", 2),
            ("JPY", 0),
            ("XOF", 0),
            ("XAF", 0),
            ("TND", 3),
            ("KWD", 3),
            ("BHD", 3),
            ("JOD", 3),
            ("OMR", 3),
            ("LYD", 3),
            ("IQD", 3),
            ("CLF", 4),
            ("UYW", 4),
            ("MAD", 2),
            ("CHF", 2),
            ("GBP", 2),
            ("USD", 2),
            ("CAD", 2),
        ];
        for (code, minor) in expected {
            assert_eq!(currency(code).minor_units(), minor, "{code}");
        }
    }

    #[test]
    fn lower_case_unknown_withdrawn_and_unit_less_codes_are_refused() {
        for bad in [
            "eur", "Eur", "EU", "EURO", "", "XXX", "XAU", "XTS", "FRF", "HRK", "ZZZ", "E1R", "ÉUR",
        ] {
            assert!(Currency::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        let (eur, jpy, tnd) = (currency("EUR"), currency("JPY"), currency("TND"));
        let cases = [
            (eur, "0.125", "0.13"),
            (eur, "-0.125", "-0.13"),
            (eur, "0.124", "0.12"),
            (eur, "2.675", "2.68"),
            (eur, "-2.675", "-2.68"),
            (eur, "17.5", "17.5"),
            (jpy, "2.5", "3"),
            (jpy, "-2.5", "-3"),
            (jpy, "3.5", "4"),
            (jpy, "2.4999", "2"),
            (tnd, "1.0005", "1.001"),
            (tnd, "-1.0005", "-1.001"),
            (tnd, "1.0004", "1.000"),
        ];
        for (c, input, expected) in cases {
            assert_eq!(c.round(dec(input)), dec(expected), "{c} {input}");
        }
    }

    #[test]
    fn amounts_are_written_with_the_minor_units() {
        assert_eq!(currency("EUR").format_amount(dec("35")), "35.00");
        assert_eq!(currency("EUR").format_amount(dec("17.5")), "17.50");
        assert_eq!(currency("EUR").format_amount(dec("-0.004")), "0.00");
        assert_eq!(currency("JPY").format_amount(dec("4000.00")), "4000");
        assert_eq!(currency("TND").format_amount(dec("0.5")), "0.500");
        assert_eq!(currency("CLF").format_amount(dec("1.23456")), "1.2346");
    }

    #[test]
    fn amount_texts() {
        let eur = currency("EUR");
        assert_eq!(eur.parse_amount("35.00"), Some(dec("35.00")));
        assert_eq!(eur.parse_amount("0"), Some(Decimal::ZERO));
        for bad in [
            "", "35,00", "+35", "-35", "-0", "35.", ".5", "1e3", "1_000", " 35", "35.001", "NaN", "3 5",
        ] {
            assert_eq!(eur.parse_amount(bad), None, "{bad:?}");
        }
        assert_eq!(currency("JPY").parse_amount("35.0"), None);
        assert_eq!(currency("TND").parse_amount("35.125"), Some(dec("35.125")));
        assert_eq!(eur.parse_amount(&"9".repeat(30)), None);
    }

    #[test]
    fn reading_reports_types_and_codes() {
        let mut r = Reader::new();
        let root = Path::Root;
        let eur = Some(currency("EUR"));
        assert_eq!(
            read_amount(&mut r, Some(&serde_json::json!("35.00")), &root.key("a"), eur),
            Some(dec("35"))
        );
        assert_eq!(
            read_amount(&mut r, Some(&serde_json::json!(35)), &root.key("b"), eur),
            None
        );
        assert_eq!(
            read_amount(&mut r, Some(&serde_json::json!("35.001")), &root.key("c"), eur),
            None
        );
        assert_eq!(
            read_amount(&mut r, Some(&serde_json::json!("35.001")), &root.key("d"), None),
            Some(dec("35.001"))
        );
        assert_eq!(read_amount(&mut r, None, &root.key("e"), eur), None);
        assert_eq!(
            read_currency(&mut r, Some(&serde_json::json!("eur")), &root.key("f"), true),
            None
        );
        let got: Vec<_> = r.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
        assert_eq!(
            got,
            [
                ("b", ErrorCode::InvalidType),
                ("c", ErrorCode::InvalidMoney),
                ("e", ErrorCode::Required),
                ("f", ErrorCode::InvalidCurrency)
            ]
        );
    }
}
