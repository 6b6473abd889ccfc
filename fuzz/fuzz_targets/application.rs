//! One application form (`docs/wire-format.md#application-form`), read three ways that must
//! give the same answer, errors in the same order included:
//! - the text reader (`validate_str`: straight into the form's raw shape, no JSON tree);
//! - the value reader (`parse_value`, then `validate`: what the browser build and callers
//!   holding a `serde_json::Value` do);
//! - the bytes reader of batches (`read_forms_bytes`, then `triage::assess`), for a form on one
//!   line, against the same record read into a value (`read_records_bytes`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::application::{Validation, validate, validate_json_str, validate_str};
use mentor_core::triage::{assess, read_forms_bytes, read_records_bytes};
use mentor_core::wire::parse_value;
use mentor_core::{Lang, Localized};

fuzz_target!(|data: &[u8]| {
    for policy in mentor_fuzz::policies() {
        if let Ok(text) = std::str::from_utf8(data) {
            let by_text = validate_str(text, policy);
            let by_value = match parse_value(text) {
                Ok(value) => validate(&value, policy),
                Err(e) => Validation::unreadable(e),
            };
            assert_eq!(by_text, by_value, "the text and value readers disagree");
            if let Err(errors) = &by_text.result {
                assert!(!errors.is_empty(), "an invalid form names its errors");
            }
            assert!((0.0..=1.0).contains(&by_text.completeness));
            match validate_json_str(text, policy, Lang::Fr) {
                Ok(wire) => assert_eq!(wire, by_text.to_json(Lang::Fr)),
                Err(e) => assert_eq!(Validation::unreadable(e), by_text),
            }
        }
        if !data.contains(&b'\n') {
            let forms = read_forms_bytes(data);
            let values = read_records_bytes(data);
            assert_eq!(
                forms.len(),
                values.len(),
                "the two record readers cut differently"
            );
            for (form, value) in forms.iter().zip(&values) {
                assert_eq!(form.line(), value.line());
                let now = mentor_fuzz::now();
                let (a, b) = (assess(form, policy, now), assess(value, policy, now));
                assert_eq!(a, b, "the bytes reader disagrees with the value reader");
                let _ = a.to_json(Lang::En);
            }
        }
    }
});
