//! The native core's answers to the shared conformance inputs, as one JSON document on stdout,
//! for the Node tests to compare with the WebAssembly build's answers byte for byte (same
//! wire values, both languages).
//!
//! `cargo run -q -p mentor-wasm --example native_answers > answers.json`, from the workspace
//! root. Reads `tests/vectors/eligibility.json`, `docs/examples/billing/` and, when present,
//! `../shared/fixtures`.

use std::error::Error;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mentor_core::billing::{check_invoice_json, statement_json};
use mentor_core::eligibility::evaluate_json;
use mentor_core::policy::Policy;
use mentor_core::triage::{read_records, triage};
use mentor_core::{Lang, Localized, registration};
use serde_json::{Value, json};

/// The instant the Rust conformance test triages the fixtures at.
const NOW: &str = "2026-11-30T09:00:00Z";

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let vectors: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(
        root.join("tests/vectors/eligibility.json"),
    )?)?;
    let mut eligibility = Vec::with_capacity(vectors.len());
    for v in &vectors {
        let policy = match v.get("policy") {
            Some(p) => Policy::from_value(p)?,
            None => Policy::default(),
        };
        let answer = |lang| match evaluate_json(&v["situation"], &policy, lang) {
            Ok(decision) => json!({"decision": decision}),
            Err(e) => json!({"errors": e.to_json(lang)}),
        };
        eligibility.push(json!({"name": v["name"], "en": answer(Lang::En), "fr": answer(Lang::Fr)}));
    }
    let out = json!({
        "eligibility": eligibility,
        "fixtures": fixtures(&root.join("../shared/fixtures"))?,
        "registration": registration_answers(),
        "error_codes": mentor_core::error_codes(),
        "billing": billing(&root.join("docs/examples/billing"))?,
    });
    writeln!(std::io::stdout().lock(), "{out}")?;
    Ok(())
}

/// The triage of the shared fixtures in both languages, with the policy they are triaged under,
/// or null when they are not there.
fn fixtures(dir: &Path) -> Result<Value, Box<dyn Error>> {
    if !dir.join("applications.jsonl").is_file() {
        return Ok(Value::Null);
    }
    let policy = Policy::from_toml(&std::fs::read_to_string(dir.join("policy.toml"))?)?;
    let records = read_records(&std::fs::read_to_string(dir.join("applications.jsonl"))?);
    let now: DateTime<Utc> = NOW.parse()?;
    let report = |lang| {
        Value::Array(
            triage(&records, &policy, now)
                .iter()
                .map(|e| e.to_json(lang))
                .collect(),
        )
    };
    // The policy as JSON too, for the browser build (it reads no TOML).
    Ok(
        json!({"now": NOW, "policy": serde_json::to_value(&policy)?, "en": report(Lang::En), "fr": report(Lang::Fr)}),
    )
}

/// Each country's example number, and a broken one, checked in both languages.
fn registration_answers() -> Value {
    let mut answers = Vec::new();
    for rules in registration::countries() {
        for scheme in rules.schemes {
            for number in [scheme.example.to_owned(), format!("{}9", scheme.example)] {
                for lang in [Lang::En, Lang::Fr] {
                    let answer = registration::validate_json(rules.country, &number, lang).ok();
                    answers.push(
                        json!({"country": rules.country, "number": number, "lang": lang, "answer": answer}),
                    );
                }
            }
        }
    }
    Value::Array(answers)
}

