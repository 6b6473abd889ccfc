//! The JSON Schemas of the wire inputs (`mentor_core::schema`, docs/schema/):
//! - the committed files, inputs and answers alike, are what the code writes (else: run
//!   `bash scripts/schema.sh`);
//! - each, inputs and answers alike, is a valid JSON Schema 2020-12 document;
//! - every example input the library accepts is valid against its schema: the project's
//!   examples (docs/examples), its vectors (tests/vectors) and the shared fixtures
//!   (../shared/fixtures, when present);
//! - inputs that break a rule a schema states (an unknown key, a wrong type, a value outside
//!   a vocabulary, a text too long, a number out of range, a missing field) are invalid against
//!   it, and the library refuses them too.
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mentor_core::application;
use mentor_core::billing::Session;
use mentor_core::eligibility::WorkingSituation;
use mentor_core::policy::Policy;
use mentor_core::schema::{self, WireSchema};
use serde_json::{Value, json};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn schema(name: &str) -> WireSchema {
    schema::inputs()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no schema named {name}"))
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&schema(name).schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The schema's complaints about `input`, one line each (empty: valid).
fn complaints(validator: &jsonschema::Validator, input: &Value) -> Vec<String> {
    validator
        .iter_errors(input)
        .map(|e| format!("at `{}`: {e}", e.instance_path()))
        .collect()
}

/// The records of a JSON Lines file that are JSON (the examples hold a broken line on purpose:
/// the library refuses it as `invalid_json`, before any schema).
fn lines(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

/// `../shared/fixtures` from the workspace root, when it is there (a clone of this repository
/// alone has no fixtures).
fn fixtures() -> Option<PathBuf> {
    let dir = workspace().join("../shared/fixtures");
    if dir.join("applications.jsonl").is_file() {
        Some(dir)
    } else {
        eprintln!("notice: ../shared/fixtures not found next to the workspace; its inputs are not checked");
        None
    }
}

fn toml_as_json(path: &Path) -> Value {
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_committed_schemas_are_what_the_code_writes() {
    let dir = workspace().join("docs/schema");
    let mut expected = BTreeSet::new();
    let mut stale = Vec::new();
    for input in schema::all() {
        let file = input.file_name();
        let committed = std::fs::read_to_string(dir.join(&file)).unwrap_or_default();
        if committed != input.to_text() {
            stale.push(file.clone());
        }
        expected.insert(file);
    }
    let present: BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|n| n.ends_with(".schema.json"))
                .collect()
        })
        .unwrap_or_default();
    let extra: Vec<_> = present.difference(&expected).collect();
    assert!(
        stale.is_empty() && extra.is_empty(),
        "docs/schema/ has drifted from the code (out of date: {stale:?}; no longer written: {extra:?}): run `{}` and commit the result",
        schema::REGENERATE
    );
}

#[test]
fn each_schema_is_a_json_schema_2020_12_document() {
    for input in schema::all() {
        assert_eq!(
            input.schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{}",
            input.name
        );
        if let Err(e) = jsonschema::meta::validate(&input.schema) {
            panic!("{}: not a valid JSON Schema: {e}", input.name);
        }
        assert!(input.to_text().ends_with("}\n"));
    }
}

/// Every application form the library accepts (under the default policy, which accepts any
/// offer) is valid against the schema.
fn check_forms(forms: &[Value], source: &str) -> usize {
    let v = validator("application-form");
    let mut accepted = 0;
    for (i, form) in forms.iter().enumerate() {
        if application::validate(form, &Policy::default()).result.is_ok() {
            accepted += 1;
            let found = complaints(&v, form);
            assert!(
                found.is_empty(),
                "{source} line {}: accepted by the library, refused by the schema: {found:#?}",
                i + 1
            );
        }
    }
    accepted
}

#[test]
fn the_example_and_fixture_forms_are_valid() {
    let examples = lines(&workspace().join("docs/examples/applications.jsonl"));
    assert!(
        check_forms(&examples, "docs/examples/applications.jsonl") >= 5,
        "the examples hold valid forms"
    );
    if let Some(dir) = fixtures() {
        let forms = lines(&dir.join("applications.jsonl"));
        assert!(check_forms(&forms, "fixtures/applications.jsonl") >= 10);
    }
}

