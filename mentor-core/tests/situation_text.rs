//! `WorkingSituation::from_json_str` (the fast reading of JSON text) must give exactly the
//! answer of `WorkingSituation::from_json` on the parsed text, for clean and messy input
//! alike: same situation, or same field errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::path::PathBuf;

use mentor_core::Lang;
use mentor_core::eligibility::{WorkingSituation, evaluate_json, evaluate_json_str, evaluate_json_text};
use mentor_core::policy::Policy;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

/// The tree reading: the text parsed as every reader parses text (a repeated key is
/// `duplicate_key`, not "the last one wins"), then the value read.
fn slow(text: &str) -> Result<WorkingSituation, Vec<(String, &'static str)>> {
    let value: Value = mentor_core::wire::parse_value(text).map_err(|e| vec![(e.path, e.code.as_str())])?;
    WorkingSituation::from_json(&value).map_err(|e| {
        e.errors
            .iter()
            .map(|f| (f.path.clone(), f.code.as_str()))
            .collect()
    })
}

fn fast(text: &str) -> Result<WorkingSituation, Vec<(String, &'static str)>> {
    WorkingSituation::from_json_str(text).map_err(|e| {
        e.errors
            .iter()
            .map(|f| (f.path.clone(), f.code.as_str()))
            .collect()
    })
}

#[test]
fn the_shared_vectors_read_the_same_from_text() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/eligibility.json");
    let vectors: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(vectors.len() > 50);
    for v in vectors {
        let text = v["situation"].to_string();
        assert_eq!(fast(&text), slow(&text), "{text}");
        let policy = Policy::default();
        assert_eq!(
            evaluate_json_str(&text, &policy, Lang::Fr).ok(),
            evaluate_json(&v["situation"], &policy, Lang::Fr).ok()
        );
        // The text written without a tree parses to the same decision, in both languages.
        for lang in [Lang::En, Lang::Fr] {
            let written = evaluate_json_text(&text, &policy, lang).unwrap();
            let parsed: Value = serde_json::from_str(&written).unwrap();
            assert_eq!(
                parsed,
                evaluate_json(&v["situation"], &policy, lang).unwrap(),
                "{text}"
            );
        }
    }
}

#[test]
fn messy_texts_fall_back_to_the_full_reader() {
    for text in [
        r#"["FR", "student"]"#,
        r#"{"country": "FR", "status": "student", "employment": [true]}"#,
        r#"{"country": " FR", "status": "student"}"#,
        r#"{"country": "FR", "status": "student", "status": "pirate"}"#,
        r#"{"country": "FR", "status": "Student"}"#,
        r#"{"country": "FR", "status": null}"#,
        r#"{"country": "", "status": "student"}"#,
        r#"{"country": "FR", "status": "freelancer", "business": {"registration_number": "732\u0000829"}}"#,
        r#"{"country": "FR", "status": "freelancer", "business": {"registration_number": "\u0037\u0033\u0032"}}"#,
        r#"{"country": "FR", "status": "student", "extra": 1}"#,
        r#"{"country": 33, "status": "student"}"#,
        "not json",
        "",
    ] {
        assert_eq!(fast(text), slow(text), "{text}");
    }
    let repeated = r#"{"country": "FR", "status": "student", "status": "pirate"}"#;
    assert_eq!(fast(repeated), Err(vec![("status".to_owned(), "duplicate_key")]));
}

fn text_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        4 => prop::sample::select(vec!["FR", "fr", "GB", "JP", "XX", "student", "freelancer", "employee", "via_employer", "via_own_company",
            "it_services", "education", "other", "agreed", "refused", "not_asked", "732 829 320 00074", "73282932000074", "GB980780684",
            "micro_entrepreneur", "Acme", " FR ", "", "  ", "a\u{202e}b", "x\ty"]).prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::from),
        1 => (0i64..100).prop_map(Value::from),
        1 => Just(json!(["FR"])),
        1 => "[a-z ]{60,70}".prop_map(Value::from),
    ]
}

fn object(
    keys: &'static [&'static str],
    value: impl Strategy<Value = Value>,
) -> impl Strategy<Value = Value> {
    prop::collection::vec((prop::sample::select(keys), value), 0..6).prop_map(|pairs| {
        let mut map = Map::new();
        for (k, v) in pairs {
            map.insert(k.to_owned(), v);
        }
        Value::Object(map)
    })
}

fn situation() -> impl Strategy<Value = Value> {
    let employment = object(
        &[
            "full_time",
            "employer_name",
            "employer_sector",
            "employer_agreement",
            "employer_informed",
            "typo",
        ],
        text_value(),
    );
    let business = object(&["legal_form", "registration_number", "typo"], text_value());
    (
        object(&["country", "status", "route", "typo"], text_value()),
        prop::option::of(employment),
        prop::option::of(business),
    )
        .prop_map(|(mut top, employment, business)| {
            if let Value::Object(map) = &mut top {
                if let Some(e) = employment {
                    map.insert("employment".into(), e);
                }
                if let Some(b) = business {
                    map.insert("business".into(), b);
                }
            }
            top
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn text_and_tree_readings_agree(value in situation()) {
        let text = value.to_string();
        prop_assert_eq!(fast(&text), slow(&text), "{}", text);
    }
}

#[test]
fn a_situation_that_is_not_an_object_is_invalid_type_at_the_root() {
    for text in ["null", "[]", "\"FR\"", "3", "true"] {
        assert_eq!(fast(text), Err(vec![(String::new(), "invalid_type")]), "{text}");
        assert_eq!(slow(text), fast(text), "{text}");
    }
}
