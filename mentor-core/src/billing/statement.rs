//! The monthly billing statement (`docs/billing.md`; CON-1, BIL-1): the sessions of a billing
//! period priced with the contract's terms, and the invoice the company should receive.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use chrono_tz::Tz;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::contract::{MAX_ID_CHARS, format_date, read_date};
use crate::error::{Detail, ErrorCode, FieldError, InputError};
use crate::i18n::{Lang, Localized, Text};
use crate::lifecycle::{Vocabulary, format_instant, read_instant};
use crate::money::{self, Currency, Share, read_amount, read_currency};
use crate::policy::BillingPolicy;
use crate::read::{Path, Reader, present};
use crate::zone::TimeZone;

use super::contract::BillingContract;
use super::party::{Customer, InvoicingParty, read_customer, read_invoicing_party};
use super::period::{BillingPeriod, LocalDates};
use super::session::{
    MAX_DURATION_MINUTES, MAX_SESSION_ID_CHARS, MAX_SESSION_TYPE_CHARS, Session, SessionStatus, StudentRef,
    required_choice, required_integer,
};
use super::vat::VatTreatment;

/// One session on a statement: the session, the terms version and rate that priced it, the
/// share of the rate paid for its status, and the amount.
///
/// `amount` is `rate × share` rounded to the currency's minor unit, half away from zero
/// (`docs/billing.md`). `date` is the session's local date in the billing time zone: the day whose
/// terms priced it. A line borrows its session from the caller's sessions (no copy of its
/// texts: a statement of 10,000 sessions allocates only its own vectors); one read back from
/// JSON owns it. `Debug` does not show the student reference ([`StudentRef`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line<'s> {
    /// The session.
    pub session: Cow<'s, Session>,
    /// Its local date in the billing time zone.
    pub date: NaiveDate,
    /// The version of the terms in force on `date`.
    pub terms_version: u32,
    /// That version's rate for the session's type.
    pub rate: Decimal,
    /// The share of the rate paid: 1 completed, the policy's for a no-show or a late
    /// cancellation (POL-1), 0 cancelled.
    pub share: Decimal,
    /// `rate × share`, rounded.
    pub amount: Decimal,
}

impl Line<'_> {
    /// The same line, owning its session.
    #[must_use]
    pub fn into_owned(self) -> Line<'static> {
        Line {
            session: Cow::Owned(self.session.into_owned()),
            ..self
        }
    }

    /// The order of a statement's lines: by start time, then session id.
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        by_start(&self.session, &other.session)
    }
}

/// Sessions by start time, then session id.
fn by_start(a: &Session, b: &Session) -> std::cmp::Ordering {
    a.started_at()
        .cmp(&b.started_at())
        .then_with(|| a.session_id().cmp(b.session_id()))
}

/// The sessions of one type on a statement and their amount (the sum of their rounded
/// lines).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subtotal {
    /// The session type.
    pub session_type: String,
    /// How many sessions (cancelled ones included, at 0).
    pub sessions: usize,
    /// The sum of their amounts.
    pub amount: Decimal,
}

/// A monthly billing statement (`docs/billing.md`): what the invoicing party bills the company for
/// one billing period, and the invoice it should send. Built by [`statement`], or read back
/// from its wire form by [`Statement::from_json`] (which checks every figure).
///
/// Wire form ([`Statement::to_json`]):
/// ```json
/// {"contract_id": "c-2026-0042", "period": "2026-01", "time_zone": "Europe/Paris",
///  "currency": "EUR",
///  "invoicing_party": {"party", "country", "registration_number", "vat", "vat_number"},
///  "customer": {"name", "country": "FR"},
///  "vat": {"treatment": "franchise", "rate": "0", "mention": "TVA non applicable, art. 293 B du CGI",
///          "explanation": "…", "source": "CGI art. 293 B; …"},
///  "lines": [{"session_id", "started_at", "date", "session_type", "status", "duration_minutes",
///             "student_ref", "terms_version", "rate", "share", "amount"}],
///  "subtotals": [{"session_type", "sessions", "amount"}],
///  "total_excluding_vat": "70.00", "vat_amount": "0.00", "total": "70.00"}
/// ```
/// Lines are in order of `started_at`, then `session_id`; subtotals in order of session type.
/// A statement borrows the sessions it prices ([`Line`]); [`Statement::into_owned`] keeps it
/// longer than them.
///
/// ```
/// use mentor_core::billing::{statement, BillingContract, BillingPeriod, Session, VatTreatment};
/// use mentor_core::policy::BillingPolicy;
/// let contract = BillingContract::from_json(&serde_json::json!({
///     "contract_id": "c-1",
///     "invoicing_party": {"party": "mentor_business", "country": "FR",
///                         "registration_number": "732 829 320 00074", "vat": "registered"},
///     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
///                   "start_date": "2026-01-01", "notice_period_days": 30}],
/// })).unwrap();
/// let sessions = [Session::from_json(&serde_json::json!({
///     "session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
///     "session_type": "mentoring", "student_ref": "stu-1", "status": "completed",
/// })).unwrap()];
/// let st = statement(&contract, &sessions, BillingPeriod::parse("2026-01").unwrap(), &BillingPolicy::default()).unwrap();
/// assert_eq!(st.vat(), VatTreatment::FrenchVat);
/// assert_eq!((st.total_excluding_vat().to_string(), st.vat_amount().to_string(), st.total().to_string()),
///            ("35.00".to_owned(), "7.00".to_owned(), "42.00".to_owned()));
/// let kept = st.into_owned(); // no longer borrows `sessions`
/// assert_eq!(kept.lines()[0].session.session_id(), "s-1");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement<'s> {
    contract_id: String,
    period: BillingPeriod,
    time_zone: Tz,
    currency: Currency,
    invoicing_party: InvoicingParty,
    customer: Customer,
    vat: VatTreatment,
    lines: Vec<Line<'s>>,
    subtotals: Vec<Subtotal>,
    total_excluding_vat: Decimal,
    vat_amount: Decimal,
    total: Decimal,
}

