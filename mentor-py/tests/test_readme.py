"""The README's examples are the scripts of examples/, and they run."""

import re
import subprocess
import sys
from pathlib import Path
from typing import List

import pytest

PACKAGE = Path(__file__).resolve().parents[1]
SCRIPTS = ["quickstart.py", "webhook.py", "billing.py"]


def run(script: str) -> List[str]:
    out = subprocess.run([sys.executable, str(PACKAGE / "examples" / script)], capture_output=True, text=True, check=True)
    return out.stdout.splitlines()


@pytest.mark.parametrize("script", SCRIPTS)
def test_the_readme_example_is_the_script(script: str) -> None:
    readme = (PACKAGE / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    text = (PACKAGE / "examples" / script).read_text(encoding="utf-8")
    assert text in blocks, f"the README's example differs from examples/{script}"


def test_every_example_is_in_the_readme() -> None:
    assert sorted(p.name for p in (PACKAGE / "examples").glob("*.py")) == sorted(SCRIPTS)


def test_the_quickstart_script_runs() -> None:
    lines = run("quickstart.py")
    assert lines[0] == "eligible mentor_business"
    assert lines[1] == "[('status', 'invalid_enum')]"
    assert lines[2] == "True 0.07"
    assert lines[3].startswith("1 ranked 1 ") and lines[4] == "2 invalid None None"
    assert lines[-1] == "transition_not_allowed in_review onboarded"


def test_the_webhook_script_runs() -> None:
    assert run("webhook.py") == ["True signed sr-1 s-1 yousign:e-1", "bad_signature"]


def test_the_billing_script_runs() -> None:
    assert run("billing.py") == [
        "52.50 TVA non applicable, art. 293 B du CGI",
        "False ['vat_charged', 'total_mismatch', 'missing_vat_mention']",
        "[('sessions[2].session_type', 'unknown_session_type')]",
    ]
