#!/usr/bin/env bash
# Tests the packages in dist/ (scripts/dist.sh) the way users install them, each away from the
# source tree, in scratch directories under target/dist-test/:
#   python  the wheel in a fresh venv, installed and tested with no cargo or rustc on PATH; the
#           Python test suite, copied out of mentor-py, runs against the installed package
#           (its data, docs/ and tests/vectors, linked beside it); every other CPython 3.10+
#           found on PATH imports the same wheel and decides one case
#   browser the mentor-wasm-web tarball in a scratch app bundled by esbuild, served on loopback
#           and opened in Debian's Chromium (playwright-core): the decision appears on the page
#   node    the mentor-wasm tarball from require() and import, and its types through tsc
#   rust    a scratch crate with the unpacked .crate as a path dependency runs the README's
#           library example
# npm tools (esbuild, playwright-core) stay installed in the scratch app between runs; the
# packages under test are reinstalled every run.
#   bash scripts/dist.sh && bash scripts/dist-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
started=$SECONDS

step() { printf '\n== dist-test: %s\n' "$*"; }
die() { printf 'dist-test.sh: %s\n' "$*" >&2; exit 1; }

PYTEST_VERSION=9.2.0
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

version="$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1)"
wheel="$root/dist/mentor-$version-cp310-abi3-manylinux_2_28_x86_64.whl"
web_tgz="$root/dist/mentor-wasm-web-$version.tgz"
node_tgz="$root/dist/mentor-wasm-$version.tgz"
crate="$root/dist/mentor-core-$version.crate"
for artifact in "$wheel" "$web_tgz" "$node_tgz" "$crate"; do
  [ -f "$artifact" ] || die "missing ${artifact#"$root"/}: run \`bash scripts/dist.sh\` first"
done
for tool in python3 node npm cargo; do
  command -v "$tool" >/dev/null 2>&1 || die "\`$tool\` not found on PATH"
done
[ -x "$CHROMIUM" ] || die "no Chromium at $CHROMIUM (apt-get install chromium; mentor-wasm/run-tests.sh does)"
work="$root/target/dist-test"
mkdir -p "$work"

