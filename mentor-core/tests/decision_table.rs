//! The project's own vectors for every row of the decision table of `docs/wire-format.md#decision`
//! (`tests/vectors/eligibility.json` at the workspace root, shared with the Python and JS
//! tests). Each vector's expected answer was written from `docs/wire-format.md#decision`; where the table is
//! ambiguous the vector's name says which reading (documented in `eligibility.rs`) it follows.

#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a panic is a test failure (clippy.toml allows these in tests, but not in an integration test's helper functions)"
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use mentor_core::Lang;
use mentor_core::Localized;
use mentor_core::eligibility::evaluate_json;
use mentor_core::policy::Policy;
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/eligibility.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let Value::Array(vectors) = serde_json::from_str(&text).unwrap() else {
        panic!("the vectors file is a JSON array")
    };
    vectors
}

/// The rule each code comes from, as `docs/wire-format.md#decision` lists it (a slash means either).
fn rules_of(kind: &str, code: &str) -> &'static [&'static str] {
    match (kind, code) {
        ("action", "choose_route") => &["WS-2", "WS-3"],
        ("action", "obtain_employer_agreement") => &["WS-2"],
        ("action", "register_business") => &["WS-3"],
        ("action", "register_as_self_employed") => &["WS-5"],
        ("action", "provide_registration_number") => &["WS-1"],
        ("action", "fix_registration_number") => &["WS-1"],
        ("action", "inform_employer") => &["WS-3"],
        ("reason", "employer_signs") => &["WS-2"],
        ("reason", "mentor_business_signs") => &["WS-3", "WS-4", "WS-5"],
        ("reason", "employer_refused") => &["WS-2"],
        ("reason", "employer_sector_unusual") => &["WS-2"],
        ("reason", "no_registered_business") => &["WS-5"],
        ("reason", "registration_number_invalid") => &["WS-1"],
        ("reason", "status_to_settle_at_interview") => &["INT-5"],
        ("reason", "country_rules_unknown") => &["WS-1"],
        ("reason", "country_excluded") => &["POL-1"],
        _ => &[],
    }
}

fn code_set(list: &Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            c.as_str()
                .map_or_else(|| c["code"].as_str().unwrap().to_owned(), str::to_owned)
        })
        .collect()
}

