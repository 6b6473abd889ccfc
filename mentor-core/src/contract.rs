//! The contract (DESIGN 4.7, CON-1..3): its terms, its contracting party, its signers, and its
//! lifecycle as the fold of its events.
//!
//! ```text
//! draft → sent → viewed → partially_signed → signed → active → amended | terminated | expired
//! sent | viewed | partially_signed → declined | voided | signing_expired
//! ```
//! - Two signers sign, in this order on the envelope: the contracting party's signatory (the
//!   employer's under WS-2, the mentor's business otherwise, DESIGN 4.3), then the company's
//!   countersignature. Each is tracked on its own: `pending → viewed → signed | declined`.
//! - Signer states only move forward (DESIGN 4.8): a `viewed` after `signed` changes nothing;
//!   a `signed` or `declined` for a signer who already signed or declined is refused with
//!   [`Refusal::SignerAlreadyFinal`] (the first final outcome wins; the e-signature layer
//!   reports it as a conflict).
//! - `signed` leads to `partially_signed` while the other signer has still to sign, and to
//!   `signed` when it is the last signature. `completed` (the provider says the whole envelope
//!   is complete) marks every signer still to sign as signed at that time; a late `completed`
//!   after the last signature is accepted and changes nothing.
//! - `reassigned`: a signer's role moves to another person at the provider (matched by the
//!   provider's recipient id, never by e-mail); the signer keeps its status. A signer who
//!   already signed or declined cannot be reassigned.
//! - `amended`: a new version supersedes the contract (see [`amend`]); `expired` needs an end
//!   date in the terms.
//!
//! [`TRANSITIONS`](Aggregate::TRANSITIONS) is the only source of these moves: `apply`,
//! `allowed_events` and [`diagram`] all read it.
//!
//! ```
//! use mentor_core::contract::{Contract, ContractChange, ContractState, SignerRole, Terms};
//! use mentor_core::contract::{ContractingParty, SignerSetup};
//! use mentor_core::eligibility::Party;
//! use mentor_core::lifecycle::{Actor, Aggregate, Event};
//! use mentor_core::CountryCode;
//!
//! let terms = Terms::from_json(&serde_json::json!({
//!     "version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
//!     "start_date": "2026-12-01", "notice_period_days": 30,
//! })).unwrap();
//! let party = ContractingParty { party: Party::Employer, country: CountryCode::parse("FR").unwrap(), registration: None };
//! let at = "2026-11-20T09:00:00Z".parse().unwrap();
//! let event = |change| Event { at, actor: Actor::System, change };
//! let log = [
//!     event(ContractChange::Drafted {
//!         contract_id: "c-1".into(), terms, contracting_party: party,
//!         signers: SignerSetup::without_recipients(), supersedes: None,
//!     }),
//!     event(ContractChange::Sent { provider: None, request_id: None }),
//!     event(ContractChange::Signed { signer: SignerRole::Company }),
//!     event(ContractChange::Signed { signer: SignerRole::ContractingParty }),
//!     event(ContractChange::Activated),
//! ];
//! let contract = Contract::replay(&log).unwrap();
//! assert_eq!(contract.state(), Some(ContractState::Active));
//! assert!(contract.is_fully_signed());
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::subject::is_subject_slug;
use crate::country::CountryCode;
use crate::eligibility::{Decision, Outcome, Party, RegistrationCheck};
use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::provider::Provider;
use crate::i18n::{Lang, Text};
use crate::lifecycle::{
    Actor, Aggregate, Change, Event, Guard, Refusal, Refused, Transition, Vocabulary, check_order, format_instant, guarded, row,
};
use crate::money::{Currency, read_amount, read_currency};
use crate::read::{Path, Reader, present};
use crate::registration::{self, RegistrationError, RegistrationNumber};

/// The longest contract id, request id or recipient id, in characters.
pub const MAX_ID_CHARS: usize = 128;

/// The longest notice period, in days.
pub const MAX_NOTICE_PERIOD_DAYS: u16 = 365;

/// Where a contract stands (DESIGN 4.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContractState {
    /// Written, not sent yet (CON-1).
    Draft,
    /// Sent through the signing service (CON-2).
    Sent,
    /// A signer opened it (CON-3).
    Viewed,
    /// One signer signed, the other has still to.
    PartiallySigned,
    /// Both signed (CON-3).
    Signed,
    /// In force.
    Active,
    /// Superseded by a new version.
    Amended,
    /// Ended by one side, with notice.
    Terminated,
    /// Reached its end date.
    Expired,
    /// A signer declined to sign.
    Declined,
    /// Withdrawn before it was signed.
    Voided,
    /// Not signed in time at the provider.
    SigningExpired,
}

impl Vocabulary for ContractState {
    const ALL: &'static [(&'static str, Self)] = &[
        ("draft", ContractState::Draft),
        ("sent", ContractState::Sent),
        ("viewed", ContractState::Viewed),
        ("partially_signed", ContractState::PartiallySigned),
        ("signed", ContractState::Signed),
        ("active", ContractState::Active),
        ("amended", ContractState::Amended),
        ("terminated", ContractState::Terminated),
        ("expired", ContractState::Expired),
        ("declined", ContractState::Declined),
        ("voided", ContractState::Voided),
        ("signing_expired", ContractState::SigningExpired),
    ];
}

/// The type of a contract event (`type` on the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContractEventType {
    /// `drafted`.
    Drafted,
    /// `sent`.
    Sent,
    /// `viewed`.
    Viewed,
    /// `signed`.
    Signed,
    /// `completed`.
    Completed,
    /// `declined`.
    Declined,
    /// `voided`.
    Voided,
    /// `signing_expired`.
    SigningExpired,
    /// `reassigned`.
    Reassigned,
    /// `activated`.
    Activated,
    /// `amended`.
    Amended,
    /// `terminated`.
    Terminated,
    /// `expired`.
    Expired,
}

impl Vocabulary for ContractEventType {
    const ALL: &'static [(&'static str, Self)] = &[
        ("drafted", ContractEventType::Drafted),
        ("sent", ContractEventType::Sent),
        ("viewed", ContractEventType::Viewed),
        ("signed", ContractEventType::Signed),
        ("completed", ContractEventType::Completed),
        ("declined", ContractEventType::Declined),
        ("voided", ContractEventType::Voided),
        ("signing_expired", ContractEventType::SigningExpired),
        ("reassigned", ContractEventType::Reassigned),
        ("activated", ContractEventType::Activated),
        ("amended", ContractEventType::Amended),
        ("terminated", ContractEventType::Terminated),
        ("expired", ContractEventType::Expired),
    ];
}

/// Who a signer signs for. Wire names `contracting_party`, `company`.
///
/// ```
/// use mentor_core::contract::SignerRole;
/// use mentor_core::lifecycle::Vocabulary;
/// assert_eq!(SignerRole::ContractingParty.name(), "contracting_party");
/// assert_eq!(SignerRole::from_name("company"), Some(SignerRole::Company));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SignerRole {
    /// The contracting party's signatory: the employer's (WS-2) or the mentor's business's
    /// (WS-3..5). Signs first.
    ContractingParty,
    /// The company's countersignature. Signs second.
    Company,
}

