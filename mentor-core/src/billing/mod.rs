//! Monthly pay per session (`docs/billing.md`; CON-1, BIL-1): billing statements, who invoices whom
//! with which VAT mention, and the check of a received invoice.
//!
//! - [`statement`] prices the sessions of a billing period (a calendar month in the billing
//!   time zone) with the rates of the contract version in force on each session's date, and
//!   pays no-shows and late cancellations per the operator's policy (POL-1). Money is decimal,
//!   rounded per line to the currency's minor unit, half away from zero; totals are sums of
//!   rounded lines.
//! - The statement names the invoicing party (the employer under WS-2, the mentor's business
//!   otherwise) and the VAT treatment of the invoice the company receives ([`VatTreatment`]:
//!   the French franchise of CGI art. 293 B, French VAT at 20%, the reverse charge of EU VAT
//!   Directive 2006/112/EC art. 196 with the mention of art. 226(11a), or a supplier outside
//!   the EU).
//! - [`check_invoice`] compares a [`ReceivedInvoice`] with the statement and reports every
//!   discrepancy with a stable code.
//!
//! ```
//! use mentor_core::billing::{check_invoice, statement, BillingContract, BillingPeriod, ReceivedInvoice, Session};
//! use mentor_core::policy::BillingPolicy;
//! use mentor_core::{Lang, Localized};
//!
//! let contract = BillingContract::from_json(&serde_json::json!({
//!     "contract_id": "c-2026-0042",
//!     "invoicing_party": {"party": "mentor_business", "country": "BE",
//!                         "registration_number": "0403.019.261", "vat": "registered"},
//!     "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
//!                   "start_date": "2026-01-01", "notice_period_days": 30}],
//! })).unwrap();
//! let session = Session::from_json(&serde_json::json!({
//!     "session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
//!     "session_type": "mentoring", "student_ref": "stu-1", "status": "completed",
//! })).unwrap();
//! let jan = BillingPeriod::parse("2026-01").unwrap();
//! let sessions = [session];
//! let st = statement(&contract, &sessions, jan, &BillingPolicy::default()).unwrap();
//! assert_eq!(st.to_json(Lang::Fr)["vat"]["mention"], "Autoliquidation");
//!
//! let invoice = ReceivedInvoice::from_json(&serde_json::json!({
//!     "invoice_number": "2026-001", "issued_on": "2026-02-02", "period": "2026-01",
//!     "issuer": {"country": "BE", "registration_number": "BE 0403 019 261"},
//!     "currency": "EUR", "total_excluding_vat": "35.00", "vat_amount": "7.00", "total": "42.00",
//! })).unwrap();
//! let check = check_invoice(&st, &invoice);
//! let codes: Vec<_> = check.discrepancies.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, ["vat_charged", "total_mismatch", "missing_vat_mention"]);
//! ```

mod contract;
mod invoice;
mod json;
mod party;
mod period;
mod session;
mod statement;
mod vat;

pub use contract::BillingContract;
pub use invoice::{Discrepancy, DiscrepancyCode, InvoiceCheck, Issuer, ReceivedInvoice, check_invoice};
pub use json::{check_invoice_json, statement_json};
pub use party::{Customer, InvoicingParty, MAX_CUSTOMER_NAME_CHARS, VatStatus};
pub use period::BillingPeriod;
#[cfg(feature = "schema")]
pub(crate) use session::SessionForm;
pub use session::{
    MAX_DURATION_MINUTES, MAX_SESSION_ID_CHARS, MAX_SESSION_TYPE_CHARS, Session, SessionStatus, StudentRef,
};
pub use statement::{Line, SessionError, Statement, StatementError, Subtotal, statement};
pub use vat::{
    EU_MEMBER_STATES, FRANCHISE_MENTION, FRENCH_STANDARD_RATE, KNOWN_MENTIONS, REVERSE_CHARGE_MENTION_EN,
    REVERSE_CHARGE_MENTION_FR, REVERSE_CHARGE_MENTIONS, VatTreatment, is_eu_member, is_mention,
};