# ---------------------------------------------------------------------------------------------
step "python: the wheel in a fresh venv, without Rust"
py_work="$work/python"
rm -rf "$py_work"
mkdir -p "$py_work"
venv="$py_work/venv"
python="$(python3 -c 'import sys; print(sys.executable)')"
"$python" -m venv "$venv" || die "python3 -m venv failed: install python3-venv"
# pytest comes from the package index with this shell's pip settings; the wheel itself is then
# installed from its file alone (--no-index) in a bare environment.
"$venv/bin/pip" install --quiet --disable-pip-version-check "pytest==$PYTEST_VERSION"
# The native command the tests compare answers with (a program, not a toolchain).
cargo build --release --quiet -p mentor-cli
cli="${CARGO_TARGET_DIR:-$root/target}/release/mentor"
case "$cli" in /*) ;; *) cli="$root/$cli" ;; esac

# The tests find their data from their own place (parents[2] is the workspace): a copy of the
# tests in a scratch workspace that holds the data and no Python sources of the package.
ws="$py_work/ws"
mkdir -p "$ws/mentor-py" "$ws/tests"
cp -r mentor-py/tests mentor-py/examples mentor-py/README.md "$ws/mentor-py/"
ln -s "$root/docs" "$ws/docs"
ln -s "$root/tests/vectors" "$ws/tests/vectors"
if [ -d "$root/../shared/fixtures" ]; then
  mkdir -p "$py_work/shared"
  ln -s "$root/../shared/fixtures" "$py_work/shared/fixtures"
fi

bare_path="$venv/bin:/usr/local/bin:/usr/bin:/bin"
bare=(env -i HOME="$HOME" LANG=C.UTF-8 PATH="$bare_path" MENTOR_CLI="$cli" PYTHONDONTWRITEBYTECODE=1)
for tool in cargo rustc rustup; do
  if "${bare[@]}" sh -c "command -v $tool" >/dev/null 2>&1; then
    die "\`$tool\` is on the bare PATH ($bare_path): the wheel would not be tested without Rust"
  fi
done
"${bare[@]}" python -m pip install --quiet --disable-pip-version-check --no-index --no-deps "$wheel"
(cd "$ws/mentor-py" && "${bare[@]}" python - <<'EOF'
import sysconfig
from pathlib import Path

import mentor
import mentor._native

site = Path(sysconfig.get_paths()["purelib"]).resolve()
for module in (mentor, mentor._native):
    where = Path(module.__file__).resolve()
    assert where.is_relative_to(site), f"{module.__name__} comes from {where}, not from {site}"
print(f"mentor {mentor.__version__} from {Path(mentor.__file__).parent} ({Path(mentor._native.__file__).name})")
EOF
)
(cd "$ws/mentor-py" && "${bare[@]}" python -m pytest -p no:cacheprovider -q tests)

# The wheel is abi3 for CPython 3.10 and later: every other such CPython found (on PATH, or
# installed by pyenv) imports it and decides one case, without Rust either.
main_version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
declare -A seen=(["$main_version"]=1)
for candidate in $(compgen -c python3. | grep -E '^python3\.[0-9]+$' | sort -u) "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3; do
  exe="$(command -v "$candidate" 2>/dev/null || true)"
  [ -n "$exe" ] && [ -x "$exe" ] || continue
  other="$("$exe" -c 'import sys; print(sys.implementation.name == "cpython" and sys.version_info >= (3, 10) and "%d.%d" % sys.version_info[:2] or "")' 2>/dev/null || true)"
  if [ -z "$other" ] || [ -n "${seen[$other]:-}" ]; then continue; fi
  seen[$other]=1
  other_venv="$py_work/venv-$other"
  "$exe" -m venv --without-pip "$other_venv" 2>/dev/null || { echo "notice: no venv with $exe; skipped"; continue; }
  other_bare=(env -i HOME="$HOME" LANG=C.UTF-8 PATH="$other_venv/bin:/usr/local/bin:/usr/bin:/bin")
  # pip of the main venv installs into the other one (--python), which needs no pip of its own.
  "${bare[@]}" python -m pip --python "$other_venv/bin/python" install --quiet --disable-pip-version-check --no-index --no-deps "$wheel"
  (cd "$py_work" && "${other_bare[@]}" python -c '
import sys, mentor
d = mentor.evaluate_eligibility({"country": "FR", "status": "employee", "route": "via_employer",
    "employment": {"employer_sector": "education", "employer_agreement": "agreed"}})
assert (d["outcome"], d["contracting_party"]) == ("eligible", "employer"), d
print("CPython %d.%d.%d: mentor %s from %s decides (%s, %s)" % (sys.version_info[:3] + (mentor.__version__, mentor.__file__, d["outcome"], d["contracting_party"])))
')
done

# ---------------------------------------------------------------------------------------------
step "browser: the mentor-wasm-web tarball bundled by esbuild, opened in Chromium"
app="$work/web-app"
mkdir -p "$app"
cp scripts/dist-test/web-app/package.json scripts/dist-test/web-app/main.js scripts/dist-test/web-app/open.mjs "$app/"
# esbuild runs from its platform package (@esbuild/linux-x64); its postinstall step only
# checks that binary, so no install script runs (npm would otherwise warn about it each time).
if ! cmp -s "$app/package.json" "$app/node_modules/.installed-package.json" 2>/dev/null; then
  (cd "$app" && npm install --ignore-scripts --no-audit --no-fund --no-package-lock)
  cp "$app/package.json" "$app/node_modules/.installed-package.json"
fi
rm -rf "$app/node_modules/mentor-wasm-web"
(cd "$app" && npm install --ignore-scripts --no-save --no-audit --no-fund --no-package-lock "$web_tgz")
rm -rf "$app/public"
mkdir -p "$app/public"
cp scripts/dist-test/web-app/index.html "$app/public/"
(cd "$app" && node_modules/.bin/esbuild main.js --bundle --format=esm --target=es2022 --minify \
  --loader:.wasm=file --asset-names='[name]-[hash]' --outdir=public --log-level=warning)
ls -l "$app/public"
(cd "$app" && CHROMIUM="$CHROMIUM" node open.mjs "$work/web-app.png")

# ---------------------------------------------------------------------------------------------
step "node: the mentor-wasm tarball from require() and import"
node_app="$work/node-app"
rm -rf "$node_app"
mkdir -p "$node_app"
cp scripts/dist-test/node-app/* "$node_app/"
(cd "$node_app" && npm install --no-save --no-audit --no-fund --no-package-lock "$node_tgz")
(cd "$node_app" && node require.cjs && node import.mjs)
# The types as each kind of module resolves them (package.json `exports` and `types`), with the
# TypeScript that mentor-wasm's tests pin (dist.sh installed it).
tsc="$root/mentor-wasm/node_modules/.bin/tsc"
if [ -x "$tsc" ]; then
  (cd "$node_app" && "$tsc" -p tsconfig.json)
  echo "tsc --strict: the types resolve from import and from require"
else
  die "no TypeScript at ${tsc#"$root"/}: run \`bash scripts/dist.sh\` (it runs npm ci in mentor-wasm)"
fi

# ---------------------------------------------------------------------------------------------
step "rust: the README's library example against the unpacked .crate"
rust_work="$work/rust"
rm -rf "$rust_work/mentor-core-$version" "$rust_work/app/src"
mkdir -p "$rust_work/app/src"
tar -xzf "$crate" -C "$rust_work"
# The first Rust block under "## The library" in README.md, as the body of main().
example="$(awk '/^## The library/ { lib = 1 } lib && /^```rust$/ { inside = 1; next } inside && /^```$/ { exit } inside { print "    " $0 }' README.md)"
[ -n "$example" ] || die "no \`\`\`rust block under \"## The library\" in README.md"
printf '//! The README library example, copied by scripts/dist-test.sh.\nfn main() {\n%s\n}\n' "$example" >"$rust_work/app/src/main.rs"
cat >"$rust_work/app/Cargo.toml" <<EOF
[package]
name = "readme-example"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
mentor-core = { path = "../mentor-core-$version" }
serde_json = "1"

# Its own workspace, not a member of the repository's.
[workspace]
EOF
# The versions the crate was packaged and verified with.
cp "$rust_work/mentor-core-$version/Cargo.lock" "$rust_work/app/Cargo.lock"
out="$(cd "$rust_work/app" && cargo run --quiet)"
echo "$out"
grep -q '"outcome":"eligible"' <<<"$out" || die "the README example did not print an eligible decision"

printf '\n4 packages installed and tested: wheel, mentor-wasm-web, mentor-wasm, mentor-core (%d s)\n' "$((SECONDS - started))"
