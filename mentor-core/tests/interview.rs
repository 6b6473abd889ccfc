//! Behaviour of the interview module (INT-1..4, POL-1): slots across daylight-saving changes,
//! the invitation, and the scorecard's suggestion with the policy's `[interview]` thresholds.
//!
//! Expected instants are computed by hand: Paris is UTC+1 in winter and UTC+2 in summer, and
//! changes on 2026-03-29 (02:00 → 03:00 local, at 01:00Z) and 2026-10-25 (03:00 → 02:00 local,
//! at 01:00Z); New York (UTC−5 / UTC−4) springs forward on 2026-03-08 at 02:00 local.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "tests"
)]

use mentor_core::Localized;
use mentor_core::interview::{
    AgendaItem, Criterion, ReadinessItem, Recommendation, Scorecard, Slot, SuggestedOutcome, SuggestionCode,
    SuggestionReason, invitation, invitation_json, suggest, suggest_json,
};
use mentor_core::policy::{InterviewPolicy, Policy};
use mentor_core::vocabulary::Vocabulary;
use mentor_core::{ErrorCode, Lang, Rule, error_codes};
use serde_json::{Value, json};

fn local(local_start: &str, zone: &str) -> Value {
    json!({"local_start": local_start, "time_zone": zone, "duration_minutes": 45})
}

