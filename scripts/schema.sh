#!/usr/bin/env bash
# Writes docs/schema/*.schema.json, the JSON Schema of each wire input and answer, from the code
# (mentor_core::schema; mentor-core/tests/schema.rs fails when the committed files drift).
set -euo pipefail
cd "$(dirname "$0")/.." && cargo run -q -p mentor-core --features schema --example schema -- docs/schema
