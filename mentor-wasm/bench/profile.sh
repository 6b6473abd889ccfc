#!/usr/bin/env bash
# Where the time of a Node call goes: the Node build as `build.sh` makes it (opt-level 3,
# wasm-opt -O3), but keeping the wasm functions' names, profiled by bench/profile.mjs.
#   bash mentor-wasm/build.sh && bash mentor-wasm/bench/profile.sh [CALLS]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(dirname "$here")"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
module="$target_dir/wasm32-unknown-unknown/wasm-node/mentor_wasm.wasm"
[ -f "$module" ] || { echo "profile.sh: $module not found; run bash mentor-wasm/build.sh first" >&2; exit 2; }
out="$target_dir/wasm-profile"
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out" --out-name mentor_wasm "$module"
wasm_opt="$here/node_modules/.bin/wasm-opt"
if [ -x "$wasm_opt" ]; then
  # -g: keep the name section through the optimisation (the flags are build.sh's).
  "$wasm_opt" -O3 -g --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/mentor_wasm_bg.wasm.opt" "$out/mentor_wasm_bg.wasm"
  mv "$out/mentor_wasm_bg.wasm.opt" "$out/mentor_wasm_bg.wasm"
else
  echo "notice: wasm-opt not found (npm ci in mentor-wasm): profiling the module before wasm-opt" >&2
fi
node "$here/bench/profile.mjs" "$out" "${1:-300000}"
