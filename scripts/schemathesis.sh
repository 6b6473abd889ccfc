#!/usr/bin/env bash
# Property-based API tests of mentor-server with schemathesis (PyPI) against its own
# /openapi.json: no 5xx answer, every answer conforms to the documented status codes and
# schemas. Starts the service on a throwaway SQLite file with an operator token and every
# provider's webhook secret, so that operator routes and webhooks are exercised too.
#   bash scripts/schemathesis.sh [MAX_EXAMPLES]      (default 50 per operation)
# schemathesis is installed into target/schemathesis-venv on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-50}"
venv=target/schemathesis-venv
if ! "$venv/bin/st" --version >/dev/null 2>&1; then
  mkdir -p target
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis>=4,<5"
fi
cargo build -q -p mentor-server
bin="${CARGO_TARGET_DIR:-target}/debug/mentor-server"
dir="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
token=schemathesis-token
export MENTOR_SERVER_TOKEN="$token" RUST_LOG=warn
for provider in DOCUSIGN DROPBOX_SIGN YOUSIGN DOCUMENSO DOCUSEAL; do
  export "MENTOR_WEBHOOK_SECRET_$provider=schemathesis-secret"
done
"$bin" --listen "127.0.0.1:$port" --database "sqlite://$dir/mentor.db" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do
  if python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1], timeout=1)" \
    "http://127.0.0.1:$port/openapi.json" 2>/dev/null; then break; fi
  sleep 0.1
done
# Some data for the routes that read it.
"$bin" --database "sqlite://$dir/mentor.db" load docs/examples/applications.jsonl >/dev/null 2>&1 || true
"$venv/bin/st" run "http://127.0.0.1:$port/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --header "Authorization: Bearer $token" \
  --max-examples "$examples" \
  --generation-deterministic
