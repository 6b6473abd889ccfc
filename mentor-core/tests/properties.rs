//! Properties (proptest) of validation, eligibility and triage:
//! (a) no input makes them panic, and an invalid answer always says why (`docs/wire-format.md#field-errors`,
//! `CONTRIBUTING.md#quality-bars`); (b) the four ranking properties of `docs/triage.md#review-queue`, on
//! pairs of valid forms that differ in one
//!     factor, whatever their input order;
//! (c) the same input at the same `now` gives the same report.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, TimeZone, Utc};
use mentor_core::Lang;
use mentor_core::Localized;
use mentor_core::application::{self, validate};
use mentor_core::eligibility::{WorkingSituation, evaluate, evaluate_json};
use mentor_core::policy::{Demand, Policy, ReviewWeights};
use mentor_core::triage::{self, Record, Status};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Number, Value, json};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Arbitrary JSON

/// Words of the wire format, so that random documents reach the branches behind the keys and
/// the vocabularies and not only the first type check.
const VOCABULARY: &[&str] = &[
    "FR",
    "fr",
    "JP",
    "US",
    "XX",
    "employee",
    "freelancer",
    "company_owner",
    "self_employed",
    "student",
    "job_seeker",
    "retired",
    "other",
    "via_employer",
    "via_own_company",
    "agreed",
    "refused",
    "not_asked",
    "tutoring",
    "education",
    "it_services",
    "comfortable",
    "proficient",
    "expert",
    "web_development",
    "python",
    "2026-11-12T09:30:00Z",
    "2026-02-30T25:00:00Z",
    "Europe/Paris",
    "Mars/Olympus",
    "https://example.org/x",
    "http://été.example/",
    "javascript:alert(1)",
    "a@example.org",
    "not-an-email",
    "+33 6 12 34 56 78",
    "+0",
    "732 829 320 00074",
    "732 829 320 00075",
    "GB980780684",
    "DE136695976",
    "12-3456789",
    "07-1234567",
    "BE 0403.019.261",
    "T1234567890123",
    "micro_entrepreneur",
];

const KEYS: &[&str] = &[
    "reference",
    "offer_id",
    "applicant",
    "first_name",
    "last_name",
    "email",
    "phone",
    "country",
    "timezone",
    "languages",
    "subjects",
    "subject",
    "level",
    "years_experience",
    "experience",
    "current_role",
    "years_professional",
    "mentoring_experience",
    "recent_projects",
    "motivation",
    "availability_hours_per_week",
    "links",
    "linkedin",
    "portfolio",
    "working_situation",
    "status",
    "employment",
    "full_time",
    "employer_name",
    "employer_sector",
    "employer_agreement",
    "employer_informed",
    "route",
    "business",
    "legal_form",
    "registration_number",
    "interview_readiness",
    "microphone",
    "camera",
    "quiet_well_lit_room",
    "consent",
    "data_processing",
    "submitted_at",
];

/// Strings people type, and strings that break naive code: combining accents, right-to-left
/// text and overrides, emoji sequences, control characters, byte-order marks, line
/// separators, the highest code point, blanks, and very long strings.
fn odd_text() -> impl Strategy<Value = String> {
    let units = prop_oneof![
        Just("e\u{301}"),
        Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd}"),
        Just("مرحبا"),
        Just("\u{202e}"),
        Just("👩\u{200d}👩\u{200d}👧\u{200d}👦"),
        Just("🇫🇷"),
        Just("a"),
        Just(" "),
        Just("\u{10ffff}"),
    ];
    prop_oneof![
        4 => prop::sample::select(VOCABULARY).prop_map(str::to_owned),
        1 => Just("e\u{301}cole Zoë Ångström".to_owned()),
        1 => Just("\u{5e9}\u{5dc}\u{5d5}\u{5dd} \u{202e}cba\u{202c}".to_owned()),
        1 => Just("👩\u{200d}💻🇫🇷".to_owned()),
        1 => Just("\u{301}".to_owned()),
        1 => Just(String::new()),
        1 => Just(" \t ".to_owned()),
        1 => Just("\u{0}\u{7}\u{1b}[31m".to_owned()),
        1 => Just("\u{feff}\u{2028}\u{2029}\u{85}".to_owned()),
        2 => any::<String>(),
        2 => "\\PC{0,40}",
        1 => (units, 1_000usize..40_000).prop_map(|(u, n)| u.repeat(n)),
    ]
}

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        (-5i64..100).prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        prop::sample::select(vec![0.5f64, 6.0, 80.0, 80.5, -0.0, 1e300, 2f64.powi(60)]).prop_map(Value::from),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => prop::sample::select(KEYS).prop_map(str::to_owned), 1 => odd_text()]
}

