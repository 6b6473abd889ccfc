#!/usr/bin/env bash
# Load run of mentor-server (issue 21) with wrk (Debian's package, installed when missing):
# requests/s and latency percentiles of two routes on SQLite, the release build:
# - POST /applications: a new form each request (a new e-mail address), assessed, stored, 201;
# - POST /webhooks/docusign: deliveries APPLIED to known contracts. Before the run,
#   benches/server/load.py takes CONTRACTS applications (default 4,000) through the service to
#   a contract sent through DocuSign, each its own envelope, and writes distinct deliveries
#   signed with the service's secret, round by round over the contracts: recipient 1
#   delivered, recipient 1 completed, recipient 2 delivered, recipient 2 completed, envelope
#   completed, then new `recipient-delivered` notices. Each request is one of them, in order
#   (benches/server/webhooks.lua): verified on its raw body, parsed, the contract read and the
#   core's `esign::apply` run on it, its dedupe key (and the contract events it led to:
#   viewed, signed, and the application's `contract_signed`) written in one transaction, 200.
#   The report says how many were settled, how many contract events they wrote, and how many
#   were duplicates (none unless the run outlasts the deliveries prepared).
#   bash benches/server/run.sh [--out FILE] [SECONDS] [CONNECTIONS]   (default 15 s, 32 connections)
# Prints a Markdown table on standard output, and writes the figures as JSON to FILE, or to
# target/bench-results/server.json when that directory exists (benches/run.sh makes it; read by
# benches/report.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=""
if [ "${1:-}" = "--out" ]; then
  out="$2"
  shift 2
elif [ -d target/bench-results ]; then
  out="target/bench-results/server.json"
fi
seconds="${1:-15}"
connections="${2:-32}"
contracts="${CONTRACTS:-4000}"
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk >&2
fi
cargo build -q --release -p mentor-server
bin="${CARGO_TARGET_DIR:-target}/release/mentor-server"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
secret=load-secret
token=load-token
MENTOR_SERVER_TOKEN="$token" MENTOR_WEBHOOK_SECRET_DOCUSIGN="$secret" RUST_LOG=warn \
  "$bin" --listen "127.0.0.1:$port" --database "sqlite://$dir/mentor.db" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$port/openapi.json" 2>/dev/null; then break; fi
  sleep 0.1
done
threads=2
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s benches/server/applications.lua "http://127.0.0.1:$port" > "$dir/applications.txt"
# More deliveries than the run can send (at most 10,000 a second): none is sent twice.
python3 benches/server/load.py prepare --url "http://127.0.0.1:$port" --token "$token" --secret "$secret" \
  --contracts "$contracts" --deliveries "$((seconds * 10000))" --out "$dir/deliveries.tsv"
DELIVERIES="$dir/deliveries.tsv" THREADS="$threads" \
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s benches/server/webhooks.lua "http://127.0.0.1:$port" > "$dir/webhooks.txt"
python3 benches/server/load.py report --applications "$dir/applications.txt" --webhooks "$dir/webhooks.txt" \
  --database "$dir/mentor.db" --contracts "$contracts" --seconds "$seconds" --connections "$connections" \
  ${out:+--json "$out"}
if [ -n "$out" ]; then echo "wrote $out" >&2; fi
