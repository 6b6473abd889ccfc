#!/usr/bin/env bash
# Prepares benches/node for compare.mjs; idempotent, run from anywhere:
#   bash benches/node/setup.sh
# - `npm ci` in benches/node when node_modules is missing or older than package-lock.json;
# - ZEN's full browser engine (the WASI build of @gorules/zen-engine), for the size table only,
#   into benches/node/vendor/: npm refuses to install it as a dependency on x86-64 (its package
#   says cpu wasm32), so it is fetched with `npm pack` and checked against a pinned integrity;
# - mentor-wasm's two packages, always (`bash mentor-wasm/build.sh`, incremental; after `npm ci`
#   in mentor-wasm for its wasm-opt when missing), so that a run never times a stale build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi

wasi_version="0.52.1"
wasi_integrity="sha512-XrCHL+yABaKgrlc8ut4Kz8LAMja80IWTOFZC7HCMIITHaXigg509oJtKN34IP5h/u5NWRX5fnJFYc4KM7o9Uvw=="
wasi_dir="$here/vendor/zen-engine-wasm32-wasi"
if [ "$(node -p "try { require(process.argv[1]).version } catch { '' }" "$wasi_dir/package.json")" != "$wasi_version" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "@gorules/zen-engine-wasm32-wasi@$wasi_version" >/dev/null)
  tarball="$tmp/gorules-zen-engine-wasm32-wasi-$wasi_version.tgz"
  got="sha512-$(node -e "process.stdout.write(require('crypto').createHash('sha512').update(require('fs').readFileSync(process.argv[1])).digest('base64'))" "$tarball")"
  if [ "$got" != "$wasi_integrity" ]; then
    echo "error: @gorules/zen-engine-wasm32-wasi@$wasi_version: integrity $got, expected $wasi_integrity" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$tmp"
  rm -rf "$wasi_dir"
  mkdir -p "$(dirname "$wasi_dir")"
  mv "$tmp/package" "$wasi_dir"
fi

if [ ! -x "$root/mentor-wasm/node_modules/.bin/wasm-opt" ]; then
  (cd "$root/mentor-wasm" && npm ci --no-audit --no-fund)
fi
bash "$root/mentor-wasm/build.sh"
