"""Shared paths and helpers of the binding's tests."""

import os
from pathlib import Path
from collections.abc import ItemsView, KeysView, Mapping, ValuesView
from typing import Any, Dict, List, Optional

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


def assert_reads_as_dict(m: Any, want: Dict[str, Any], order: List[str]) -> None:
    """Every way of reading ``m``, a read-only mapping of a wire form (``mentor.Decision``,
    ``mentor.TriageEntry``), answers what its dict ``want`` holds, keys in ``order``."""
    assert type(want) is dict and list(want) == order
    assert isinstance(m, Mapping) and not isinstance(m, dict)
    for key in order:
        assert m[key] == want[key], key
        assert getattr(m, key) == want[key], key
        assert m.get(key) == want[key] and m.get(key, "default") == want[key], key
        assert key in m
    assert m.get("no_such_key") is None and m.get("no_such_key", 7) == 7
    for absent in ["no_such_key", order[0].title(), "", 0, None, (order[0],)]:
        assert absent not in m
        with pytest.raises(KeyError):
            m[absent]
    with pytest.raises(KeyError):
        m[[order[0]]]
    assert [order[0]] not in m
    assert len(m) == len(want) == len(order)
    assert list(m) == list(iter(m)) == order
    assert isinstance(m.keys(), KeysView) and isinstance(m.values(), ValuesView) and isinstance(m.items(), ItemsView)
    assert list(m.keys()) == list(want.keys()) and m.keys() == want.keys()
    assert list(m.values()) == list(want.values())
    assert list(m.items()) == list(want.items()) and m.items() == want.items()
    assert dict(m) == want and list(dict(m)) == order
    assert {**m} == want


def assert_read_only(m: Any, scalar: str, listed: str) -> None:
    """``m`` (a ``mentor.Decision`` or ``mentor.TriageEntry``) cannot be changed, nor made
    from Python; each read of its list field ``listed`` makes a new list, and changing what a
    read or ``to_dict()`` gave changes nothing in ``m``. ``scalar`` is a text field."""
    want = m.to_dict()
    assert want[listed], f"{listed} is empty: nothing to change"
    getattr(m, listed).clear()
    m[listed].append({"code": "x"})
    m.to_dict()[scalar] = "changed"
    assert m.to_dict() == want and getattr(m, listed) is not getattr(m, listed)
    with pytest.raises(AttributeError):
        setattr(m, scalar, "changed")
    with pytest.raises(TypeError):
        m[scalar] = "changed"
    with pytest.raises(TypeError):
        type(m)()
