//! criterion benchmarks of mentor-core: one eligibility decision (typed and from JSON text),
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    reason = "a benchmark stops loudly on bad setup; indices are kept in range by modulo"
)]
//! form validation, registration `validate`, and triage of a 100,000-form batch.

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use mentor_benches::{NUMBERS, Rng, form, forms_jsonl, situation};
use mentor_core::eligibility::{WorkingSituation, evaluate, evaluate_json};
use mentor_core::policy::Policy;
use mentor_core::{CountryCode, Lang, application, registration, triage};

fn eligibility(c: &mut Criterion) {
    let policy = Policy::default();
    let mut rng = Rng::new(7);
    let values: Vec<serde_json::Value> = (0..1024).map(|_| situation(&mut rng)).collect();
    let typed: Vec<WorkingSituation> = values
        .iter()
        .filter_map(|v| WorkingSituation::from_json(v).ok())
        .collect();
    let texts: Vec<String> = values.iter().map(ToString::to_string).collect();
    let fr_siret = WorkingSituation::from_json(&serde_json::json!({
        "country": "FR", "status": "freelancer", "business": {"registration_number": "732 829 320 00074"}
    }))
    .unwrap();

    let mut g = c.benchmark_group("eligibility");
    g.bench_function("one decision, typed (FR freelancer with SIRET)", |b| {
        b.iter(|| evaluate(black_box(&fr_siret), &policy))
    });
    let mut i = 0;
    g.bench_function("one decision, typed, mixed rows", |b| {
        b.iter(|| {
            i = (i + 1) % typed.len();
            evaluate(black_box(&typed[i]), &policy)
        })
    });
    let mut k = 0;
    g.bench_function(
        "one decision from JSON text, typed decision (messages rendered lazily)",
        |b| {
            b.iter(|| {
                k = (k + 1) % texts.len();
                WorkingSituation::from_json_str(black_box(&texts[k])).map(|s| evaluate(&s, &policy))
            })
        },
    );
    let mut j = 0;
    g.bench_function("one decision from JSON text to JSON value (en)", |b| {
        b.iter(|| {
            j = (j + 1) % texts.len();
            let v: serde_json::Value = serde_json::from_str(black_box(&texts[j])).unwrap();
            evaluate_json(&v, &policy, Lang::En)
        })
    });
    g.finish();
}

fn validation(c: &mut Criterion) {
    let policy = Policy::default();
    let mut rng = Rng::new(11);
    let forms: Vec<serde_json::Value> = (0..1024).map(|i| form(&mut rng, i)).collect();
    let mut i = 0;
    c.bench_function("application::validate, one form", |b| {
        b.iter(|| {
            i = (i + 1) % forms.len();
            application::validate(black_box(&forms[i]), &policy)
        })
    });
}

fn registration_numbers(c: &mut Criterion) {
    let inputs: Vec<(CountryCode, &str)> = NUMBERS
        .iter()
        .filter_map(|(c, n)| Some((CountryCode::parse(c)?, *n)))
        .collect();
    let mut i = 0;
    c.bench_function("registration::validate, mixed countries and numbers", |b| {
        b.iter(|| {
            i = (i + 1) % inputs.len();
            let (country, number) = inputs[i];
            let _ = black_box(registration::validate(country, black_box(number)));
        })
    });
    let fr = CountryCode::parse("FR").unwrap();
    c.bench_function("registration::validate, compact SIRET", |b| {
        b.iter(|| black_box(registration::validate(fr, black_box("73282932000074"))).is_ok())
    });
}

fn triage_batch(c: &mut Criterion) {
    let policy = Policy::default();
    let now = Utc.with_ymd_and_hms(2026, 11, 30, 9, 0, 0).unwrap();
    let n = 100_000;
    let text = forms_jsonl(42, n);
    let mut g = c.benchmark_group("triage");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("100k forms from JSON Lines text", |b| {
        b.iter_batched(
            || (),
            |()| {
                let records = triage::read_forms(black_box(&text));
                triage::triage(&records, &policy, now)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(
    benches,
    eligibility,
    validation,
    registration_numbers,
    triage_batch
);
criterion_main!(benches);
