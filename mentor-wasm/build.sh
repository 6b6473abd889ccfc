#!/usr/bin/env bash
# Builds mentor-wasm twice: for the browser (pkg/web, ES module, tuned for size) and for Node
# (pkg/node, CommonJS, tuned for speed), installing what is missing: the wasm32 target (rustup)
# and the wasm-bindgen CLI of the version in Cargo.lock (cargo install). When `npm ci` has run
# in mentor-wasm, the modules also go through wasm-opt from the npm `binaryen` package. Prints
# each .wasm size, raw and gzipped. Each directory is a complete npm package (manifest.mjs:
# package.json, README, license texts): `npm pack` makes the tarballs (scripts/dist.sh).
# Run from anywhere: `bash mentor-wasm/build.sh`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
if ! command -v node >/dev/null 2>&1; then
  echo "build.sh: node not found; it writes each package's package.json (run-tests.sh installs it)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# The CLI must be the version of the `wasm-bindgen` crate the module is built with.
version="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n1)"
if [ -z "$version" ]; then
  cargo metadata -q --format-version 1 >/dev/null # adds the new crates to Cargo.lock, upgrades nothing
  version="$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n1)"
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  echo "installing wasm-bindgen-cli $version (a few minutes)" >&2
  # Not --locked: the CLI's own lock file pins crates that no longer build with this toolchain.
  cargo install wasm-bindgen-cli --version "$version"
fi

wasm_opt="$here/node_modules/.bin/wasm-opt"
if [ ! -x "$wasm_opt" ]; then
  echo "notice: wasm-opt not found (run \`npm ci\` in mentor-wasm for it); the modules are not shrunk further" >&2
fi

# pkg/web: the browser build, for size (`benches/RESULTS.md#targets`: <= 150 KB gzipped): opt-level "z",
# wasm-opt
#   -Oz run to convergence, told that the first KiB of memory is unused (Rust's stack and
#   data start higher), and without the target-features section (wasm-bindgen has read it);
#   without the `toml`, `lifecycles`, `billing` and `webhooks` features (TOML policies,
#   replays, diagrams, billing statements and invoice checks, webhooks).
# pkg/node: every feature, for speed (`benches/RESULTS.md#targets`: per-call cost): opt-level 3, wasm-opt -O3.
build() { # target, wasm-bindgen target, cargo profile, wasm-opt flags (one string), cargo feature flags...
  local target="$1" bindgen_target="$2" profile="$3" opt_flags
  read -r -a opt_flags <<<"$4"
  shift 4
  cargo build -p mentor-wasm --target wasm32-unknown-unknown --profile "$profile" "$@"
  local out="$here/pkg/$target"
  rm -rf "$out"
  wasm-bindgen --target "$bindgen_target" --out-dir "$out" --out-name mentor_wasm \
    --remove-name-section --remove-producers-section \
    "$target_dir/wasm32-unknown-unknown/$profile/mentor_wasm.wasm"
  if [ "$bindgen_target" = nodejs ]; then
    # wasm-bindgen copies `inline_js` snippets as written (ES modules) but `require`s them from
    # the CommonJS glue: each `export function f` becomes `exports.f = function f`.
    for snippet in "$out"/snippets/*/*.js; do
      [ -e "$snippet" ] || continue
      sed -i 's/^export function \([A-Za-z_][A-Za-z0-9_]*\)/exports.\1 = function \1/' "$snippet"
    done
  fi
  local wasm="$out/mentor_wasm_bg.wasm"
  if [ -x "$wasm_opt" ]; then
    # The features rustc enables by default for wasm32-unknown-unknown.
    "$wasm_opt" "${opt_flags[@]}" --strip-debug --strip-producers \
      --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$wasm.opt" "$wasm"
    mv "$wasm.opt" "$wasm"
  fi
  node "$here/manifest.mjs" "$out" "$target" "$workspace_version" "$repository"
  local raw gz
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  awk -v t="$target" -v raw="$raw" -v gz="$gz" \
    'BEGIN { printf "pkg/%s/mentor_wasm_bg.wasm: %d bytes raw (%.1f KiB), %d bytes gzipped (%.1f KiB)\n", t, raw, raw / 1024, gz, gz / 1024 }'
}

target_dir="${CARGO_TARGET_DIR:-$root/target}"
repository="$(sed -n '/^\[workspace.package\]/,/^\[/s/^repository = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
workspace_version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
build web web wasm-release "-Oz --converge --low-memory-unused --strip-target-features" --no-default-features
build node nodejs wasm-node -O3