fn start_of(local_start: &str, zone: &str) -> String {
    Slot::from_local_json(&local(local_start, zone))
        .unwrap()
        .to_json()["start"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn only_error(value: &Value) -> mentor_core::FieldError {
    let e = Slot::from_local_json(value).unwrap_err();
    assert_eq!(e.errors.len(), 1, "{e}");
    e.errors.into_iter().next().unwrap()
}

// ---- slots -------------------------------------------------------------------------------

#[test]
fn paris_spring_forward_skips_half_past_two() {
    let e = only_error(&local("2026-03-29T02:30", "Europe/Paris"));
    assert_eq!(
        (e.path.as_str(), e.code),
        ("local_start", ErrorCode::NonexistentLocalTime)
    );
    assert_eq!(e.code.as_str(), "nonexistent_local_time");
    // Either side of the gap is fine: 01:59 is still winter time, 03:00 already summer time.
    assert_eq!(
        start_of("2026-03-29T01:59", "Europe/Paris"),
        "2026-03-29T00:59:00Z"
    );
    assert_eq!(
        start_of("2026-03-29T03:00", "Europe/Paris"),
        "2026-03-29T01:00:00Z"
    );
}

#[test]
fn paris_fall_back_repeats_half_past_two_and_names_both_instants() {
    let e = only_error(&local("2026-10-25T02:30:00", "Europe/Paris"));
    assert_eq!(
        (e.path.as_str(), e.code),
        ("local_start", ErrorCode::AmbiguousLocalTime)
    );
    let en = e.message(Lang::En);
    let fr = e.message(Lang::Fr);
    for message in [&en, &fr] {
        assert!(message.contains("2026-10-25T00:30:00Z"), "{message}");
        assert!(message.contains("2026-10-25T01:30:00Z"), "{message}");
    }
    assert!(en.contains("twice"), "{en}");
    assert!(fr.contains("deux fois"), "{fr}");
    // The earlier instant comes first (summer time, UTC+2, then winter time, UTC+1).
    assert!(en.find("00:30:00Z") < en.find("01:30:00Z"), "{en}");
    assert_eq!(e.to_json(Lang::Fr)["code"], "ambiguous_local_time");
}

#[test]
fn new_york_spring_forward_skips_half_past_two() {
    let e = only_error(&local("2026-03-08T02:30", "America/New_York"));
    assert_eq!(
        (e.path.as_str(), e.code),
        ("local_start", ErrorCode::NonexistentLocalTime)
    );
    assert!(
        e.message(Lang::En).contains("does not exist"),
        "{}",
        e.message(Lang::En)
    );
    assert!(
        e.message(Lang::Fr).contains("n'existe pas"),
        "{}",
        e.message(Lang::Fr)
    );
    assert_eq!(
        start_of("2026-03-08T03:30", "America/New_York"),
        "2026-03-08T07:30:00Z"
    );
}

#[test]
fn six_pm_in_paris_follows_the_offset_of_its_own_date() {
    // After the autumn change Paris is UTC+1: 17:00Z, not the summer 16:00Z.
    assert_eq!(
        start_of("2026-11-12T18:00", "Europe/Paris"),
        "2026-11-12T17:00:00Z"
    );
    assert_eq!(
        start_of("2026-07-01T18:00", "Europe/Paris"),
        "2026-07-01T16:00:00Z"
    );
    let slot = Slot::from_local_json(&local("2026-11-12T18:00", "Europe/Paris")).unwrap();
    assert_eq!(slot.local_start().to_rfc3339(), "2026-11-12T18:00:00+01:00");
    assert_eq!(slot.duration_minutes, 45);
    assert_eq!(slot.time_zone, chrono_tz::Europe::Paris);
}

#[test]
fn seconds_are_optional_and_other_shapes_are_refused() {
    assert_eq!(
        start_of("2026-11-12T18:00:30", "Europe/Paris"),
        "2026-11-12T17:00:30Z"
    );
    for bad in [
        "2026-11-12T18:00Z",
        "2026-11-12T18:00:00+01:00",
        "2026-11-12 18:00",
        "2026-13-12T18:00",
        "tomorrow",
    ] {
        let e = only_error(&local(bad, "Europe/Paris"));
        assert_eq!(
            (e.path.as_str(), e.code),
            ("local_start", ErrorCode::InvalidDatetime),
            "{bad}"
        );
        assert!(
            e.message(Lang::En).contains("2026-11-12T18:00"),
            "{}",
            e.message(Lang::En)
        );
    }
}

#[test]
fn durations_of_zero_and_more_than_eight_hours_are_refused() {
    for minutes in [0, 481] {
        for value in [
            json!({"local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": minutes}),
            json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": minutes}),
        ] {
            let e = if value.get("start").is_some() {
                Slot::from_json(&value)
            } else {
                Slot::from_local_json(&value)
            }
            .unwrap_err();
            assert_eq!(e.errors.len(), 1, "{e}");
            assert_eq!(
                (e.errors[0].path.as_str(), e.errors[0].code),
                ("duration_minutes", ErrorCode::OutOfRange)
            );
        }
    }
    let ok = json!({"local_start": "2026-11-12T18:00", "time_zone": "Europe/Paris", "duration_minutes": 480});
    assert!(Slot::from_local_json(&ok).is_ok());
}

#[test]
fn every_problem_of_a_local_slot_is_reported() {
    let e = Slot::from_local_json(&json!({"local_start": "", "time_zone": "Mars/Olympus", "extra": 1}))
        .unwrap_err();
    let got: Vec<_> = e.errors.iter().map(|e| (e.path.as_str(), e.code)).collect();
    for want in [
        ("extra", ErrorCode::UnknownField),
        ("local_start", ErrorCode::Required),
        ("time_zone", ErrorCode::InvalidTimezone),
        ("duration_minutes", ErrorCode::Required),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    // A UTC instant is not a local slot's key, and the reverse.
    assert!(
        Slot::from_local_json(
            &json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45})
        )
        .is_err()
    );
    assert!(Slot::from_json(&local("2026-11-12T18:00", "Europe/Paris")).is_err());
}

#[test]
fn slot_json_round_trips() {
    let wire = json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45});
    let slot = Slot::from_json(&wire).unwrap();
    assert_eq!(slot.to_json(), wire);
    assert_eq!(Slot::from_json(&slot.to_json()).unwrap(), slot);
    let from_local = Slot::from_local_json(&local("2026-11-12T18:00", "Europe/Paris")).unwrap();
    assert_eq!(from_local, slot);
    assert_eq!(Slot::from_json(&from_local.to_json()).unwrap(), from_local);
}

#[test]
fn the_new_codes_are_in_the_catalogue_in_both_languages() {
    let catalogue = error_codes();
    for code in ["nonexistent_local_time", "ambiguous_local_time"] {
        let entry = catalogue
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"] == code)
            .unwrap_or_else(|| panic!("{code}"));
        assert!(!entry["en"].as_str().unwrap().is_empty());
        assert!(!entry["fr"].as_str().unwrap().is_empty());
        assert_ne!(entry["en"], entry["fr"]);
    }
    // Every field error code is there as a field error; the other families follow (issue 14).
    let fields: Vec<&Value> = catalogue
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "field")
        .collect();
    assert_eq!(ErrorCode::ALL.len(), fields.len());
    assert!(catalogue.as_array().unwrap().len() > fields.len());
}

// ---- invitation --------------------------------------------------------------------------