impl Vocabulary for SignerRole {
    const ALL: &'static [(&'static str, Self)] = &[("contracting_party", SignerRole::ContractingParty), ("company", SignerRole::Company)];
}

/// The signing order of the envelope.
const SIGNING_ORDER: [SignerRole; 2] = [SignerRole::ContractingParty, SignerRole::Company];

/// Where one signer stands. Only moves forward: `pending → viewed → signed | declined`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SignerStatus {
    /// Not opened yet.
    Pending,
    /// Opened, not signed.
    Viewed,
    /// Signed (CON-3), at this instant.
    Signed {
        /// When (UTC).
        at: DateTime<Utc>,
    },
    /// Declined to sign, at this instant.
    Declined {
        /// When (UTC).
        at: DateTime<Utc>,
    },
}

impl SignerStatus {
    /// The wire name: `pending`, `viewed`, `signed` or `declined`.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SignerStatus::Pending => "pending",
            SignerStatus::Viewed => "viewed",
            SignerStatus::Signed { .. } => "signed",
            SignerStatus::Declined { .. } => "declined",
        }
    }

    /// Whether the signer signed or declined: nothing moves it any more.
    #[must_use]
    pub const fn is_final(self) -> bool {
        matches!(self, SignerStatus::Signed { .. } | SignerStatus::Declined { .. })
    }

    /// When the signer signed, if they did.
    #[must_use]
    pub const fn signed_at(self) -> Option<DateTime<Utc>> {
        match self {
            SignerStatus::Signed { at } => Some(at),
            _ => None,
        }
    }
}

/// One signer of a contract. Recipient ids are the provider's ids of a signer on an envelope:
/// they identify a slot, not a person, and are shown by `Debug`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// Who they sign for.
    pub role: SignerRole,
    /// The provider's recipient id, once known (DocuSign `recipientId`, Yousign signer id…).
    pub recipient_id: Option<String>,
    /// Where they stand.
    pub status: SignerStatus,
}

impl Signer {
    /// The wire form `{"role", "recipient_id", "status", "at"}` (`at`: when they signed or
    /// declined, else null).
    #[must_use]
    pub fn to_json(&self) -> Value {
        let at = match self.status {
            SignerStatus::Signed { at } | SignerStatus::Declined { at } => Some(format_instant(at)),
            SignerStatus::Pending | SignerStatus::Viewed => None,
        };
        json!({"role": self.role.name(), "recipient_id": self.recipient_id, "status": self.status.name(), "at": at})
    }
}

/// A signer as the `drafted` event sets it up: the role and, when already known, the
/// provider's recipient id. Wire form `{"role": "contracting_party", "recipient_id": "r-1"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignerSetup {
    /// Who they sign for.
    pub role: SignerRole,
    /// The provider's recipient id (at most [`MAX_ID_CHARS`] characters).
    pub recipient_id: Option<String>,
}

impl SignerSetup {
    /// Both signers, in signing order, without recipient ids (what an absent `signers` means).
    ///
    /// ```
    /// use mentor_core::contract::{SignerRole, SignerSetup};
    /// let [first, second] = SignerSetup::without_recipients();
    /// assert_eq!((first.role, second.role), (SignerRole::ContractingParty, SignerRole::Company));
    /// ```
    #[must_use]
    pub fn without_recipients() -> [SignerSetup; 2] {
        SIGNING_ORDER.map(|role| SignerSetup { role, recipient_id: None })
    }
}

/// How the company pays: monthly only (CON-1, BIL-1). Wire name `monthly`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Billing {
    /// Sessions of a calendar month are billed together (DESIGN 4.10).
    #[default]
    Monthly,
}

const BILLINGS: &[(&str, Billing)] = &[("monthly", Billing::Monthly)];

impl Billing {
    /// The wire name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Billing::Monthly => "monthly",
        }
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
    version: u32,
    currency: Currency,
    rates: BTreeMap<String, Decimal>,
    billing: Billing,
    start_date: NaiveDate,
    end_date: Option<NaiveDate>,
    notice_period_days: u16,
}

const TERMS_KEYS: [&str; 7] = ["version", "currency", "rates", "billing", "start_date", "end_date", "notice_period_days"];

