//! The terms of a contract (CON-1): the pay per session type, the currency, monthly billing,
//! the start and end dates, the notice period and the version.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::error::{Detail, ErrorCode, InputError};
use crate::i18n::Text;
use crate::money::{Currency, read_amount, read_currency};
use crate::read::{Path, Reader, present};
use crate::subject::is_subject_slug;
use crate::vocabulary::Vocabulary;

use super::date::{format_date, read_date};

/// The longest notice period, in days.
pub const MAX_NOTICE_PERIOD_DAYS: u16 = 365;

vocabulary! {
    /// How the company pays: monthly only (CON-1, BIL-1). Wire name `monthly`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Billing {
        /// Sessions of a calendar month are billed together (`docs/billing.md`).
        #[default]
        Monthly = "monthly",
    }
}

/// The terms of a contract (CON-1): the pay per mentoring session by session type, the
/// currency, monthly billing, the start and optional end date, the notice period and the
/// version of the terms.
///
/// Built only by [`Terms::from_json`] or [`Terms::new`], which check every rule, so a `Terms`
/// value is always valid: version 1 or more, at least one rate, session types written as slugs
/// (lower-case ASCII letters, digits and `_`, starting with a letter, at most 64 characters),
/// rates not negative and exact in the currency's minor unit, an end date after the start
/// date, a notice period of 0 to 365 days.
///
/// Wire form: `{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "billing":
/// "monthly", "start_date": "2026-12-01", "end_date": null, "notice_period_days": 30}`.
/// `billing` may be left out (monthly is the only value, CON-1); `end_date` may be null or left
/// out (open-ended).
///
/// ```
/// use mentor_core::contract::Terms;
/// use rust_decimal::Decimal;
/// let terms = Terms::from_json(&serde_json::json!({
///     "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00", "defense": "50"},
///     "billing": "monthly", "start_date": "2026-12-01", "end_date": null, "notice_period_days": 30,
/// })).unwrap();
/// assert_eq!(terms.rate("defense"), Some(Decimal::new(50, 0)));
/// assert_eq!(terms.to_json()["rates"]["defense"], "50.00");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    pub(super) version: u32,
    currency: Currency,
    rates: BTreeMap<String, Decimal>,
    billing: Billing,
    start_date: NaiveDate,
    pub(super) end_date: Option<NaiveDate>,
    notice_period_days: u16,
}

const TERMS_KEYS: [&str; 7] = [
    "version",
    "currency",
    "rates",
    "billing",
    "start_date",
    "end_date",
    "notice_period_days",
];

const AN_OBJECT: Text = Text::new("an object", "un objet");
const AFTER_START: Text = Text::new("a date after start_date", "une date postérieure à start_date");

impl Terms {
    /// Terms from typed values, checked like [`Terms::from_json`] (billing is monthly).
    ///
    /// ```
    /// use std::collections::BTreeMap;
    /// use chrono::NaiveDate;
    /// use mentor_core::contract::Terms;
    /// use mentor_core::money::Currency;
    /// use rust_decimal::Decimal;
    /// let rates = BTreeMap::from([("mentoring".to_owned(), Decimal::new(3500, 2))]);
    /// let start = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let terms = Terms::new(1, Currency::parse("EUR").unwrap(), rates, start, None, 30).unwrap();
    /// assert_eq!(terms.version(), 1);
    /// let err = Terms::new(0, Currency::parse("EUR").unwrap(), BTreeMap::new(), start, None, 30).unwrap_err();
    /// assert_eq!(err.errors.len(), 2); // version and rates
    /// ```
    ///
    /// # Errors
    /// Field errors with the wire paths: `out_of_range` (`version` 0, `notice_period_days` over
    /// 365), `required` (no rate), `invalid_subject` (a session type that is not a slug),
    /// `invalid_money` (a negative rate, or one with more decimals than the currency has),
    /// `invalid_date` (`end_date` not after `start_date`).
    pub fn new(
        version: u32,
        currency: Currency,
        rates: BTreeMap<String, Decimal>,
        start_date: NaiveDate,
        end_date: Option<NaiveDate>,
        notice_period_days: u16,
    ) -> Result<Terms, InputError> {
        let mut r = Reader::new();
        let root = Path::Root;
        if version == 0 {
            r.error_with(
                &root.key("version"),
                ErrorCode::OutOfRange,
                Detail::Range(1, i64::from(u32::MAX)),
            );
        }
        let rates_path = root.key("rates");
        if rates.is_empty() {
            r.error(&rates_path, ErrorCode::Required);
        }
        for (session_type, rate) in &rates {
            let path = rates_path.key(session_type);
            if !is_subject_slug(session_type) {
                r.error(&path, ErrorCode::InvalidSubject);
            } else if rate.is_sign_negative() || currency.round(*rate) != *rate {
                r.error(&path, ErrorCode::InvalidMoney);
            }
        }
        if end_date.is_some_and(|end| end <= start_date) {
            r.error_with(
                &root.key("end_date"),
                ErrorCode::InvalidDate,
                Detail::Expected(AFTER_START),
            );
        }
        if notice_period_days > MAX_NOTICE_PERIOD_DAYS {
            r.error_with(
                &root.key("notice_period_days"),
                ErrorCode::OutOfRange,
                Detail::Range(0, i64::from(MAX_NOTICE_PERIOD_DAYS)),
            );
        }
        if !r.errors.is_empty() {
            return Err(InputError { errors: r.errors });
        }
        Ok(Terms {
            version,
            currency,
            rates,
            billing: Billing::Monthly,
            start_date,
            end_date,
            notice_period_days,
        })
    }

