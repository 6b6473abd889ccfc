//! The native core's answers to the shared conformance inputs, as one JSON document on stdout,
//! for the Node tests to compare with the WebAssembly build's answers byte for byte (same
//! wire values, both languages).
//!
//! `cargo run -q -p mentor-wasm --example native_answers > answers.json`, from the workspace
//! root. Reads `tests/vectors/eligibility.json` and, when present, `../shared/fixtures`.

use std::error::Error;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mentor_core::eligibility::evaluate_json;
use mentor_core::policy::Policy;
use mentor_core::triage::{read_records, triage};
use mentor_core::{Lang, registration};
use serde_json::{Value, json};

/// The instant the Rust conformance test triages the fixtures at.
const NOW: &str = "2026-11-30T09:00:00Z";

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let vectors: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(root.join("tests/vectors/eligibility.json"))?)?;
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
    let report = |lang| Value::Array(triage(&records, &policy, now).iter().map(|e| e.to_json(lang)).collect());
    // The policy as JSON too, for the browser build (it reads no TOML).
    Ok(json!({"now": NOW, "policy": serde_json::to_value(&policy)?, "en": report(Lang::En), "fr": report(Lang::Fr)}))
}

/// Each country's example number, and a broken one, checked in both languages.
fn registration_answers() -> Value {
    let mut answers = Vec::new();
    for rules in registration::countries() {
        for scheme in rules.schemes {
            for number in [scheme.example.to_owned(), format!("{}9", scheme.example)] {
                for lang in [Lang::En, Lang::Fr] {
                    let answer = registration::validate_json(rules.country, &number, lang).ok();
                    answers.push(json!({"country": rules.country, "number": number, "lang": lang, "answer": answer}));
                }
            }
        }
    }
    Value::Array(answers)
}