const AN_OBJECT: Text = Text::new("an object", "un objet");
const AFTER_START: Text = Text::new("a date after start_date", "une date postérieure à start_date");
const TWO_SIGNERS: Text = Text::new(
    "an array of the two signers, contracting_party then company",
    "un tableau des deux signataires, contracting_party puis company",
);

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
            r.error_with(&root.key("version"), ErrorCode::OutOfRange, Detail::Range(1, i64::from(u32::MAX)));
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
            r.error_with(&root.key("end_date"), ErrorCode::InvalidDate, Detail::Expected(AFTER_START));
        }
        if notice_period_days > MAX_NOTICE_PERIOD_DAYS {
            r.error_with(&root.key("notice_period_days"), ErrorCode::OutOfRange, Detail::Range(0, i64::from(MAX_NOTICE_PERIOD_DAYS)));
        }
        if !r.errors.is_empty() {
            return Err(InputError { errors: r.errors });
        }
        Ok(Terms { version, currency, rates, billing: Billing::Monthly, start_date, end_date, notice_period_days })
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

    /// The wire form; rates written with exactly the currency's minor units (`"35.00"`).
    #[must_use]
    pub fn to_json(&self) -> Value {
        let rates: Map<String, Value> =
            self.rates.iter().map(|(session_type, rate)| (session_type.clone(), Value::from(self.currency.format_amount(*rate)))).collect();
        json!({
            "version": self.version,
            "currency": self.currency.code(),
            "rates": rates,
            "billing": self.billing.name(),
            "start_date": format_date(self.start_date),
            "end_date": self.end_date.map(format_date),
            "notice_period_days": self.notice_period_days,
        })
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

fn read_terms(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Terms> {
    let map = r.object(value, path, &TERMS_KEYS)?;
    let version = required_integer(r, map.get("version"), &path.key("version"), 1, i64::from(u32::MAX));
    let currency = read_currency(r, map.get("currency"), &path.key("currency"), true);
    let rates = read_rates(r, map.get("rates"), &path.key("rates"), currency);
    let billing = r.choice(map.get("billing"), &path.key("billing"), BILLINGS).unwrap_or_default();
    let start_date = read_date(r, map.get("start_date"), &path.key("start_date"), true);
    let end_path = path.key("end_date");
    let end_date = read_date(r, map.get("end_date"), &end_path, false);
    if let (Some(start), Some(end)) = (start_date, end_date) {
        if end <= start {
            r.error_with(&end_path, ErrorCode::InvalidDate, Detail::Expected(AFTER_START));
        }
    }
    let notice = required_integer(r, map.get("notice_period_days"), &path.key("notice_period_days"), 0, i64::from(MAX_NOTICE_PERIOD_DAYS));
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
fn read_rates(r: &mut Reader, value: Option<&Value>, path: &Path<'_>, currency: Option<Currency>) -> Option<BTreeMap<String, Decimal>> {
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

/// Reads an ISO 8601 calendar date written exactly `YYYY-MM-DD`; `required` when absent and
/// `required` is set, `invalid_date` when it is not a date.
pub(crate) fn read_date(r: &mut Reader, value: Option<&Value>, path: &Path<'_>, required: bool) -> Option<NaiveDate> {
    let text = if required { r.required_text(value, path, 16) } else { r.text(value, path, 16, false) };
    r.parse(text, path, ErrorCode::InvalidDate, parse_date)
}

/// A date written exactly `YYYY-MM-DD` (no sign, no week or ordinal forms, two-digit month
/// and day).
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let shape = text.len() == 10 && text.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The wire form of a date: `2026-12-01`.
pub(crate) fn format_date(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Who signs the contract for the mentor's side (DESIGN 4.3 `contracting_party`): the employer
/// (WS-2) or the mentor's business (WS-3..5), the country where it is registered and, when
/// known, its registration number (WS-1). A business's registration number is public (it is
/// printed on every invoice), so `Debug` shows it.
///
/// Wire form: `{"party": "mentor_business", "country": "FR", "registration_number":
/// "73282932000074"}`; the number is checked against the country's schemes when read and
/// written back in its normalized (compact) form.
///
/// ```
/// use mentor_core::contract::ContractingParty;
/// let party = ContractingParty::from_json(&serde_json::json!({
///     "party": "mentor_business", "country": "FR", "registration_number": "732 829 320 00074",
/// })).unwrap();
/// assert_eq!(party.to_json()["registration_number"], "73282932000074");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ContractingParty {
    /// The employer (WS-2) or the mentor's business.
    pub party: Party,
    /// Where it is registered.
    pub country: CountryCode,
    /// Its registration number, well-formed for one of `country`'s schemes (reading checks it
    /// against `country`; [`draft`] takes the one the eligibility decision checked).
    pub registration: Option<RegistrationNumber>,
}

/// The wire names of the parties, for a contracting and an invoicing party alike.
pub(crate) const PARTIES: &[(&str, Party)] = &[("mentor_business", Party::MentorBusiness), ("employer", Party::Employer)];

/// The wire name of `party`.
pub(crate) fn party_name(party: Party) -> &'static str {
    PARTIES.iter().find(|(_, p)| *p == party).map_or("", |(name, _)| name)
}

const PARTY_KEYS: [&str; 3] = ["party", "country", "registration_number"];

impl ContractingParty {
    /// Reads a contracting party from its wire form.
    ///
    /// # Errors
    /// Field errors: `required`, `invalid_enum` (`party`), `invalid_country`,
    /// `invalid_registration_number` (not well-formed for any scheme of the country),
    /// `unsupported_country` (a number for a country the library has no rules for),
    /// `unknown_field`.
    pub fn from_json(value: &Value) -> Result<ContractingParty, InputError> {
        let mut r = Reader::new();
        let party = read_party(&mut r, value, &Path::Root);
        r.finish(party)
    }

    /// The wire form, with the registration number in its normalized form (or null).
    #[must_use]
    pub fn to_json(&self) -> Value {
        json!({
            "party": party_name(self.party),
            "country": self.country.as_str(),
            "registration_number": self.registration.as_ref().map(RegistrationNumber::normalized),
        })
    }
}

fn read_party(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<ContractingParty> {
    let map = r.object(value, path, &PARTY_KEYS)?;
    let party_path = path.key("party");
    if present(map.get("party")).is_none() {
        r.error(&party_path, ErrorCode::Required);
    }
    let party = r.choice(map.get("party"), &party_path, PARTIES);
    let (country, registration) = read_registration(r, map, path, false);
    Some(ContractingParty { party: party?, country: country?, registration })
}

/// Reads a party's `country` (required) and `registration_number` (at most 64 characters,
/// required when `number_required`) under `path`, and checks the number against the country.
pub(crate) fn read_registration(
    r: &mut Reader,
    map: &Map<String, Value>,
    path: &Path<'_>,
    number_required: bool,
) -> (Option<CountryCode>, Option<RegistrationNumber>) {
    let country_path = path.key("country");
    let country = r.required_text(map.get("country"), &country_path, 8);
    let country = r.parse(country, &country_path, ErrorCode::InvalidCountry, CountryCode::parse);
    let number_path = path.key("registration_number");
    let number = if number_required {
        r.required_text(map.get("registration_number"), &number_path, 64)
    } else {
        r.text(map.get("registration_number"), &number_path, 64, false)
    };
    (country, read_number(r, number, country, &number_path))
}

/// Reads a registration number of `country`: `invalid_registration_number` or
/// `unsupported_country` at `path` when it cannot be shown well-formed.
pub(crate) fn read_number(r: &mut Reader, text: Option<&str>, country: Option<CountryCode>, path: &Path<'_>) -> Option<RegistrationNumber> {
    match registration::validate(country?, text?) {
        Ok(number) => Some(number),
        Err(RegistrationError::Invalid(e)) => {
            r.error_with(path, ErrorCode::InvalidRegistrationNumber, Detail::Registration(e.reason));
            None
        }
        Err(RegistrationError::UnsupportedCountry(_)) => {
            r.error(path, ErrorCode::UnsupportedCountry);
            None
        }
    }
}

/// What happened to a contract, with its data. Wire data keys are given per variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContractChange {
    /// The contract was written (CON-1), starting its log. Data: `contract_id`, `terms`,
    /// `contracting_party`, `signers` (optional: both roles without recipient ids),
    /// `supersedes` (optional).
    Drafted {
        /// The contract's id (at most [`MAX_ID_CHARS`] characters).
        contract_id: String,
        /// Its terms.
        terms: Terms,
        /// Who signs for the mentor's side (DESIGN 4.3).
        contracting_party: ContractingParty,
        /// The two signers in signing order: the contracting party's, then the company's.
        signers: [SignerSetup; 2],
        /// The contract this one replaces (an amendment: its terms' version is 2 or more).
        supersedes: Option<String>,
    },
    /// Sent through the signing service (CON-2). Data: `provider`, `request_id` (both optional).
    Sent {
        /// The e-signature provider.
        provider: Option<Provider>,
        /// The envelope or signature-request id at the provider.
        request_id: Option<String>,
    },
    /// A signer opened the contract (CON-3). Data: `signer`.
    Viewed {
        /// Who.
        signer: SignerRole,
    },
    /// A signer signed (CON-3). Data: `signer`.
    Signed {
        /// Who.
        signer: SignerRole,
    },
    /// The provider says the whole envelope is complete: every signer signed.
    Completed,
    /// A signer declined to sign. Data: `signer`.
    Declined {
        /// Who.
        signer: SignerRole,
    },
    /// The contract was withdrawn before it was signed.
    Voided,
    /// The provider's signing deadline passed.
    SigningExpired,
    /// A signer's role moved to another person at the provider. Data: `signer`,
    /// `recipient_id`.
    Reassigned {
        /// Which role.
        signer: SignerRole,
        /// The provider's recipient id of the new person.
        recipient_id: String,
    },
    /// The signed contract came into force.
    Activated,
    /// A new version supersedes the contract. Data: `superseded_by`.
    Amended {
        /// The id of the contract of the new version.
        superseded_by: String,
    },
    /// The contract was terminated. Data: `effective_on` (`YYYY-MM-DD`).
    Terminated {
        /// The day the termination takes effect.
        effective_on: NaiveDate,
    },
    /// The contract reached its end date.
    Expired,
}

impl ContractChange {
    /// The signer an event is about, for the events that name one.
    fn signer(&self) -> Option<SignerRole> {
        match self {
            ContractChange::Viewed { signer }
            | ContractChange::Signed { signer }
            | ContractChange::Declined { signer }
            | ContractChange::Reassigned { signer, .. } => Some(*signer),
            _ => None,
        }
    }
}

use ContractEventType as T;
use ContractState as S;

const TRANSITIONS: [Transition<S, T>; 31] = [
    Transition { from: None, event: T::Drafted, to: S::Draft, guard: Guard::Always },
    row(S::Draft, T::Sent, S::Sent),
    row(S::Sent, T::Viewed, S::Viewed),
    guarded(S::Sent, T::Signed, S::PartiallySigned, Guard::SignersPending),
    guarded(S::Sent, T::Signed, S::Signed, Guard::LastSigner),
    row(S::Sent, T::Completed, S::Signed),
    row(S::Sent, T::Declined, S::Declined),
    row(S::Sent, T::Voided, S::Voided),
    row(S::Sent, T::SigningExpired, S::SigningExpired),
    row(S::Sent, T::Reassigned, S::Sent),
    row(S::Viewed, T::Viewed, S::Viewed),
    guarded(S::Viewed, T::Signed, S::PartiallySigned, Guard::SignersPending),
    guarded(S::Viewed, T::Signed, S::Signed, Guard::LastSigner),
    row(S::Viewed, T::Completed, S::Signed),
    row(S::Viewed, T::Declined, S::Declined),
    row(S::Viewed, T::Voided, S::Voided),
    row(S::Viewed, T::SigningExpired, S::SigningExpired),
    row(S::Viewed, T::Reassigned, S::Viewed),
    row(S::PartiallySigned, T::Viewed, S::PartiallySigned),
    guarded(S::PartiallySigned, T::Signed, S::PartiallySigned, Guard::SignersPending),
    guarded(S::PartiallySigned, T::Signed, S::Signed, Guard::LastSigner),
    row(S::PartiallySigned, T::Completed, S::Signed),
    row(S::PartiallySigned, T::Declined, S::Declined),
    row(S::PartiallySigned, T::Voided, S::Voided),
    row(S::PartiallySigned, T::SigningExpired, S::SigningExpired),
    row(S::PartiallySigned, T::Reassigned, S::PartiallySigned),
    row(S::Signed, T::Completed, S::Signed),
    row(S::Signed, T::Activated, S::Active),
    row(S::Active, T::Amended, S::Amended),
    row(S::Active, T::Terminated, S::Terminated),
    row(S::Active, T::Expired, S::Expired),
];

/// What the `drafted` event set, which every later event keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Document {
    id: String,
    terms: Terms,
    contracting_party: ContractingParty,
    signers: [Signer; 2],
    supersedes: Option<String>,
}

/// A contract: the fold of its events (DESIGN 4.7). `Default` is the empty log: no state, no
/// terms, no signers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contract {
    state: Option<ContractState>,
    document: Option<Document>,
    provider: Option<Provider>,
    request_id: Option<String>,
    superseded_by: Option<String>,
    terminated_on: Option<NaiveDate>,
    last_at: Option<DateTime<Utc>>,
}

const BLANK_ID: Text = Text::new(
    "an id is 1 to 128 characters and not blank",
    "un identifiant compte de 1 à 128 caractères et n'est pas vide",
);
const SIGNERS_OUT_OF_ORDER: Text = Text::new(
    "the signers are the contracting party's signatory, then the company's countersignature",
    "les signataires sont celui de la partie contractante, puis le contreseing de l'entreprise",
);
const SUPERSEDES_ITSELF: Text = Text::new("a contract cannot supersede itself", "un contrat ne peut se remplacer lui-même");
const AMENDMENT_VERSION: Text = Text::new(
    "a contract that supersedes another has terms of version 2 or more",
    "un contrat qui en remplace un autre a des conditions de version 2 ou plus",
);
const NO_END_DATE: Text = Text::new(
    "the contract has no end date, so it cannot expire",
    "le contrat n'a pas de date de fin, il ne peut donc pas expirer",
);

fn is_id(id: &str) -> bool {
    !id.trim().is_empty() && id.chars().nth(MAX_ID_CHARS).is_none()
}

impl Contract {
    /// The contract's id.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        self.document.as_ref().map(|d| d.id.as_str())
    }

    /// The terms (CON-1).
    #[must_use]
    pub fn terms(&self) -> Option<&Terms> {
        self.document.as_ref().map(|d| &d.terms)
    }

    /// Who signs for the mentor's side (DESIGN 4.3).
    #[must_use]
    pub fn contracting_party(&self) -> Option<&ContractingParty> {
        self.document.as_ref().map(|d| &d.contracting_party)
    }

    /// The signers in signing order: the contracting party's, then the company's; empty
    /// before the contract is drafted.
    #[must_use]
    pub fn signers(&self) -> &[Signer] {
        self.document.as_ref().map_or(&[], |d| &d.signers)
    }

    /// The signer for `role`.
    #[must_use]
    pub fn signer(&self, role: SignerRole) -> Option<&Signer> {
        self.signers().iter().find(|s| s.role == role)
    }

    /// The signer whose provider recipient id is `recipient_id` (DESIGN 4.8: signers are
    /// matched by the provider's id, never by e-mail).
    ///
    /// ```
    /// use mentor_core::contract::Contract;
    /// assert!(Contract::default().signer_by_recipient("r-1").is_none());
    /// ```
    #[must_use]
    pub fn signer_by_recipient(&self, recipient_id: &str) -> Option<&Signer> {
        self.signers().iter().find(|s| s.recipient_id.as_deref() == Some(recipient_id))
    }

    /// Whether every signer signed (CON-3).
    #[must_use]
    pub fn is_fully_signed(&self) -> bool {
        !self.signers().is_empty() && self.signers().iter().all(|s| s.status.signed_at().is_some())
    }

    /// When the signer for `role` signed (UTC).
    #[must_use]
    pub fn signed_on(&self, role: SignerRole) -> Option<DateTime<Utc>> {
        self.signer(role).and_then(|s| s.status.signed_at())
    }

    /// The day the signer for `role` signed, on their own calendar in `zone`: a signature at
    /// 23:30 UTC by a signer in Asia/Kolkata is dated the next day there.
    ///
    /// ```
    /// # use mentor_core::contract::{Contract, ContractChange, ContractingParty, SignerRole, SignerSetup, Terms};
    /// # use mentor_core::eligibility::Party;
    /// # use mentor_core::lifecycle::{Actor, Aggregate, Event};
    /// # use mentor_core::CountryCode;
    /// # let terms = Terms::from_json(&serde_json::json!({"version": 1, "currency": "EUR",
    /// #     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
    /// # let party = ContractingParty { party: Party::Employer, country: CountryCode::parse("IN").unwrap(), registration: None };
    /// # let at = "2026-11-20T09:00:00Z".parse().unwrap();
    /// # let mut contract = Contract::default();
    /// # contract.apply(&Event { at, actor: Actor::System, change: ContractChange::Drafted {
    /// #     contract_id: "c-1".into(), terms, contracting_party: party,
    /// #     signers: SignerSetup::without_recipients(), supersedes: None } }).unwrap();
    /// # contract.apply(&Event { at, actor: Actor::System, change: ContractChange::Sent { provider: None, request_id: None } }).unwrap();
    /// let late = "2026-11-20T23:30:00Z".parse().unwrap();
    /// let signed = ContractChange::Signed { signer: SignerRole::ContractingParty };
    /// contract.apply(&Event { at: late, actor: Actor::Candidate, change: signed }).unwrap();
    /// let day = contract.signed_on_local(SignerRole::ContractingParty, chrono_tz::Asia::Kolkata).unwrap();
    /// assert_eq!(day.to_string(), "2026-11-21");
    /// ```
    #[must_use]
    pub fn signed_on_local(&self, role: SignerRole, zone: Tz) -> Option<NaiveDate> {
        self.signed_on(role).map(|at| at.with_timezone(&zone).date_naive())
    }

    /// The e-signature provider it was sent through (CON-2).
    #[must_use]
    pub fn provider(&self) -> Option<Provider> {
        self.provider
    }

    /// The envelope or signature-request id at the provider.
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The contract this one replaces.
    #[must_use]
    pub fn supersedes(&self) -> Option<&str> {
        self.document.as_ref().and_then(|d| d.supersedes.as_deref())
    }

    /// The contract that replaced this one.
    #[must_use]
    pub fn superseded_by(&self) -> Option<&str> {
        self.superseded_by.as_deref()
    }

    /// The day a termination takes effect.
    #[must_use]
    pub fn terminated_on(&self) -> Option<NaiveDate> {
        self.terminated_on
    }

    /// When the last event happened.
    #[must_use]
    pub fn last_event_at(&self) -> Option<DateTime<Utc>> {
        self.last_at
    }

    /// The application event that a contract event implies (DESIGN 4.7: sending the contract
    /// moves the application to `contract_sent`, the last signature to `contract_signed`),
    /// given the contract's state before that event and the contract after it. Call it after
    /// each accepted contract event and apply what it returns to the application.
    ///
    /// ```
    /// use mentor_core::contract::{Contract, ContractState};
    /// use mentor_core::recruitment::ApplicationChange;
    /// // Nothing happened to an empty contract, so nothing happens to the application.
    /// assert_eq!(Contract::default().application_change(None), None);
    /// ```
    #[must_use]
    pub fn application_change(&self, before: Option<ContractState>) -> Option<crate::recruitment::ApplicationChange> {
        use crate::recruitment::ApplicationChange;
        let contract_id = self.id()?.to_owned();
        match (before, self.state?) {
            (Some(ContractState::Draft), ContractState::Sent) => Some(ApplicationChange::ContractSent { contract_id }),
            (Some(b), ContractState::Signed) if b != ContractState::Signed => Some(ApplicationChange::ContractSigned { contract_id }),
            _ => None,
        }
    }

    /// Whether `guard` holds for a signature by `role`: the last signature when every other
    /// signer has signed, otherwise others are still to sign.
    fn guard_holds_for(&self, guard: Guard, role: SignerRole) -> bool {
        let mut others = self.signers().iter().filter(|s| s.role != role);
        match guard {
            Guard::Always => true,
            Guard::CameFrom => false,
            Guard::LastSigner => others.all(|s| s.status.signed_at().is_some()),
            Guard::SignersPending => others.any(|s| s.status.signed_at().is_none()),
        }
    }

    /// The state the table leads to for `event` about `role` (the guards of a signature
    /// depend on who signs).
    fn next_state_for(&self, event: T, role: Option<SignerRole>) -> Option<S> {
        let Some(role) = role else { return self.next_state(event) };
        TRANSITIONS
            .iter()
            .find(|t| t.from == self.state && t.event == event && self.guard_holds_for(t.guard, role))
            .map(|t| t.to)
    }

    /// What in the event's data contradicts the contract, if anything.
    fn contradiction(&self, change: &ContractChange) -> Option<Text> {
        match change {
            ContractChange::Drafted { contract_id, terms, signers, supersedes, .. } => {
                if !is_id(contract_id) || supersedes.as_deref().is_some_and(|s| !is_id(s)) {
                    Some(BLANK_ID)
                } else if signers.iter().map(|s| s.role).ne(SIGNING_ORDER) {
                    Some(SIGNERS_OUT_OF_ORDER)
                } else if signers.iter().any(|s| s.recipient_id.as_deref().is_some_and(|id| !is_id(id))) {
                    Some(BLANK_ID)
                } else if supersedes.as_deref() == Some(contract_id.as_str()) {
                    Some(SUPERSEDES_ITSELF)
                } else if supersedes.is_some() && terms.version < 2 {
                    Some(AMENDMENT_VERSION)
                } else {
                    None
                }
            }
            ContractChange::Reassigned { recipient_id: id, .. } | ContractChange::Amended { superseded_by: id } if !is_id(id) => Some(BLANK_ID),
            ContractChange::Amended { superseded_by } if self.id() == Some(superseded_by.as_str()) => Some(SUPERSEDES_ITSELF),
            ContractChange::Sent { request_id: Some(id), .. } if !is_id(id) => Some(BLANK_ID),
            ContractChange::Expired if self.terms().is_some_and(|t| t.end_date.is_none()) => Some(NO_END_DATE),
            _ => None,
        }
    }

    fn signer_mut(&mut self, role: SignerRole) -> Option<&mut Signer> {
        self.document.as_mut().and_then(|d| d.signers.iter_mut().find(|s| s.role == role))
    }
}