/// Any JSON value, nested a few levels.
fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number(),
        odd_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// An object with the keys of a working situation and values that are mostly well-typed.
fn arb_situation_like() -> impl Strategy<Value = Value> {
    let maybe = |s: BoxedStrategy<Value>| prop::option::weighted(0.7, s);
    let pick = |names: &'static [&'static str]| -> BoxedStrategy<Value> {
        prop_oneof![6 => prop::sample::select(names).prop_map(Value::from), 1 => arb_json()].boxed()
    };
    let employment = prop_oneof![
        1 => arb_json(),
        4 => (
            maybe(pick(&["tutoring", "education", "it_services", "other", "banking"])),
            maybe(pick(&["agreed", "refused", "not_asked", "maybe"])),
            maybe(prop_oneof![any::<bool>().prop_map(Value::Bool), arb_json()].boxed()),
            maybe(any::<bool>().prop_map(Value::Bool).boxed()),
        )
            .prop_map(|(sector, agreement, informed, full_time)| {
                let mut m = Map::new();
                for (k, v) in [("employer_sector", sector), ("employer_agreement", agreement), ("employer_informed", informed), ("full_time", full_time)] {
                    if let Some(v) = v {
                        m.insert(k.to_owned(), v);
                    }
                }
                Value::Object(m)
            }),
    ];
    let business = prop_oneof![
        1 => arb_json(),
        4 => maybe(prop_oneof![prop::sample::select(VOCABULARY).prop_map(Value::from), odd_text().prop_map(Value::from)].boxed())
            .prop_map(|n| n.map_or_else(|| json!({"legal_form": "x"}), |n| json!({"registration_number": n}))),
    ];
    (
        maybe(pick(&["FR", "US", "GB", "DE", "BE", "JP", "XX", "fr", ""])),
        maybe(pick(&[
            "employee",
            "freelancer",
            "company_owner",
            "self_employed",
            "student",
            "job_seeker",
            "retired",
            "other",
            "pirate",
        ])),
        maybe(employment.boxed()),
        maybe(pick(&["via_employer", "via_own_company", "via_friend"])),
        maybe(business.boxed()),
        prop::option::weighted(0.1, (key(), arb_json())),
    )
        .prop_map(|(country, status, employment, route, business, extra)| {
            let mut m = Map::new();
            for (k, v) in [
                ("country", country),
                ("status", status),
                ("employment", employment),
                ("route", route),
                ("business", business),
            ] {
                if let Some(v) = v {
                    m.insert(k.to_owned(), v);
                }
            }
            if let Some((k, v)) = extra {
                m.insert(k, v);
            }
            Value::Object(m)
        })
}

// ---------------------------------------------------------------------------------------------
// One valid form and its mutations

fn valid_form() -> Value {
    json!({
        "reference": "P-1",
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Camille", "last_name": "Moreau", "email": "camille@example.org", "phone": "+33 6 12 34 56 78",
                      "country": "FR", "timezone": "Europe/Paris", "languages": ["fr", "en"]},
        "subjects": [{"subject": "web_development", "level": "proficient", "years_experience": 6},
                     {"subject": "python", "level": "comfortable", "years_experience": 2}],
        "experience": {"current_role": "Developer", "years_professional": 9, "mentoring_experience": true, "recent_projects": ["Audit"]},
        "motivation": "I like explaining.",
        "availability_hours_per_week": 8,
        "links": {"linkedin": "https://www.linkedin.com/in/camille", "portfolio": "https://example.org/camille"},
        "working_situation": {"country": "FR", "status": "employee",
                              "employment": {"full_time": true, "employer_name": "Acme", "employer_sector": "education",
                                             "employer_agreement": "agreed", "employer_informed": false},
                              "route": "via_own_company",
                              "business": {"legal_form": "micro_entrepreneur", "registration_number": "732 829 320 00074"}},
        "interview_readiness": {"microphone": true, "camera": true, "quiet_well_lit_room": true},
        "consent": {"data_processing": true},
        "submitted_at": "2026-11-12T09:30:00Z"
    })
}

#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

