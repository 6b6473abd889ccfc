//! criterion benchmark of billing (`docs/billing.md`, `benches/RESULTS.md#targets`): the statement of a month
//! of 10,000 sessions (target: under 2 ms), from typed sessions; and the same sessions read from JSON
//! first, reported separately. Every session falls in the period, a third of them after an
//! amendment, with every status.
#![allow(clippy::unwrap_used, reason = "a benchmark stops loudly on bad setup")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mentor_benches::Rng;
use mentor_core::billing::{BillingContract, BillingPeriod, Session, statement};
use mentor_core::policy::BillingPolicy;
use serde_json::{Value, json};

const SESSIONS: usize = 10_000;

fn contract() -> BillingContract {
    let terms = |version: u32, mentoring: &str, start: &str| {
        json!({"version": version, "currency": "EUR", "rates": {"mentoring": mentoring, "defense": "50.05", "workshop": "12.50"},
               "start_date": start, "notice_period_days": 30})
    };
    BillingContract::from_json(&json!({
        "contract_id": "c-bench",
        "invoicing_party": {"party": "mentor_business", "country": "FR", "registration_number": "73282932000074", "vat": "registered"},
        "versions": [terms(1, "35.55", "2025-01-01"), terms(2, "36.15", "2026-01-21")],
    }))
    .unwrap()
}

/// 10,000 sessions of January 2026 (UTC times from 1 January 00:00 to 31 January 22:00, all in
/// January in Paris), shuffled by the generator.
fn sessions(rng: &mut Rng) -> Vec<Value> {
    let statuses = [
        "completed",
        "completed",
        "completed",
        "student_no_show",
        "cancelled_late",
        "cancelled",
    ];
    let types = ["mentoring", "mentoring", "defense", "workshop"];
    (0..SESSIONS)
        .map(|i| {
            let minute = rng.below(30 * 24 * 60 + 22 * 60);
            let at = format!(
                "2026-01-{:02}T{:02}:{:02}:00Z",
                1 + minute / 1440,
                minute % 1440 / 60,
                minute % 60
            );
            json!({
                "session_id": format!("s-{i:05}"), "started_at": at, "duration_minutes": 45,
                "session_type": rng.pick(&types).unwrap(), "student_ref": format!("stu-{}", rng.below(500)),
                "status": rng.pick(&statuses).unwrap(),
            })
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let contract = contract();
    let wire = sessions(&mut Rng::new(9));
    let typed: Vec<Session> = wire.iter().map(|v| Session::from_json(v).unwrap()).collect();
    let jan = BillingPeriod::parse("2026-01").unwrap();
    let policy = BillingPolicy::default();
    let st = statement(&contract, &typed, jan, &policy).unwrap();
    assert_eq!(st.lines().len(), SESSIONS);
    eprintln!(
        "billing: {} lines, total {} incl. VAT",
        st.lines().len(),
        st.total()
    );

    let mut g = c.benchmark_group("billing");
    g.throughput(Throughput::Elements(SESSIONS as u64));
    g.bench_function("statement of 10,000 typed sessions", |b| {
        b.iter(|| statement(black_box(&contract), black_box(&typed), jan, &policy).unwrap())
    });
    g.bench_function("statement of 10,000 sessions from JSON values", |b| {
        b.iter(|| {
            let read: Vec<Session> = black_box(&wire)
                .iter()
                .map(|v| Session::from_json(v).unwrap())
                .collect();
            statement(&contract, &read, jan, &policy).unwrap().total()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