/// A session of the input that cannot be billed: its 0-based index in the sessions given to
/// [`statement`], and why (paths relative to the session: `session_type`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionError {
    /// The session's 0-based index in the input.
    pub index: usize,
    /// What is wrong with it.
    pub errors: Vec<FieldError>,
}

/// Why no statement could be made. Nothing is dropped: a statement with one session that
/// cannot be billed would be a wrong amount of money, so there is no statement at all.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
#[non_exhaustive]
pub enum StatementError {
    /// Every session that cannot be billed, in input order.
    Sessions(Vec<SessionError>),
    /// An amount is too large: it does not fit a decimal (over 7.9 × 10^28), or has more than
    /// the 24 digits before its point that an amount of the wire format may have
    /// (`docs/billing.md`), so that the statement's wire form could not be read back.
    Overflow,
}

impl StatementError {
    /// The stable code: `invalid_sessions` or `amount_overflow`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            StatementError::Sessions(_) => "invalid_sessions",
            StatementError::Overflow => "amount_overflow",
        }
    }

    /// The message of [`StatementError::Overflow`], which has no details: one text for
    /// [`StatementError::message`] and the catalogue.
    pub(crate) const OVERFLOW_MESSAGE: Text = Text::new(
        "an amount is too large to compute",
        "un montant est trop grand pour être calculé",
    );

    /// The message in `lang` (the field errors carry their own).
    ///
    /// ```
    /// use mentor_core::billing::StatementError;
    /// use mentor_core::Lang;
    /// assert_eq!(StatementError::Sessions(vec![]).message(Lang::Fr),
    ///     "0 séance(s) ne peuvent pas être facturées : aucun relevé n'est établi");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StatementError::Sessions(s), Lang::En) => {
                format!("{} session(s) cannot be billed: no statement is made", s.len())
            }
            (StatementError::Sessions(s), Lang::Fr) => format!(
                "{} séance(s) ne peuvent pas être facturées : aucun relevé n'est établi",
                s.len()
            ),
            (StatementError::Overflow, _) => Self::OVERFLOW_MESSAGE.get(lang).to_owned(),
        }
    }
}

/// The share of the rate paid for `status` (POL-1 for the two the policy sets).
fn share_of(status: SessionStatus, no_show: Pay, cancelled_late: Pay) -> Pay {
    match status {
        SessionStatus::Completed => Pay::WHOLE,
        SessionStatus::StudentNoShow => no_show,
        SessionStatus::CancelledLate => cancelled_late,
        SessionStatus::Cancelled => Pay::NOTHING,
    }
}

/// A share of the rate with what it asks of the amount, decided once per statement rather
/// than by comparing decimals for every session.
#[derive(Clone, Copy)]
struct Pay {
    share: Decimal,
    whole: bool,
    nothing: bool,
}

impl Pay {
    const WHOLE: Pay = Pay {
        share: Decimal::ONE,
        whole: true,
        nothing: false,
    };
    const NOTHING: Pay = Pay {
        share: Decimal::ZERO,
        whole: false,
        nothing: true,
    };

    fn new(share: Decimal) -> Pay {
        Pay {
            share,
            whole: share == Decimal::ONE,
            nothing: share.is_zero(),
        }
    }

    /// The amount paid for a session at `rate`; `None` on overflow.
    fn of(self, rate: Decimal, currency: Currency) -> Option<Decimal> {
        // A rate is exact in the currency's minor unit (`Terms` checks it): paid in full or
        // not at all, it needs no multiplication nor rounding.
        if self.whole {
            Some(rate)
        } else if self.nothing {
            Some(Decimal::ZERO)
        } else {
            rate.checked_mul(self.share).map(|amount| currency.round(amount))
        }
    }
}