#[test]
fn the_example_and_vector_situations_are_valid() {
    let v = validator("working-situation");
    let mut situations = vec![
        serde_json::from_str::<Value>(
            &std::fs::read_to_string(workspace().join("docs/examples/situation.json")).unwrap(),
        )
        .unwrap(),
    ];
    let vectors: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(workspace().join("tests/vectors/eligibility.json")).unwrap(),
    )
    .unwrap();
    situations.extend(vectors.iter().map(|v| v["situation"].clone()));
    let mut accepted = 0;
    for situation in &situations {
        if WorkingSituation::from_json(situation).is_ok() {
            accepted += 1;
            let found = complaints(&v, situation);
            assert!(
                found.is_empty(),
                "accepted by the library, refused by the schema: {situation}\n{found:#?}"
            );
        }
    }
    assert!(accepted > 50, "{accepted}");
    // In a form, a situation's country is the applicant's by default: the form's schema does not
    // require it.
    let form = json!({"offer_id": "o", "applicant": {"first_name": "A", "last_name": "B", "email": "a@example.org", "country": "FR"},
        "subjects": [{"subject": "python", "level": "expert"}], "consent": {"data_processing": true},
        "working_situation": {"status": "student"}});
    assert!(application::validate(&form, &Policy::default()).result.is_ok());
    assert_eq!(
        complaints(&validator("application-form"), &form),
        Vec::<String>::new()
    );
}

#[test]
fn the_example_sessions_are_valid() {
    let v = validator("billing-session");
    let sessions = lines(&workspace().join("docs/examples/billing/sessions.jsonl"));
    assert!(!sessions.is_empty());
    for session in &sessions {
        Session::from_json(session).unwrap();
        assert_eq!(complaints(&v, session), Vec::<String>::new(), "{session}");
    }
}

#[test]
fn the_example_and_fixture_policies_are_valid() {
    let v = validator("policy");
    let mut files = vec![workspace().join("docs/examples/policy.toml")];
    files.extend(fixtures().map(|dir| dir.join("policy.toml")));
    for file in files {
        let policy = toml_as_json(&file);
        Policy::from_value(&policy).unwrap();
        assert_eq!(
            complaints(&v, &policy),
            Vec::<String>::new(),
            "{}",
            file.display()
        );
    }
    let defaults = serde_json::to_value(Policy::default()).unwrap();
    assert_eq!(
        complaints(&v, &defaults),
        Vec::<String>::new(),
        "the default policy, written out"
    );
    assert_eq!(complaints(&v, &json!({})), Vec::<String>::new());
}

/// A valid form to break one rule at a time.
fn form() -> Value {
    json!({
        "reference": "S-1",
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "phone": "+44 20 7946 0958",
                      "country": "GB", "timezone": "Europe/London", "languages": ["en", "fr"]},
        "subjects": [{"subject": "python", "level": "expert", "years_experience": 6.0}],
        "experience": {"current_role": "Engineer", "years_professional": 8, "mentoring_experience": true, "recent_projects": ["A compiler"]},
        "motivation": "Line one.\nLine two.",
        "availability_hours_per_week": 6,
        "links": {"linkedin": "https://www.linkedin.com/in/ada", "portfolio": null},
        "working_situation": {"status": "employee", "employment": {"employer_sector": "education", "employer_agreement": "agreed"}, "route": "via_employer"},
        "interview_readiness": {"microphone": true, "camera": true, "quiet_well_lit_room": false},
        "consent": {"data_processing": true},
        "submitted_at": "2026-11-12T09:30:00Z"
    })
}

/// `value` with the JSON pointer `at` set to `to` (`None`: the key removed).
fn with(mut value: Value, at: &str, to: Option<Value>) -> Value {
    let (parent, key) = at.rsplit_once('/').unwrap();
    let parent = value.pointer_mut(parent).unwrap_or_else(|| panic!("{at}"));
    match (parent, to) {
        (Value::Object(map), Some(to)) => {
            map.insert(key.to_owned(), to);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(items), Some(to)) => items[key.parse::<usize>().unwrap()] = to,
        _ => panic!("{at}"),
    }
    value
}