impl Aggregate for Contract {
    type State = ContractState;
    type Change = ContractChange;
    const NAME: &'static str = "contract";
    const TRANSITIONS: &'static [Transition<S, T>] = &TRANSITIONS;

    fn state(&self) -> Option<S> {
        self.state
    }

    /// Without the event, a signature guard holds when it holds for some signer who has still
    /// to sign (what `allowed_events` asks).
    fn guard_holds(&self, guard: Guard, _to: S) -> bool {
        self.signers().iter().filter(|s| !s.status.is_final()).any(|s| self.guard_holds_for(guard, s.role))
    }

    fn apply(&mut self, event: &Event<ContractChange>) -> Result<(), Refused> {
        let ty = event.change.event_type();
        let role = event.change.signer();
        // The first final outcome of a signer wins (DESIGN 4.8), whatever the contract's state.
        let moves_signer = matches!(ty, T::Signed | T::Declined | T::Reassigned);
        if moves_signer && role.and_then(|r| self.signer(r)).is_some_and(|s| s.status.is_final()) {
            return Err(self.refuse(ty, Refusal::SignerAlreadyFinal));
        }
        let Some(to) = self.next_state_for(ty, role) else {
            return Err(self.refuse(ty, Refusal::NotAllowed));
        };
        check_order(self.last_at, event.at).map_err(|reason| self.refuse(ty, reason))?;
        if let Some(problem) = self.contradiction(&event.change) {
            return Err(self.refuse(ty, Refusal::InvalidData(problem)));
        }
        // Nothing below can fail: the contract changes only once the event is accepted.
        let at = event.at;
        match &event.change {
            ContractChange::Drafted { contract_id, terms, contracting_party, signers, supersedes } => {
                self.document = Some(Document {
                    id: contract_id.clone(),
                    terms: terms.clone(),
                    contracting_party: *contracting_party,
                    signers: signers.each_ref().map(|s| Signer { role: s.role, recipient_id: s.recipient_id.clone(), status: SignerStatus::Pending }),
                    supersedes: supersedes.clone(),
                });
            }
            ContractChange::Sent { provider, request_id } => {
                self.provider = *provider;
                self.request_id.clone_from(request_id);
            }
            ContractChange::Viewed { signer } => {
                if let Some(s) = self.signer_mut(*signer).filter(|s| s.status == SignerStatus::Pending) {
                    s.status = SignerStatus::Viewed;
                }
            }
            ContractChange::Signed { signer } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.status = SignerStatus::Signed { at };
                }
            }
            ContractChange::Declined { signer } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.status = SignerStatus::Declined { at };
                }
            }
            ContractChange::Completed => {
                for s in self.document.iter_mut().flat_map(|d| d.signers.iter_mut()) {
                    if !s.status.is_final() {
                        s.status = SignerStatus::Signed { at };
                    }
                }
            }
            ContractChange::Reassigned { signer, recipient_id } => {
                if let Some(s) = self.signer_mut(*signer) {
                    s.recipient_id = Some(recipient_id.clone());
                }
            }
            ContractChange::Amended { superseded_by } => self.superseded_by = Some(superseded_by.clone()),
            ContractChange::Terminated { effective_on } => self.terminated_on = Some(*effective_on),
            ContractChange::Voided | ContractChange::SigningExpired | ContractChange::Activated | ContractChange::Expired => {}
        }
        self.state = Some(to);
        self.last_at = Some(at);
        Ok(())
    }

    /// `{"state", "contract_id", "terms", "contracting_party", "signers", "provider",
    /// "request_id", "supersedes", "superseded_by", "terminated_on", "last_event_at"}`.
    fn to_json(&self) -> Value {
        json!({
            "state": self.state.map(Vocabulary::name),
            "contract_id": self.id(),
            "terms": self.terms().map(Terms::to_json),
            "contracting_party": self.contracting_party().map(ContractingParty::to_json),
            "signers": self.signers().iter().map(Signer::to_json).collect::<Vec<_>>(),
            "provider": self.provider.map(Provider::name),
            "request_id": self.request_id,
            "supersedes": self.supersedes(),
            "superseded_by": self.superseded_by,
            "terminated_on": self.terminated_on.map(format_date),
            "last_event_at": self.last_at.map(format_instant),
        })
    }
}

