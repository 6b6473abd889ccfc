#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]
//! Inputs the fuzz targets (`fuzz/`, `fuzz/README.md`) found, minimized, each with what the
//! library must answer. A new finding gets its test here before its fix.

use mentor_core::InputError;
use mentor_core::application::{Validation, validate, validate_str};
use mentor_core::eligibility::WorkingSituation;
use mentor_core::policy::Policy;
use mentor_core::triage::{read_forms, read_records, triage};
use mentor_core::wire::parse_value;

/// The `(path, code)` of each error, in order.
fn errors(v: &Validation) -> Vec<(String, &'static str)> {
    v.result
        .as_ref()
        .err()
        .map(|errors| errors.iter().map(|e| (e.path.clone(), e.code.as_str())).collect())
        .unwrap_or_default()
}

/// A form read from text, and read from the value its text parses to.
fn both_readers(text: &str) -> (Validation, Validation) {
    let policy = Policy::default();
    let by_value = match parse_value(text) {
        Ok(value) => validate(&value, &policy),
        Err(e) => Validation::unreadable(e),
    };
    (validate_str(text, &policy), by_value)
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect()
}

/// fuzz target `application` (and `situation`, `triage_batch`): the text reader listed unknown
/// keys in the order they were written, the value reader in key order (a parsed object keeps
/// no order). Both list them in key order now.
#[test]
fn unknown_keys_are_listed_in_key_order_by_every_reader() {
    let text = r#"{"zz": 1, "offer_id": "o-1", "aa": 2, "applicant": {"phone_number": 1, "city": 2}}"#;
    let (by_text, by_value) = both_readers(text);
    assert_eq!(by_text, by_value);
    // By hand: the root's unknown keys `aa`, `zz` in byte order before its fields, then the
    // applicant's (`city` < `phone_number`) before its fields.
    let found = errors(&by_text);
    assert_eq!(
        found[..2],
        pairs(&[("aa", "unknown_field"), ("zz", "unknown_field")])[..]
    );
    let applicant: Vec<_> = found
        .iter()
        .filter(|(p, _)| p.starts_with("applicant."))
        .take(2)
        .cloned()
        .collect();
    assert_eq!(
        applicant,
        pairs(&[
            ("applicant.city", "unknown_field"),
            ("applicant.phone_number", "unknown_field")
        ])
    );

    // The situation the fuzzer found: `employ73er_sector` < `full[time` ('e' < 'f').
    let situation = r#"{"country": "IT", "status": "employee", "route": "via_employer",
        "employment": {"full[time": true, "employer_sector": "other", "employer_agreement": "refused", "employ73er_sector": "other"}}"#;
    let by_text = WorkingSituation::from_json_str(situation).unwrap_err();
    let by_value = WorkingSituation::from_json(&parse_value(situation).unwrap()).unwrap_err();
    assert_eq!(by_text, by_value);
    let paths: Vec<&str> = by_text.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["employment.employ73er_sector", "employment.full[time"]);

    // In a batch: the records kept as text and those read into values triage the same.
    let batch = format!("{text}\n{text}\n");
    let now = "2026-11-20T10:00:00Z".parse().unwrap();
    assert_eq!(
        triage(&read_forms(&batch), &Policy::default(), now),
        triage(&read_records(&batch), &Policy::default(), now)
    );
}

