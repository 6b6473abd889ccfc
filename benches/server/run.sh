#!/usr/bin/env bash
# Load run of mentor-server (issue 21) with wrk (Debian's package, installed when missing):
# requests/s and latency percentiles of POST /applications (a new form each request) and
# POST /webhooks/docusign (one signed delivery repeated, for an envelope no contract has:
# verified on the raw body, parsed, and kept for later in one transaction, 202), on SQLite,
# the release build.
#   bash benches/server/run.sh [SECONDS] [CONNECTIONS]      (default 15 s, 32 connections)
# Prints a Markdown table on standard output.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-15}"
connections="${2:-32}"
if ! command -v wrk >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq wrk >&2
fi
cargo build -q --release -p mentor-server
bin="${CARGO_TARGET_DIR:-target}/release/mentor-server"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
secret=load-secret
MENTOR_WEBHOOK_SECRET_DOCUSIGN="$secret" RUST_LOG=warn "$bin" --listen "127.0.0.1:$port" --database "sqlite://$dir/mentor.db" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" "http://127.0.0.1:$port/openapi.json" 2>/dev/null; then break; fi
  sleep 0.1
done
body='{"event":"recipient-completed","apiVersion":"v2.1","generatedDateTime":"2026-11-20T10:15:30Z","data":{"accountId":"acc-1","envelopeId":"env-load","recipientId":"1"}}'
signature="$(printf '%s' "$body" | python3 -c 'import base64, hashlib, hmac, sys; print(base64.b64encode(hmac.new(sys.argv[1].encode(), sys.stdin.buffer.read(), hashlib.sha256).digest()).decode())' "$secret")"
cat > "$dir/webhook.lua" <<LUA
wrk.method = "POST"
wrk.body = [[$body]]
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-DocuSign-Signature-1"] = "$signature"
LUA
row() {
  local name="$1" out="$2"
  local rps p50 p99
  rps="$(awk '/Requests\/sec/ {print $2}' "$out")"
  p50="$(awk '$1 == "50%" {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  printf '| %s | %s | %s | %s |\n' "$name" "$rps" "$p50" "$p99"
}
threads=2
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s benches/server/applications.lua "http://127.0.0.1:$port" > "$dir/applications.txt"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$dir/webhook.lua" "http://127.0.0.1:$port/webhooks/docusign" > "$dir/webhook.txt"
printf '%s, %s connections, %s s each, %s cores, load %s\n\n' "$(date -u +%F)" "$connections" "$seconds" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '| route | requests/s | p50 | p99 |\n|---|---|---|---|\n'
row "POST /applications (new form each time)" "$dir/applications.txt"
row "POST /webhooks/docusign (verified, kept: 202)" "$dir/webhook.txt"
grep -h "Non-2xx" "$dir/applications.txt" "$dir/webhook.txt" >&2 || true
