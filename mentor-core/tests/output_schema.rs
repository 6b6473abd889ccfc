//! The JSON Schemas of the answers (`mentor_core::schema::outputs`, docs/schema/) hold the real
//! answers, produced through the public API from the project's examples (docs/examples), its
//! vectors (tests/vectors) and the shared fixtures (../shared/fixtures, when present), in both
//! languages:
//! - every decision (of each example situation, vector and valid form), validation and triage
//!   entry (valid and invalid lines), registration check (well-formed or not, in several
//!   countries, and of a country without rules), replay (the example log, the refused one, and
//!   contract logs), statement and invoice check (matching or not) is valid against its schema;
//! - each schema refuses an answer with a key removed, a key added or a value of the wrong
//!   type, so that it is not vacuous and an answer that gains a key fails here until its
//!   schema says so.
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use mentor_core::billing::{check_invoice_json, statement_json};
use mentor_core::contract::{Contract, ContractChange};
use mentor_core::eligibility::{WorkingSituation, evaluate};
use mentor_core::lifecycle::{self, Replay};
use mentor_core::policy::Policy;
use mentor_core::recruitment::{Application, ApplicationChange, ApplicationState};
use mentor_core::vocabulary::Vocabulary;
use mentor_core::{Lang, Localized, application, registration, schema, triage};
use serde_json::{Value, json};