/// The billing statement of `contract` for `period` (`docs/billing.md`; implements CON-1 and
/// BIL-1, with POL-1 for how no-shows and late cancellations are paid).
///
/// - The sessions of the period are those that start in that calendar month in the policy's
///   billing time zone (`Europe/Paris` by default); the others are left for their own month.
/// - Each is priced with the rate, for its session type, of the contract version in force on
///   its local date there ([`BillingContract::terms_on`]: an amendment applies from its
///   `start_date`), times the share its status is paid: completed 1, `student_no_show` and
///   `cancelled_late` the policy's shares (default 1 and 0.5), cancelled 0. Each line is
///   rounded to the currency's minor unit, half away from zero; totals are sums of rounded
///   lines; VAT is the treatment's rate times the total, rounded
///   ([`VatTreatment::vat_on`]).
/// - A month without sessions gives an empty statement (totals 0), not an error.
/// - The result does not depend on the order of `sessions`.
///
/// ```
/// use mentor_core::billing::{statement, BillingContract, BillingPeriod, Session};
/// use mentor_core::policy::BillingPolicy;
/// let contract = BillingContract::from_json(&serde_json::json!({
///     "contract_id": "c-1",
///     "invoicing_party": {"party": "mentor_business", "country": "FR",
///                         "registration_number": "732 829 320 00074", "vat": "franchise"},
///     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.55"},
///                   "start_date": "2026-01-01", "notice_period_days": 30}],
/// })).unwrap();
/// let session = |id: &str, status: &str| Session::from_json(&serde_json::json!({
///     "session_id": id, "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
///     "session_type": "mentoring", "student_ref": "stu-1", "status": status,
/// })).unwrap();
/// let sessions = [session("s-1", "completed"), session("s-2", "cancelled_late")];
/// let jan = BillingPeriod::parse("2026-01").unwrap();
/// let st = statement(&contract, &sessions, jan, &BillingPolicy::default()).unwrap();
/// assert_eq!(st.lines()[1].amount.to_string(), "17.78"); // 35.55 × 0.5 = 17.775
/// use mentor_core::Localized;
/// assert_eq!(st.to_json(mentor_core::Lang::En)["total"], "53.33");
/// ```
///
/// # Errors
/// - [`StatementError::Sessions`] listing every session that cannot be billed: in any month,
///   `duplicate_session` (a session id seen before, `first seen` at its 1-based position);
///   in the period, `unknown_session_type` (no rate for its type in the version in force)
///   and `no_terms_in_force` (a date before the first version, or after the version in
///   force ended).
/// - [`StatementError::Overflow`] if an amount does not fit a decimal, or reaches 10^24 (more
///   digits than the wire format's amounts have).
pub fn statement<'s>(
    contract: &BillingContract,
    sessions: &'s [Session],
    period: BillingPeriod,
    policy: &BillingPolicy,
) -> Result<Statement<'s>, StatementError> {
    let zone = policy.time_zone.tz();
    let mut problems: Vec<SessionError> = Vec::new();
    let mut report = |index: usize, error: FieldError| match problems.last_mut() {
        Some(last) if last.index == index => last.errors.push(error),
        _ => problems.push(SessionError {
            index,
            errors: vec![error],
        }),
    };
    let mut first_seen: HashMap<&str, usize, BuildHasherDefault<IdHasher>> =
        HashMap::with_capacity_and_hasher(sessions.len(), BuildHasherDefault::default());
    // What prices each session of the period; the lines are built in order once these are.
    // Sized for every session in the period, the usual case: growing them copied both lists
    // several times.
    let mut priced: Vec<(&Session, NaiveDate, u32, Decimal)> = Vec::with_capacity(sessions.len());
    let mut keys: Vec<u128> = Vec::with_capacity(sessions.len());
    let mut local = LocalDates::new(zone, period);
    for (index, session) in sessions.iter().enumerate() {
        match first_seen.entry(session.session_id()) {
            Entry::Occupied(first) => {
                report(
                    index,
                    FieldError::with(
                        "session_id",
                        ErrorCode::DuplicateSession,
                        Detail::FirstSeenAt(first.get() + 1),
                    ),
                );
            }
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
        let Some(date) = local.in_period(session.started_at()) else {
            continue;
        };
        let Some(terms) = contract.terms_on(date) else {
            report(index, FieldError::new("started_at", ErrorCode::NoTermsInForce));
            continue;
        };
        let Some(rate) = terms.rate(session.session_type()) else {
            report(
                index,
                FieldError::new("session_type", ErrorCode::UnknownSessionType),
            );
            continue;
        };
        keys.push(order_key(session, priced.len()));
        priced.push((session, date, terms.version(), rate));
    }
    if !problems.is_empty() {
        return Err(StatementError::Sessions(problems));
    }
    let currency = contract.currency();
    let mut lines = Vec::with_capacity(priced.len());
    let no_show = Pay::new(policy.student_no_show.get());
    let cancelled_late = Pay::new(policy.cancelled_late.get());
    for &(session, date, terms_version, rate) in in_order(keys, &priced).filter_map(|i| priced.get(i)) {
        let pay = share_of(session.status(), no_show, cancelled_late);
        let amount = pay.of(rate, currency).ok_or(StatementError::Overflow)?;
        lines.push(Line {
            session: Cow::Borrowed(session),
            date,
            terms_version,
            rate,
            share: pay.share,
            amount,
        });
    }
    let header = Header {
        contract_id: contract.contract_id().to_owned(),
        period,
        time_zone: zone,
        currency: contract.currency(),
        invoicing_party: *contract.invoicing_party(),
        customer: contract.customer().clone(),
    };
    assemble(header, lines).ok_or(StatementError::Overflow)
}

