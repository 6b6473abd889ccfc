#!/usr/bin/env bash
# Instruction counts of the benchmarks' main operations under valgrind's callgrind: unlike
# timings, they do not move with the machine's load, so two commits compare on a busy machine.
#   bash benches/instructions.sh            # this checkout
# To compare with another commit, copy benches/examples/instructions.rs into a worktree of it
# (adapting the one call whose API changed) and run the same command there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
cargo build --release -q -p mentor-benches --example instructions
bin="${CARGO_TARGET_DIR:-target}/release/examples/instructions"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for op in decision_typed decision_text decision_json_text decision_text_to_value validate registration triage replay statement statement_typed; do
  valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*measure_*' "$bin" "$op" 2>&1 |
    sed -n "s/.*Collected : \([0-9]*\).*/$op \1/p"
done
