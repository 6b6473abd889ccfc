//! Monthly billing (`docs/billing.md`; CON-1, BIL-1): the statement of a billing period, and the
//! check of a received invoice against it (`mentor_core::billing::statement_json` and
//! `check_invoice_json`).

use mentor_core::FieldError;
use mentor_core::billing::{check_invoice_json, statement_json};
use wasm_bindgen::prelude::*;

use crate::convert::{array_at, from_js_at, string, to_js};
use crate::errors::input_error;
use crate::options::{self, Opt, Options};
use crate::policy;

/// The monthly statement of a contract (`docs/billing.md`; CON-1, BIL-1), what `mentor statement
/// --json` prints: the sessions of `period` (`"YYYY-MM"`, a calendar month in the policy's
/// billing time zone) priced with the rates of the contract version in force on each one's
/// date, subtotals, totals, the invoicing party and the VAT treatment with the mention the
/// invoice must carry (in `lang`). `policy` sets the time zone and how no-shows and late
/// cancellations are paid (POL-1).
///
/// ```js
/// const st = billingStatement(contract, sessions, "2026-01", undefined, "fr");
/// st.total;         // "250.00"
/// st.vat.mention;   // "TVA non applicable, art. 293 B du CGI"
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` with every problem, paths under `contract`, `sessions[i]`
/// and `period` (`invalid_period` for `"2026-13"`): a contract or a session that does not
/// read, a session that cannot be priced (`unknown_session_type`, `no_terms_in_force`,
/// `duplicate_session`). No statement is made while one session cannot be billed.
#[wasm_bindgen(js_name = billingStatement, unchecked_return_type = "BillingStatement")]
pub fn billing_statement(
    #[wasm_bindgen(unchecked_param_type = "BillingContract")] contract: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BillingSession[]")] sessions: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] period: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Policy")] options: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { policy, lang, .. } = options::read(&[&options, &lang], &[Opt::Policy, Opt::Lang])?;
    let policy = policy::resolve(&policy, lang)?;
    let mut errors: Vec<FieldError> = Vec::new();
    let contract = from_js_at(&contract, "contract").map_err(|e| errors.push(e)).ok();
    let sessions = array_at(&sessions, "sessions").map_err(|e| errors.extend(e)).ok();
    let period = string(&period, "period").map_err(|e| errors.push(e)).ok();
    let (Some(contract), Some(sessions), Some(period)) = (contract, sessions, period) else {
        return Err(input_error(errors, lang));
    };
    let statement = statement_json(&contract, &sessions, &period, &policy.billing, lang)
        .map_err(|e| input_error(e.errors, lang))?;
    to_js(&statement)
}

/// Checks a received invoice against a statement (BIL-1), what `mentor check-invoice --json`
/// prints: `{invoice_number, matches, discrepancies}`, each discrepancy `{code, field,
/// expected, found, message}` with a stable code (`amount_mismatch`, `vat_charged`,
/// `missing_vat_mention`…) and its message in `lang`. A mismatch is data, not an exception.
///
/// ```js
/// const check = checkInvoice(st, invoice); // invoice: {invoice_number, period, issuer, total…}
/// check.matches; // true when nothing differs
/// ```
///
/// # Errors
/// Throws `code` `"invalid_input"` with the field errors of both documents, paths under
/// `statement` and `invoice`; a statement whose figures do not add up (edited by hand) is
/// `inconsistent_amount`.
#[wasm_bindgen(js_name = checkInvoice, unchecked_return_type = "InvoiceCheck")]
pub fn check_invoice(
    #[wasm_bindgen(unchecked_param_type = "BillingStatement")] statement: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReceivedInvoice")] invoice: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CallOptions | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let Options { lang, .. } = options::read(&[&options], &[Opt::Lang])?;
    let (statement, invoice) = match (
        from_js_at(&statement, "statement"),
        from_js_at(&invoice, "invoice"),
    ) {
        (Ok(statement), Ok(invoice)) => (statement, invoice),
        (statement, invoice) => {
            return Err(input_error(
                statement.err().into_iter().chain(invoice.err()).collect(),
                lang,
            ));
        }
    };
    let check = check_invoice_json(&statement, &invoice, lang).map_err(|e| input_error(e.errors, lang))?;
    to_js(&check)
}
