//! criterion benchmarks of the lifecycles (`docs/lifecycles.md`, `benches/RESULTS.md#targets`): replay of
//! 1,000,000 typed application events in memory (target: 10 million events per second on one core), and the
//! same log read from JSON Lines first, reported separately. The setup prints the bytes per
//! stored event (JSON Lines, as `Event::to_json` writes them) and the in-memory size.
#![allow(clippy::unwrap_used, reason = "a benchmark stops loudly on bad setup")]

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use mentor_benches::{Rng, application_logs};
use mentor_core::lifecycle::{Aggregate, Event, read_log};
use mentor_core::recruitment::{Application, ApplicationChange};
use mentor_core::triage::read_records;

fn replay(c: &mut Criterion) {
    let logs = application_logs(&mut Rng::new(3), 100_000);
    let events: usize = logs.iter().map(Vec::len).sum();
    let jsonl: Vec<String> = logs
        .iter()
        .map(|log| {
            log.iter()
                .map(|e| format!("{}\n", e.to_json()))
                .collect::<String>()
        })
        .collect();
    let bytes: usize = jsonl.iter().map(String::len).sum();
    eprintln!(
        "replay: {events} events in {} logs; {:.1} bytes per stored event (JSON Lines); {} bytes per event in memory",
        logs.len(),
        bytes as f64 / events as f64,
        std::mem::size_of::<Event<ApplicationChange>>()
    );

    let mut g = c.benchmark_group("replay");
    g.sample_size(20);
    g.throughput(Throughput::Elements(events as u64));
    g.bench_function("1M typed application events", |b| {
        b.iter(|| {
            let mut onboarded = 0usize;
            for log in &logs {
                let app = Application::replay(black_box(log)).unwrap();
                onboarded += usize::from(app.state().is_some());
            }
            onboarded
        })
    });
    g.bench_function("1M application events from JSON Lines text", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut n = 0usize;
                for text in &jsonl {
                    let log = read_log::<ApplicationChange>(&read_records(black_box(text))).unwrap();
                    n += usize::from(Application::replay(&log).is_ok());
                }
                n
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, replay);
criterion_main!(benches);