/// The sort key of the line of `session`, the `index`-th priced: its start second, its
/// nanosecond and the index, in one integer. Sorting these and fixing the rare ties on the
/// session id afterwards ([`in_order`]) is several times faster than comparing sessions. (An
/// index takes 32 bits: 4 billion sessions would take hundreds of gigabytes first.)
fn order_key(session: &Session, index: usize) -> u128 {
    let at = session.started_at();
    // RFC 3339 years 0 to 9999 are within ±2^38 seconds of 1970: shifted by 2^40, non-negative.
    let second = u128::from(u64::try_from(at.timestamp().saturating_add(1 << 40)).unwrap_or(0));
    (second << 64)
        | (u128::from(at.timestamp_subsec_nanos()) << 32)
        | u128::from(u32::try_from(index).unwrap_or(u32::MAX))
}

/// The indices of `priced` in the order of the lines: by start time, then session id.
fn in_order(
    mut keys: Vec<u128>,
    priced: &[(&Session, NaiveDate, u32, Decimal)],
) -> impl Iterator<Item = usize> {
    keys.sort_unstable();
    let index = |k: u128| usize::try_from(k & u128::from(u32::MAX)).unwrap_or(usize::MAX);
    let id = |k: &u128| priced.get(index(*k)).map(|(s, ..)| s.session_id());
    for run in keys.chunk_by_mut(|a, b| a >> 32 == b >> 32) {
        if run.len() > 1 {
            run.sort_unstable_by(|a, b| id(a).cmp(&id(b)));
        }
    }
    keys.into_iter().map(index)
}

/// What a statement says besides its lines.
struct Header {
    contract_id: String,
    period: BillingPeriod,
    time_zone: Tz,
    currency: Currency,
    invoicing_party: InvoicingParty,
    customer: Customer,
}

