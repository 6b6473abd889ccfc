//! Writes the benchmarks' application forms as JSON Lines on stdout, for side-by-side runs
//! outside criterion (the Python package's benchmark compares `mentor triage` with
//! `mentor.triage_json_bytes` on this file): `cargo run --release -p mentor-benches --example
//! forms_jsonl -- [SEED] [COUNT]` (default seed 42, 100,000 forms).

use std::io::Write;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let seed = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let count = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    std::io::stdout()
        .lock()
        .write_all(mentor_benches::forms_jsonl(seed, count).as_bytes())
}
