#!/usr/bin/env bash
# Every benchmark, side by side, in one run, then benches/RESULTS.md (issue 8; targets in
# benches/RESULTS.md#targets):
#   bash benches/run.sh            # the full run: 18 minutes on 2 cores once built; about 40
#                                  # from a fresh clone (zen-engine alone builds for ~16)
#   bash benches/run.sh --quick    # the same steps with short timings: a smoke run (~6 minutes
#                                  # once built); its verdicts mean little
#
# From a fresh clone it installs what it needs, as the test scripts do: the Python venv of the
# comparison (zen-engine, pydantic, the mentor wheel in release mode), the npm packages of
# benches/node and mentor-wasm's builds (wasm32 target, wasm-bindgen-cli). Then:
#   1. the shared cases: 10,000 seeded working situations with the engines' facts and mentor's
#      answer (benches/examples/situations.rs);
#   2. Rust, criterion: mentor against ZEN (zen-engine) and JSON Logic (datalogic-rs) — each
#      engine's answers are checked equal to mentor's on every case before anything is timed —
#      and mentor's own benchmarks (validation, registration numbers, triage, replay, webhooks,
#      billing);
#   3. Python: the wheel against zen-engine (PyPI) and pydantic v2 + plain rules;
#   4. Node: mentor-wasm against @gorules/zen-engine, @gorules/zen-engine-wasm, json-logic-js,
#      zod + hand-written rules, and the payload sizes;
#   5. `mentor triage` end to end on 10k / 100k / 1M forms, with peak memory;
#   6. mentor-server under load (benches/server/run.sh, wrk from Debian when missing):
#      requests/s and p99 of POST /applications and POST /webhooks/docusign;
#   7. benches/report.py writes benches/RESULTS.md from this run's figures only.
# Timings are never asserted: a slow run still writes its report. A disagreement between an
# engine and mentor stops the run (nothing is timed on wrong answers).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

quick=""
criterion_args=()
triage_sizes="10000,100000,1000000"
if [ "${1:-}" = "--quick" ]; then
  quick="--quick"
  criterion_args=(--quick --warm-up-time 1)
  triage_sizes="10000,100000"
elif [ -n "${1:-}" ]; then
  echo "usage: bash benches/run.sh [--quick]" >&2
  exit 2
fi

step() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

results="$root/target/bench-results"
data="$root/target/bench-data/situations.jsonl"
# Only this run's figures may reach the report.
rm -rf "$results" "$root/target/criterion"
mkdir -p "$results" "$(dirname "$data")"

step "builds: mentor (release), mentor-wasm (pkg/node, pkg/web)"
cargo build --release -q -p mentor-cli
if [ ! -x mentor-wasm/node_modules/.bin/wasm-opt ]; then (cd mentor-wasm && npm ci --no-audit --no-fund); fi
bash mentor-wasm/build.sh

step "shared cases: 10,000 working situations, seed 42"
cargo run --release -q -p mentor-benches --example situations -- --count 10000 --seed 42 --out "$data"

step "Rust: criterion (engines checked against mentor first)"
# (`${a[@]+"${a[@]}"}`: an empty array under `set -u` in any bash)
cargo bench -q -p mentor-benches --features engines -- ${criterion_args[@]+"${criterion_args[@]}"}

step "Python: mentor wheel, zen-engine, pydantic; triage_json_bytes on 100k forms"
forms="$root/target/bench-data/forms-100k.jsonl"
cargo run --release -q -p mentor-benches --example forms_jsonl -- 42 100000 > "$forms"
bash benches/python/setup.sh
target/bench-py-venv/bin/python benches/python/compare.py --data "$data" --forms "$forms" --out "$results/python.json" $quick

step "Node: mentor-wasm, ZEN (native and WASM), json-logic-js, zod"
bash benches/node/setup.sh
node benches/node/compare.mjs --data "$data" --out "$results/node.json" $quick

step "triage end to end, $triage_sizes forms"
python3 benches/triage_memory.py --cli target/release/mentor --sizes "$triage_sizes" --out "$results/triage.json"

step "mentor-server under load (wrk): POST /applications, POST /webhooks/docusign"
if [ -n "$quick" ]; then server_seconds=3; else server_seconds=15; fi
bash benches/server/run.sh --out "$results/server.json" "$server_seconds" 32

step "report"
python3 benches/report.py --out benches/RESULTS.md $quick
echo "wrote benches/RESULTS.md"