/// Every node of `v` below the root, as paths of segments.
fn paths(v: &Value, at: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(Seg::Key(k.clone()));
                out.push(at.clone());
                paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                at.push(Seg::Index(i));
                out.push(at.clone());
                paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

/// The wire form of a path (`subjects[1].level`), as field errors write it.
fn wire_path(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn node_mut<'a>(v: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Seg::Key(k) => &mut v[k.as_str()],
        Seg::Index(i) => &mut v[*i],
    })
}

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, Value),
    Remove(Index),
    AddKey(Index, String, Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), arb_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => any::<Index>().prop_map(Mutation::Remove),
        1 => (any::<Index>(), key(), arb_json()).prop_map(|(i, k, v)| Mutation::AddKey(i, k, v)),
    ]
}

/// Applies `m` to the valid form; returns the form and the path the mutation touched.
fn mutate(m: &Mutation) -> (Value, String) {
    let mut form = valid_form();
    let mut all = Vec::new();
    paths(&form, &mut Vec::new(), &mut all);
    match m {
        Mutation::Replace(i, v) => {
            let path = i.get(&all).clone();
            *node_mut(&mut form, &path) = v.clone();
            (form, wire_path(&path))
        }
        Mutation::Remove(i) => {
            let path = i.get(&all).clone();
            let (last, parent) = path.split_last().unwrap();
            match (node_mut(&mut form, parent), last) {
                (Value::Object(m), Seg::Key(k)) => {
                    m.remove(k);
                }
                (Value::Array(items), Seg::Index(i)) => {
                    items.remove(*i);
                }
                _ => unreachable!(),
            }
            (form, wire_path(&path))
        }
        Mutation::AddKey(i, k, v) => {
            let objects: Vec<Vec<Seg>> = std::iter::once(Vec::new())
                .chain(
                    all.iter()
                        .filter(|p| node_mut(&mut valid_form(), p).is_object())
                        .cloned(),
                )
                .collect();
            let path = i.get(&objects).clone();
            if let Value::Object(m) = node_mut(&mut form, &path) {
                m.insert(k.clone(), v.clone());
            }
            (form, wire_path(&path))
        }
    }
}

fn top_segment(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or_default()
}

/// What must hold of any validation: no panic (by getting here), an invalid form says why
/// with at least one error, each with a code and a message in both languages.
fn check_validation(form: &Value) -> Result<Option<Vec<mentor_core::FieldError>>, TestCaseError> {
    let v = validate(form, &Policy::default());
    prop_assert!(
        (0.0..=1.0).contains(&v.completeness),
        "completeness {}",
        v.completeness
    );
    let out = application::validate_json(form, &Policy::default(), Lang::Fr);
    prop_assert_eq!(&out["valid"], &Value::Bool(v.result.is_ok()));
    match v.result {
        Ok(_) => Ok(None),
        Err(errors) => {
            prop_assert!(!errors.is_empty(), "invalid without errors");
            for e in &errors {
                prop_assert!(!e.code.as_str().is_empty());
                let (en, fr) = (e.message(Lang::En), e.message(Lang::Fr));
                prop_assert!(
                    !en.is_empty() && !fr.is_empty() && en != fr,
                    "messages {:?} / {:?}",
                    en,
                    fr
                );
                // Messages never quote the value (personal data, huge strings).
                prop_assert!(
                    en.len() < 600 && fr.len() < 600,
                    "a message of {} bytes at `{}`",
                    en.len().max(fr.len()),
                    e.path
                );
            }
            Ok(Some(errors))
        }
    }
}

fn check_situation(value: &Value) -> Result<(), TestCaseError> {
    match WorkingSituation::from_json(value) {
        Ok(s) => {
            let d = evaluate(&s, &Policy::default());
            let en = evaluate_json(value, &Policy::default(), Lang::En).unwrap();
            let fr = evaluate_json(value, &Policy::default(), Lang::Fr).unwrap();
            prop_assert_eq!(&en, &d.to_json(Lang::En));
            prop_assert_eq!(&en["outcome"], &fr["outcome"]);
            prop_assert!(
                ["eligible", "action_required", "needs_review", "ineligible"]
                    .contains(&en["outcome"].as_str().unwrap())
            );
            // Parties are null only while the route is to be chosen (`docs/wire-format.md#decision`).
            let route_open = en["required_actions"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["code"] == "choose_route");
            prop_assert_eq!(en["contracting_party"].is_null(), route_open);
        }
        Err(e) => {
            prop_assert!(
                !e.errors.is_empty(),
                "an input error without field errors for {}",
                value
            );
            for fe in &e.errors {
                prop_assert!(!fe.code.as_str().is_empty());
                prop_assert!(!fe.message(Lang::En).is_empty() && !fe.message(Lang::Fr).is_empty());
            }
            prop_assert!(evaluate_json(value, &Policy::default(), Lang::Fr).is_err());
        }
    }
    Ok(())
}