/// Compares one answer with one vector; returns what differs.
fn check(v: &Value, en: &Value, fr: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let want = &v["expected"];
    for key in ["outcome", "contracting_party", "invoicing_party", "payout"] {
        if en[key] != want[key] {
            problems.push(format!("{key}: got {}, expected {}", en[key], want[key]));
        }
    }
    for key in ["required_actions", "recommended_actions", "reasons"] {
        let (got, expected) = (code_set(&en[key]), code_set(&want[key]));
        if got != expected {
            problems.push(format!("{key}: got {got:?}, expected {expected:?}"));
        }
        let list = en[key].as_array().unwrap();
        if list.len() != got.len() {
            problems.push(format!("{key}: a code is listed twice: {list:?}"));
        }
        let kind = if key == "reasons" { "reason" } else { "action" };
        for (item_en, item_fr) in list.iter().zip(fr[key].as_array().unwrap()) {
            let code = item_en["code"].as_str().unwrap_or_default();
            let rule = item_en["rule"].as_str().unwrap_or_default();
            if rule.is_empty() || !rules_of(kind, code).contains(&rule) {
                problems.push(format!(
                    "{kind} `{code}` cites rule `{rule}`; `docs/wire-format.md#decision` gives {:?}",
                    rules_of(kind, code)
                ));
            }
            if item_fr["code"] != item_en["code"] || item_fr["rule"] != item_en["rule"] {
                problems.push(format!(
                    "{kind} `{code}`: code or rule differs in French: {item_fr}"
                ));
            }
            let (m_en, m_fr) = (
                item_en["message"].as_str().unwrap_or_default(),
                item_fr["message"].as_str().unwrap_or_default(),
            );
            if m_en.trim().is_empty() || m_fr.trim().is_empty() {
                problems.push(format!(
                    "{kind} `{code}`: empty message (en {m_en:?}, fr {m_fr:?})"
                ));
            } else if m_en == m_fr {
                problems.push(format!(
                    "{kind} `{code}`: the French message is the English one: {m_en:?}"
                ));
            }
        }
    }
    // `docs/wire-format.md#decision`: `register_as_self_employed` carries the country, its local status names
    // and the authority or procedure (the last two only where the library knows the country).
    for (action_en, action_fr) in en["required_actions"]
        .as_array()
        .unwrap()
        .iter()
        .zip(fr["required_actions"].as_array().unwrap())
    {
        if action_en["code"] != "register_as_self_employed" {
            continue;
        }
        let params = &action_en["params"];
        if params["country"] != v["situation"]["country"] {
            problems.push(format!(
                "register_as_self_employed: params.country is {}",
                params["country"]
            ));
        }
        if v["situation"]["country"] != "JP" {
            let statuses = params["statuses"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default();
            if statuses.is_empty()
                || statuses
                    .iter()
                    .any(|s| s["local_name"].as_str().is_none_or(str::is_empty))
            {
                problems.push(format!(
                    "register_as_self_employed: no local status names in {params}"
                ));
            }
            let procedure = params["procedure"].as_str().unwrap_or_default();
            if procedure.is_empty() || action_fr["params"]["procedure"] == params["procedure"] {
                problems.push(format!(
                    "register_as_self_employed: procedure missing or not translated: {params}"
                ));
            }
        }
    }
    problems
}

#[test]
fn every_vector_gets_its_expected_decision() {
    let vectors = vectors();
    let mut failures = Vec::new();
    for v in &vectors {
        let name = v["name"].as_str().unwrap();
        let policy = match v.get("policy") {
            Some(p) => Policy::from_value(p).unwrap_or_else(|e| panic!("{name}: {e}")),
            None => Policy::default(),
        };
        let answers = (
            evaluate_json(&v["situation"], &policy, Lang::En),
            evaluate_json(&v["situation"], &policy, Lang::Fr),
        );
        match answers {
            (Ok(en), Ok(fr)) => {
                let problems = check(v, &en, &fr);
                if !problems.is_empty() {
                    failures.push(format!("- {name}\n    {}", problems.join("\n    ")));
                }
            }
            (Err(e), _) | (_, Err(e)) => {
                failures.push(format!("- {name}\n    the situation was refused: {e}"))
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} vectors fail:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

/// The vectors file itself: unique names, well-formed entries, and every row of the table
/// present (each status, each action and reason code but the form-level one, each outcome).
#[test]
fn the_vectors_cover_the_whole_table() {
    let vectors = vectors();
    let mut names = BTreeSet::new();
    let (mut statuses, mut actions, mut reasons, mut outcomes) =
        (BTreeSet::new(), BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let mut with_policy = 0;
    for v in &vectors {
        let name = v["name"].as_str().unwrap();
        assert!(names.insert(name), "two vectors are named {name:?}");
        let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert!(
            keys.is_subset(&BTreeSet::from(["name", "situation", "policy", "expected"])),
            "{name}: keys {keys:?}"
        );
        let expected_keys: BTreeSet<&str> = v["expected"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            expected_keys,
            BTreeSet::from([
                "outcome",
                "contracting_party",
                "invoicing_party",
                "payout",
                "required_actions",
                "recommended_actions",
                "reasons"
            ]),
            "{name}"
        );
        statuses.insert(v["situation"]["status"].as_str().unwrap().to_owned());
        outcomes.insert(v["expected"]["outcome"].as_str().unwrap().to_owned());
        actions.extend(code_set(&v["expected"]["required_actions"]));
        actions.extend(code_set(&v["expected"]["recommended_actions"]));
        reasons.extend(code_set(&v["expected"]["reasons"]));
        with_policy += usize::from(v.get("policy").is_some());
    }
    let set = |items: &[&str]| {
        items
            .iter()
            .map(|s| (*s).to_owned())
            .collect::<BTreeSet<String>>()
    };
    assert_eq!(
        statuses,
        set(&[
            "employee",
            "freelancer",
            "company_owner",
            "self_employed",
            "student",
            "job_seeker",
            "retired",
            "other"
        ])
    );
    assert_eq!(
        outcomes,
        set(&["eligible", "action_required", "needs_review", "ineligible"])
    );
    assert_eq!(
        actions,
        set(&[
            "choose_route",
            "obtain_employer_agreement",
            "register_business",
            "register_as_self_employed",
            "provide_registration_number",
            "fix_registration_number",
            "inform_employer"
        ])
    );
    assert_eq!(
        reasons,
        set(&[
            "employer_signs",
            "mentor_business_signs",
            "employer_refused",
            "employer_sector_unusual",
            "no_registered_business",
            "registration_number_invalid",
            "country_rules_unknown",
            "country_excluded"
        ])
    );
    assert!(with_policy >= 5, "vectors with their own policy: {with_policy}");
}

/// A situation that does not parse is a typed error with field errors (`docs/wire-format.md#field-errors`),
/// in both languages, with the same paths and codes.
#[test]
fn a_situation_that_does_not_parse_is_an_input_error() {
    let policy = Policy::default();
    let cases = [
        (serde_json::json!({"status": "freelancer"}), "country", "required"),
        (serde_json::json!({"country": "FR"}), "status", "required"),
        (
            serde_json::json!({"country": "FR", "status": "pirate"}),
            "status",
            "invalid_enum",
        ),
        (
            serde_json::json!({"country": "XX", "status": "student"}),
            "country",
            "invalid_country",
        ),
        (
            serde_json::json!({"country": "FR", "status": "student", "rout": "via_employer"}),
            "rout",
            "unknown_field",
        ),
        (
            serde_json::json!({"country": "FR", "status": "employee", "route": "via_friend"}),
            "route",
            "invalid_enum",
        ),
        (
            serde_json::json!({"country": "FR", "status": "employee", "employment": {"employer_agreement": "maybe"}}),
            "employment.employer_agreement",
            "invalid_enum",
        ),
        (
            serde_json::json!({"country": "FR", "status": "employee", "employment": {"employer_sector": "banking"}}),
            "employment.employer_sector",
            "invalid_enum",
        ),
        (
            serde_json::json!({"country": "FR", "status": "employee", "employment": {"employer_informed": "yes"}}),
            "employment.employer_informed",
            "invalid_type",
        ),
        (
            serde_json::json!({"country": "FR", "status": "freelancer", "business": {"registration_number": 73282932000074_u64}}),
            "business.registration_number",
            "invalid_type",
        ),
        (
            serde_json::json!({"country": "FR", "status": "freelancer", "business": {"legal_form": "x".repeat(65)}}),
            "business.legal_form",
            "too_long",
        ),
        (
            serde_json::json!({"country": "FR", "status": "freelancer", "business": {"siret": "73282932000074"}}),
            "business.siret",
            "unknown_field",
        ),
        (
            serde_json::json!({"country": "", "status": "student"}),
            "country",
            "required",
        ),
        (
            serde_json::json!({"country": "  ", "status": "student"}),
            "country",
            "required",
        ),
        (serde_json::json!("FR"), "", "invalid_type"),
    ];
    for (situation, path, code) in cases {
        let en = evaluate_json(&situation, &policy, Lang::En).expect_err(&situation.to_string());
        let fr = evaluate_json(&situation, &policy, Lang::Fr).expect_err(&situation.to_string());
        assert!(
            en.errors
                .iter()
                .any(|e| e.path == path && e.code.as_str() == code),
            "{situation}: expected `{code}` at `{path}`, got {:?}",
            en.errors
        );
        assert_eq!(en.errors, fr.errors);
        let (je, jf) = (en.to_json(Lang::En), fr.to_json(Lang::Fr));
        for (e, f) in je.as_array().unwrap().iter().zip(jf.as_array().unwrap()) {
            assert_eq!((&e["path"], &e["code"]), (&f["path"], &f["code"]));
            assert_ne!(e["message"], f["message"], "{situation}");
        }
    }
}

/// Within a form (`docs/wire-format.md#application-form`, `docs/wire-format.md#working-situation`): the
/// working situation's country defaults to the applicant's, an explicit one alone drives the rules, and a
/// form without a working situation is `needs_review` with `status_to_settle_at_interview` (INT-5).
#[test]
fn a_form_decides_on_its_working_situation() {
    use chrono::TimeZone;
    let form = |applicant_country: &str, situation: Option<Value>| {
        let mut f = serde_json::json!({
            "offer_id": "mentor-web-2026",
            "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": applicant_country},
            "subjects": [{"subject": "python", "level": "expert"}],
            "consent": {"data_processing": true}
        });
        if let Some(s) = situation {
            f["working_situation"] = s;
        }
        f
    };
    let jp_number =
        serde_json::json!({"status": "freelancer", "business": {"registration_number": "T1234567890123"}});
    let cases = [
        // No country in the situation: the applicant's (JP, no rules) applies.
        (
            form("JP", Some(jp_number.clone())),
            "needs_review",
            vec!["country_rules_unknown", "mentor_business_signs"],
            Value::from("mentor_business"),
        ),
        // An explicit country alone drives the rules: a French SIRET for someone living in Japan.
        (
            form(
                "JP",
                Some(
                    serde_json::json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}}),
                ),
            ),
            "eligible",
            vec!["mentor_business_signs"],
            Value::from("mentor_business"),
        ),
        // The applicant lives in France but will register in Japan.
        (
            form(
                "FR",
                Some(
                    serde_json::json!({"country": "JP", "status": "freelancer", "business": {"registration_number": "T1234567890123"}}),
                ),
            ),
            "needs_review",
            vec!["country_rules_unknown", "mentor_business_signs"],
            Value::from("mentor_business"),
        ),
        (
            form("FR", None),
            "needs_review",
            vec!["status_to_settle_at_interview"],
            Value::Null,
        ),
    ];
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    for (f, outcome, reasons, party) in cases {
        let report = mentor_core::triage::triage_json(
            &Value::Array(vec![f.clone()]),
            &Policy::default(),
            now,
            Lang::En,
        );
        let d = &report[0]["eligibility"];
        assert_eq!(report[0]["status"], "ranked", "{f}: {}", report[0]);
        assert_eq!(d["outcome"], outcome, "{f}");
        assert_eq!(d["contracting_party"], party, "{f}");
        let got: BTreeSet<&str> = d["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap())
            .collect();
        assert_eq!(got, reasons.into_iter().collect::<BTreeSet<_>>(), "{f}");
        for r in d["reasons"].as_array().unwrap() {
            let code = r["code"].as_str().unwrap();
            assert!(
                rules_of("reason", code).contains(&r["rule"].as_str().unwrap()),
                "{code}: {}",
                r["rule"]
            );
        }
    }
}

/// POL-1 also applies before the working situation is settled: its country defaults to the
/// applicant's (`docs/wire-format.md#working-situation`), so a form from an excluded country without a
/// working situation is `ineligible` (and not ranked, `docs/triage.md#review-queue`), with both reasons
/// listed.
#[test]
fn an_excluded_country_is_ineligible_even_before_the_interview() {
    use chrono::TimeZone;
    let policy = Policy::from_toml("excluded_countries = [\"CA\"]").unwrap();
    let form = serde_json::json!({
        "offer_id": "mentor-web-2026",
        "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org", "country": "CA"},
        "subjects": [{"subject": "python", "level": "expert"}],
        "consent": {"data_processing": true}
    });
    let now = chrono::Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let report = mentor_core::triage::triage_json(&Value::Array(vec![form]), &policy, now, Lang::En);
    assert_eq!(report[0]["status"], "ineligible", "{}", report[0]);
    assert_eq!(report[0]["rank"], Value::Null);
    let d = &report[0]["eligibility"];
    assert_eq!(d["outcome"], "ineligible");
    let got: BTreeSet<&str> = d["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        got,
        BTreeSet::from(["country_excluded", "status_to_settle_at_interview"])
    );
}
