"""Shared paths and helpers of the binding's tests."""

import os
from pathlib import Path
from typing import Optional

import pytest

# mentor-py/tests -> the workspace root.
WORKSPACE = Path(__file__).resolve().parents[2]
VECTORS = WORKSPACE / "tests" / "vectors" / "eligibility.json"
EXAMPLES = WORKSPACE / "docs" / "examples"
# ../shared/fixtures relative to the workspace root: the project's fixtures, when present.
FIXTURES = WORKSPACE.parent / "shared" / "fixtures"
NOW = "2026-11-30T09:00:00Z"


def mentor_cli() -> Optional[Path]:
    """The native `mentor` command to compare with, when run-tests.sh built it."""
    path = os.environ.get("MENTOR_CLI")
    return Path(path) if path and Path(path).is_file() else None


@pytest.fixture
def fixtures_dir() -> Path:
    if not (FIXTURES / "applications.jsonl").is_file():
        pytest.skip("../shared/fixtures not found next to the workspace")
    return FIXTURES
