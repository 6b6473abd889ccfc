"""The user guide's Python examples (the ```python blocks of docs/*.md) run as written, from the
workspace root as the guide says; the asserts in each block make it fail when an answer drifts."""

import os
import re
from pathlib import Path
from typing import List, Tuple

import pytest

WORKSPACE = Path(__file__).resolve().parents[2]
DOCS = WORKSPACE / "docs"


def blocks() -> List[Tuple[str, str]]:
    found = []
    for page in sorted(DOCS.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r"^```python\n(.*?)^```", text, flags=re.S | re.M):
            line = text.count("\n", 0, match.start()) + 1
            found.append((f"{page.relative_to(WORKSPACE)}:{line}", match.group(1)))
    return found


def test_the_guide_has_python_examples() -> None:
    assert len(blocks()) >= 2


@pytest.mark.parametrize("place,code", blocks(), ids=[place for place, _ in blocks()])
def test_the_guide_example_runs(place: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(WORKSPACE)
    exec(compile(code, place, "exec"), {"__name__": "__guide__"})


def test_a_failing_example_fails() -> None:
    with pytest.raises(AssertionError):
        exec(compile('import mentor\nassert mentor.evaluate_eligibility({"country": "FR", "status": "student"})["outcome"] == "eligible"', "x", "exec"), {})