/// Triage never loses or invents a record, and every invalid entry says why.
fn check_triage(text: &str, policy: &Policy) -> Result<Vec<Value>, TestCaseError> {
    let records = triage::read_records(text);
    let entries = triage::triage(&records, policy, now());
    prop_assert_eq!(entries.len(), records.len());
    let record_lines: BTreeSet<usize> = records
        .iter()
        .map(|r| match r {
            Record::Json { line, .. } | Record::Text { line, .. } | Record::Unreadable { line, .. } => *line,
        })
        .collect();
    let entry_lines: BTreeSet<usize> = entries.iter().map(|e| e.line).collect();
    prop_assert_eq!(record_lines.len(), records.len(), "each record has its own line");
    prop_assert_eq!(&entry_lines, &record_lines);
    let mut rank = 0;
    for e in &entries {
        match e.status {
            Status::Invalid => {
                prop_assert!(
                    !e.errors.is_empty(),
                    "invalid entry without errors at line {}",
                    e.line
                );
                prop_assert!(e.errors.iter().all(|fe| !fe.code.as_str().is_empty()));
                prop_assert!(e.rank.is_none() && e.eligibility.is_none());
            }
            Status::Ranked => {
                rank += 1;
                prop_assert_eq!(e.rank, Some(rank));
                prop_assert!(e.errors.is_empty() && e.priority.is_some());
            }
            Status::OnHold | Status::Ineligible => prop_assert!(e.rank.is_none() && e.errors.is_empty()),
        }
    }
    let report: Vec<Value> = entries.iter().map(|e| e.to_json(Lang::Fr)).collect();
    // The forms kept as text and read straight into their shape (the CLI's way) give the same
    // report as the forms read into JSON values first.
    let from_text: Vec<Value> = triage::triage(&triage::read_forms(text), policy, now())
        .iter()
        .map(|e| e.to_json(Lang::Fr))
        .collect();
    prop_assert_eq!(&from_text, &report);
    Ok(report)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_on_any_json(v in arb_json()) {
        check_validation(&v)?;
    }

    #[test]
    fn validation_never_panics_on_form_shaped_json(
        pairs in prop::collection::vec((prop::sample::select(KEYS), arb_json()), 0..12)
    ) {
        let form = Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
        check_validation(&form)?;
    }

    #[test]
    fn a_form_valid_but_for_one_mutation_is_reported_where_it_was_mutated(m in mutation()) {
        let (form, path) = mutate(&m);
        if let Some(errors) = check_validation(&form)? {
            // The error is at the mutated place or within the same part of the form (a duplicate
            // subject is reported on its second occurrence, a missing key at the key).
            let top = top_segment(&path);
            prop_assert!(
                path.is_empty() || errors.iter().any(|e| top_segment(&e.path) == top || e.path.is_empty()),
                "mutation at `{}` gave errors elsewhere: {:?}", path, errors
            );
        }
    }

    #[test]
    fn eligibility_never_panics_on_any_json(v in arb_json()) {
        check_situation(&v)?;
    }

    #[test]
    fn eligibility_never_panics_on_situation_shaped_json(v in arb_situation_like()) {
        check_situation(&v)?;
    }

    #[test]
    fn triage_never_panics_nor_loses_a_record_in_json_lines(
        lines in prop::collection::vec(prop_oneof![
            3 => arb_json().prop_map(|v| v.to_string()),
            2 => mutation().prop_map(|m| mutate(&m).0.to_string()),
            1 => "[^\\n\\r]{0,60}",
            1 => Just(String::new()),
        ], 0..12)
    ) {
        // A first line that is an object keeps the batch in JSON Lines mode.
        let text = std::iter::once("{}".to_owned()).chain(lines.iter().cloned()).collect::<Vec<_>>().join("\n");
        let non_blank = text.split('\n').filter(|l| !l.trim().is_empty()).count();
        let report = check_triage(&text, &Policy::default())?;
        prop_assert_eq!(report.len(), non_blank);
    }

    #[test]
    fn triage_never_panics_nor_loses_a_record_in_a_json_array(
        items in prop::collection::vec(prop_oneof![arb_json(), mutation().prop_map(|m| mutate(&m).0)], 0..10),
        cut in any::<Index>(),
    ) {
        let text = Value::Array(items.clone()).to_string();
        prop_assert_eq!(check_triage(&text, &Policy::default())?.len(), items.len());
        // An array that breaks off keeps what came before the break (and reports the break).
        let mut at = cut.index(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        check_triage(&text[..at], &Policy::default())?;
    }

    #[test]
    fn triage_never_panics_nor_loses_a_line_on_any_bytes(
        lines in prop::collection::vec(prop_oneof![
            2 => mutation().prop_map(|m| mutate(&m).0.to_string().into_bytes()),
            2 => prop::collection::vec(any::<u8>().prop_filter("one line", |b| *b != b'\n'), 0..40),
            1 => Just(b"{\"first_name\": \"Ren\xe9e\"}".to_vec()),
        ], 1..10)
    ) {
        let mut bytes = b"{}".to_vec();
        for line in &lines {
            bytes.push(b'\n');
            bytes.extend(line);
        }
        let records = triage::read_records_bytes(&bytes);
        let non_blank = bytes.split(|b| *b == b'\n').filter(|l| std::str::from_utf8(l).map_or(true, |s| !s.trim().is_empty())).count();
        prop_assert_eq!(records.len(), non_blank);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(&records, &triage::read_records(text));
        }
        let entries = triage::triage(&records, &Policy::default(), now());
        prop_assert_eq!(entries.len(), records.len());
        prop_assert!(entries.iter().filter(|e| e.status == Status::Invalid).all(|e| !e.errors.is_empty()));
    }

    #[test]
    fn triage_never_panics_on_any_text(text in prop_oneof![any::<String>(), "\\PC{0,200}", "[\\[\\]{}\":,0-9a-z \\n]{0,200}"]) {
        check_triage(&text, &Policy::default())?;
    }
}

