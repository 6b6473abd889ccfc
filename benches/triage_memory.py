#!/usr/bin/env python3
"""Times `mentor triage` end to end on 10k / 100k / 1M generated forms and records each run's
peak memory (issue 8: "triage of 10k / 100k / 1M forms (also peak memory)").

The forms are the benchmarks' seeded generator's (benches/src/lib.rs `forms_jsonl`, seed 42),
written once under target/bench-data/. Each size runs `--repeat` times; the wall time is the
median, the memory the largest maximum resident set size of the runs (the child's rusage from
`os.wait4`, so nothing outside the standard library is needed). The exit status 1 that triage gives when
some forms are invalid (the generator makes one in twenty invalid on purpose) is expected.

    python3 benches/triage_memory.py --cli target/release/mentor --out target/bench-results/triage.json \
        [--sizes 10000,100000,1000000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The instant triage decides at, as the Python runner's triage_json_bytes row uses it.
NOW = "2026-11-30T09:00:00Z"


def forms_file(count: int) -> Path:
    """The generated forms, cached under a name that changes with the generator's source."""
    generator = hashlib.sha256((ROOT / "benches" / "src" / "lib.rs").read_bytes()).hexdigest()[:12]
    path = ROOT / "target" / "bench-data" / f"forms-42-{count}-{generator}.jsonl"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as out:
            subprocess.run(
                ["cargo", "run", "--release", "-q", "-p", "mentor-benches", "--example", "forms_jsonl", "--", "42", str(count)],
                cwd=ROOT, stdout=out, check=True,
            )
        tmp.rename(path)
    return path


def run_once(cli: Path, forms: Path, policy: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and max RSS in bytes of one triage run on `jobs` threads."""
    # /dev/null opened write-only, as a shell's `> /dev/null` does (subprocess.DEVNULL opens it
    # read-write, which is also what a closed output looks like: mentor warns about it).
    with open(os.devnull, "wb") as sink:
        start = time.perf_counter()
        child = subprocess.Popen([str(cli), "triage", str(forms), "--policy", str(policy), "--now", NOW, "--json", "--jobs", str(jobs)], stdout=sink)
    # wait4 instead of Popen.wait: it also gives the child's resource usage (its peak memory).
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    code = child.returncode
    if code not in (0, 1):
        sys.exit(f"mentor triage {forms} exited with {code}")
    return elapsed, usage.ru_maxrss * 1024  # Linux reports kilobytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cli", type=Path, default=ROOT / "target" / "release" / "mentor")
    parser.add_argument("--policy", type=Path, default=ROOT / "docs" / "examples" / "policy.toml")
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    runs = []
    sizes = [int(s) for s in args.sizes.split(",")]
    # Every size on one thread (the default), then the largest with `--jobs 2` (issue 15: the
    # scaling on this kind of 2-core machine).
    for count, jobs in [(c, 1) for c in sizes] + [(max(sizes), 2)]:
        forms = forms_file(count)
        measured = [run_once(args.cli, forms, args.policy, jobs) for _ in range(args.repeat)]
        runs.append({
            "forms": count,
            "jobs": jobs,
            "file_bytes": forms.stat().st_size,
            "median_s": statistics.median(m[0] for m in measured),
            "max_rss_bytes": max(m[1] for m in measured),
        })
        print(f"triage {count:>9,} forms, --jobs {jobs}: {runs[-1]['median_s']:.2f} s, peak {runs[-1]['max_rss_bytes'] / 2**20:.0f} MiB", file=sys.stderr)
    note = f"Policy {args.policy.relative_to(ROOT) if args.policy.is_relative_to(ROOT) else args.policy}; {args.repeat} runs per size; output discarded."
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"runs": runs, "note": note}, indent=2))


if __name__ == "__main__":
    main()
