#!/usr/bin/env bash
# The packages users install, written to dist/ (emptied first):
#   mentor-VERSION-cp310-abi3-manylinux_2_28_x86_64.whl  the Python package, no Rust needed to
#                                                        install it (checked by `auditwheel show`)
#   mentor-VERSION.tar.gz                                the Python sdist (builds with Rust)
#   mentor-wasm-VERSION.tgz                              npm: the Node build (CommonJS + ES entry)
#   mentor-wasm-web-VERSION.tgz                          npm: the browser build (ES module)
#   mentor-core-VERSION.crate                            the Rust library (`cargo package`)
# then prints each one's name and size, and writes dist/SHA256SUMS. scripts/dist-test.sh installs
# each the way a user would and tests it.
#
# Installs what it needs, skipping what is present: maturin, auditwheel and (when this machine's
# glibc is newer than 2.28) ziglang in a venv under target/dist-venv; mentor-wasm's npm tools
# (`npm ci`, for wasm-opt); the wasm32 target and wasm-bindgen-cli (mentor-wasm/build.sh).
#
#   bash scripts/dist.sh
# MENTOR_DIST_ALLOW_DIRTY=1 lets `cargo package` take uncommitted changes in mentor-core (for a
# try-out while editing; a .crate for users comes from committed sources, so it is off by default).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
started=$SECONDS

step() { printf '\n== dist: %s\n' "$*"; }
die() { printf 'dist.sh: %s\n' "$*" >&2; exit 1; }

for tool in cargo python3 node npm; do
  command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` not found on PATH (scripts/test.sh and mentor-wasm/run-tests.sh say what the project needs)"
done

MATURIN_VERSION=1.16.0
AUDITWHEEL_VERSION=6.8.2
ZIGLANG_VERSION=0.17.0
# The oldest glibc the wheel may need: manylinux_2_28 (AlmaLinux 8, Debian 10+, Ubuntu 18.10+).
MANYLINUX=manylinux_2_28

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
[ -n "$version" ] || die "no version under [workspace.package] in Cargo.toml"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac

step "tools: maturin, auditwheel (target/dist-venv)"
# A wheel linked against this machine's glibc would need that glibc or newer: when it is newer
# than 2.28, the wheel is linked by zig against glibc 2.28's symbols instead (maturin --zig).
glibc="$(ldd --version 2>/dev/null | head -n1 | grep -oE '[0-9]+\.[0-9]+$' || true)"
[ -n "$glibc" ] || die "could not read the glibc version from \`ldd --version\`"
zig=false
if [ "$(printf '%s\n2.28\n' "$glibc" | sort -V | tail -n1)" != "2.28" ]; then zig=true; fi
echo "glibc $glibc: $([ "$zig" = true ] && echo "newer than 2.28, linking with zig" || echo "links for $MANYLINUX as is")"
venv="$root/target/dist-venv"
want="maturin=$MATURIN_VERSION auditwheel=$AUDITWHEEL_VERSION$([ "$zig" = true ] && echo " ziglang=$ZIGLANG_VERSION")"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.dist-stamp" 2>/dev/null || true)" = "$want" ]; then
  echo "up to date ($want)"
else
  rm -rf "$venv"
  mkdir -p "$root/target"
  python3 -m venv "$venv" || die "python3 -m venv failed: install python3-venv (apt-get install python3-venv)"
  # shellcheck disable=SC2086 # $want is a list of name=version words
  "$venv/bin/pip" install --quiet --disable-pip-version-check $(echo "$want" | sed 's/=/==/g')
  echo "$want" >"$venv/.dist-stamp"
fi
# maturin finds zig as `python3 -m ziglang` through PATH: the venv's python comes first.
export PATH="$venv/bin:$PATH"

rm -rf dist
mkdir -p dist

step "Python wheel ($MANYLINUX, abi3) and sdist (maturin $MATURIN_VERSION)"
zig_flag=()
if [ "$zig" = true ]; then zig_flag=(--zig); fi
maturin build --release --locked --compatibility "$MANYLINUX" "${zig_flag[@]}" -m mentor-py/Cargo.toml --out dist
maturin sdist -m mentor-py/Cargo.toml --out dist
wheels=(dist/mentor-"$version"-cp310-abi3-"$MANYLINUX"_x86_64.whl)
[ -f "${wheels[0]}" ] || die "expected ${wheels[0]}; dist/ holds: $(ls dist)"
[ -f "dist/mentor-$version.tar.gz" ] || die "expected dist/mentor-$version.tar.gz; dist/ holds: $(ls dist)"

step "auditwheel show (the wheel's platform tag, from the symbols it uses)"
report="$(auditwheel show "${wheels[0]}")"
echo "$report"
# auditwheel wraps its lines: compare on one line.
if ! tr -s ' \n' '  ' <<<"$report" | grep -q "consistent with the following platform tag: \"${MANYLINUX}_x86_64\""; then
  die "auditwheel does not find ${wheels[0]} consistent with ${MANYLINUX}_x86_64 (report above)"
fi

step "npm packages (mentor-wasm/build.sh, then npm pack)"
wasm_dir="$root/mentor-wasm"
# wasm-opt comes from mentor-wasm's npm tools: `npm ci` only when they do not match the lock file.
if ! cmp -s "$wasm_dir/package-lock.json" "$wasm_dir/node_modules/.installed-lock.json" 2>/dev/null; then
  (cd "$wasm_dir" && npm ci --no-audit --no-fund)
  cp "$wasm_dir/package-lock.json" "$wasm_dir/node_modules/.installed-lock.json"
fi
bash "$wasm_dir/build.sh"
for build in web node; do
  (cd "$wasm_dir/pkg/$build" && npm pack --silent --pack-destination "$root/dist" >/dev/null)
done
for tarball in "mentor-wasm-web-$version.tgz" "mentor-wasm-$version.tgz"; do
  [ -f "dist/$tarball" ] || die "npm pack did not write dist/$tarball; dist/ holds: $(ls dist)"
done

step "Rust crate (cargo package -p mentor-core, verified by building it unpacked)"
# Verified, not --no-verify: cargo builds the unpacked crate alone, which is what catches a file
# read from outside it. Its "ignoring test/example" warnings are expected: mentor-core's
# Cargo.toml leaves the tests out of the crate (they read the workspace's files).
allow_dirty=()
if [ "${MENTOR_DIST_ALLOW_DIRTY:-}" = 1 ]; then allow_dirty=(--allow-dirty); fi
cargo package --locked -p mentor-core "${allow_dirty[@]}"
crate="$target_dir/package/mentor-core-$version.crate"
[ -f "$crate" ] || die "cargo package did not write $crate"
cp "$crate" dist/

step "artifacts (dist/)"
(cd dist && sha256sum -- * >SHA256SUMS)
for file in dist/*; do
  [ "$(basename "$file")" = SHA256SUMS ] && continue
  bytes=$(wc -c <"$file")
  awk -v f="$(basename "$file")" -v b="$bytes" 'BEGIN { printf "%-50s %10d bytes  %8.1f KiB\n", f, b, b / 1024 }'
done
echo "checksums: dist/SHA256SUMS; dist.sh took $((SECONDS - started)) s"
