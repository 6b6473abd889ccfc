#!/usr/bin/env bash
# Tests of the Python package `mentor` (mentor-py), from nothing:
#   1. a virtual environment in target/py-venv with pinned pytest and mypy (created once,
#      recreated only when the pins or the Python version change);
#   2. `pip install ./mentor-py`, rebuilt and reinstalled every run (the code may have changed);
#   3. the native `mentor` command, built in release mode, that the tests compare answers with;
#   4. pytest, mypy.stubtest on the stubs, and mypy --strict on the example scripts.
# Run it from anywhere in the workspace: bash mentor-py/run-tests.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

PYTEST_VERSION=9.2.0
MYPY_VERSION=2.4.1
venv="$root/target/py-venv"
python="${PYTHON:-python3}"

step() { printf '\n== mentor-py: %s\n' "$*"; }

if ! command -v cargo >/dev/null 2>&1 && [ -x "$HOME/.cargo/bin/cargo" ]; then
  export PATH="$HOME/.cargo/bin:$PATH"
fi

step "virtual environment ($venv)"
want="python=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') pytest=$PYTEST_VERSION mypy=$MYPY_VERSION"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.mentor-py-stamp" 2>/dev/null || true)" = "$want" ]; then
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
  echo "installing pytest==$PYTEST_VERSION mypy==$MYPY_VERSION"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pytest==$PYTEST_VERSION" "mypy==$MYPY_VERSION"
  echo "$want" > "$venv/.mentor-py-stamp"
fi
py="$venv/bin/python"

step "pip install ./mentor-py (release build through maturin)"
"$py" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps ./mentor-py
"$py" -c 'import mentor; print("installed mentor", mentor.__version__, "from", mentor.__file__)'

step "native command to compare with (cargo build --release -p mentor-cli)"
cargo build --release --quiet -p mentor-cli
# cargo puts the binary under CARGO_TARGET_DIR when it is set, not under ./target.
export MENTOR_CLI="${CARGO_TARGET_DIR:-$root/target}/release/mentor"
echo "MENTOR_CLI=$MENTOR_CLI"

cd "$root/mentor-py"
export MYPY_CACHE_DIR="$root/target/py-mypy-cache"
step "pytest"
"$py" -m pytest -p no:cacheprovider tests

step "mypy.stubtest mentor"
# From a directory without the sources, so that `mentor` is the installed package.
(cd "$root/target" && "$py" -m mypy.stubtest mentor)

step "mypy --strict examples/*.py"
"$py" -m mypy --strict examples/*.py

step "all green"