/// Billing statements and invoice checks (the core's `statement_json` and `check_invoice_json`)
/// on the documentation's examples and on broken variants of them, in both languages: each case
/// holds its inputs, so that the tests replay them through the package.
fn billing(dir: &Path) -> Result<Value, Box<dyn Error>> {
    let contract: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("contract.json"))?)?;
    let sessions: Vec<Value> = std::fs::read_to_string(dir.join("sessions.jsonl"))?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let sessions = Value::Array(sessions);
    let with = |extra: Vec<Value>| {
        let mut all = sessions.as_array().cloned().unwrap_or_default();
        all.extend(extra);
        Value::Array(all)
    };
    // Sessions that cannot be priced (a repeated id, a type without a rate), then one that
    // does not even read.
    let unpriced = with(vec![
        json!({"session_id": "s-0101", "started_at": "2026-01-29T10:00:00Z", "duration_minutes": 45,
            "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"}),
        json!({"session_id": "s-0201", "started_at": "2026-01-30T11:00:00Z", "duration_minutes": 45,
            "session_type": "workshop", "student_ref": "stu-1", "status": "completed"}),
    ]);
    let unread = with(vec![
        json!({"session_id": "s-0200", "started_at": "2026-01-29T11:00:00Z", "duration_minutes": -5,
        "session_type": "mentoring", "student_ref": "stu-1", "status": "done", "room": "B"}),
    ]);
    let mut broken_contract = contract.clone();
    set(
        &mut broken_contract,
        "/invoicing_party/registration_number",
        json!("732 829 320 00075"),
    )?;
    set(&mut broken_contract, "/versions/1/version", json!(3))?;
    let policy = json!({"billing": {"time_zone": "UTC", "student_no_show": "0.5", "cancelled_late": "0.25"}});
    let statements = [
        ("the example", &contract, &sessions, "2026-01", Value::Null),
        (
            "the example, the next month",
            &contract,
            &sessions,
            "2026-02",
            Value::Null,
        ),
        (
            "the example under a policy",
            &contract,
            &sessions,
            "2026-01",
            policy,
        ),
        ("a bad period", &contract, &sessions, "2026-13", Value::Null),
        (
            "sessions that cannot be priced",
            &contract,
            &unpriced,
            "2026-01",
            Value::Null,
        ),
        (
            "a session that does not read",
            &contract,
            &unread,
            "2026-01",
            Value::Null,
        ),
        (
            "a contract that does not read, and a bad period",
            &broken_contract,
            &sessions,
            "January",
            Value::Null,
        ),
    ];
    let mut cases = Vec::new();
    for (name, contract, sessions, period, policy) in statements {
        let loaded = if policy.is_null() {
            Policy::default()
        } else {
            Policy::from_value(&policy)?
        };
        let answer = |lang| match statement_json(contract, sessions, period, &loaded.billing, lang) {
            Ok(statement) => json!({"answer": statement}),
            Err(e) => json!({"errors": e.to_json(lang)}),
        };
        cases.push(json!({"name": name, "call": "statement", "contract": contract, "sessions": sessions, "period": period,
            "policy": policy, "en": answer(Lang::En), "fr": answer(Lang::Fr)}));
    }
    let statement = statement_json(
        &contract,
        &sessions,
        "2026-01",
        &Policy::default().billing,
        Lang::En,
    )?;
    let mut edited = statement.clone();
    set(&mut edited, "/total", json!("251.00"))?;
    let matching: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("invoice-matching.json"))?)?;
    let not_matching: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("invoice-not-matching.json"))?)?;
    let checks = [
        ("the matching invoice", &statement, matching.clone()),
        ("the invoice that does not match", &statement, not_matching),
        (
            "an invoice that does not read",
            &statement,
            json!({"invoice_number": "", "period": "2026-13", "total": 250}),
        ),
        ("a statement edited by hand", &edited, matching),
    ];
    for (name, statement, invoice) in checks {
        let answer = |lang| match check_invoice_json(statement, &invoice, lang) {
            Ok(check) => json!({"answer": check}),
            Err(e) => json!({"errors": e.to_json(lang)}),
        };
        cases.push(
            json!({"name": name, "call": "check_invoice", "statement": statement, "invoice": invoice,
            "en": answer(Lang::En), "fr": answer(Lang::Fr)}),
        );
    }
    Ok(Value::Array(cases))
}

/// Replaces the value at a JSON pointer, which must exist.
fn set(value: &mut Value, pointer: &str, new: Value) -> Result<(), Box<dyn Error>> {
    *value
        .pointer_mut(pointer)
        .ok_or_else(|| format!("no {pointer} in the example"))? = new;
    Ok(())
}
