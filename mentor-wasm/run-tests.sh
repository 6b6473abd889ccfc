#!/usr/bin/env bash
# Everything mentor-wasm's tests need, from a fresh clone on a fresh machine, then the tests:
#   bash mentor-wasm/run-tests.sh        (from the workspace root, or anywhere)
# Installs what is missing and skips what is present: Chromium (apt-get, only when
# /usr/bin/chromium is absent), Node (apt-get, only when absent), the npm tools (npm ci, from the
# committed package-lock.json), the wasm32 target and wasm-bindgen-cli (build.sh). Then builds
# both packages, computes the native core's answers, builds the native `mentor` command, and
# runs `node --test` on tests/: the conformance vectors, billing and webhooks against the
# command, the thrown errors, the TypeScript declarations (tsc --strict), the README example,
# and the demo in Chromium (its flows, layout, keyboard use, and an axe-core scan).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

step() { printf '\n== mentor-wasm: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    as_root apt-get update -qq
    apt_updated=true
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@"
}

step "system packages"
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
echo "node $(node --version), npm $(npm --version), $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium ?')"

step "npm tools (typescript, playwright-core, binaryen, axe-core)"
# `npm ci` only when node_modules does not match the committed lock file.
if ! cmp -s "$here/package-lock.json" "$here/node_modules/.installed-lock.json" 2>/dev/null; then
  (cd "$here" && npm ci --no-audit --no-fund)
  cp "$here/package-lock.json" "$here/node_modules/.installed-lock.json"
fi

step "build"
bash "$here/build.sh"

step "size budget of the browser module (benches/RESULTS.md#targets: at most 150 KB gzipped)"
budget=150000
size=$(gzip -9 -c "$here/pkg/web/mentor_wasm_bg.wasm" | wc -c)
if [ "$size" -gt "$budget" ]; then
  echo "pkg/web/mentor_wasm_bg.wasm is $size bytes gzipped, over the budget of $budget (README: Size)" >&2
  exit 1
fi
echo "pkg/web/mentor_wasm_bg.wasm: $size bytes gzipped, within $budget"

step "the native core's answers to the conformance inputs"
mkdir -p "$here/test-artifacts"
cargo run -q -p mentor-wasm --example native_answers >"$here/test-artifacts/native-answers.json.tmp"
mv "$here/test-artifacts/native-answers.json.tmp" "$here/test-artifacts/native-answers.json"

step "the native command (the billing and webhook tests compare with its --json output)"
cargo build -q -p mentor-cli

step "tests"
node --test "$here"/tests/*.test.mjs