/// fuzz target `application`: a key given twice inside an unknown key's value, or inside a
/// value of the wrong type, was `duplicate_key` for the value reader (`parse_value` refuses a
/// repeated key in any object) and went unseen by the text reader, which skips those values
/// (it said `unknown_field` or `invalid_type`); an unknown key given twice was two
/// `unknown_field` errors. Each is `duplicate_key` at the repeated key's path now, from both.
#[test]
fn a_repeated_key_is_refused_wherever_it_is() {
    for (text, path) in [
        // Inside an unknown key's value.
        (r#"{"offer_id": "o-1", "extra": {"a": 1, "a": 2}}"#, "extra.a"),
        (
            r#"{"offer_id": "o-1", "extra": [0, {"b": {"a": 1, "a": 2}}]}"#,
            "extra[1].b.a",
        ),
        // Inside a value of the wrong type (`offer_id` takes a string).
        (r#"{"offer_id": {"a": 1, "a": 2}}"#, "offer_id.a"),
        (
            r#"{"applicant": {"languages": [{"x": 1, "x": 2}]}}"#,
            "applicant.languages[0].x",
        ),
        // An unknown key given twice.
        (r#"{"zz": 1, "offer_id": "o-1", "zz": 2}"#, "zz"),
        (r#"{"applicant": {"nick": "a", "nick": "b"}}"#, "applicant.nick"),
    ] {
        let (by_text, by_value) = both_readers(text);
        assert_eq!(errors(&by_text), pairs(&[(path, "duplicate_key")]), "{text}");
        assert_eq!(by_text, by_value, "{text}");
    }
    // A working situation, read the same way.
    let text = r#"{"country": "FR", "status": "student", "note": {"k": 1, "k": 2}}"#;
    let e = WorkingSituation::from_json_str(text).unwrap_err();
    let by_value = parse_value(text)
        .map_err(|e| InputError { errors: vec![e] })
        .unwrap_err();
    assert_eq!(e, by_value);
    assert_eq!(
        (e.errors[0].path.as_str(), e.errors[0].code.as_str()),
        ("note.k", "duplicate_key")
    );
    // Unknown values are still not read: a wrong date inside one is no error of its own.
    let (by_text, _) = both_readers(r#"{"extra": {"submitted_at": "yesterday"}}"#);
    assert!(errors(&by_text).contains(&("extra".to_owned(), "unknown_field")));
    assert!(
        !errors(&by_text)
            .iter()
            .any(|(_, code)| *code == "invalid_datetime")
    );
}

/// fuzz target `billing_documents`: an amount of 21 digits in a currency of three decimals
/// was read (at most 24 characters), but written with its three decimals (25 characters) it
/// could not be read back, so a statement made from such a rate could not be checked against
/// an invoice (`check-invoice` reads the statement's own wire form). An amount now has at most
/// 24 digits before its point, read or written, and its decimals after.
#[test]
fn every_amount_written_reads_back() {
    use mentor_core::billing::{
        BillingContract, BillingPeriod, Session, Statement, StatementError, statement,
    };
    use mentor_core::money::Currency;
    use mentor_core::policy::BillingPolicy;
    use mentor_core::{Lang, Localized};
    use rust_decimal::Decimal;
    use serde_json::json;

    let tnd = Currency::parse("TND").unwrap();
    let amount = tnd.parse_amount("999999999999999999999").unwrap();
    let written = tnd.format_amount(amount);
    assert_eq!(written, "999999999999999999999.000");
    assert_eq!(tnd.parse_amount(&written), Some(amount));
    // 24 digits before the point, no more.
    let eur = Currency::parse("EUR").unwrap();
    assert!(eur.parse_amount(&"9".repeat(24)).is_some());
    assert!(eur.parse_amount(&format!("{}.99", "9".repeat(24))).is_some());
    assert_eq!(eur.parse_amount(&"9".repeat(25)), None);
    assert_eq!(eur.parse_amount(&format!("0{}", "9".repeat(24))), None);

    // A statement at the largest rate reads back from its wire form; two such sessions make a
    // total of 25 digits, which no statement can carry: `amount_overflow`, no statement.
    let rate = "9".repeat(24);
    let contract = BillingContract::from_json(&json!({
        "contract_id": "c-1",
        "invoicing_party": {"party": "mentor_business", "country": "FR",
                            "registration_number": "732 829 320 00074", "vat": "franchise"},
        "versions": [{"version": 1, "currency": "EUR", "rates": {"mentoring": rate},
                      "start_date": "2026-01-01", "notice_period_days": 30}],
    }))
    .unwrap();
    let session = |id: &str| {
        Session::from_json(
            &json!({"session_id": id, "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
            "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"}),
        )
        .unwrap()
    };
    let january = BillingPeriod::parse("2026-01").unwrap();
    let one = [session("s-1")];
    let st = statement(&contract, &one, january, &BillingPolicy::default()).unwrap();
    let wire = st.to_json(Lang::En);
    assert_eq!(wire["total"], format!("{rate}.00"));
    let back = Statement::from_json(&wire).unwrap();
    assert_eq!(back.total(), Decimal::from_str_exact(&rate).unwrap());
    assert_eq!(back.to_json(Lang::En), wire);
    let two = [session("s-1"), session("s-2")];
    assert_eq!(
        statement(&contract, &two, january, &BillingPolicy::default()).unwrap_err(),
        StatementError::Overflow
    );
}
