#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to read: the Rust workspace,
# then the Python package (pytest, stubtest, mypy), then the WebAssembly package (Node and a
# headless Chromium). Each package's script installs
# what it needs when it is missing (wasm32 target, wasm-bindgen-cli, npm tools, Chromium) and
# skips what is present, so a second run is quick.
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi

printf '\n== Rust: cargo test --workspace\n'
cargo test --workspace

# The browser's build reads JSON text through a JSON value (mentor-core without its
# `direct-text` feature): the core's tests hold that reading to the same answers.
printf '\n== Rust: mentor-core as the browser build reads text (no default features)\n'
cargo test -p mentor-core --no-default-features --lib --tests

printf '\n== Python: mentor-py\n'
bash mentor-py/run-tests.sh

printf '\n== WebAssembly: mentor-wasm\n'
bash mentor-wasm/run-tests.sh
