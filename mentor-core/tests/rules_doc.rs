//! `docs/rules.md`, the rule catalogue, held to the code:
//! - its rule headings (`## WS-2`) are the ids of `mentor_core::Rule`, each once, in order, and
//!   no heading names a rule the library does not have;
//! - each rule's section states the rule, its source and what the library does with it;
//! - its "Cited by" list is exactly the codes the library's answers cite that rule with, as
//!   observed by running the decision, triage, the interview invitation and the scorecard
//!   suggestion over inputs that reach every code;
//! - its "Related codes" are codes of the error catalogue (`mentor_core::error_codes()`);
//! - its quotations are the course chapter's words (when `../shared/seed` is next to the
//!   workspace).
#![cfg(feature = "schema")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use mentor_core::policy::Policy;
use mentor_core::situation::{EmployerAgreement, EmployerSector, Route, WorkingStatus};
use mentor_core::vocabulary::Vocabulary;
use mentor_core::{Lang, Rule};
use serde_json::{Value, json};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One `## ` section of docs/rules.md: its heading and its text up to the next heading.
struct Section {
    heading: String,
    body: String,
}

fn sections() -> Vec<Section> {
    let text = std::fs::read_to_string(workspace().join("docs/rules.md")).unwrap();
    let mut sections: Vec<Section> = Vec::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            sections.push(Section {
                heading: heading.trim().to_owned(),
                body: String::new(),
            });
        } else if let Some(last) = sections.last_mut() {
            last.body.push_str(line);
            last.body.push('\n');
        }
    }
    sections
}

/// Whether a heading is written as a rule id: capitals, a dash, digits (`WS-2`).
fn looks_like_rule_id(heading: &str) -> bool {
    heading.split_once('-').is_some_and(|(family, number)| {
        !family.is_empty()
            && family.bytes().all(|b| b.is_ascii_uppercase())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    })
}

/// The rule sections, by id.
fn rule_sections() -> BTreeMap<String, String> {
    sections()
        .into_iter()
        .filter(|s| looks_like_rule_id(&s.heading))
        .map(|s| (s.heading, s.body))
        .collect()
}