    /// Reads terms from their wire form (see [`Terms`]).
    ///
    /// # Errors
    /// Every problem as a field error: `required`, `invalid_type` (a rate given as a JSON
    /// number: money is a decimal string), `invalid_currency`, `invalid_money` (negative, or
    /// more decimals than the currency's minor unit), `invalid_subject` (a session type that
    /// is not a slug), `invalid_enum` (`billing`), `invalid_date` (not `YYYY-MM-DD`, or an
    /// end date not after the start date), `out_of_range`, `unknown_field`.
    pub fn from_json(value: &Value) -> Result<Terms, InputError> {
        let mut r = Reader::new();
        let terms = read_terms(&mut r, value, &Path::Root);
        r.finish(terms)
    }

    /// The wire form; rates written with exactly the currency's minor units (`"35.00"`): the
    /// terms' [`Serialize`] form as a JSON value.
    #[must_use]
    pub fn to_json(&self) -> Value {
        crate::i18n::json_value(self)
    }

    /// The version of the terms: 1 for the first contract, one more for each amendment.
    #[must_use]
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The currency of the rates.
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// The pay per session, by session type (CON-1).
    #[must_use]
    pub fn rates(&self) -> &BTreeMap<String, Decimal> {
        &self.rates
    }

    /// The pay for one session of `session_type`; `None` when the contract has no rate for it.
    #[must_use]
    pub fn rate(&self, session_type: &str) -> Option<Decimal> {
        self.rates.get(session_type).copied()
    }

    /// How the company pays (monthly, CON-1).
    #[must_use]
    pub fn billing(&self) -> Billing {
        self.billing
    }

    /// The first day the terms apply.
    #[must_use]
    pub fn start_date(&self) -> NaiveDate {
        self.start_date
    }

    /// The last day the terms apply; `None` for an open-ended contract.
    #[must_use]
    pub fn end_date(&self) -> Option<NaiveDate> {
        self.end_date
    }

    /// The notice period for terminating, in days (0 to 365).
    #[must_use]
    pub fn notice_period_days(&self) -> u16 {
        self.notice_period_days
    }
}

/// Reads a whole number that must be there, in `lo..=hi`.
fn required_integer(r: &mut Reader, value: Option<&Value>, path: &Path<'_>, lo: i64, hi: i64) -> Option<i64> {
    if present(value).is_none() {
        r.error(path, ErrorCode::Required);
        return None;
    }
    r.integer(value, path, lo, hi)
}

/// `{"version", "currency", "rates": {session type: amount}, "billing", "start_date",
/// "end_date", "notice_period_days"}`, amounts as decimal strings in the currency's minor
/// units.
impl Serialize for Terms {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            version: u32,
            currency: &'a str,
            rates: BTreeMap<&'a str, String>,
            billing: &'static str,
            start_date: String,
            end_date: Option<String>,
            notice_period_days: u16,
        }
        Wire {
            version: self.version,
            currency: self.currency.code(),
            rates: self
                .rates
                .iter()
                .map(|(session_type, rate)| (session_type.as_str(), self.currency.format_amount(*rate)))
                .collect(),
            billing: self.billing.name(),
            start_date: format_date(self.start_date),
            end_date: self.end_date.map(format_date),
            notice_period_days: self.notice_period_days,
        }
        .serialize(serializer)
    }
}

pub(super) fn read_terms(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Terms> {
    let map = r.object(value, path, &TERMS_KEYS)?;
    let version = required_integer(
        r,
        map.get("version"),
        &path.key("version"),
        1,
        i64::from(u32::MAX),
    );
    let currency = read_currency(r, map.get("currency"), &path.key("currency"), true);
    let rates = read_rates(r, map.get("rates"), &path.key("rates"), currency);
    let billing = r
        .choice(map.get("billing"), &path.key("billing"), Billing::ALL)
        .unwrap_or_default();
    let start_date = read_date(r, map.get("start_date"), &path.key("start_date"), true);
    let end_path = path.key("end_date");
    let end_date = read_date(r, map.get("end_date"), &end_path, false);
    if let (Some(start), Some(end)) = (start_date, end_date) {
        if end <= start {
            r.error_with(&end_path, ErrorCode::InvalidDate, Detail::Expected(AFTER_START));
        }
    }
    let notice = required_integer(
        r,
        map.get("notice_period_days"),
        &path.key("notice_period_days"),
        0,
        i64::from(MAX_NOTICE_PERIOD_DAYS),
    );
    Some(Terms {
        version: u32::try_from(version?).ok()?,
        currency: currency?,
        rates: rates?,
        billing,
        start_date: start_date?,
        end_date,
        notice_period_days: u16::try_from(notice?).ok()?,
    })
}

/// Reads `{"session_type": "35.00", …}`: at least one rate, keys that are slugs.
fn read_rates(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
    currency: Option<Currency>,
) -> Option<BTreeMap<String, Decimal>> {
    let map = match present(value) {
        None => {
            r.error(path, ErrorCode::Required);
            return None;
        }
        Some(Value::Object(map)) => map,
        Some(_) => {
            r.error_with(path, ErrorCode::InvalidType, Detail::Expected(AN_OBJECT));
            return None;
        }
    };
    if map.is_empty() {
        r.error(path, ErrorCode::Required);
        return None;
    }
    let mut rates = BTreeMap::new();
    for (session_type, rate) in map {
        let rate_path = path.key(session_type);
        if !is_subject_slug(session_type) {
            r.error(&rate_path, ErrorCode::InvalidSubject);
            continue;
        }
        if let Some(amount) = read_amount(r, Some(rate), &rate_path, currency) {
            rates.insert(session_type.clone(), amount);
        }
    }
    Some(rates)
}