const LANGS: [Lang; 2] = [Lang::En, Lang::Fr];

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_file(path: &Path) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `../shared/fixtures` from the workspace root, when it is there (a clone of this repository
/// alone has no fixtures).
fn fixtures() -> Option<PathBuf> {
    let dir = workspace().join("../shared/fixtures");
    if dir.join("applications.jsonl").is_file() {
        Some(dir)
    } else {
        eprintln!("notice: ../shared/fixtures not found next to the workspace; its answers are not checked");
        None
    }
}

fn validator(name: &str) -> jsonschema::Validator {
    let found = schema::outputs()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no output schema named {name}"));
    jsonschema::validator_for(&found.schema).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Asserts that every answer is valid against the schema `name`; returns how many there were.
fn assert_valid(name: &str, answers: &[Value]) -> usize {
    let v = validator(name);
    for answer in answers {
        let found: Vec<String> = v
            .iter_errors(answer)
            .map(|e| format!("at `{}`: {e}", e.instance_path()))
            .collect();
        assert!(
            found.is_empty(),
            "{name}: a real answer is invalid against its schema: {found:#?}\n{answer:#}"
        );
    }
    answers.len()
}

/// The application forms of the examples and fixtures, as records of one batch each.
fn form_files() -> Vec<PathBuf> {
    let mut files = vec![workspace().join("docs/examples/applications.jsonl")];
    files.extend(fixtures().map(|dir| dir.join("applications.jsonl")));
    files
}

fn policy() -> Policy {
    Policy::from_value(
        &toml::from_str::<Value>(&read(&workspace().join("docs/examples/policy.toml"))).unwrap(),
    )
    .unwrap()
}

fn now() -> DateTime<Utc> {
    "2026-11-20T12:00:00Z".parse().unwrap()
}

/// The triage entries of every form file, under the example policy and the default one.
fn entries() -> Vec<triage::Entry> {
    let mut entries = Vec::new();
    for file in form_files() {
        let records = triage::read_forms(&read(&file));
        for policy in [policy(), Policy::default()] {
            entries.extend(triage::triage(&records, &policy, now()));
        }
    }
    entries
}

fn rendered<T: Localized>(answers: &[T]) -> Vec<Value> {
    LANGS
        .iter()
        .flat_map(|lang| answers.iter().map(move |a| a.to_json(*lang)))
        .collect()
}

fn decisions() -> Vec<Value> {
    let mut situations = vec![json_file(&workspace().join("docs/examples/situation.json"))];
    let vectors = json_file(&workspace().join("tests/vectors/eligibility.json"));
    situations.extend(vectors.as_array().unwrap().iter().map(|v| v["situation"].clone()));
    let mut decisions = Vec::new();
    for situation in &situations {
        if let Ok(s) = WorkingSituation::from_json(situation) {
            decisions.push(evaluate(&s, &policy()));
            decisions.push(evaluate(&s, &Policy::default()));
        }
    }
    decisions.extend(entries().into_iter().filter_map(|e| e.eligibility));
    rendered(&decisions)
}

fn validations() -> Vec<Value> {
    let mut answers = Vec::new();
    for file in form_files() {
        for line in read(&file).lines().filter(|l| !l.trim().is_empty()) {
            for lang in LANGS {
                // A line that is not JSON is refused before validation (its `invalid_json`
                // field error is in its triage entry, checked there).
                if let Ok(answer) = application::validate_json_str(line, &policy(), lang) {
                    answers.push(answer);
                }
            }
        }
    }
    answers
}

fn registration_checks() -> Vec<Value> {
    let numbers = [
        ("FR", "732 829 320 00074"),
        ("FR", "732 829 320 00075"),
        ("FR", "FR40303265045"),
        ("FR", "12"),
        ("US", "12-3456789"),
        ("US", "00-3456789"),
        ("GB", "GB 980 7806 84"),
        ("GB", "1234567890"),
        ("DE", "DE136695976"),
        ("DE", "DE136695977"),
        ("ES", "12345678Z"),
        ("IT", "00743110157"),
        ("BE", "0403.019.261"),
        ("CH", "CHE-100.155.212"),
        ("MA", "001561191000066"),
        ("TN", "1234567/M/A/M/000"),
        ("FR", "   "),
        ("FR", "73282932000074!"),
        ("JP", "1234567890123"),
    ];
    let mut answers = Vec::new();
    let mut valid = 0;
    for (country, number) in numbers {
        for lang in LANGS {
            let answer = registration::validate_json(country, number, lang).unwrap();
            valid += usize::from(answer["valid"] == true);
            answers.push(answer);
        }
    }
    assert!(
        valid >= 8 && valid < answers.len(),
        "the numbers hold good and bad ones ({valid} of {} well-formed)",
        answers.len()
    );
    answers
}

fn application_replay(file: &str) -> Replay<Application> {
    let records = triage::read_records(&read(&workspace().join("docs/examples").join(file)));
    let events =
        lifecycle::read_log::<ApplicationChange>(&records).unwrap_or_else(|e| panic!("{file}: {e:?}"));
    Replay::run(&events)
}

fn contract_replay(log: &[Value]) -> Replay<Contract> {
    let events: Vec<_> = log
        .iter()
        .map(|e| lifecycle::Event::<ContractChange>::from_json(e).unwrap())
        .collect();
    Replay::run(&events)
}

fn replays() -> Vec<Value> {
    let done = application_replay("application-events.jsonl");
    let refused = application_replay("application-events-refused.jsonl");
    assert!(done.rejected.is_none() && refused.rejected.is_some());
    let mut answers = rendered(&[done, refused]);
    let sent = json!({"type": "sent", "at": "2026-11-02T08:15:00Z", "actor": "yousign", "version": 1, "provider": "yousign", "request_id": "r-1"});
    let contracts = [contract_replay(&[]), contract_replay(&[sent])];
    assert!(
        contracts[1].rejected.is_some(),
        "a contract cannot be sent before it is drafted"
    );
    answers.extend(rendered(&contracts));
    answers
}

fn billing() -> (Vec<Value>, Vec<Value>) {
    let dir = workspace().join("docs/examples/billing");
    let contract = json_file(&dir.join("contract.json"));
    let sessions: Vec<Value> = read(&dir.join("sessions.jsonl"))
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let billing = policy().billing.clone();
    let (mut statements, mut checks) = (Vec::new(), Vec::new());
    for lang in LANGS {
        for period in ["2025-12", "2026-01", "2026-02"] {
            statements.push(
                statement_json(&contract, &Value::from(sessions.clone()), period, &billing, lang).unwrap(),
            );
        }
        let statement = statement_json(
            &contract,
            &Value::from(sessions.clone()),
            "2026-01",
            &billing,
            lang,
        )
        .unwrap();
        for (invoice, matches) in [
            ("invoice-matching.json", true),
            ("invoice-not-matching.json", false),
        ] {
            let check = check_invoice_json(&statement, &json_file(&dir.join(invoice)), lang).unwrap();
            assert_eq!(check["matches"], matches, "{invoice}");
            checks.push(check);
        }
    }
    (statements, checks)
}

#[test]
fn every_decision_of_the_examples_vectors_and_fixtures_is_valid() {
    let answers = decisions();
    assert!(assert_valid("decision", &answers) > 100);
    for outcome in ["eligible", "action_required", "needs_review"] {
        assert!(
            answers.iter().any(|d| d["outcome"] == outcome),
            "no {outcome} decision among the examples"
        );
    }
    assert!(
        answers.iter().any(|d| d["registration"]["valid"] == false)
            && answers.iter().any(|d| d["registration"]["valid"] == true)
    );
}

#[test]
fn every_validation_and_triage_entry_is_valid() {
    let validations = validations();
    assert!(
        validations.iter().any(|v| v["valid"] == true) && validations.iter().any(|v| v["valid"] == false)
    );
    assert_valid("validation", &validations);
    let entries = rendered(&entries());
    for status in ["ranked", "invalid"] {
        assert!(
            entries.iter().any(|e| e["status"] == status),
            "no {status} entry among the examples"
        );
    }
    assert_valid("triage-entry", &entries);
    let errors: Vec<Value> = entries
        .iter()
        .flat_map(|e| e["errors"].as_array().unwrap().clone())
        .collect();
    assert!(assert_valid("field-error", &errors) > 5);
}

#[test]
fn every_registration_check_is_valid() {
    assert_valid("registration-check", &registration_checks());
}

#[test]
fn every_replay_is_valid() {
    assert_valid("replay", &replays());
}

#[test]
fn the_example_statements_and_invoice_checks_are_valid() {
    let (statements, checks) = billing();
    assert!(
        statements
            .iter()
            .any(|s| !s["lines"].as_array().unwrap().is_empty())
    );
    assert_valid("statement", &statements);
    assert_valid("invoice-check", &checks);
}

/// `value` with the JSON pointer `at` set to `to` (`None`: the key removed).
fn with(mut value: Value, at: &str, to: Option<Value>) -> Value {
    let (parent, key) = at.rsplit_once('/').unwrap();
    match (
        value
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{at}: no such place")),
        to,
    ) {
        (Value::Object(map), Some(to)) => {
            map.insert(key.to_owned(), to);
        }
        (Value::Object(map), None) => {
            assert!(map.remove(key).is_some(), "{at}: no such key");
        }
        (Value::Array(items), Some(to)) => items[key.parse::<usize>().unwrap()] = to,
        _ => panic!("{at}"),
    }
    value
}

/// A change to an answer: the JSON pointer and the new value (`None`: the key removed).
type Change = (String, Option<Value>);

/// Asserts that each change of `answer` makes it invalid against the schema `name`.
fn assert_refused(name: &str, answer: &Value, changes: &[(&str, Option<Value>)]) {
    let v = validator(name);
    assert!(v.is_valid(answer), "{name}: {answer}");
    for (at, to) in changes {
        let bad = with(answer.clone(), at, to.clone());
        assert!(
            !v.is_valid(&bad),
            "{name}: {at} set to {to:?}: still valid\n{bad:#}"
        );
    }
}

fn first<'a>(answers: &'a [Value], what: &str, pick: impl Fn(&Value) -> bool) -> &'a Value {
    answers
        .iter()
        .find(|a| pick(a))
        .unwrap_or_else(|| panic!("no {what} among the answers"))
}

