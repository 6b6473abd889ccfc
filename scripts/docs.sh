#!/usr/bin/env bash
# Rewrites every generated document from the code: docs/schema/*.schema.json (scripts/schema.sh),
# then the generated blocks of docs/errors.md, docs/wire-format.md and the country pages
# docs/registration/<cc>.md (mentor-core/examples/docs), keeping their hand-written text.
# mentor-core/tests/schema.rs and reference_docs.rs fail when the committed files drift.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/schema.sh
cargo run -q -p mentor-core --features schema --example docs