#[test]
fn a_form_that_breaks_a_stated_rule_is_invalid_and_refused() {
    let v = validator("application-form");
    assert_eq!(complaints(&v, &form()), Vec::<String>::new());
    assert!(application::validate(&form(), &Policy::default()).result.is_ok());
    let long = |n: usize| Some(Value::from("x".repeat(n)));
    let cases = [
        ("/colour", Some(json!("blue")), "an unknown key"),
        (
            "/applicant/middle_name",
            Some(json!("B")),
            "an unknown key in a nested object",
        ),
        (
            "/subjects/0/grade",
            Some(json!(1)),
            "an unknown key in a list's item",
        ),
        ("/offer_id", Some(json!(7)), "a number for a text"),
        ("/offer_id", None, "a required field missing"),
        ("/offer_id", Some(Value::Null), "null for a required field"),
        ("/applicant", Some(json!("Ada")), "a text for an object"),
        ("/subjects", Some(json!([])), "no subject"),
        (
            "/subjects/0/level",
            Some(json!("guru")),
            "a level outside the vocabulary",
        ),
        (
            "/subjects/0/subject",
            Some(json!("Web Development")),
            "a subject that is not a slug",
        ),
        (
            "/applicant/country",
            Some(json!("France")),
            "a country that is not a code",
        ),
        (
            "/working_situation/status",
            Some(json!("pirate")),
            "a status outside the vocabulary",
        ),
        (
            "/working_situation/employment/employer_agreement",
            Some(json!("maybe")),
            "an agreement outside the vocabulary",
        ),
        ("/applicant/first_name", long(101), "a name of 101 characters"),
        (
            "/applicant/languages/0",
            long(9),
            "a language code of 9 characters",
        ),
        ("/motivation", long(5_001), "a motivation of 5,001 characters"),
        ("/availability_hours_per_week", Some(json!(81)), "81 hours a week"),
        ("/availability_hours_per_week", Some(json!(0)), "0 hours a week"),
        (
            "/availability_hours_per_week",
            Some(json!(6.5)),
            "a number that is not whole",
        ),
        ("/subjects/0/years_experience", Some(json!(-1)), "negative years"),
        (
            "/experience/mentoring_experience",
            Some(json!("yes")),
            "a text for a boolean",
        ),
        ("/consent/data_processing", None, "no consent"),
    ];
    for (at, to, what) in cases {
        let bad = with(form(), at, to);
        assert!(!v.is_valid(&bad), "{what} ({at}): valid against the schema");
        assert!(
            application::validate(&bad, &Policy::default()).result.is_err(),
            "{what} ({at}): accepted by the library"
        );
    }
}

