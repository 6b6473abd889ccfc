//! A policy in JSON (`docs/policy.md`, POL-1): `from_text` reads JSON text (starting with `{`)
//! as `from_json` does, and `from_json` as `from_value` on the value `parse_value` reads; a
//! policy read from JSON loads the same from its TOML form when it has one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::policy::Policy;
use mentor_core::wire::parse_value;
use mentor_core::{Lang, Localized};
use serde_json::Value;

/// Whether a JSON value has a TOML form (no `null`).
fn has_toml_form(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Array(items) => items.iter().all(has_toml_form),
        Value::Object(map) => map.values().all(has_toml_form),
        _ => true,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = Policy::from_json(text);
    match &read {
        Ok(_) => {}
        Err(e) => {
            assert!(!e.problems().is_empty());
            let _ = (e.to_json(Lang::Fr), e.message(Lang::En));
        }
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim_start().starts_with('{') {
        assert_eq!(Policy::from_text(text), read, "from_text and from_json differ");
    }
    if let Ok(value) = parse_value(body) {
        assert_eq!(
            Policy::from_value(&value),
            read,
            "from_value and from_json differ"
        );
        if let (Ok(policy), Value::Object(_)) = (&read, &value)
            && has_toml_form(&value)
            && let Ok(toml) = toml::to_string(&value)
        {
            assert_eq!(
                Policy::from_toml(&toml).as_ref(),
                Ok(policy),
                "a JSON policy loads differently from TOML"
            );
        }
    }
});
