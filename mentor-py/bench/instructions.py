"""Instructions per eligibility decision, counted by callgrind (valgrind), not timed: the
machine the project runs on is shared and noisy, an instruction count is not.

- ``single``: one ``evaluate_eligibility`` call from a dict, in a Python loop over the
  situations of bench.py (the loop is counted too);
- ``batch``: ``evaluate_eligibility_many`` on a list of those situations, per situation;
- ``read``: one call and ``to_dict()`` on its answer: what a caller that reads every field
  pays (the decision is rendered when read).

Each figure is the difference between two runs of the same program, with N and 2N decisions
(the same start-up, imports and warm-up in both), divided by N. The answers are made and freed
in both runs, as a caller's would be; nothing is read from them.

Run from the workspace root with the package installed (``bash mentor-py/run-tests.sh``
installs it in target/py-venv) and valgrind on the PATH (Debian: ``apt-get install valgrind``):

    target/py-venv/bin/python mentor-py/bench/instructions.py [--calls 3000]
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from bench import SITUATIONS


def work(kind: str, count: int) -> None:
    """What is counted: `count` decisions of `kind`, after a warm-up that both runs share."""
    import mentor

    policy = mentor.Policy()
    situations = list(SITUATIONS.values())
    evaluate = mentor.evaluate_eligibility
    many = mentor.evaluate_eligibility_many
    for s in situations:  # warm-up: string cache, lazy imports, the allocators' first pages
        evaluate(s, policy=policy)
    many(situations, policy=policy)
    batch = situations * (count // len(situations))
    if kind == "single":
        for s in batch:
            evaluate(s, policy=policy)
    elif kind == "read":
        for s in batch:
            evaluate(s, policy=policy).to_dict()
    else:
        many(batch, policy=policy)


def instructions(kind: str, count: int) -> int:
    """Instructions callgrind counts for a whole run of `work(kind, count)`."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, __file__, "--work", kind, str(count)],
            check=True,
            capture_output=True,
        )
        totals = re.search(r"^(?:totals|summary): (\d+)", out.read_text(), flags=re.M)
        if totals is None:
            sys.exit(f"no total in {out}")
        return int(totals.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=3000, help="N, a multiple of the number of situations")
    parser.add_argument("--work", nargs=2, metavar=("KIND", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.work:
        work(args.work[0], int(args.work[1]))
        return
    n = args.calls - args.calls % len(SITUATIONS)
    import mentor

    print(f"mentor {mentor.__version__}, Python {sys.version.split()[0]}: instructions per decision (callgrind, runs of {n:,} and {2 * n:,})")
    kinds = [
        ("single", "evaluate_eligibility, one call"),
        ("batch", "evaluate_eligibility_many, per situation"),
        ("read", "evaluate_eligibility(...).to_dict()"),
    ]
    for kind, label in kinds:
        once, twice = instructions(kind, n), instructions(kind, 2 * n)
        print(f"  {label:44} {(twice - once) / n:10,.0f}", flush=True)


if __name__ == "__main__":
    main()