// ---------------------------------------------------------------------------------------------
// (b) Ranking: `docs/triage.md#review-queue`, "all else equal"

const OPTIONAL_ITEMS: usize = 13;

/// A valid form, described by the factors the review queue looks at.
#[derive(Clone, Debug)]
struct Spec {
    subject: &'static str,
    level: usize,
    years: u8,
    /// Which of the 13 optional items (besides `years_experience`, always given) are present.
    optional: [bool; OPTIONAL_ITEMS],
    /// Minutes before `now` (negative: after).
    submitted_minutes_ago: i64,
    situation: usize,
}

const SUBJECTS: &[&str] = &[
    "web_development",
    "python",
    "data_analysis",
    "devops",
    "ux_design",
];
const LEVELS: &[&str] = &["comfortable", "proficient", "expert"];

fn situations() -> [Value; 4] {
    [
        json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}}),
        json!({"status": "student"}),
        json!({"country": "GB", "status": "employee", "employment": {"employer_sector": "it_services", "employer_agreement": "agreed"}, "route": "via_employer"}),
        json!({"country": "JP", "status": "freelancer", "business": {"registration_number": "T1234567890123"}}),
    ]
}

fn form_of(spec: &Spec, reference: &str) -> Value {
    // One person per reference: two forms of the same person to the same offer would be one
    // application sent twice (`duplicate_application`).
    let mut applicant = json!({"first_name": "Ada", "last_name": "Lovelace", "email": format!("{reference}@example.org"), "country": "FR"});
    let mut form = json!({
        "reference": reference,
        "offer_id": "mentor-web-2026",
        "subjects": [{"subject": spec.subject, "level": LEVELS[spec.level], "years_experience": spec.years}],
        "consent": {"data_processing": true},
        "submitted_at": (now() - Duration::minutes(spec.submitted_minutes_ago)).to_rfc3339(),
    });
    let mut experience = Map::new();
    let mut links = Map::new();
    for (i, present) in spec.optional.iter().enumerate() {
        if !present {
            continue;
        }
        match i {
            0 => applicant["phone"] = json!("+44 20 7946 0958"),
            1 => applicant["timezone"] = json!("Europe/London"),
            2 => applicant["languages"] = json!(["en", "fr"]),
            3 => {
                experience.insert("current_role".into(), json!("Engineer"));
            }
            4 => {
                experience.insert("years_professional".into(), json!(12));
            }
            5 => {
                experience.insert("mentoring_experience".into(), json!(false));
            }
            6 => {
                experience.insert("recent_projects".into(), json!(["A compiler"]));
            }
            7 => form["motivation"] = json!("Explaining is learning twice."),
            8 => form["availability_hours_per_week"] = json!(5),
            9 => {
                links.insert("linkedin".into(), json!("https://www.linkedin.com/in/ada"));
            }
            10 => {
                links.insert("portfolio".into(), json!("https://ada.example.org"));
            }
            11 => {
                form["interview_readiness"] =
                    json!({"microphone": true, "camera": false, "quiet_well_lit_room": true})
            }
            _ => form["working_situation"] = situations()[spec.situation].clone(),
        }
    }
    form["applicant"] = applicant;
    if !experience.is_empty() {
        form["experience"] = Value::Object(experience);
    }
    if !links.is_empty() {
        form["links"] = Value::Object(links);
    }
    form
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        prop::sample::select(SUBJECTS),
        0..LEVELS.len(),
        0u8..=80,
        prop::array::uniform13(any::<bool>()),
        -24 * 60i64..(90 * 24 * 60), // up to a day ahead: later is out_of_range (issue 16)
        0..4usize,
    )
        .prop_map(
            |(subject, level, years, optional, submitted_minutes_ago, situation)| Spec {
                subject,
                level,
                years,
                optional,
                submitted_minutes_ago,
                situation,
            },
        )
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 4 => 0.0..=1.0f64]
}