impl Change for ContractChange {
    type Type = ContractEventType;

    fn event_type(&self) -> T {
        match self {
            ContractChange::Drafted { .. } => T::Drafted,
            ContractChange::Sent { .. } => T::Sent,
            ContractChange::Viewed { .. } => T::Viewed,
            ContractChange::Signed { .. } => T::Signed,
            ContractChange::Completed => T::Completed,
            ContractChange::Declined { .. } => T::Declined,
            ContractChange::Voided => T::Voided,
            ContractChange::SigningExpired => T::SigningExpired,
            ContractChange::Reassigned { .. } => T::Reassigned,
            ContractChange::Activated => T::Activated,
            ContractChange::Amended { .. } => T::Amended,
            ContractChange::Terminated { .. } => T::Terminated,
            ContractChange::Expired => T::Expired,
        }
    }

    fn keys(ty: T) -> &'static [&'static str] {
        match ty {
            T::Drafted => &["contract_id", "terms", "contracting_party", "signers", "supersedes"],
            T::Sent => &["provider", "request_id"],
            T::Viewed | T::Signed | T::Declined => &["signer"],
            T::Reassigned => &["signer", "recipient_id"],
            T::Amended => &["superseded_by"],
            T::Terminated => &["effective_on"],
            T::Completed | T::Voided | T::SigningExpired | T::Activated | T::Expired => &[],
        }
    }

    fn read(ty: T, map: &Map<String, Value>) -> Result<Self, Vec<FieldError>> {
        let mut r = Reader::new();
        let root = Path::Root;
        let id = |r: &mut Reader, key: &'static str| r.required_text(map.get(key), &root.key(key), MAX_ID_CHARS).map(str::to_owned);
        let signer = |r: &mut Reader| read_signer_role(r, map.get("signer"), &root.key("signer"));
        let change = match ty {
            T::Drafted => read_drafted(&mut r, map, &root),
            T::Sent => {
                let provider = r.choice(map.get("provider"), &root.key("provider"), Provider::ALL);
                let request_id = r.text(map.get("request_id"), &root.key("request_id"), MAX_ID_CHARS, false).map(str::to_owned);
                Some(ContractChange::Sent { provider, request_id })
            }
            T::Viewed => signer(&mut r).map(|signer| ContractChange::Viewed { signer }),
            T::Signed => signer(&mut r).map(|signer| ContractChange::Signed { signer }),
            T::Completed => Some(ContractChange::Completed),
            T::Declined => signer(&mut r).map(|signer| ContractChange::Declined { signer }),
            T::Voided => Some(ContractChange::Voided),
            T::SigningExpired => Some(ContractChange::SigningExpired),
            T::Reassigned => {
                let role = signer(&mut r);
                let recipient_id = id(&mut r, "recipient_id");
                role.zip(recipient_id).map(|(signer, recipient_id)| ContractChange::Reassigned { signer, recipient_id })
            }
            T::Activated => Some(ContractChange::Activated),
            T::Amended => id(&mut r, "superseded_by").map(|superseded_by| ContractChange::Amended { superseded_by }),
            T::Terminated => {
                read_date(&mut r, map.get("effective_on"), &root.key("effective_on"), true).map(|effective_on| ContractChange::Terminated { effective_on })
            }
            T::Expired => Some(ContractChange::Expired),
        };
        r.finish(change).map_err(|e| e.errors)
    }

    fn write(&self, map: &mut Map<String, Value>) {
        let mut put = |key: &str, value: Value| {
            map.insert(key.to_owned(), value);
        };
        match self {
            ContractChange::Drafted { contract_id, terms, contracting_party, signers, supersedes } => {
                put("contract_id", Value::from(contract_id.as_str()));
                put("terms", terms.to_json());
                put("contracting_party", contracting_party.to_json());
                let signers: Vec<Value> = signers.iter().map(|s| json!({"role": s.role.name(), "recipient_id": s.recipient_id})).collect();
                put("signers", Value::Array(signers));
                put("supersedes", json!(supersedes));
            }
            ContractChange::Sent { provider, request_id } => {
                put("provider", json!(provider.map(Provider::name)));
                put("request_id", json!(request_id));
            }
            ContractChange::Viewed { signer } | ContractChange::Signed { signer } | ContractChange::Declined { signer } => {
                put("signer", Value::from(signer.name()));
            }
            ContractChange::Reassigned { signer, recipient_id } => {
                put("signer", Value::from(signer.name()));
                put("recipient_id", Value::from(recipient_id.as_str()));
            }
            ContractChange::Amended { superseded_by } => put("superseded_by", Value::from(superseded_by.as_str())),
            ContractChange::Terminated { effective_on } => put("effective_on", Value::from(format_date(*effective_on))),
            ContractChange::Completed | ContractChange::Voided | ContractChange::SigningExpired | ContractChange::Activated | ContractChange::Expired => {}
        }
    }
}

