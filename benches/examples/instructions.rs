//! The benchmarks' main operations, one per run, each in a `measure_*` function, so valgrind's
//! callgrind counts their instructions alone (`bash benches/instructions.sh`): counts do not
//! move with the machine's load as timings do. Each operation is the one of the criterion
//! benchmark of the same name (benches/benches/), on the same seeded inputs.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a measurement driver"
)]
use std::hint::black_box;

use chrono::{TimeZone, Utc};
use mentor_benches::{NUMBERS, Rng, application_logs, form, forms_jsonl, situation};
use mentor_core::billing::{BillingContract, BillingPeriod, Session, statement};
use mentor_core::eligibility::{WorkingSituation, evaluate, evaluate_json, evaluate_json_text};
use mentor_core::lifecycle::{Aggregate, read_log};
use mentor_core::policy::{BillingPolicy, Policy};
use mentor_core::recruitment::{Application, ApplicationChange};
use mentor_core::{CountryCode, Lang, application, registration, triage};
use serde_json::{Value, json};

#[inline(never)]
fn measure_decision_typed(s: &WorkingSituation, p: &Policy) -> usize {
    (0..10_000)
        .map(|_| {
            black_box(evaluate(black_box(s), p));
            1
        })
        .sum()
}
#[inline(never)]
fn measure_decision_text(texts: &[String], p: &Policy) -> usize {
    texts
        .iter()
        .filter_map(|t| {
            WorkingSituation::from_json_str(black_box(t))
                .ok()
                .map(|s| evaluate(&s, p))
        })
        .count()
}
/// Text in, text out, 10,000 times on the situation of mentor-wasm/bench (a SIRET checked):
/// what `evaluateEligibilityJson` does inside the module, compiled natively.
#[inline(never)]
fn measure_decision_json_text(text: &str, p: &Policy) -> usize {
    (0..10_000)
        .map(|_| evaluate_json_text(black_box(text), p, Lang::En).map_or(0, |out| black_box(out).len()))
        .sum()
}
#[inline(never)]
fn measure_decision_text_to_value(texts: &[String], p: &Policy) -> usize {
    texts
        .iter()
        .map(|t| {
            let v: Value = serde_json::from_str(black_box(t)).unwrap();
            black_box(evaluate_json(&v, p, Lang::En)).is_ok() as usize
        })
        .sum()
}
#[inline(never)]
fn measure_validate(forms: &[Value], p: &Policy) -> usize {
    forms
        .iter()
        .map(|f| black_box(application::validate(black_box(f), p)).result.is_ok() as usize)
        .sum()
}
#[inline(never)]
fn measure_registration(inputs: &[(CountryCode, &str)]) -> usize {
    (0..20)
        .flat_map(|_| inputs.iter())
        .map(|(c, n)| black_box(registration::validate(*c, black_box(n))).is_ok() as usize)
        .sum()
}
#[inline(never)]
fn measure_triage(text: &str, p: &Policy) -> usize {
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    triage::triage(&triage::read_forms(black_box(text)), p, now).len()
}
#[inline(never)]
fn measure_replay(jsonl: &[String]) -> usize {
    jsonl
        .iter()
        .map(|t| {
            let log = read_log::<ApplicationChange>(&triage::read_records(black_box(t))).unwrap();
            usize::from(Application::replay(&log).is_ok())
        })
        .sum()
}
#[inline(never)]
fn measure_statement(c: &BillingContract, wire: &[Value], jan: BillingPeriod, p: &BillingPolicy) -> usize {
    let read: Vec<Session> = wire
        .iter()
        .map(|v| Session::from_json(black_box(v)).unwrap())
        .collect();
    statement(c, &read, jan, p).unwrap().lines().len()
}
#[inline(never)]
fn measure_statement_typed(
    c: &BillingContract,
    typed: &[Session],
    jan: BillingPeriod,
    p: &BillingPolicy,
) -> usize {
    statement(c, black_box(typed), jan, p).unwrap().lines().len()
}

fn main() {
    let policy = Policy::default();
    let mut rng = Rng::new(7);
    let values: Vec<Value> = (0..2000).map(|_| situation(&mut rng)).collect();
    let texts: Vec<String> = values.iter().map(ToString::to_string).collect();
    let fr = WorkingSituation::from_json(&json!({"country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}})).unwrap();
    let mut rng = Rng::new(11);
    let forms: Vec<Value> = (0..2000).map(|i| form(&mut rng, i)).collect();
    let inputs: Vec<(CountryCode, &str)> = NUMBERS
        .iter()
        .filter_map(|(c, n)| Some((CountryCode::parse(c)?, *n)))
        .collect();
    let text = forms_jsonl(42, 10_000);
    let logs = application_logs(&mut Rng::new(3), 10_000);
    let jsonl: Vec<String> = logs
        .iter()
        .map(|log| log.iter().map(|e| format!("{}\n", e.to_json())).collect())
        .collect();
    let terms = |version: u32, mentoring: &str, start: &str| json!({"version": version, "currency": "EUR", "rates": {"mentoring": mentoring, "defense": "50.05", "workshop": "12.50"}, "start_date": start, "notice_period_days": 30});
    let contract = BillingContract::from_json(&json!({"contract_id": "c-bench",
        "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "73282932000074", "vat": "registered"},
        "versions": [terms(1, "35.55", "2025-01-01"), terms(2, "36.15", "2026-01-21")]})).unwrap();
    let statuses = [
        "completed",
        "completed",
        "completed",
        "student_no_show",
        "cancelled_late",
        "cancelled",
    ];
    let types = ["mentoring", "mentoring", "defense", "workshop"];
    let mut rng = Rng::new(9);
    let wire: Vec<Value> = (0..10_000).map(|i| {
        let minute = rng.below(30 * 24 * 60 + 22 * 60);
        let at = format!("2026-01-{:02}T{:02}:{:02}:00Z", 1 + minute / 1440, minute % 1440 / 60, minute % 60);
        json!({"session_id": format!("s-{i:05}"), "started_at": at, "duration_minutes": 45, "session_type": rng.pick(&types).unwrap(), "student_ref": format!("stu-{}", rng.below(500)), "status": rng.pick(&statuses).unwrap()})
    }).collect();
    let jan = BillingPeriod::parse("2026-01").unwrap();
    let which = std::env::args().nth(1).unwrap_or_default();
    let r = match which.as_str() {
        "decision_typed" => measure_decision_typed(&fr, &policy),
        "decision_text" => measure_decision_text(&texts, &policy),
        "decision_text_to_value" => measure_decision_text_to_value(&texts, &policy),
        "decision_json_text" => measure_decision_json_text(
            r#"{"country":"FR","status":"freelancer","business":{"legal_form":"micro_entrepreneur","registration_number":"732 829 320 00074"}}"#,
            &policy,
        ),
        "validate" => measure_validate(&forms, &policy),
        "registration" => measure_registration(&inputs),
        "triage" => measure_triage(&text, &policy),
        "replay" => measure_replay(&jsonl),
        "statement" => measure_statement(&contract, &wire, jan, &BillingPolicy::default()),
        "statement_typed" => {
            let typed: Vec<Session> = wire.iter().map(|v| Session::from_json(v).unwrap()).collect();
            measure_statement_typed(&contract, &typed, jan, &BillingPolicy::default())
        }
        _ => 0,
    };
    eprintln!("{which}: {r}");
}