#[test]
fn a_situation_session_or_policy_that_breaks_a_stated_rule_is_invalid_and_refused() {
    let situation = validator("working-situation");
    let ok = json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "73282932000074"}});
    assert!(situation.is_valid(&ok));
    for bad in [
        json!({"status": "freelancer"}),
        json!({"country": null, "status": "freelancer"}),
        json!({"country": "FR", "status": "freelancer", "business": {"siret": "73282932000074"}}),
        json!({"country": "FR", "status": "employee", "route": "via_mars"}),
        json!({"country": "FR", "status": "employee", "employment": {"full_time": "yes"}}),
    ] {
        assert!(!situation.is_valid(&bad), "{bad}");
        assert!(WorkingSituation::from_json(&bad).is_err(), "{bad}");
    }

    let session = validator("billing-session");
    let ok = json!({"session_id": "s-1", "started_at": "2026-01-12T17:00:00Z", "duration_minutes": 45,
        "session_type": "mentoring", "student_ref": "stu-1", "status": "completed"});
    assert!(session.is_valid(&ok));
    for (at, to) in [
        ("/status", Some(json!("done"))),
        ("/duration_minutes", Some(json!(1441))),
        ("/student_ref", None),
        ("/room", Some(json!("B"))),
    ] {
        let bad = with(ok.clone(), at, to);
        assert!(!session.is_valid(&bad), "{bad}");
        assert!(Session::from_json(&bad).is_err(), "{bad}");
    }

    let policy = validator("policy");
    for bad in [
        json!({"ofers": []}),
        json!({"demand": {"python": "hot"}}),
        json!({"demand": {"Python": "urgent"}}),
        json!({"employer_sectors_suited": ["farming"]}),
        json!({"interview": {"manner_minimum": 5}}),
        json!({"review_weights": {"demand": -1}}),
        json!({"contact_deadline_days": {"urgent": "3"}}),
        json!({"billing": {"student_no_show": "1.5"}}),
        json!({"billing": {"cancelled_late": 1.5}}),
        json!({"excluded_countries": ["FRA"]}),
    ] {
        assert!(!policy.is_valid(&bad), "{bad}");
        assert!(Policy::from_value(&bad).is_err(), "{bad}");
    }
    // A share written as a number is read (as TOML users write it), though the schema states
    // the canonical decimal string.
    let lenient = json!({"billing": {"student_no_show": 1}});
    assert!(!policy.is_valid(&lenient) && Policy::from_value(&lenient).is_ok());
}

#[test]
fn vocabularies_and_limits_come_from_the_code() {
    let form = schema("application-form").schema;
    let defs = &form["$defs"];
    assert_eq!(defs["SubjectForm"]["properties"]["level"]["type"], "string");
    assert_eq!(
        defs["SubjectForm"]["properties"]["level"]["enum"],
        json!(["comfortable", "proficient", "expert"])
    );
    assert_eq!(
        defs["ApplicantForm"]["required"],
        json!(["first_name", "last_name", "email", "country"])
    );
    assert_eq!(
        form["required"],
        json!(["offer_id", "applicant", "subjects", "consent"])
    );
    // Optional fields may be null (the same as absent, `docs/wire-format.md`).
    assert_eq!(
        form["properties"]["motivation"]["type"],
        json!(["string", "null"])
    );
    assert_eq!(form["properties"]["links"]["anyOf"][1], json!({"type": "null"}));
    let session = schema("billing-session").schema;
    assert_eq!(
        session["properties"]["duration_minutes"]["maximum"],
        u64::from(mentor_core::billing::MAX_DURATION_MINUTES)
    );
    assert_eq!(
        session["properties"]["session_id"]["maxLength"],
        mentor_core::billing::MAX_SESSION_ID_CHARS
    );
    let situation = schema("working-situation").schema;
    assert_eq!(situation["required"], json!(["country", "status"]));
    assert_eq!(situation["properties"]["country"]["type"], "string");
    assert_eq!(
        form["$defs"]["SituationForm"]["properties"]["country"]["type"],
        json!(["string", "null"])
    );
}

#[test]
fn the_patterns_say_what_the_readers_accept() {
    let form = schema("application-form").schema;
    let slug = jsonschema::validator_for(&form["$defs"]["SubjectForm"]["properties"]["subject"]).unwrap();
    for s in [
        "python",
        "web_development",
        "c99",
        "Python",
        "9lives",
        "_x",
        "web-dev",
        "",
        "é",
        "a b",
        "ok\n",
    ] {
        assert_eq!(slug.is_valid(&json!(s)), application::is_subject_slug(s), "{s:?}");
    }
    let country =
        jsonschema::validator_for(&form["$defs"]["ApplicantForm"]["properties"]["country"]).unwrap();
    for s in ["FR", "fr", "Gb", "XX", "FRA", "F", "", "1A", "É"] {
        // A valid pattern does not make a code assigned (`XX`); an assigned code matches it.
        if mentor_core::CountryCode::parse(s).is_some() {
            assert!(country.is_valid(&json!(s)), "{s:?}");
        }
        assert_eq!(
            country.is_valid(&json!(s)),
            s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()),
            "{s:?}"
        );
    }
}