/// The statement of `lines` (each already rounded, in order of start time then session id):
/// subtotals, totals, VAT. `None` if a sum does not fit a decimal, or an amount written on
/// the statement could not be read back from its wire form (10^24 or more:
/// [`money::fits_wire`]; every amount is at most the total, but for a rate paid nothing).
fn assemble(header: Header, lines: Vec<Line<'_>>) -> Option<Statement<'_>> {
    // A handful of session types: a list searched from the last one found beats a map.
    let mut by_type: Vec<(&str, usize, Decimal)> = Vec::new();
    let mut last = 0;
    let mut total_excluding_vat = Decimal::ZERO;
    for line in &lines {
        let session_type = line.session.session_type();
        if by_type.get(last).is_none_or(|(t, ..)| *t != session_type) {
            last = match by_type.iter().position(|(t, ..)| *t == session_type) {
                Some(i) => i,
                None => {
                    by_type.push((session_type, 0, Decimal::ZERO));
                    by_type.len() - 1
                }
            };
        }
        let (_, sessions, amount) = by_type.get_mut(last)?;
        *sessions += 1;
        *amount = amount.checked_add(line.amount)?;
        total_excluding_vat = total_excluding_vat.checked_add(line.amount)?;
    }
    by_type.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let subtotals = by_type
        .into_iter()
        .map(|(t, sessions, amount)| Subtotal {
            session_type: t.to_owned(),
            sessions,
            amount,
        })
        .collect();
    let vat = VatTreatment::of(&header.invoicing_party);
    let vat_amount = vat.vat_on(total_excluding_vat, header.currency)?;
    let total = total_excluding_vat.checked_add(vat_amount)?;
    if !money::fits_wire(total) || !lines.iter().all(|line| money::fits_wire(line.rate)) {
        return None;
    }
    Some(Statement {
        contract_id: header.contract_id,
        period: header.period,
        time_zone: header.time_zone,
        currency: header.currency,
        invoicing_party: header.invoicing_party,
        customer: header.customer,
        vat,
        lines,
        subtotals,
        total_excluding_vat,
        vat_amount,
        total,
    })
}

/// A share as written on the wire: `1`, `0.5`, `0`.
fn format_share(share: Decimal) -> String {
    share.normalize().to_string()
}

/// The wire form (see [`Statement`]): amounts as decimal strings in the currency's minor
/// units, shares without trailing zeros; `vat.mention` and `vat.explanation` in `lang`.
impl Localized for Statement<'_> {
    fn serialize_in<S: Serializer>(&self, lang: Lang, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            contract_id: &'a str,
            period: String,
            time_zone: &'a str,
            currency: &'a str,
            invoicing_party: &'a InvoicingParty,
            customer: &'a Customer,
            vat: Vat,
            lines: Vec<LineWire<'a>>,
            subtotals: Vec<SubtotalWire<'a>>,
            total_excluding_vat: String,
            vat_amount: String,
            total: String,
        }
        #[derive(Serialize)]
        struct Vat {
            treatment: &'static str,
            rate: String,
            mention: Option<&'static str>,
            explanation: &'static str,
            source: &'static str,
        }
        #[derive(Serialize)]
        struct LineWire<'a> {
            session_id: &'a str,
            started_at: String,
            date: String,
            session_type: &'a str,
            status: &'static str,
            duration_minutes: u16,
            student_ref: &'a str,
            terms_version: u32,
            rate: String,
            share: String,
            amount: String,
        }
        #[derive(Serialize)]
        struct SubtotalWire<'a> {
            session_type: &'a str,
            sessions: usize,
            amount: String,
        }
        let money = |amount: Decimal| self.currency.format_amount(amount);
        let lines = self
            .lines
            .iter()
            .map(|l| {
                let s = &l.session;
                LineWire {
                    session_id: s.session_id(),
                    started_at: format_instant(s.started_at()),
                    date: format_date(l.date),
                    session_type: s.session_type(),
                    status: s.status().name(),
                    duration_minutes: s.duration_minutes(),
                    student_ref: s.student_ref().expose(),
                    terms_version: l.terms_version,
                    rate: money(l.rate),
                    share: format_share(l.share),
                    amount: money(l.amount),
                }
            })
            .collect();
        let subtotals = self
            .subtotals
            .iter()
            .map(|s| SubtotalWire {
                session_type: &s.session_type,
                sessions: s.sessions,
                amount: money(s.amount),
            })
            .collect();
        Wire {
            contract_id: &self.contract_id,
            period: self.period.to_string(),
            time_zone: self.time_zone.name(),
            currency: self.currency.code(),
            invoicing_party: &self.invoicing_party,
            customer: &self.customer,
            vat: Vat {
                treatment: self.vat.name(),
                rate: format_share(self.vat.rate()),
                mention: self.vat.mention(lang),
                explanation: self.vat.explanation(lang),
                source: self.vat.source(),
            },
            lines,
            subtotals,
            total_excluding_vat: money(self.total_excluding_vat),
            vat_amount: money(self.vat_amount),
            total: money(self.total),
        }
        .serialize(serializer)
    }
}

/// The schema of the wire form above (`statement` in docs/schema/).
#[cfg(feature = "schema")]
impl schemars::JsonSchema for Statement<'_> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed("Statement")
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let money = schemars::json_schema!({"type": "string", "pattern": crate::money::AMOUNT_PATTERN});
        schemars::json_schema!({
            "type": "object",
            "description": "A monthly statement of a contract's sessions (`docs/billing.md`).",
            "properties": {
                "contract_id": {"type": "string"},
                "period": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "The billing month (`2026-01`)."},
                "time_zone": {"type": "string", "description": "The IANA time zone the month is reckoned in."},
                "currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "An ISO 4217 code."},
                "invoicing_party": generator.subschema_for::<InvoicingParty>(),
                "customer": generator.subschema_for::<Customer>(),
                "vat": {
                    "type": "object",
                    "properties": {
                        "treatment": generator.subschema_for::<VatTreatment>(),
                        "rate": money,
                        "mention": {"type": ["string", "null"]},
                        "explanation": {"type": "string"},
                        "source": {"type": "string"},
                    },
                    "required": ["treatment", "rate", "mention", "explanation", "source"],
                    "additionalProperties": false,
                },
                "lines": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "session_id": {"type": "string"},
                            "started_at": {"type": "string", "format": "date-time"},
                            "date": {"type": "string", "format": "date", "description": "The local date in the billing time zone."},
                            "session_type": {"type": "string"},
                            "status": generator.subschema_for::<super::SessionStatus>(),
                            "duration_minutes": {"type": "integer", "minimum": 0, "maximum": super::MAX_DURATION_MINUTES},
                            "student_ref": {"type": "string"},
                            "terms_version": {"type": "integer", "minimum": 0},
                            "rate": money,
                            "share": money,
                            "amount": money,
                        },
                        "required": ["session_id", "started_at", "date", "session_type", "status", "duration_minutes", "student_ref", "terms_version", "rate", "share", "amount"],
                        "additionalProperties": false,
                    },
                },
                "subtotals": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "session_type": {"type": "string"},
                            "sessions": {"type": "integer", "minimum": 0},
                            "amount": money,
                        },
                        "required": ["session_type", "sessions", "amount"],
                        "additionalProperties": false,
                    },
                },
                "total_excluding_vat": money,
                "vat_amount": money,
                "total": money,
            },
            "required": ["contract_id", "period", "time_zone", "currency", "invoicing_party", "customer", "vat", "lines", "subtotals", "total_excluding_vat", "vat_amount", "total"],
            "additionalProperties": false,
        })
    }
}