/// The paragraph of `body` that starts with `label` (`**Cited by:**`), on one line.
fn paragraph<'a>(body: &'a str, label: &str, rule: &str) -> String {
    let start = body
        .find(label)
        .unwrap_or_else(|| panic!("{rule}: no `{label}` paragraph"));
    let rest: &'a str = &body[start + label.len()..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    rest[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The code spans of a text (`` `register_business` `` → `register_business`).
fn code_spans(text: &str) -> BTreeSet<String> {
    text.split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_rule_has_one_section_in_order_and_no_section_names_an_unknown_rule() {
    let headings: Vec<String> = sections()
        .into_iter()
        .map(|s| s.heading)
        .filter(|h| looks_like_rule_id(h))
        .collect();
    let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(
        headings, ids,
        "docs/rules.md must have one `## ID` heading per mentor_core::Rule, in the order of Rule::ALL, and none other"
    );
    // The heading is the anchor the code points to: `docs/rules.md#ws-2`.
    let rule_rs = std::fs::read_to_string(workspace().join("mentor-core/src/rule.rs")).unwrap();
    for id in ids {
        let anchor = format!("docs/rules.md#{}", id.to_lowercase());
        assert!(
            rule_rs.contains(&format!("`{anchor}`")),
            "rule.rs does not point to {anchor}"
        );
    }
}

#[test]
fn each_section_states_the_rule_its_source_and_what_the_library_does() {
    for (id, body) in rule_sections() {
        for label in [
            "**Rule.**",
            "**Source.**",
            "**In the library.**",
            "**Cited by:**",
            "**Related codes:**",
        ] {
            assert!(paragraph(&body, label, &id).len() > 3, "{id}: `{label}` is empty");
        }
        let source = paragraph(&body, "**Source.**", &id);
        if id == Rule::Pol1.id() {
            assert!(
                source.starts_with("Not from the course chapter"),
                "{id}: {source}"
            );
        } else {
            assert!(
                source.starts_with('"') && source.ends_with("*)."),
                "{id}: the source quotes the course chapter and names its section: {source}"
            );
        }
    }
}

/// The course chapter's text, on one line, when it is next to the workspace.
fn seed() -> Option<String> {
    let dir = workspace().join("../shared/seed");
    let file = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_str().is_some_and(|n| n.ends_with(".txt")))?;
    let text = std::fs::read_to_string(file.path()).ok()?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn the_quotations_are_the_course_chapters_words() {
    let Some(seed) = seed() else {
        eprintln!("notice: ../shared/seed not found next to the workspace; quotations are not checked");
        return;
    };
    let mut checked = 0;
    for (id, body) in rule_sections() {
        if id == Rule::Pol1.id() {
            continue;
        }
        let source = paragraph(&body, "**Source.**", &id);
        let (quoted, section) = source.rsplit_once(" (*").unwrap();
        let section = section.trim_end_matches("*).");
        assert!(
            seed.contains(section),
            "{id}: no section `{section}` in the course chapter"
        );
        let quoted = quoted.strip_prefix('"').unwrap().strip_suffix('"').unwrap();
        for fragment in quoted.split("\" and \"").flat_map(|q| q.split(" […] ")) {
            assert!(
                seed.contains(fragment),
                "{id}: `{fragment}` is not in the course chapter"
            );
            checked += 1;
        }
    }
    assert!(checked >= 21, "{checked}");
}

#[test]
fn related_codes_are_codes_of_the_error_catalogue() {
    let catalogue: BTreeSet<String> = mentor_core::error_codes()
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap().to_owned())
        .collect();
    let mut listed = 0;
    for (id, body) in rule_sections() {
        for code in code_spans(&paragraph(&body, "**Related codes:**", &id)) {
            assert!(
                catalogue.contains(&code),
                "{id}: `{code}` is not in mentor_core::error_codes()"
            );
            listed += 1;
        }
    }
    assert!(listed > 20, "{listed}");
}

/// The (rule, code) pairs an answer carries: every `{"code", "rule"}` object in it.
fn cited(answer: &Value, into: &mut BTreeSet<(String, String)>) {
    match answer {
        Value::Object(map) => {
            if let (Some(Value::String(code)), Some(Value::String(rule))) = (map.get("code"), map.get("rule"))
            {
                into.insert((rule.clone(), code.clone()));
            }
            map.values().for_each(|v| cited(v, into));
        }
        Value::Array(items) => items.iter().for_each(|v| cited(v, into)),
        _ => {}
    }
}

/// Working situations over every status, route, employer agreement and sector (the code's own
/// vocabularies, so a new value is covered without editing this), whether the employer was
/// told, and a business without a number, with a well-formed number or a bad one, in a
/// country with registration rules and one without.
fn situations() -> Vec<Value> {
    assert!(
        mentor_core::registration::countries().all(|c| c.country != "JP"),
        "the test needs a country without registration rules"
    );
    let mut all = vec![json!({"employment": {}})];
    all = with_each(all, "status", &names::<WorkingStatus>());
    all = with_each(all, "route", &optional(names::<Route>()));
    all = with_each(
        all,
        "employment/employer_agreement",
        &optional(names::<EmployerAgreement>()),
    );
    all = with_each(
        all,
        "employment/employer_sector",
        &optional(names::<EmployerSector>()),
    );
    all = with_each(
        all,
        "employment/employer_informed",
        &[Value::Null, json!(true), json!(false)],
    );
    all = with_each(all, "country", &[json!("FR"), json!("JP")]);
    let numbers = ["732 829 320 00074", "732 829 320 00075", "1234567890123", "x"];
    let businesses: Vec<Value> = [Value::Null, json!({})]
        .into_iter()
        .chain(numbers.map(|n| json!({"registration_number": n})))
        .collect();
    with_each(all, "business", &businesses)
}

/// The wire names of a vocabulary, as JSON strings.
fn names<V: Vocabulary>() -> Vec<Value> {
    V::ALL.iter().map(|(name, _)| json!(name)).collect()
}

/// `values` and `null`, which [`with_each`] takes for "not given".
fn optional(values: Vec<Value>) -> Vec<Value> {
    std::iter::once(Value::Null).chain(values).collect()
}

/// Each situation of `all` once with each of `values` at `key` (`a/b`: key `b` of object `a`;
/// `null`: the key is left out).
fn with_each(all: Vec<Value>, key: &str, values: &[Value]) -> Vec<Value> {
    let (parent, field) = key.rsplit_once('/').unwrap_or(("", key));
    let pointer = if parent.is_empty() {
        String::new()
    } else {
        format!("/{parent}")
    };
    all.iter()
        .flat_map(|situation| {
            values.iter().map(|value| {
                let mut s = situation.clone();
                if !value.is_null() {
                    s.pointer_mut(&pointer).unwrap()[field] = value.clone();
                }
                s
            })
        })
        .collect()
}

/// Every (rule, code) pair the library's answers cite, from running it.
fn observed() -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    let excluding_fr = Policy::from_value(&json!({"excluded_countries": ["FR"]})).unwrap();
    let mut decided = 0;
    for situation in situations() {
        for policy in [&Policy::default(), &excluding_fr] {
            if let Ok(decision) = mentor_core::eligibility::evaluate_json(&situation, policy, Lang::En) {
                decided += 1;
                cited(&decision, &mut pairs);
            }
        }
    }
    assert!(decided > 10_000, "{decided}");

    // Triage: a form without a working situation, and one whose subjects are all closed.
    let closed = Policy::from_value(&json!({"demand": {"python": "closed"}})).unwrap();
    let now = "2026-11-20T00:00:00Z".parse().unwrap();
    let forms = json!([common::minimal_form()]);
    for policy in [&Policy::default(), &closed] {
        cited(
            &mentor_core::triage::triage_json(&forms, policy, now, Lang::En),
            &mut pairs,
        );
    }

    // The interview: its invitation, and the suggestions of an undecided and a poor scorecard.
    let slot = json!({"start": "2026-07-01T16:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 60});
    cited(
        &mentor_core::interview::invitation_json(&slot, Lang::En).unwrap(),
        &mut pairs,
    );
    for card in [
        json!({"kindness": 4, "patience": "no_decision", "humility": "no_decision", "communication": 3,
               "subject_knowledge": "no_decision", "recommendation": "yes"}),
        json!({"kindness": 1, "patience": 1, "humility": 1, "communication": 1,
               "subject_knowledge": 1, "recommendation": "strong_no"}),
    ] {
        cited(
            &mentor_core::interview::suggest_json(&card, &Policy::default(), Lang::En).unwrap(),
            &mut pairs,
        );
    }
    pairs
}

/// The values of an enumeration of the decision's schema (`ActionCode`, `ReasonCode`).
fn decision_vocabulary(name: &str) -> BTreeSet<String> {
    let decision = mentor_core::schema::outputs()
        .into_iter()
        .find(|s| s.name == "decision")
        .unwrap()
        .schema;
    decision["$defs"][name]["oneOf"]
        .as_array()
        .unwrap_or_else(|| panic!("{name}"))
        .iter()
        .map(|v| v["const"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn cited_by_lists_exactly_the_codes_that_cite_each_rule() {
    let observed = observed();
    // The inputs reach every action and reason the decision can give.
    let codes: BTreeSet<String> = observed.iter().map(|(_, code)| code.clone()).collect();
    for name in ["ActionCode", "ReasonCode"] {
        let missing: Vec<_> = decision_vocabulary(name).difference(&codes).cloned().collect();
        assert!(
            missing.is_empty(),
            "no input reached the {name} values {missing:?}"
        );
    }
    let ids: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    for (rule, code) in &observed {
        assert!(
            ids.contains(rule.as_str()),
            "`{code}` cites `{rule}`, which is not a Rule"
        );
    }

    let sections = rule_sections();
    let mut wrong = Vec::new();
    for rule in Rule::ALL {
        let id = rule.id();
        let listed = code_spans(&paragraph(&sections[id], "**Cited by:**", id));
        let found: BTreeSet<String> = observed
            .iter()
            .filter(|(r, _)| r == id)
            .map(|(_, code)| code.clone())
            .collect();
        if listed != found {
            wrong.push(format!(
                "{id}: docs/rules.md lists {listed:?}, the answers cite it with {found:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