#[test]
fn each_schema_refuses_a_missing_key_an_extra_key_and_a_wrong_type() {
    let extra = |at: &str| (at.to_owned(), Some(json!("x")));
    let decisions = decisions();
    let decision = first(&decisions, "decision with actions and a number", |d| {
        d["required_actions"].as_array().is_some_and(|a| !a.is_empty()) && d["registration"].is_object()
    });
    let entries = rendered(&entries());
    let ranked = first(&entries, "ranked entry", |e| e["status"] == "ranked");
    let invalid = first(&entries, "invalid entry", |e| e["status"] == "invalid");
    let validations = validations();
    let validation = first(&validations, "invalid validation", |v| v["valid"] == false);
    let checks = registration_checks();
    let good = first(&checks, "well-formed number", |c| c["valid"] == true);
    let bad = first(&checks, "number that is not well-formed", |c| {
        c["valid"] == false && c["scheme"].is_string()
    });
    let replays = replays();
    let replay = first(&replays, "replay with history", |r| {
        r["history"].as_array().is_some_and(|h| h.len() > 1)
    });
    let refused = first(&replays, "refused replay", |r| r["refused"].is_object());
    let (statements, checks) = billing();
    let statement = first(&statements, "statement with lines", |s| {
        !s["lines"].as_array().unwrap().is_empty()
    });
    let mismatch = first(&checks, "invoice check with discrepancies", |c| {
        c["matches"] == false
    });

    let cases: [(&str, &Value, Vec<Change>); 12] = [
        (
            "field-error",
            &invalid["errors"][0],
            vec![
                ("/message".into(), None),
                ("/code".into(), Some(json!("no_such_code"))),
                extra("/value"),
                ("/path".into(), Some(json!(3))),
            ],
        ),
        (
            "validation",
            validation,
            vec![
                ("/valid".into(), None),
                ("/completeness".into(), Some(json!("1"))),
                ("/errors/0/code".into(), None),
                extra("/offer_id"),
            ],
        ),
        (
            "decision",
            decision,
            vec![
                ("/outcome".into(), None),
                ("/outcome".into(), Some(json!("maybe"))),
                ("/payout".into(), Some(json!("cash"))),
                ("/required_actions/0/rule".into(), Some(json!("ws2"))),
                ("/required_actions/0/params/colour".into(), Some(json!("blue"))),
                ("/reasons".into(), Some(json!({}))),
                extra("/country"),
            ],
        ),
        (
            "triage-entry",
            ranked,
            vec![
                ("/rank".into(), Some(json!(0))),
                ("/contact_by".into(), None),
                ("/priority/components/demand".into(), None),
                ("/priority/tie".into(), Some(json!(1))),
                ("/eligibility/outcome".into(), Some(json!(1))),
                ("/status".into(), Some(json!("lost"))),
                extra("/offer_id"),
            ],
        ),
        (
            "triage-entry",
            invalid,
            vec![
                ("/errors".into(), Some(json!("bad"))),
                ("/line".into(), Some(json!(0))),
            ],
        ),
        (
            "registration-check",
            good,
            vec![
                ("/country".into(), None),
                ("/valid".into(), Some(json!(false))),
                ("/scheme".into(), Some(json!("fr_nothing"))),
                extra("/error"),
            ],
        ),
        (
            "registration-check",
            bad,
            vec![
                ("/message".into(), None),
                ("/error".into(), Some(json!("looks_odd"))),
                ("/normalized".into(), Some(json!("123"))),
            ],
        ),
        (
            "replay",
            replay,
            vec![
                ("/state".into(), Some(json!("lost"))),
                ("/history/0/type".into(), Some(json!("teleported"))),
                ("/history/0/actor".into(), Some(json!("stranger"))),
                ("/history/1/at".into(), None),
                ("/data".into(), Some(json!({}))),
                ("/aggregate".into(), Some(json!("invoice"))),
                extra("/next"),
            ],
        ),
        (
            "replay",
            refused,
            vec![
                ("/refused/message".into(), None),
                ("/refused/code".into(), Some(json!("nope"))),
                extra("/refused/why"),
            ],
        ),
        (
            "statement",
            statement,
            vec![
                ("/total".into(), None),
                ("/total".into(), Some(json!(42.0))),
                ("/lines/0/status".into(), Some(json!("done"))),
                ("/lines/0/amount".into(), Some(json!("35,00"))),
                ("/vat/treatment".into(), Some(json!("none"))),
                ("/invoicing_party/vat".into(), Some(json!("exempt"))),
                ("/customer/country".into(), Some(json!("DE"))),
                extra("/lines/0/note"),
            ],
        ),
        (
            "invoice-check",
            mismatch,
            vec![
                ("/matches".into(), None),
                ("/matches".into(), Some(json!("no"))),
                ("/discrepancies/0/code".into(), Some(json!("looks_wrong"))),
                ("/discrepancies/0/expected".into(), Some(json!(288))),
                extra("/discrepancies/0/severity"),
            ],
        ),
        (
            "decision",
            decision,
            vec![
                ("/registration/valid".into(), Some(json!("yes"))),
                ("/reasons/0/message".into(), None),
            ],
        ),
    ];
    for (name, answer, changes) in cases {
        let changes: Vec<(&str, Option<Value>)> =
            changes.iter().map(|(at, to)| (at.as_str(), to.clone())).collect();
        assert_refused(name, answer, &changes);
    }
}

