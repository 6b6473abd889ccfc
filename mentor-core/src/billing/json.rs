//! The billing entry points on the wire format (`docs/architecture.md`: every entry point typed and as
//! `*_json`, for the bindings): JSON values in, JSON value out, field errors with full paths.

use serde_json::Value;

use crate::ErrorCode;
use crate::error::{FieldError, InputError};
use crate::i18n::{Lang, Localized};
use crate::policy::BillingPolicy;
use crate::read::{Path, Reader, present};

use super::contract::BillingContract;
use super::invoice::{ReceivedInvoice, check_invoice};
use super::period::BillingPeriod;
use super::session::Session;
use super::statement::{Statement, StatementError, statement};

/// The same errors, their paths under `prefix`.
fn under(prefix: &str, errors: Vec<FieldError>) -> impl Iterator<Item = FieldError> + '_ {
    errors.into_iter().map(move |e| e.under(prefix))
}

/// [`statement`] on the wire format: `contract` as [`BillingContract::from_json`] reads it,
/// `sessions` an array of sessions, `period` `YYYY-MM`; the statement's wire form
/// ([`Statement::to_json`]) in `lang`. Implements CON-1 and BIL-1 (POL-1 for the policy's
/// shares).
///
/// ```
/// use mentor_core::billing::statement_json;
/// use mentor_core::policy::BillingPolicy;
/// use mentor_core::Lang;
/// let contract = serde_json::json!({"contract_id": "c-1",
///     "invoicing_party": {"party": "mentor_business", "country": "DE", "registration_number": "DE136695976", "vat": "registered"},
///     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"}, "start_date": "2026-01-01", "notice_period_days": 30}]});
/// let sessions = serde_json::json!([{"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z",
///     "duration_minutes": 45, "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"}]);
/// let st = statement_json(&contract, &sessions, "2026-01", &BillingPolicy::default(), Lang::Fr).unwrap();
/// assert_eq!((st["total"].as_str(), st["vat"]["mention"].as_str()), (Some("35.00"), Some("Autoliquidation")));
/// let bad = serde_json::json!([{"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z",
///     "duration_minutes": 45, "session_type": "workshop", "student_ref": "stu-1", "status": "completed"}]);
/// let e = statement_json(&contract, &bad, "2026-13", &BillingPolicy::default(), Lang::En).unwrap_err();
/// assert_eq!(e.errors[0].path, "period");
/// ```
///
/// # Errors
/// [`InputError`] with every problem, paths under `contract`, `sessions[i]`, `period` and
/// `billing` (the policy): the reading errors, then those of [`statement`] (`duplicate_session`,
/// `unknown_session_type`, `no_terms_in_force`); `out_of_range` at `total_excluding_vat` if an
/// amount does not fit a decimal. No statement is made while one session cannot be billed.
pub fn statement_json(
    contract: &Value,
    sessions: &Value,
    period: &str,
    policy: &BillingPolicy,
    lang: Lang,
) -> Result<Value, InputError> {
    let mut errors = Vec::new();
    let period = BillingPeriod::parse(period.trim());
    if period.is_none() {
        errors.push(FieldError::new("period", ErrorCode::InvalidPeriod));
    }
    let contract = BillingContract::from_json(contract)
        .map_err(|e| errors.extend(under("contract", e.errors)))
        .ok();
    let mut r = Reader::new();
    let root = Path::Root;
    let path = root.key("sessions");
    if present(Some(sessions)).is_none() {
        r.error(&path, ErrorCode::Required);
    }
    let items = r.array(Some(sessions), &path).unwrap_or_default();
    errors.append(&mut r.errors);
    let read = Session::list_from_json(items)
        .map_err(|e| errors.extend(under("sessions", e.errors)))
        .unwrap_or_default();
    let (Some(contract), Some(period), true) = (contract, period, errors.is_empty()) else {
        return Err(InputError { errors });
    };
    match statement(&contract, &read, period, policy) {
        Ok(st) => Ok(st.to_json(lang)),
        Err(StatementError::Sessions(bad)) => Err(InputError {
            errors: bad
                .into_iter()
                .flat_map(|s| under(&format!("sessions[{}]", s.index), s.errors).collect::<Vec<_>>())
                .collect(),
        }),
        Err(StatementError::Overflow) => Err(InputError {
            errors: vec![FieldError::new("total_excluding_vat", ErrorCode::OutOfRange)],
        }),
    }
}

/// [`check_invoice`] on the wire format: `statement` as [`Statement::from_json`] reads it,
/// `invoice` as [`ReceivedInvoice::from_json`] reads it; the check's wire form
/// ([`crate::billing::InvoiceCheck::to_json`]) in `lang`. Implements BIL-1.
///
/// ```
/// use mentor_core::billing::check_invoice_json;
/// use mentor_core::Lang;
/// let e = check_invoice_json(&serde_json::json!({}), &serde_json::json!({"period": "2026-13"}), Lang::En).unwrap_err();
/// assert!(e.errors.iter().any(|f| f.path == "statement.contract_id"));
/// assert!(e.errors.iter().any(|f| f.path == "invoice.period" && f.code.as_str() == "invalid_period"));
/// ```
///
/// # Errors
/// [`InputError`] with the field errors of both documents, paths under `statement` and
/// `invoice`.
pub fn check_invoice_json(statement: &Value, invoice: &Value, lang: Lang) -> Result<Value, InputError> {
    let mut errors = Vec::new();
    let statement = Statement::from_json(statement)
        .map_err(|e| errors.extend(under("statement", e.errors)))
        .ok();
    let invoice = ReceivedInvoice::from_json(invoice)
        .map_err(|e| errors.extend(under("invoice", e.errors)))
        .ok();
    match (statement, invoice) {
        (Some(st), Some(inv)) => Ok(check_invoice(&st, &inv).to_json(lang)),
        _ => Err(InputError { errors }),
    }
}
