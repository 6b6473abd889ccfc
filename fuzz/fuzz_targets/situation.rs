//! A working situation (`docs/wire-format.md#working-situation`): the text reader
//! (`from_json_str`) and the value reader (`parse_value`, then `from_json`) give the same
//! situation or the same errors in the same order; a situation read is decided under both
//! policies and its decision written in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mentor_core::eligibility::{WorkingSituation, evaluate};
use mentor_core::wire::parse_value;
use mentor_core::{InputError, Lang, Localized};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let by_text = WorkingSituation::from_json_str(text);
    let by_value = parse_value(text)
        .map_err(|e| InputError { errors: vec![e] })
        .and_then(|value| WorkingSituation::from_json(&value));
    assert_eq!(by_text, by_value, "the text and value readers disagree");
    match by_text {
        Ok(situation) => {
            for policy in mentor_fuzz::policies() {
                let decision = evaluate(&situation, policy);
                let _ = decision.to_json(Lang::En);
                let _ = decision.to_json(Lang::Fr);
            }
        }
        Err(e) => {
            assert!(!e.errors.is_empty());
            let _ = e.to_json(Lang::Fr);
        }
    }
});