#[test]
fn the_invitation_shows_utc_and_the_candidates_wall_clock() {
    let slot = Slot::from_local_json(&local("2026-11-12T18:00", "Europe/Paris")).unwrap();
    let j = invitation(&slot).to_json(Lang::En);
    assert_eq!(j["start"], "2026-11-12T17:00:00Z");
    assert_eq!(j["end"], "2026-11-12T17:45:00Z");
    assert_eq!(j["local_start"], "2026-11-12T18:00:00+01:00");
    assert_eq!(j["local_end"], "2026-11-12T18:45:00+01:00");
    assert_eq!(j["time_zone"], "Europe/Paris");
    assert_eq!(j["duration_minutes"], 45);
    let summer = Slot::from_local_json(&local("2026-07-01T18:00", "Europe/Paris")).unwrap();
    assert_eq!(
        invitation(&summer).to_json(Lang::En)["local_start"],
        "2026-07-01T18:00:00+02:00"
    );
}

#[test]
fn the_checklist_and_agenda_cite_their_rules_in_both_languages() {
    let slot = Slot::from_local_json(&local("2026-11-12T18:00", "Europe/Paris")).unwrap();
    let en = invitation(&slot).to_json(Lang::En);
    let fr = invitation(&slot).to_json(Lang::Fr);
    let codes = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["code"].as_str().unwrap().to_owned(),
                    i["rule"].as_str().unwrap().to_owned(),
                )
            })
            .collect::<Vec<_>>()
    };
    let pairs = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(c, r)| ((*c).to_owned(), (*r).to_owned()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        codes(&en["checklist"]),
        pairs(&[
            ("microphone", "INT-2"),
            ("calm_place", "INT-2"),
            ("well_lit_place", "INT-2"),
            ("camera", "INT-1"),
            ("internet_connection", "INT-1")
        ])
    );
    let agenda = codes(&en["agenda"]);
    for want in pairs(&[
        ("what_mentorship_is", "INT-3"),
        ("introduce_yourself", "INT-3"),
        ("current_activity", "INT-3"),
        ("recent_projects", "INT-3"),
    ]) {
        assert!(agenda.contains(&want), "{want:?}");
    }
    assert_eq!(codes(&fr["checklist"]), codes(&en["checklist"]));
    for list in ["checklist", "agenda"] {
        for (e, f) in en[list]
            .as_array()
            .unwrap()
            .iter()
            .zip(fr[list].as_array().unwrap())
        {
            let (e, f) = (e["text"].as_str().unwrap(), f["text"].as_str().unwrap());
            assert!(!e.is_empty() && !f.is_empty());
            assert_ne!(e, f, "{list}: the French text is the English one");
        }
    }
    assert!(
        en["checklist"][0]["text"]
            .as_str()
            .unwrap()
            .contains("built into")
    );
    assert_eq!(ReadinessItem::ALL.len(), 5);
    assert!(AgendaItem::ALL.iter().all(|i| i.rule() == Rule::Int3));
}