/// Reads a required signer role.
fn read_signer_role(r: &mut Reader, value: Option<&Value>, path: &Path<'_>) -> Option<SignerRole> {
    if present(value).is_none() {
        r.error(path, ErrorCode::Required);
        return None;
    }
    r.choice(value, path, SignerRole::ALL)
}

fn read_drafted(r: &mut Reader, map: &Map<String, Value>, root: &Path<'_>) -> Option<ContractChange> {
    let contract_id = r.required_text(map.get("contract_id"), &root.key("contract_id"), MAX_ID_CHARS).map(str::to_owned);
    let terms_path = root.key("terms");
    let terms = match present(map.get("terms")) {
        Some(v) => read_terms(r, v, &terms_path),
        None => {
            r.error(&terms_path, ErrorCode::Required);
            None
        }
    };
    let party_path = root.key("contracting_party");
    let contracting_party = match present(map.get("contracting_party")) {
        Some(v) => read_party(r, v, &party_path),
        None => {
            r.error(&party_path, ErrorCode::Required);
            None
        }
    };
    let signers = read_signers(r, map.get("signers"), &root.key("signers"));
    let supersedes = r.text(map.get("supersedes"), &root.key("supersedes"), MAX_ID_CHARS, false).map(str::to_owned);
    Some(ContractChange::Drafted { contract_id: contract_id?, terms: terms?, contracting_party: contracting_party?, signers: signers?, supersedes })
}