/// A policy with any weights and deadlines; subjects' demand is set by each property.
fn policy() -> impl Strategy<Value = Policy> {
    (
        prop_oneof![3 => Just(None), 1 => (weight(), weight(), weight(), weight()).prop_map(Some)],
        0u16..30,
        0u16..30,
        0u16..60,
    )
        .prop_map(|(weights, urgent, high, normal)| {
            let mut p = Policy::default();
            if let Some((demand, experience, completeness, waiting)) = weights {
                p.review_weights = ReviewWeights {
                    demand,
                    experience,
                    completeness,
                    waiting,
                };
            }
            p.contact_deadline_days.urgent = urgent;
            p.contact_deadline_days.high = high;
            p.contact_deadline_days.normal = normal;
            p
        })
}

/// Triage of the pair in both input orders: the better form must have the smaller rank.
fn better_ranks_first(better: &Value, worse: &Value, policy: &Policy) -> Result<(), TestCaseError> {
    for (first, second) in [(better, worse), (worse, better)] {
        let records = vec![
            Record::Json {
                line: 1,
                value: first.clone(),
            },
            Record::Json {
                line: 2,
                value: second.clone(),
            },
        ];
        let entries = triage::triage(&records, policy, now());
        let rank_of = |reference: &str| {
            entries
                .iter()
                .find(|e| e.reference.as_deref() == Some(reference))
                .and_then(|e| {
                    assert_eq!(e.status, Status::Ranked, "{reference}: {:?}", e.errors);
                    e.rank
                })
        };
        let (b, w) = (rank_of("better"), rank_of("worse"));
        prop_assert!(b.is_some() && w.is_some());
        prop_assert!(
            b < w,
            "better ranked {:?}, worse {:?}; entries {:?}",
            b,
            w,
            entries
                .iter()
                .map(|e| (&e.reference, e.priority))
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}

fn assert_valid(form: &Value, policy: &Policy) -> Result<(), TestCaseError> {
    let v = validate(form, policy);
    prop_assert!(
        v.result.is_ok(),
        "generated form is invalid: {:?}",
        v.result.err()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn an_urgent_subject_ranks_above_a_normal_one(
        s in spec(),
        mut policy in policy(),
        pair in prop::sample::select(&[(Demand::Urgent, Demand::Normal), (Demand::Urgent, Demand::High), (Demand::High, Demand::Normal)][..]),
        list_normal in any::<bool>(),
    ) {
        let (hot, cold) = ("data_analysis", "web_development");
        policy.demand.insert(hot.to_owned(), pair.0);
        if pair.1 != Demand::Normal || list_normal {
            policy.demand.insert(cold.to_owned(), pair.1);
        }
        let better = form_of(&Spec { subject: hot, ..s.clone() }, "better");
        let worse = form_of(&Spec { subject: cold, ..s }, "worse");
        assert_valid(&better, &policy)?;
        assert_valid(&worse, &policy)?;
        better_ranks_first(&better, &worse, &policy)?;
    }

    #[test]
    fn a_more_complete_form_ranks_above_a_less_complete_one(
        s in spec(),
        policy in policy(),
        membership in prop::array::uniform13(0u8..3),
        forced in 0..OPTIONAL_ITEMS,
    ) {
        // 0: in neither form, 1: only in the more complete one, 2: in both.
        let mut membership = membership;
        membership[forced] = 1;
        let more = Spec { optional: membership.map(|m| m >= 1), ..s.clone() };
        let less = Spec { optional: membership.map(|m| m == 2), ..s };
        let (better, worse) = (form_of(&more, "better"), form_of(&less, "worse"));
        assert_valid(&better, &policy)?;
        assert_valid(&worse, &policy)?;
        let (cb, cw) = (validate(&better, &policy).completeness, validate(&worse, &policy).completeness);
        prop_assert!(cb > cw, "completeness {} vs {}", cb, cw);
        better_ranks_first(&better, &worse, &policy)?;
    }

    #[test]
    fn more_experience_ranks_above_less(
        s in spec(),
        policy in policy(),
        levels in (0..LEVELS.len(), 0..LEVELS.len()),
        years in (0u8..=80, 0u8..=80),
    ) {
        let (level_hi, level_lo) = (levels.0.max(levels.1), levels.0.min(levels.1));
        let (years_hi, years_lo) = (years.0.max(years.1), years.0.min(years.1));
        prop_assume!((level_hi, years_hi) != (level_lo, years_lo));
        let better = form_of(&Spec { level: level_hi, years: years_hi, ..s.clone() }, "better");
        let worse = form_of(&Spec { level: level_lo, years: years_lo, ..s }, "worse");
        assert_valid(&better, &policy)?;
        better_ranks_first(&better, &worse, &policy)?;
    }

    #[test]
    fn an_older_submission_ranks_above_a_newer_one(
        s in spec(),
        policy in policy(),
        ages in (-24 * 60i64..(90 * 24 * 60), -24 * 60i64..(90 * 24 * 60)), // a day ahead at most (issue 16)
    ) {
        prop_assume!(ages.0 != ages.1);
        let better = form_of(&Spec { submitted_minutes_ago: ages.0.max(ages.1), ..s.clone() }, "better");
        let worse = form_of(&Spec { submitted_minutes_ago: ages.0.min(ages.1), ..s }, "worse");
        assert_valid(&better, &policy)?;
        better_ranks_first(&better, &worse, &policy)?;
    }

    // (c) Determinism
    #[test]
    fn the_same_input_and_now_give_the_same_report(
        forms in prop::collection::vec(prop_oneof![
            3 => spec().prop_map(|s| form_of(&s, "same")),
            1 => mutation().prop_map(|m| mutate(&m).0),
            1 => arb_json(),
        ], 0..12),
        policy in policy(),
    ) {
        let text = forms.iter().map(Value::to_string).collect::<Vec<_>>().join("\n");
        let first = check_triage(&text, &policy)?;
        let second = check_triage(&text, &policy)?;
        prop_assert_eq!(&first, &second);
        let records = triage::read_records(&text);
        let a = triage::triage(&records, &policy, now());
        let b = triage::triage(&records.clone(), &policy.clone(), now());
        prop_assert_eq!(a, b);
        let array = Value::Array(forms);
        prop_assert_eq!(
            triage::triage_json(&array, &policy, now(), Lang::En),
            triage::triage_json(&array, &policy, now(), Lang::En)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Huge and odd input, deterministic

/// A 10 MB string in any string field of a valid form: a clear error at that field (too long
/// or not in the vocabulary), never a panic, and the message does not quote the value.
#[test]
fn a_ten_megabyte_string_in_any_field_is_a_clear_error_at_that_field() {
    let huge = "é".repeat(5 * 1024 * 1024);
    let form = valid_form();
    let mut all = Vec::new();
    paths(&form, &mut Vec::new(), &mut all);
    let mut checked = 0;
    for path in all.iter().filter(|p| {
        let mut f = valid_form();
        node_mut(&mut f, p).is_string()
    }) {
        let mut f = valid_form();
        *node_mut(&mut f, path) = Value::String(huge.clone());
        let wire = wire_path(path);
        let errors = validate(&f, &Policy::default()).result.expect_err(&wire);
        let at: Vec<_> = errors.iter().filter(|e| e.path == wire).collect();
        assert!(!at.is_empty(), "{wire}: errors {errors:?}");
        for e in &at {
            assert!(
                ["too_long", "invalid_enum"].contains(&e.code.as_str()),
                "{wire}: {e:?}"
            );
            assert!(e.message(Lang::En).len() < 600 && e.message(Lang::Fr).len() < 600);
        }
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} string fields");
    // The same through triage: one invalid entry, the e-mail not echoed when absurd.
    let mut f = valid_form();
    f["applicant"]["email"] = Value::String(huge.clone());
    let text = format!("{f}\n{}", valid_form());
    let entries = triage::triage(&triage::read_records(&text), &Policy::default(), now());
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].status, Status::Ranked);
    assert_eq!(entries[1].status, Status::Invalid);
    assert!(entries[1].to_json(Lang::En).to_string().len() < 10_000);
}

/// Names and texts in any script are valid as long as they hold no control character.
#[test]
fn odd_unicode_in_names_and_texts_is_valid() {
    let names = [
        ("E\u{301}lodie", "Lefe\u{300}vre"),                // combining accents
        ("\u{5e9}\u{5e8}\u{5d4}", "\u{5dc}\u{5d5}\u{5d9}"), // Hebrew, right to left
        ("محمد", "الفاسي"),                                 // Arabic
        ("🦄 Ada", "Love👩\u{200d}💻lace"),                 // emoji and a ZWJ sequence
        ("Zoë", "N\u{2019}Diaye"),
        ("李", "小龙"),
    ];
    for (first, last) in names {
        let mut f = valid_form();
        f["applicant"]["first_name"] = json!(first);
        f["applicant"]["last_name"] = json!(last);
        f["motivation"] = json!(format!("{first} {last}\nexplique les choses\tà ses amis 🎓"));
        f["experience"]["recent_projects"] = json!([format!("\u{202b}{last}\u{202c}")]);
        let v = validate(&f, &Policy::default());
        assert!(v.result.is_ok(), "{first} {last}: {:?}", v.result.err());
    }
    // An internationalised host name is a URL, whatever the scheme.
    for url in [
        "https://été.example/portfolio",
        "http://été.example/portfolio",
        "http://例え.jp/",
    ] {
        let mut f = valid_form();
        f["links"]["portfolio"] = json!(url);
        let v = validate(&f, &Policy::default());
        assert!(v.result.is_ok(), "{url}: {:?}", v.result.err());
    }
    // Control characters are refused in one-line fields, allowed as line breaks in texts.
    let mut f = valid_form();
    f["applicant"]["first_name"] = json!("Ada\u{0}");
    f["applicant"]["last_name"] = json!("Love\u{1b}[31mlace");
    let errors = validate(&f, &Policy::default()).result.unwrap_err();
    let paths: BTreeSet<_> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(
        paths,
        BTreeSet::from([
            ("applicant.first_name", "invalid_characters"),
            ("applicant.last_name", "invalid_characters")
        ])
    );
}

/// Found by a new user's trial: an invalid applicant must not also make the working
/// situation's country "required" (its country defaults to the applicant's).
#[test]
fn an_invalid_applicant_adds_no_false_working_situation_error() {
    let form = serde_json::json!({
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "x at example", "country": "FR"},
        "subjects": [{"subject": "python", "level": "expert"}],
        "working_situation": {"status": "student"},
        "consent": {"data_processing": true}
    });
    let errors = mentor_core::application::validate(&form, &Policy::default())
        .result
        .unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["applicant.email"]);
    let mut bad_country = form.clone();
    bad_country["applicant"]["email"] = serde_json::json!("ada@example.org");
    bad_country["applicant"]["country"] = serde_json::json!("a@b.net");
    let errors = mentor_core::application::validate(&bad_country, &Policy::default())
        .result
        .unwrap_err();
    let found: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(found, [("applicant.country", "invalid_country")]);
}

/// Bidirectional overrides can make a reference or a name display as something else.
#[test]
fn bidi_overrides_are_refused_in_texts() {
    let form = serde_json::json!({
        "reference": "A-\u{202e}1001",
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "FR"},
        "subjects": [{"subject": "python", "level": "expert"}],
        "consent": {"data_processing": true}
    });
    let errors = mentor_core::application::validate(&form, &Policy::default())
        .result
        .unwrap_err();
    assert_eq!(
        errors
            .iter()
            .map(|e| (e.path.as_str(), e.code.as_str()))
            .collect::<Vec<_>>(),
        [("reference", "invalid_characters")]
    );
}

/// A single object printed over several lines is one record, not one error per line.
#[test]
fn a_pretty_printed_object_is_one_record() {
    let text = "{\n  \"offer_id\": \"x\",\n  \"subjects\": []\n}\n";
    let records = triage::read_records(text);
    assert_eq!(records.len(), 1);
    assert!(matches!(records[0], triage::Record::Json { line: 1, .. }));
    // JSON Lines whose first line is fine are still read line by line.
    assert_eq!(triage::read_records("{}\n{\n").len(), 2);
}

/// Weights that overflow when added would make every score `null`.
#[test]
fn weights_must_add_up_to_a_finite_number() {
    let e = Policy::from_toml("[review_weights]\ndemand = 1.7e308\nexperience = 1.7e308").unwrap_err();
    assert!(e.to_string().contains("review_weights"), "{e}");
}