#[test]
fn invitation_json_reads_a_slot() {
    let j = invitation_json(
        &json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris", "duration_minutes": 45}),
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(j["local_start"], "2026-11-12T18:00:00+01:00");
    let e = invitation_json(
        &json!({"start": "2026-11-12T17:00:00Z", "time_zone": "Europe/Paris"}),
        Lang::Fr,
    )
    .unwrap_err();
    assert_eq!(e.errors[0].path, "duration_minutes");
}

// ---- scorecard suggestion ----------------------------------------------------------------

fn card(k: Value, p: Value, h: Value, c: Value, s: Value, recommendation: &str) -> Scorecard {
    Scorecard::from_json(&json!({
        "kindness": k, "patience": p, "humility": h, "communication": c,
        "subject_knowledge": s, "recommendation": recommendation
    }))
    .unwrap()
}

fn nd() -> Value {
    json!("no_decision")
}

fn codes(reasons: &[SuggestionReason]) -> Vec<SuggestionCode> {
    reasons.iter().map(SuggestionReason::code).collect()
}

#[test]
fn an_unscored_criterion_does_not_pull_the_average_down() {
    // The bug this models: no_decision counted as 0 would give 12 / 5 = 2.4 and a rejection.
    let c = card(json!(4), json!(4), json!(4), nd(), nd(), "yes");
    let s = suggest(&c, &Policy::default());
    assert_eq!(s.scored, 3);
    assert_eq!(s.average, Some(4.0));
    assert_eq!(s.outcome, SuggestedOutcome::Selected);
    assert!(s.reasons.is_empty());
    // Nor counts as a low manner score.
    let c = card(nd(), nd(), json!(3), json!(3), json!(3), "no_decision");
    assert_eq!(
        suggest(&c, &Policy::default()).outcome,
        SuggestedOutcome::Selected
    );
}

#[test]
fn too_few_scored_is_undecided() {
    let c = card(json!(4), nd(), nd(), json!(4), nd(), "strong_yes");
    let s = suggest(&c, &Policy::default());
    assert_eq!(s.outcome, SuggestedOutcome::Undecided);
    assert_eq!(s.scored, 2);
    assert_eq!(s.average, Some(4.0));
    assert_eq!(
        s.reasons,
        vec![SuggestionReason::TooFewScored {
            scored: 2,
            minimum: 3
        }]
    );
    assert_eq!(s.reasons[0].rule(), Rule::Pol1);
    let none = card(nd(), nd(), nd(), nd(), nd(), "no_decision");
    let s = suggest(&none, &Policy::default());
    assert_eq!(
        (s.outcome, s.average, s.scored),
        (SuggestedOutcome::Undecided, None, 0)
    );
    let j = s.to_json(Lang::En);
    assert_eq!(j["average"], Value::Null);
    assert_eq!(j["reasons"][0]["code"], "too_few_scored");
    // A policy that needs fewer scores decides.
    let lenient = Policy::from_toml("[interview]\nminimum_scored = 2").unwrap();
    assert_eq!(suggest(&c, &lenient).outcome, SuggestedOutcome::Selected);
}

#[test]
fn low_kindness_rejects_even_with_a_high_average() {
    let c = card(json!(1), json!(4), json!(4), json!(4), json!(4), "strong_yes");
    let s = suggest(&c, &Policy::default());
    assert_eq!(s.average, Some(3.4));
    assert_eq!(s.outcome, SuggestedOutcome::Rejected);
    assert_eq!(
        s.reasons,
        vec![SuggestionReason::MannerBelowMinimum {
            criterion: Criterion::Kindness,
            score: 1,
            minimum: 2
        }]
    );
    assert_eq!(s.reasons[0].rule(), Rule::Int4);
    let j = s.to_json(Lang::En);
    assert_eq!(j["reasons"][0]["code"], "manner_below_minimum");
    assert_eq!(j["reasons"][0]["rule"], "INT-4");
    assert_eq!(j["reasons"][0]["params"]["criterion"], "kindness");
    assert!(j["reasons"][0]["message"].as_str().unwrap().contains("kindness"));
    let fr = s.to_json(Lang::Fr);
    assert!(
        fr["reasons"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Bienveillance"),
        "{}",
        fr["reasons"][0]["message"]
    );
}

#[test]
fn the_interviewer_saying_no_rejects() {
    for (recommendation, expected) in [
        ("no", Recommendation::No),
        ("strong_no", Recommendation::StrongNo),
    ] {
        let c = card(json!(4), json!(4), json!(4), json!(4), json!(4), recommendation);
        let s = suggest(&c, &Policy::default());
        assert_eq!(s.outcome, SuggestedOutcome::Rejected);
        assert_eq!(
            s.reasons,
            vec![SuggestionReason::InterviewerRecommendsAgainst(expected)]
        );
        assert_eq!(s.reasons[0].rule(), Rule::Int4);
    }
}

#[test]
fn a_rejection_lists_every_reason_that_applies() {
    let c = card(json!(1), json!(1), json!(2), json!(2), json!(3), "strong_no");
    let s = suggest(&c, &Policy::default());
    assert_eq!(s.outcome, SuggestedOutcome::Rejected);
    assert_eq!(
        codes(&s.reasons),
        [
            SuggestionCode::AverageBelowThreshold,
            SuggestionCode::MannerBelowMinimum,
            SuggestionCode::MannerBelowMinimum,
            SuggestionCode::InterviewerRecommendsAgainst
        ]
    );
    assert_eq!(
        s.reasons[0],
        SuggestionReason::AverageBelowThreshold {
            average: 1.8,
            threshold: 3.0
        }
    );
    assert_eq!(s.reasons[0].rule(), Rule::Pol1);
    let named: Vec<_> = s
        .reasons
        .iter()
        .filter_map(|r| {
            if let SuggestionReason::MannerBelowMinimum { criterion, .. } = r {
                Some(*criterion)
            } else {
                None
            }
        })
        .collect();
    assert_eq!(named, [Criterion::Kindness, Criterion::Patience]);
}

#[test]
fn the_threshold_is_reached_at_equality() {
    let c = card(json!(3), json!(3), json!(3), json!(3), json!(3), "yes");
    assert_eq!(
        suggest(&c, &Policy::default()).outcome,
        SuggestedOutcome::Selected
    );
    let strict = Policy::from_toml("[interview]\nselection_threshold = 3.2").unwrap();
    let s = suggest(&c, &strict);
    assert_eq!(codes(&s.reasons), [SuggestionCode::AverageBelowThreshold]);
    // 16 / 5 = 3.2 exactly as the decimal threshold reads.
    let c = card(json!(4), json!(3), json!(3), json!(3), json!(3), "yes");
    assert_eq!(suggest(&c, &strict).outcome, SuggestedOutcome::Selected);
    // Content may be low if the average and manner hold: the policy sets the bars.
    let c = card(json!(4), json!(4), json!(4), json!(2), json!(2), "yes");
    assert_eq!(
        suggest(&c, &Policy::default()).outcome,
        SuggestedOutcome::Selected
    );
}

#[test]
fn suggestion_messages_are_in_english_and_french() {
    let c = card(json!(1), json!(4), json!(1), json!(2), json!(2), "no");
    let en = suggest_json(&c.to_json(), &Policy::default(), Lang::En).unwrap();
    let fr = suggest_json(&c.to_json(), &Policy::default(), Lang::Fr).unwrap();
    assert_eq!(en["outcome"], "rejected");
    assert_eq!(en["scored"], 5);
    assert_eq!(en["average"], 2.0);
    let (en, fr) = (
        en["reasons"].as_array().unwrap(),
        fr["reasons"].as_array().unwrap(),
    );
    assert_eq!(en.len(), 4);
    for (e, f) in en.iter().zip(fr) {
        assert_eq!(e["code"], f["code"]);
        assert_eq!(e["rule"], f["rule"]);
        assert_eq!(e["params"], f["params"]);
        let (e, f) = (e["message"].as_str().unwrap(), f["message"].as_str().unwrap());
        assert!(!e.is_empty() && !f.is_empty());
        assert_ne!(e, f);
    }
    assert_eq!(
        en[0]["message"],
        "the average of the scored criteria, 2, is below the selection threshold of 3"
    );
    assert_eq!(
        fr[0]["message"],
        "la moyenne des critères notés, 2, est sous le seuil de sélection de 3"
    );
    let e = suggest_json(&json!({"kindness": 4}), &Policy::default(), Lang::Fr).unwrap_err();
    assert!(
        e.errors
            .iter()
            .any(|e| e.path == "recommendation" && e.code == ErrorCode::Required)
    );
}

// ---- policy -------------------------------------------------------------------------------

#[test]
fn interview_policy_defaults_and_bounds() {
    assert_eq!(
        Policy::default().interview,
        InterviewPolicy {
            selection_threshold: 3.0,
            minimum_scored: 3,
            manner_minimum: 2
        }
    );
    let p = Policy::from_toml("[interview]\nselection_threshold = 4\nminimum_scored = 5\nmanner_minimum = 1")
        .unwrap();
    assert_eq!(
        p.interview,
        InterviewPolicy {
            selection_threshold: 4.0,
            minimum_scored: 5,
            manner_minimum: 1
        }
    );
    for (text, key) in [
        ("selection_threshold = 0.5", "interview.selection_threshold"),
        ("selection_threshold = 4.01", "interview.selection_threshold"),
        ("selection_threshold = nan", "interview.selection_threshold"),
        ("minimum_scored = 0", "interview.minimum_scored"),
        ("minimum_scored = 6", "interview.minimum_scored"),
        ("manner_minimum = 0", "interview.manner_minimum"),
        ("manner_minimum = 5", "interview.manner_minimum"),
    ] {
        let e = Policy::from_toml(&format!("[interview]\n{text}")).unwrap_err();
        assert!(e.to_string().contains(key), "{text}: {e}");
    }
    for text in [
        "minimum_scored = -1",
        "minimum_scored = 2.5",
        "manner_minimum = \"2\"",
        "threshold = 3.0",
    ] {
        assert!(
            Policy::from_toml(&format!("[interview]\n{text}")).is_err(),
            "{text}"
        );
    }
    assert!(
        Policy::from_json(r#"{"interview": {"minimum_scored": 6}}"#)
            .unwrap_err()
            .to_string()
            .contains("interview.minimum_scored")
    );
    assert!(Policy::from_value(&json!({"interview": {"selection_threshold": 0}})).is_err());
}

#[test]
fn the_example_policy_documents_the_interview_defaults() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/policy.toml");
    let p = Policy::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(p.interview, InterviewPolicy::default());
}
