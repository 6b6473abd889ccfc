//! The billing documents read from JSON (`docs/billing.md`): a contract, a statement and a
//! received invoice, each fuzzed input read as all three. A contract read bills the example
//! sessions; a statement read writes back to the same wire form; an invoice read is checked
//! against the example statement.
//!
//! The input's text is also read as an amount in currencies of 0, 2 and 3 decimals and as a
//! billing period: a value read writes back (`format_amount`, `Display`) to a text that reads
//! back as the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::billing::BillingPeriod;
use mentor_core::billing::{
    BillingContract, ReceivedInvoice, Session, Statement, check_invoice, check_invoice_json, statement,
};
use mentor_core::money::Currency;
use mentor_core::policy::BillingPolicy;
use mentor_core::wire::parse_value_bytes;
use mentor_core::{Lang, Localized};
use serde_json::Value;

/// Amounts and periods written back read back the same.
fn scalars(text: &str) {
    for code in ["EUR", "JPY", "TND", "XOF", "CHF"] {
        let currency = Currency::parse(code).unwrap();
        if let Some(amount) = currency.parse_amount(text) {
            let written = currency.format_amount(amount);
            assert_eq!(currency.parse_amount(&written), Some(amount), "{code}: {written}");
            assert_eq!(currency.format_amount(currency.round(amount)), written, "{code}");
        }
    }
    if let Some(period) = BillingPeriod::parse(text) {
        assert_eq!(BillingPeriod::parse(&period.to_string()), Some(period));
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        scalars(text);
    }
    let Ok(value) = parse_value_bytes(data) else {
        return;
    };
    let sessions = mentor_fuzz::billing::sessions();
    if let Ok(contract) = BillingContract::from_json(&value) {
        let wire = Value::Array(sessions.iter().map(Session::to_json).collect());
        mentor_fuzz::billing::bill(
            (&value, &contract),
            &sessions,
            &wire,
            mentor_fuzz::billing::january(),
        );
    }
    if let Ok(st) = Statement::from_json(&value) {
        mentor_fuzz::billing::check_statement(&st);
    }
    if let Ok(invoice) = ReceivedInvoice::from_json(&value) {
        let (_, contract) = mentor_fuzz::billing::contract();
        let january = mentor_fuzz::billing::january();
        let st = statement(&contract, &sessions, january, &BillingPolicy::default()).unwrap();
        let check = check_invoice(&st, &invoice);
        let wire = check_invoice_json(&st.to_json(Lang::En), &value, Lang::En).expect("both documents read");
        assert_eq!(
            wire,
            check.to_json(Lang::En),
            "check_invoice and check_invoice_json differ"
        );
    }
});