/// Reads `[{"role": "contracting_party", "recipient_id"}, {"role": "company", "recipient_id"}]`:
/// both signers in signing order (absent: both without recipient ids).
fn read_signers(r: &mut Reader, value: Option<&Value>, path: &Path<'_>) -> Option<[SignerSetup; 2]> {
    if present(value).is_none() {
        return Some(SignerSetup::without_recipients());
    }
    let items = r.array(value, path)?;
    let [first, second] = items else {
        r.error_with(path, ErrorCode::InvalidType, Detail::Expected(TWO_SIGNERS));
        return None;
    };
    let first = read_signer_setup(r, first, &path.index(0), SignerRole::ContractingParty);
    let second = read_signer_setup(r, second, &path.index(1), SignerRole::Company);
    Some([first?, second?])
}

fn read_signer_setup(r: &mut Reader, value: &Value, path: &Path<'_>, expected: SignerRole) -> Option<SignerSetup> {
    let map = r.object(value, path, &["role", "recipient_id"])?;
    let role_path = path.key("role");
    let role = read_signer_role(r, map.get("role"), &role_path);
    if role.is_some_and(|role| role != expected) {
        // The envelope's order is fixed: say which role belongs at this place.
        r.error_with(&role_path, ErrorCode::InvalidEnum, Detail::Allowed(vec![expected.name()]));
    }
    let recipient_id = r.text(map.get("recipient_id"), &path.key("recipient_id"), MAX_ID_CHARS, false).map(str::to_owned);
    Some(SignerSetup { role: role.filter(|role| *role == expected)?, recipient_id })
}

/// Why a contract could not be drafted or amended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
#[non_exhaustive]
pub enum DraftError {
    /// The eligibility decision is not `eligible` (DESIGN 4.3): its required actions come
    /// first.
    NotEligible(Outcome),
    /// The decision names no contracting party yet (a route is still to choose).
    NoContractingParty,
    /// The contract id is blank, longer than [`MAX_ID_CHARS`] characters, or the id of the
    /// contract being amended.
    InvalidContractId,
    /// Only an active contract can be amended; this is its state.
    NotActive(Option<ContractState>),
    /// The terms of an amendment must have the version after the contract's.
    VersionNotNext {
        /// The version the new terms must have.
        expected: u32,
        /// The version they have.
        found: u32,
    },
}

impl DraftError {
    /// The stable code: `not_eligible`, `no_contracting_party`, `invalid_contract_id`,
    /// `contract_not_active` or `version_not_next`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            DraftError::NotEligible(_) => "not_eligible",
            DraftError::NoContractingParty => "no_contracting_party",
            DraftError::InvalidContractId => "invalid_contract_id",
            DraftError::NotActive(_) => "contract_not_active",
            DraftError::VersionNotNext { .. } => "version_not_next",
        }
    }

    /// The message in `lang`.
    ///
    /// ```
    /// use mentor_core::contract::DraftError;
    /// use mentor_core::eligibility::Outcome;
    /// use mentor_core::Lang;
    /// let e = DraftError::NotEligible(Outcome::ActionRequired);
    /// assert_eq!(e.message(Lang::En), "the eligibility decision is `action_required`, not `eligible`: its required actions come first");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DraftError::NotEligible(outcome), Lang::En) => {
                format!("the eligibility decision is `{}`, not `eligible`: its required actions come first", outcome_name(*outcome))
            }
            (DraftError::NotEligible(outcome), Lang::Fr) => {
                format!("la décision d'éligibilité est `{}` et non `eligible` : ses actions requises passent d'abord", outcome_name(*outcome))
            }
            (DraftError::NoContractingParty, Lang::En) => "the eligibility decision names no contracting party yet".to_owned(),
            (DraftError::NoContractingParty, Lang::Fr) => "la décision d'éligibilité ne désigne pas encore de partie contractante".to_owned(),
            (DraftError::InvalidContractId, Lang::En) => {
                format!("a contract id is 1 to {MAX_ID_CHARS} characters, not blank, and not the id of the contract it amends")
            }
            (DraftError::InvalidContractId, Lang::Fr) => {
                format!("un identifiant de contrat compte de 1 à {MAX_ID_CHARS} caractères, n'est pas vide et diffère de celui du contrat modifié")
            }
            (DraftError::NotActive(state), Lang::En) => {
                format!("only an active contract can be amended; this one is `{}`", state.map_or("(no event yet)", Vocabulary::name))
            }
            (DraftError::NotActive(state), Lang::Fr) => {
                format!("seul un contrat actif peut être modifié ; celui-ci est `{}`", state.map_or("(aucun événement)", Vocabulary::name))
            }
            (DraftError::VersionNotNext { expected, found }, Lang::En) => {
                format!("the terms of the amendment must have version {expected}, not {found}")
            }
            (DraftError::VersionNotNext { expected, found }, Lang::Fr) => {
                format!("les conditions de l'avenant doivent avoir la version {expected}, et non {found}")
            }
        }
    }
}

