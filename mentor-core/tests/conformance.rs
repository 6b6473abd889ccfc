//! Conformance with the shared fixtures (`../shared/fixtures`, see its README): triage of
//! `applications.jsonl` under `policy.toml` must agree with `applications.expected.jsonl`,
//! in English and in French, through the core API.
//!
//! When the fixtures are not there (a clone of this repository alone), the tests print a
//! notice and pass: the fixtures belong to the project, not to this repository.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use mentor_core::Lang;
use mentor_core::Localized;
use mentor_core::policy::Policy;
use mentor_core::triage::{self, Entry};
use serde_json::Value;

fn fixtures() -> Option<PathBuf> {
    // `../shared/fixtures` from the workspace root, which is this crate's parent.
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
    if dir.join("applications.jsonl").is_file() {
        Some(dir)
    } else {
        eprintln!("notice: ../shared/fixtures not found next to the workspace; conformance test skipped");
        None
    }
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

struct Fixtures {
    input: String,
    policy: Policy,
    expected: Vec<Value>,
}

fn load(dir: &std::path::Path) -> Fixtures {
    let input = std::fs::read_to_string(dir.join("applications.jsonl")).unwrap();
    let policy = Policy::from_toml(&std::fs::read_to_string(dir.join("policy.toml")).unwrap()).unwrap();
    let expected = std::fs::read_to_string(dir.join("applications.expected.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    Fixtures {
        input,
        policy,
        expected,
    }
}

fn codes(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("expected an array, got {list}"))
        .iter()
        .map(|item| match item {
            Value::String(s) => s.clone(),
            other => other["code"]
                .as_str()
                .unwrap_or_else(|| panic!("no code in {other}"))
                .to_owned(),
        })
        .collect()
}

/// Checks one report line (wire form) against one expected line, as fixtures/README.md says.
/// Returns the problems found, so that every failing form is reported at once.
fn check_against_expected(reference: &str, got: &Value, want: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut fail = |what: String| problems.push(format!("{reference}: {what}"));
    if want["invalid"] == Value::Bool(true) {
        if got["status"] != "invalid" {
            fail(format!("status {} instead of invalid", got["status"]));
        }
        let errors = got["errors"].as_array().cloned().unwrap_or_default();
        if errors.is_empty() {
            fail("invalid without errors".into());
        }
        let paths: BTreeSet<&str> = errors.iter().filter_map(|e| e["path"].as_str()).collect();
        for path in want["error_paths"].as_array().unwrap() {
            let path = path.as_str().unwrap();
            if !paths.contains(path) {
                fail(format!("no error at `{path}` (errors at {paths:?})"));
            }
        }
        for e in &errors {
            if e["code"].as_str().is_none_or(str::is_empty) || e["message"].as_str().is_none_or(str::is_empty)
            {
                fail(format!("error without code or message: {e}"));
            }
        }
        return problems;
    }
    if got["status"] == "invalid" {
        fail(format!("reported invalid: {}", got["errors"]));
        return problems;
    }
    if !got["errors"].as_array().is_some_and(Vec::is_empty) {
        fail(format!("a valid form with errors: {}", got["errors"]));
    }
    let d = &got["eligibility"];
    for key in ["outcome", "contracting_party"] {
        if d[key] != want[key] {
            fail(format!("{key} is {} instead of {}", d[key], want[key]));
        }
    }
    for key in ["required_actions", "recommended_actions"] {
        let (g, w) = (codes(&d[key]), codes(&want[key]));
        if g != w {
            fail(format!("{key} {g:?} instead of {w:?}"));
        }
    }
    let (g, w) = (codes(&d["reasons"]), codes(&want["reasons"]));
    if !w.is_subset(&g) {
        fail(format!(
            "reasons {g:?} lack {:?}",
            w.difference(&g).collect::<Vec<_>>()
        ));
    }
    problems
}

fn run(f: &Fixtures, lang: Lang) -> Vec<Value> {
    let records = triage::read_records(&f.input);
    let entries: Vec<Entry> = triage::triage(&records, &f.policy, now());
    entries.iter().map(|e| e.to_json(lang)).collect()
}

fn by_reference(report: &[Value]) -> BTreeMap<String, Value> {
    let mut map = BTreeMap::new();
    for line in report {
        let reference = line["reference"]
            .as_str()
            .unwrap_or_else(|| panic!("no reference in {line}"))
            .to_owned();
        assert!(
            map.insert(reference.clone(), line.clone()).is_none(),
            "{reference} reported twice"
        );
    }
    map
}

#[test]
fn triage_of_the_fixtures_matches_the_expected_file_in_both_languages() {
    let Some(dir) = fixtures() else { return };
    let f = load(&dir);
    let input_count = f.input.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(
        f.expected.len(),
        input_count,
        "the expected file has one line per form"
    );
    let mut problems = Vec::new();
    for lang in [Lang::En, Lang::Fr] {
        let report = run(&f, lang);
        assert_eq!(
            report.len(),
            input_count,
            "no record is lost or duplicated ({lang:?})"
        );
        let report = by_reference(&report);
        for want in &f.expected {
            let reference = want["reference"].as_str().unwrap();
            match report.get(reference) {
                None => problems.push(format!("{reference}: missing from the report ({lang:?})")),
                Some(got) => problems.extend(
                    check_against_expected(reference, got, want)
                        .into_iter()
                        .map(|p| format!("[{lang:?}] {p}")),
                ),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Removes what depends on the language (messages, glosses, procedures), keeping codes.
fn without_messages(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "message" | "gloss" | "procedure"))
                .map(|(k, v)| (k.clone(), without_messages(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_messages).collect()),
        other => other.clone(),
    }
}

/// Every `message` in a report line, with where it is.
fn messages(v: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let here = format!("{at}/{k}");
                match (k.as_str(), v) {
                    ("message", Value::String(s)) => out.push((here, s.clone())),
                    _ => messages(v, &here, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                messages(v, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn codes_do_not_depend_on_the_language_and_messages_do() {
    let Some(dir) = fixtures() else { return };
    let f = load(&dir);
    let en = run(&f, Lang::En);
    let fr = run(&f, Lang::Fr);
    assert_eq!(en.len(), fr.len());
    let mut compared = 0;
    for (e, f) in en.iter().zip(&fr) {
        assert_eq!(
            without_messages(e),
            without_messages(f),
            "codes differ between en and fr for {}",
            e["reference"]
        );
        let (mut me, mut mf) = (Vec::new(), Vec::new());
        messages(e, "", &mut me);
        messages(f, "", &mut mf);
        assert_eq!(me.len(), mf.len());
        for ((where_, en_text), (_, fr_text)) in me.iter().zip(&mf) {
            assert!(
                !en_text.trim().is_empty() && !fr_text.trim().is_empty(),
                "{} {where_}: empty message",
                e["reference"]
            );
            assert_ne!(
                en_text, fr_text,
                "{} {where_}: the French message is the English one",
                e["reference"]
            );
            compared += 1;
        }
    }
    // The fixtures have actions, reasons and field errors: a report without messages would
    // make this test vacuous.
    assert!(compared >= 20, "only {compared} messages compared");
}

/// The parts of `docs/triage.md#review-queue` and `docs/cli.md` that the fixtures exercise beyond the
/// expected file: forms whose subjects are all closed are on hold, the others ranked 1..n; report order
/// ranked, on_hold, ineligible, invalid; `contact_by` is the submission date plus the deadline
/// of the best open subject; the line numbers are those of the input.
#[test]
fn fixtures_follow_the_review_queue_rules() {
    let Some(dir) = fixtures() else { return };
    let f = load(&dir);
    let forms: BTreeMap<String, (usize, Value)> = f
        .input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["reference"].as_str().unwrap().to_owned(), (i + 1, v))
        })
        .collect();
    let invalid: BTreeSet<&str> = f
        .expected
        .iter()
        .filter(|w| w["invalid"] == Value::Bool(true))
        .map(|w| w["reference"].as_str().unwrap())
        .collect();
    let report = run(&f, Lang::En);

    let order = |s: &str| {
        ["ranked", "on_hold", "ineligible", "invalid"]
            .iter()
            .position(|x| *x == s)
            .unwrap()
    };
    let statuses: Vec<usize> = report
        .iter()
        .map(|l| order(l["status"].as_str().unwrap()))
        .collect();
    assert!(
        statuses.windows(2).all(|w| w[0] <= w[1]),
        "report order is ranked, on_hold, ineligible, invalid: {statuses:?}"
    );

    let mut ranks = Vec::new();
    for line in &report {
        let reference = line["reference"].as_str().unwrap();
        let (line_no, form) = &forms[reference];
        assert_eq!(line["line"], *line_no, "{reference}: line number");
        assert_eq!(
            line["email"], form["applicant"]["email"],
            "{reference}: the e-mail is echoed"
        );
        if invalid.contains(reference) {
            assert_eq!(line["status"], "invalid", "{reference}");
            continue;
        }
        let demands: Vec<&str> = form["subjects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| f.policy.demand_of(s["subject"].as_str().unwrap()).as_str())
            .collect();
        let best = ["urgent", "high", "normal"]
            .into_iter()
            .find(|d| demands.contains(d));
        match best {
            None => {
                assert_eq!(
                    line["status"], "on_hold",
                    "{reference}: every subject is closed ({demands:?})"
                );
                assert_eq!(line["rank"], Value::Null);
            }
            Some(best) => {
                assert_eq!(line["status"], "ranked", "{reference}");
                ranks.push(line["rank"].as_u64().unwrap());
                let days = match best {
                    "urgent" => f.policy.contact_deadline_days.urgent,
                    "high" => f.policy.contact_deadline_days.high,
                    _ => f.policy.contact_deadline_days.normal,
                };
                let submitted: NaiveDate =
                    DateTime::parse_from_rfc3339(form["submitted_at"].as_str().unwrap())
                        .unwrap()
                        .date_naive();
                let contact_by = submitted.checked_add_days(Days::new(u64::from(days))).unwrap();
                assert_eq!(
                    line["contact_by"],
                    contact_by.to_string(),
                    "{reference}: contact_by"
                );
                let score = line["priority"]["score"].as_f64().unwrap();
                assert!((0.0..=1.0).contains(&score), "{reference}: score {score}");
                let want_demand = match best {
                    "urgent" => 1.0,
                    "high" => 0.66,
                    _ => 0.33,
                };
                assert_eq!(
                    line["priority"]["components"]["demand"], want_demand,
                    "{reference}: demand component"
                );
            }
        }
    }
    assert_eq!(
        ranks,
        (1..=ranks.len() as u64).collect::<Vec<_>>(),
        "ranks are 1..n in report order"
    );
}
