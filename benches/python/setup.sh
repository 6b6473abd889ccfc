#!/usr/bin/env bash
# Sets up the Python side of the side-by-side benchmarks (issue 8), from a fresh clone:
#   1. a virtual environment in target/bench-py-venv (created once; recreated only when the
#      Python version or benches/python/requirements.txt change);
#   2. the pinned packages of requirements.txt (zen-engine, pydantic, python-stdnum) and the
#      build tool, maturin;
#   3. the mentor wheel, built in RELEASE mode from mentor-py into target/bench-wheels and
#      installed with --force-reinstall (rebuilt every run: cargo only recompiles what
#      changed, and the package must be the code of this checkout).
# Run it from anywhere in the workspace: bash benches/python/setup.sh
# Then: target/bench-py-venv/bin/python benches/python/compare.py --data FILE --out FILE
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"

MATURIN_VERSION=1.16.0
venv="$root/target/bench-py-venv"
wheels="$root/target/bench-wheels"
requirements="$root/benches/python/requirements.txt"
python="${PYTHON:-python3}"

step() { printf '\n== benches/python: %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

step "virtual environment ($venv)"
want="python=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') maturin=$MATURIN_VERSION requirements=$(sha256sum "$requirements" | cut -c1-16)"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.bench-py-stamp" 2>/dev/null || true)" = "$want" ]; then
  echo "up to date ($want)"
else
  rm -rf "$venv"
  mkdir -p "$root/target"
  if ! "$python" -m venv "$venv" 2>/dev/null; then
    echo "python3 -m venv failed: installing python3-venv"
    apt-get update -qq && apt-get install -y -qq python3-venv
    rm -rf "$venv"
    "$python" -m venv "$venv"
  fi
  echo "installing $(grep -v '^#' "$requirements" | xargs) maturin==$MATURIN_VERSION"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" "maturin==$MATURIN_VERSION"
  echo "$want" > "$venv/.bench-py-stamp"
fi
py="$venv/bin/python"

step "mentor wheel (maturin build --release)"
rm -rf "$wheels"
"$venv/bin/maturin" build --release --quiet --interpreter "$py" -m mentor-py/Cargo.toml -o "$wheels"
wheel=$(ls "$wheels"/mentor-*.whl)
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "$wheel"
"$py" -c 'import mentor, pydantic, stdnum, zen; from importlib.metadata import version
print("mentor", mentor.__version__, "| zen-engine", version("zen-engine"), "| pydantic", pydantic.VERSION, "| python-stdnum", stdnum.__version__)'
