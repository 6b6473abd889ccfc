#!/usr/bin/env bash
# Serves the demo form: `bash mentor-wasm/serve.sh [--port N]`, then open the address it prints
# (http://127.0.0.1:8080/demo/ by default). Builds the package first if it is not built yet.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$here/pkg/web/mentor_wasm_bg.wasm" ]; then
  bash "$here/build.sh"
fi
exec node "$here/demo/serve.mjs" "$@"
