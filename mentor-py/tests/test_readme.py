"""The README's example is examples/quickstart.py, and it runs."""

import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def test_the_readme_example_is_the_quickstart_script() -> None:
    readme = (PACKAGE / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    script = (PACKAGE / "examples" / "quickstart.py").read_text(encoding="utf-8")
    assert script in blocks, "the README's example differs from examples/quickstart.py"


def test_the_quickstart_script_runs() -> None:
    out = subprocess.run([sys.executable, str(PACKAGE / "examples" / "quickstart.py")], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0] == "eligible mentor_business"
    assert lines[1] == "[('status', 'invalid_enum')]"
    assert lines[2] == "True 0.07"
    assert lines[3].startswith("1 ranked 1 ") and lines[4] == "2 invalid None None"
    assert lines[-1] == "transition_not_allowed in_review onboarded"