const fn outcome_name(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Eligible => "eligible",
        Outcome::NeedsReview => "needs_review",
        Outcome::ActionRequired => "action_required",
        Outcome::Ineligible => "ineligible",
    }
}

/// A valid contract id, trimmed.
fn contract_id(id: &str) -> Result<String, DraftError> {
    if is_id(id) { Ok(id.trim().to_owned()) } else { Err(DraftError::InvalidContractId) }
}

/// The `drafted` event of a selected candidate's contract, from their eligibility decision
/// (DESIGN 4.7; CON-1, CON-2): selecting an application drafts its contract. The contracting
/// party is the decision's (the employer under WS-2, the mentor's business under WS-3..5), in
/// the decision's country, with the registration number the decision found well-formed. Both
/// signers are set up without recipient ids (the provider assigns them when the contract is
/// sent). The actor is `system`.
///
/// ```
/// use mentor_core::contract::{draft, Contract, ContractChange, Terms};
/// use mentor_core::eligibility::{evaluate, Party, WorkingSituation};
/// use mentor_core::lifecycle::Aggregate;
/// use mentor_core::policy::Policy;
/// let situation = WorkingSituation::from_json(&serde_json::json!({
///     "country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"},
/// })).unwrap();
/// let decision = evaluate(&situation, &Policy::default());
/// let terms = Terms::from_json(&serde_json::json!({"version": 1, "currency": "EUR",
///     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
/// let event = draft("c-1", &decision, terms, "2026-11-20T09:00:00Z".parse().unwrap()).unwrap();
/// let contract = Contract::replay(&[event]).unwrap();
/// assert_eq!(contract.contracting_party().unwrap().party, Party::MentorBusiness);
/// ```
///
/// # Errors
/// [`DraftError::NotEligible`] when the decision is not `eligible`,
/// [`DraftError::NoContractingParty`] when it names no contracting party,
/// [`DraftError::InvalidContractId`] for a blank id or one longer than [`MAX_ID_CHARS`].
pub fn draft(contract_id: &str, decision: &Decision, terms: Terms, at: DateTime<Utc>) -> Result<Event<ContractChange>, DraftError> {
    let id = self::contract_id(contract_id)?;
    if decision.outcome != Outcome::Eligible {
        return Err(DraftError::NotEligible(decision.outcome));
    }
    let party = decision.contracting_party.ok_or(DraftError::NoContractingParty)?;
    let registration = match decision.registration {
        Some(RegistrationCheck::WellFormed(number)) => Some(number),
        Some(RegistrationCheck::NotWellFormed(_)) | None => None,
    };
    let contracting_party = ContractingParty { party, country: decision.country(), registration };
    let change = ContractChange::Drafted { contract_id: id, terms, contracting_party, signers: SignerSetup::without_recipients(), supersedes: None };
    Ok(Event { at, actor: Actor::System, change })
}

/// The two events of an amendment (DESIGN 4.7 `amended`): `amended` for the `previous`
/// contract, and `drafted` for the new one, which supersedes it with the same contracting
/// party, both signers without recipient ids (a new envelope), and `terms` whose version must
/// be the previous version plus one. Both events are dated `at`, actor `system`.
///
/// ```
/// # use mentor_core::contract::{amend, draft, Contract, ContractChange, Terms};
/// # use mentor_core::eligibility::{evaluate, WorkingSituation};
/// # use mentor_core::lifecycle::{Actor, Aggregate, Event};
/// # use mentor_core::policy::Policy;
/// # let situation = WorkingSituation::from_json(&serde_json::json!({
/// #     "country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"},
/// # })).unwrap();
/// # let decision = evaluate(&situation, &Policy::default());
/// let terms = |version: u32| Terms::from_json(&serde_json::json!({"version": version, "currency": "EUR",
///     "rates": {"mentoring": "35.00"}, "start_date": "2026-12-01", "notice_period_days": 30})).unwrap();
/// let at = "2026-11-20T09:00:00Z".parse().unwrap();
/// let mut old = Contract::replay(&[draft("c-1", &decision, terms(1), at).unwrap()]).unwrap();
/// for change in [ContractChange::Sent { provider: None, request_id: None }, ContractChange::Completed, ContractChange::Activated] {
///     old.apply(&Event { at, actor: Actor::System, change }).unwrap();
/// }
/// let (amended, drafted) = amend(&old, "c-2", terms(2), at).unwrap();
/// old.apply(&amended).unwrap();
/// let new = Contract::replay(&[drafted]).unwrap();
/// assert_eq!((old.superseded_by(), new.supersedes()), (Some("c-2"), Some("c-1")));
/// assert_eq!(amend(&new, "c-3", terms(3), at).unwrap_err().code(), "contract_not_active");
/// ```
///
/// # Errors
/// [`DraftError::NotActive`] unless `previous` is `active`; [`DraftError::InvalidContractId`]
/// for a blank or too long id, or the previous contract's own id;
/// [`DraftError::VersionNotNext`] when `terms` do not have the previous version plus one.
pub fn amend(
    previous: &Contract,
    new_contract_id: &str,
    terms: Terms,
    at: DateTime<Utc>,
) -> Result<(Event<ContractChange>, Event<ContractChange>), DraftError> {
    let (Some(ContractState::Active), Some(document)) = (previous.state, previous.document.as_ref()) else {
        return Err(DraftError::NotActive(previous.state));
    };
    let id = contract_id(new_contract_id)?;
    if id == document.id {
        return Err(DraftError::InvalidContractId);
    }
    let expected = document.terms.version.checked_add(1);
    if expected != Some(terms.version) {
        return Err(DraftError::VersionNotNext { expected: expected.unwrap_or(u32::MAX), found: terms.version });
    }
    let amended = Event { at, actor: Actor::System, change: ContractChange::Amended { superseded_by: id.clone() } };
    let drafted = Event {
        at,
        actor: Actor::System,
        change: ContractChange::Drafted {
            contract_id: id,
            terms,
            contracting_party: document.contracting_party,
            signers: SignerSetup::without_recipients(),
            supersedes: Some(document.id.clone()),
        },
    };
    Ok((amended, drafted))
}

/// The Mermaid `stateDiagram-v2` of the contract lifecycle, from [`Contract`]'s transition
/// table.
///
/// ```
/// let diagram = mentor_core::contract::diagram();
/// assert!(diagram.contains("    sent --> partially_signed: signed (others still to sign)\n"));
/// assert!(diagram.contains("    declined --> [*]\n"));
/// ```
#[must_use]
pub fn diagram() -> String {
    crate::lifecycle::mermaid::<Contract>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_exactly_yyyy_mm_dd() {
        assert_eq!(parse_date("2026-12-01").map(format_date).as_deref(), Some("2026-12-01"));
        for bad in ["2026-2-01", "2026-02-30", "+2026-12-01", "2026-12-01T00:00:00Z", "20261201", "2026-W01-1", "2026-12-0a"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_state_is_reached_by_the_table() {
        for (name, state) in S::ALL {
            assert!(TRANSITIONS.iter().any(|t| t.to == *state), "{name}");
        }
        for (name, ty) in T::ALL {
            assert!(TRANSITIONS.iter().any(|t| t.event == *ty), "{name}");
        }
    }
}