impl<'s> Statement<'s> {
    /// Reads a statement back from its wire form (the `--json` output of `mentor
    /// statement`), checking every figure: each line's amount is its rate times its share,
    /// rounded; the share fits the status (1 completed, 0 cancelled, 0..1 otherwise); the
    /// date is the local date of `started_at` in `time_zone` and falls in `period`; the
    /// subtotals and totals are the sums of the lines; the VAT treatment and amount are the
    /// invoicing party's. `vat.mention`, `vat.explanation` and `vat.source` are explanations,
    /// written again from the treatment.
    ///
    /// ```
    /// # use mentor_core::billing::{statement, BillingContract, BillingPeriod, Statement};
    /// # use mentor_core::policy::BillingPolicy;
    /// # use mentor_core::{Lang, Localized};
    /// # let contract = BillingContract::from_json(&serde_json::json!({"contract_id": "c-1",
    /// #     "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "73282932000074", "vat": "registered"},
    /// #     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30}]})).unwrap();
    /// let st = statement(&contract, &[], BillingPeriod::parse("2026-01").unwrap(), &BillingPolicy::default()).unwrap();
    /// let mut wire = st.to_json(Lang::Fr);
    /// assert_eq!(Statement::from_json(&wire).unwrap(), st);
    /// wire["total"] = "1.00".into();
    /// assert_eq!(Statement::from_json(&wire).unwrap_err().errors[0].code.as_str(), "inconsistent_amount");
    /// ```
    ///
    /// # Errors
    /// Every problem as a field error with its path: the reading codes (`required`,
    /// `invalid_type`, `unknown_field`, `invalid_period`, `invalid_timezone`,
    /// `invalid_currency`, `invalid_money`, `invalid_datetime`, `invalid_date`,
    /// `invalid_enum`, `out_of_range`, the invoicing party's), `duplicate_session`, and
    /// `inconsistent_amount` for a figure that does not follow from the others.
    pub fn from_json(value: &Value) -> Result<Statement<'static>, InputError> {
        let mut r = Reader::new();
        let statement = read_statement(&mut r, value, &Path::Root);
        r.finish(statement)
    }

    /// The contract's id.
    #[must_use]
    pub fn contract_id(&self) -> &str {
        &self.contract_id
    }

    /// The billing period.
    #[must_use]
    pub fn period(&self) -> BillingPeriod {
        self.period
    }

    /// The billing time zone whose calendar months are the periods.
    #[must_use]
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }

    /// The currency of every amount.
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Who bills: the supplier on the invoice (BIL-1).
    #[must_use]
    pub fn invoicing_party(&self) -> &InvoicingParty {
        &self.invoicing_party
    }

    /// Who is billed: the customer on the invoice.
    #[must_use]
    pub fn customer(&self) -> &Customer {
        &self.customer
    }

    /// The VAT treatment of the invoice.
    #[must_use]
    pub fn vat(&self) -> VatTreatment {
        self.vat
    }

    /// One line per session of the period, by start time then session id.
    #[must_use]
    pub fn lines(&self) -> &[Line<'s>] {
        &self.lines
    }

    /// The same statement, owning its sessions (to keep it longer than them).
    #[must_use]
    pub fn into_owned(self) -> Statement<'static> {
        Statement {
            lines: self.lines.into_iter().map(Line::into_owned).collect(),
            ..self
        }
    }

    /// One subtotal per session type, by session type.
    #[must_use]
    pub fn subtotals(&self) -> &[Subtotal] {
        &self.subtotals
    }

    /// The sum of the lines: the invoice's total excluding VAT.
    #[must_use]
    pub fn total_excluding_vat(&self) -> Decimal {
        self.total_excluding_vat
    }

    /// The VAT the invoice charges (0 unless [`VatTreatment::FrenchVat`]).
    #[must_use]
    pub fn vat_amount(&self) -> Decimal {
        self.vat_amount
    }

    /// The invoice's total, VAT included.
    #[must_use]
    pub fn total(&self) -> Decimal {
        self.total
    }
}

const STATEMENT_KEYS: [&str; 12] = [
    "contract_id",
    "period",
    "time_zone",
    "currency",
    "invoicing_party",
    "customer",
    "vat",
    "lines",
    "subtotals",
    "total_excluding_vat",
    "vat_amount",
    "total",
];

