//! Writes the side-by-side benchmarks' shared cases (issue 8) as JSON Lines, one
//! `{"situation", "facts", "expected"}` per line, decided under `benches/engines/policy.toml`
//! (see `benches/engines/README.md`):
//!
//! `cargo run --release -q -p mentor-benches --example situations -- [--count N] [--seed S] [--out PATH]`
//!
//! Defaults: 10,000 cases, seed 42, stdout. Exit status 2 on a usage or I/O error.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

struct Args {
    count: usize,
    seed: u64,
    out: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        count: 10_000,
        seed: 42,
        out: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("`{flag}` needs a value"));
        match flag.as_str() {
            "--count" => args.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => args.out = Some(value()?),
            "-h" | "--help" => return Err("usage: situations [--count N] [--seed S] [--out PATH]".to_owned()),
            other => {
                return Err(format!(
                    "unknown argument `{other}`; usage: situations [--count N] [--seed S] [--out PATH]"
                ));
            }
        }
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let policy = mentor_benches::benchmark_policy().map_err(|e| e.to_string())?;
    let cases = mentor_benches::cases(args.seed, args.count, &policy);
    let sink: Box<dyn Write> = match args.out.as_deref() {
        None | Some("-") => Box::new(std::io::stdout().lock()),
        Some(path) => Box::new(std::fs::File::create(path).map_err(|e| format!("{path}: {e}"))?),
    };
    let mut out = BufWriter::new(sink);
    for case in &cases {
        serde_json::to_writer(&mut out, &case.to_json()).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("situations: {message}");
            ExitCode::from(2)
        }
    }
}