#[test]
fn the_answers_vocabularies_come_from_the_code() {
    let outputs = schema::outputs();
    let get = |name: &str| outputs.iter().find(|s| s.name == name).unwrap().schema.clone();
    // A vocabulary is an `enum`, or a `oneOf` of `const`s where each name has its own
    // description.
    let names = |schema: &Value| -> Value {
        match schema["oneOf"].as_array() {
            Some(each) => each.iter().map(|s| s["const"].clone()).collect(),
            None => schema["enum"].clone(),
        }
    };
    let decision = get("decision");
    assert_eq!(
        names(&decision["$defs"]["Outcome"]),
        json!(["eligible", "needs_review", "action_required", "ineligible"])
    );
    assert_eq!(
        names(&decision["$defs"]["Party"]),
        json!(["employer", "mentor_business"])
    );
    let codes: Vec<&str> = <mentor_core::ErrorCode as Vocabulary>::ALL
        .iter()
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(names(&get("field-error")["$defs"]["ErrorCode"]), json!(codes));
    let states: Vec<&str> = ApplicationState::ALL.iter().map(|(name, _)| *name).collect();
    assert_eq!(names(&get("replay")["$defs"]["ApplicationState"]), json!(states));
}

/// Every object of every answer's schema allows no key it does not list (but a replay's
/// `data`), and requires every key it lists (but an action's `params`, whose keys depend on the
/// action).
#[test]
fn every_object_of_an_answer_is_closed() {
    fn walk(schema: &Value, at: &str, name: &str, objects: &mut usize) {
        let Some(map) = schema.as_object() else { return };
        if let Some(Value::Object(properties)) = map.get("properties") {
            *objects += 1;
            if !at.ends_with("/data") {
                assert_eq!(
                    map.get("additionalProperties"),
                    Some(&Value::Bool(false)),
                    "{name}: {at}"
                );
            }
            if !at.ends_with("/params") {
                let mut required: Vec<&str> = map["required"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| k.as_str().unwrap())
                    .collect();
                let mut keys: Vec<&str> = properties.keys().map(String::as_str).collect();
                required.sort_unstable();
                keys.sort_unstable();
                assert_eq!(required, keys, "{name}: {at}");
            }
            for (key, property) in properties {
                walk(property, &format!("{at}/{key}"), name, objects);
            }
        }
        for key in ["items"] {
            if let Some(item) = map.get(key) {
                walk(item, &format!("{at}/{key}"), name, objects);
            }
        }
        for key in ["anyOf", "oneOf"] {
            for (i, item) in map
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .enumerate()
            {
                walk(item, &format!("{at}/{key}/{i}"), name, objects);
            }
        }
        if let Some(Value::Object(defs)) = map.get("$defs") {
            for (key, def) in defs {
                walk(def, &format!("#/$defs/{key}"), name, objects);
            }
        }
    }
    for s in schema::outputs() {
        let mut objects = 0;
        walk(&s.schema, "#", s.name, &mut objects);
        assert!(objects > 0, "{}", s.name);
    }
}