const LINE_KEYS: [&str; 11] = [
    "session_id",
    "started_at",
    "date",
    "session_type",
    "status",
    "duration_minutes",
    "student_ref",
    "terms_version",
    "rate",
    "share",
    "amount",
];
const SUBTOTAL_KEYS: [&str; 3] = ["session_type", "sessions", "amount"];
const VAT_KEYS: [&str; 5] = ["treatment", "rate", "mention", "explanation", "source"];
const LOCAL_DATE: Text = Text::new(
    "the local date of started_at in the statement's time zone",
    "la date locale de started_at dans le fuseau du relevé",
);
const IN_PERIOD: Text = Text::new(
    "a date in the statement's period",
    "une date de la période du relevé",
);

fn read_statement(r: &mut Reader, value: &Value, path: &Path<'_>) -> Option<Statement<'static>> {
    let map = r.object(value, path, &STATEMENT_KEYS)?;
    let contract_id = r
        .required_text(map.get("contract_id"), &path.key("contract_id"), MAX_ID_CHARS)
        .map(str::to_owned);
    let period_path = path.key("period");
    let period = r.required_text(map.get("period"), &period_path, 16);
    let period = r.parse(
        period,
        &period_path,
        ErrorCode::InvalidPeriod,
        BillingPeriod::parse,
    );
    let zone_path = path.key("time_zone");
    let zone = r.required_text(map.get("time_zone"), &zone_path, 64);
    let zone = r.parse(zone, &zone_path, ErrorCode::InvalidTimezone, |z| {
        TimeZone::parse(z).map(TimeZone::tz)
    });
    let currency = read_currency(r, map.get("currency"), &path.key("currency"), true);
    let party_path = path.key("invoicing_party");
    let invoicing_party = match present(map.get("invoicing_party")) {
        Some(v) => read_invoicing_party(r, v, &party_path),
        None => {
            r.error(&party_path, ErrorCode::Required);
            None
        }
    };
    let customer = read_customer(r, map.get("customer"), &path.key("customer"));
    let lines = read_lines(r, map.get("lines"), &path.key("lines"), currency, zone, period);
    let header = Header {
        contract_id: contract_id?,
        period: period?,
        time_zone: zone?,
        currency: currency?,
        invoicing_party: invoicing_party?,
        customer,
    };
    let Some(statement) = assemble(header, lines?) else {
        r.error(&path.key("total"), ErrorCode::InconsistentAmount);
        return None;
    };
    check_vat(r, map.get("vat"), &path.key("vat"), statement.vat);
    check_subtotals(r, map.get("subtotals"), &path.key("subtotals"), &statement);
    for (key, expected) in [
        ("total_excluding_vat", statement.total_excluding_vat),
        ("vat_amount", statement.vat_amount),
        ("total", statement.total),
    ] {
        let key_path = path.key(key);
        if read_amount(r, map.get(key), &key_path, Some(statement.currency))
            .is_some_and(|found| found != expected)
        {
            r.error(&key_path, ErrorCode::InconsistentAmount);
        }
    }
    Some(statement)
}

/// Reads the lines, checking each against itself and the header. `None` when any is wrong.
fn read_lines(
    r: &mut Reader,
    value: Option<&Value>,
    path: &Path<'_>,
    currency: Option<Currency>,
    zone: Option<Tz>,
    period: Option<BillingPeriod>,
) -> Option<Vec<Line<'static>>> {
    if present(value).is_none() {
        r.error(path, ErrorCode::Required);
        return None;
    }
    let items = r.array(value, path)?;
    let before = r.errors.len();
    let mut first_seen: HashMap<&str, usize> = HashMap::with_capacity(items.len());
    let mut lines = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = path.index(i);
        let Some(line) = read_line(r, item, &here, currency, zone, period) else {
            continue;
        };
        if let Some(Value::String(id)) = item.get("session_id") {
            if let Some(first) = first_seen.get(id.trim()) {
                r.error_with(
                    &here.key("session_id"),
                    ErrorCode::DuplicateSession,
                    Detail::FirstSeenAt(first + 1),
                );
            } else {
                first_seen.insert(id.trim(), i);
            }
        }
        lines.push(line);
    }
    lines.sort_unstable_by(Line::order);
    (r.errors.len() == before).then_some(lines)
}

