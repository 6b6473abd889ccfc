//! A policy in TOML (`docs/policy.md`, POL-1). `from_text` reads TOML text as `from_toml` does;
//! and the TOML read as a plain table and handed over as JSON (`from_value`) has the same
//! problems, at the same paths with the same codes (only TOML's positions differ).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::policy::{Policy, PolicyError};
use mentor_core::{Lang, Localized};

/// The problems as sorted `(path, code)` pairs.
fn problems(e: &PolicyError) -> Vec<(String, &'static str)> {
    let mut out: Vec<_> = e
        .problems()
        .iter()
        .map(|p| (p.error().path.clone(), p.error().code.as_str()))
        .collect();
    out.sort();
    out
}

/// Whether a TOML value has a JSON equivalent: no date-times, no infinite or NaN floats.
fn plain(value: &toml::Value) -> bool {
    match value {
        toml::Value::Datetime(_) => false,
        toml::Value::Float(f) => f.is_finite(),
        toml::Value::Array(items) => items.iter().all(plain),
        toml::Value::Table(table) => table.values().all(plain),
        _ => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = Policy::from_toml(text);
    if let Err(e) = &read {
        assert!(!e.problems().is_empty());
        let _ = (e.to_json(Lang::Fr), e.message(Lang::En));
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !body.trim_start().starts_with('{') {
        assert_eq!(Policy::from_text(text), read, "from_text and from_toml differ");
    }
    let Ok(table) = toml::from_str::<toml::Table>(body) else {
        return;
    };
    if !table.values().all(plain) {
        return;
    }
    let json = serde_json::to_value(&table).unwrap();
    let by_value = Policy::from_value(&json);
    match (&read, &by_value) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "TOML and JSON give different policies"),
        (Err(a), Err(b)) => assert_eq!(problems(a), problems(b), "TOML and JSON give different problems"),
        _ => panic!(
            "TOML and JSON disagree: {:?} / {:?}",
            read.as_ref().err(),
            by_value.as_ref().err()
        ),
    }
});