fn read_line(
    r: &mut Reader,
    value: &Value,
    path: &Path<'_>,
    currency: Option<Currency>,
    zone: Option<Tz>,
    period: Option<BillingPeriod>,
) -> Option<Line<'static>> {
    let map: &Map<String, Value> = r.object(value, path, &LINE_KEYS)?;
    let session_id = r.required_text(
        map.get("session_id"),
        &path.key("session_id"),
        MAX_SESSION_ID_CHARS,
    );
    let started_at = read_instant(r, map.get("started_at"), &path.key("started_at"), true);
    let date_path = path.key("date");
    let date = read_date(r, map.get("date"), &date_path, true);
    if let (Some(date), Some(started_at), Some(zone)) = (date, started_at, zone) {
        if started_at.with_timezone(&zone).date_naive() != date {
            r.error_with(&date_path, ErrorCode::InvalidDate, Detail::Expected(LOCAL_DATE));
        } else if period.is_some_and(|p| !p.contains(date)) {
            r.error_with(&date_path, ErrorCode::InvalidDate, Detail::Expected(IN_PERIOD));
        }
    }
    let session_type = r.required_text(
        map.get("session_type"),
        &path.key("session_type"),
        MAX_SESSION_TYPE_CHARS,
    );
    let status = required_choice(r, map.get("status"), &path.key("status"), SessionStatus::ALL);
    let duration = required_integer(
        r,
        map.get("duration_minutes"),
        &path.key("duration_minutes"),
        1,
        i64::from(MAX_DURATION_MINUTES),
    );
    let student_ref = r.required_text(
        map.get("student_ref"),
        &path.key("student_ref"),
        MAX_SESSION_ID_CHARS,
    );
    let version = required_integer(
        r,
        map.get("terms_version"),
        &path.key("terms_version"),
        1,
        i64::from(u32::MAX),
    );
    let rate = read_amount(r, map.get("rate"), &path.key("rate"), currency);
    let share_path = path.key("share");
    let share = read_amount(r, map.get("share"), &share_path, None);
    if let (Some(share), Some(status)) = (share, status) {
        let fits = match status {
            SessionStatus::Completed => share == Decimal::ONE,
            SessionStatus::Cancelled => share.is_zero(),
            SessionStatus::StudentNoShow | SessionStatus::CancelledLate => Share::new(share).is_some(),
        };
        if !fits {
            r.error(&share_path, ErrorCode::InconsistentAmount);
        }
    }
    let amount_path = path.key("amount");
    let amount = read_amount(r, map.get("amount"), &amount_path, currency);
    if let (Some(rate), Some(share), Some(amount), Some(currency)) = (rate, share, amount, currency) {
        if rate.checked_mul(share).map(|a| currency.round(a)) != Some(amount) {
            r.error(&amount_path, ErrorCode::InconsistentAmount);
        }
    }
    let session = Session::from_parts(
        session_id?,
        started_at?,
        u16::try_from(duration?).ok()?,
        session_type?,
        StudentRef::new(student_ref?),
        status?,
    );
    Some(Line {
        session: Cow::Owned(session),
        date: date?,
        terms_version: u32::try_from(version?).ok()?,
        rate: rate?,
        share: share?,
        amount: amount?,
    })
}

fn check_vat(r: &mut Reader, value: Option<&Value>, path: &Path<'_>, expected: VatTreatment) {
    let Some(map) = r.required_object(value, path, &VAT_KEYS) else {
        return;
    };
    let treatment_path = path.key("treatment");
    if required_choice(r, map.get("treatment"), &treatment_path, VatTreatment::ALL)
        .is_some_and(|t| t != expected)
    {
        r.error_with(
            &treatment_path,
            ErrorCode::InvalidEnum,
            Detail::Allowed(vec![expected.name()]),
        );
    }
    let rate_path = path.key("rate");
    if read_amount(r, map.get("rate"), &rate_path, None).is_some_and(|rate| rate != expected.rate()) {
        r.error(&rate_path, ErrorCode::InconsistentAmount);
    }
    for key in ["mention", "explanation", "source"] {
        r.text(map.get(key), &path.key(key), 1000, false);
    }
}

fn check_subtotals(r: &mut Reader, value: Option<&Value>, path: &Path<'_>, statement: &Statement<'_>) {
    if present(value).is_none() {
        r.error(path, ErrorCode::Required);
        return;
    }
    let Some(items) = r.array(value, path) else { return };
    let before = r.errors.len();
    let mut found = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let here = path.index(i);
        let Some(map) = r.object(item, &here, &SUBTOTAL_KEYS) else {
            continue;
        };
        let session_type = r.required_text(
            map.get("session_type"),
            &here.key("session_type"),
            MAX_SESSION_TYPE_CHARS,
        );
        let sessions = required_integer(r, map.get("sessions"), &here.key("sessions"), 0, i64::MAX);
        let amount = read_amount(
            r,
            map.get("amount"),
            &here.key("amount"),
            Some(statement.currency),
        );
        if let (Some(session_type), Some(sessions), Some(amount)) = (
            session_type,
            sessions.and_then(|n| usize::try_from(n).ok()),
            amount,
        ) {
            found.push(Subtotal {
                session_type: session_type.to_owned(),
                sessions,
                amount,
            });
        }
    }
    if r.errors.len() == before && found != statement.subtotals {
        r.error(path, ErrorCode::InconsistentAmount);
    }
}

/// FNV-1a over the bytes, then a 64-bit finaliser (the murmur3 `fmix64`) so that every bit of
/// the hash depends on every byte (the hash table uses both the low and the high bits).
/// Faster than the default SipHash on short session ids; session ids come from the company's
/// own systems, so resistance to crafted collisions is not needed (and a collision only costs
/// time, never a wrong answer).
#[derive(Clone, Copy)]
struct IdHasher(u64);

impl Default for IdHasher {
    fn default() -> Self {
        IdHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}
