"""Benchmarks of the Python package against its targets (``benches/RESULTS.md#targets``). Not a test: it
prints medians and ratios.

- one ``evaluate_eligibility`` call from a dict (target: 2.5 µs at most);
- triage of 100,000 forms (the forms of benches/src/lib.rs ``forms_jsonl``, seed 42) with
  ``triage_json_bytes`` (file read included), against the native ``mentor triage --json`` on
  the same file (target: at least 80% of its throughput); ``triage`` on the same forms
  already parsed into dicts is reported beside it. The calls answer ``mentor.TriageEntry``
  objects, rendered when read: no field is read here.

Run from the workspace root with the package installed (``bash mentor-py/run-tests.sh``
installs it in target/py-venv, built in release mode):

    target/py-venv/bin/python mentor-py/bench/bench.py [--forms 100000] [--repeat 5]

It builds what it needs with cargo: the native command and the forms file (cached under
target/py-bench/).
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
import timeit
from pathlib import Path
from typing import Any, Callable, Dict, List

import mentor

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-11-30T09:00:00Z"

SITUATIONS: Dict[str, Dict[str, Any]] = {
    "FR freelancer with SIRET": {
        "country": "FR",
        "status": "freelancer",
        "business": {"legal_form": "micro_entrepreneur", "registration_number": "732 829 320 00074"},
    },
    "FR student without business": {"country": "FR", "status": "student"},
    "employee via employer, agreed": {
        "country": "DE",
        "status": "employee",
        "employment": {"full_time": True, "employer_sector": "education", "employer_agreement": "agreed", "employer_informed": True},
        "route": "via_employer",
    },
}


def median_per_call(call: Callable[[], object], number: int, repeat: int) -> float:
    """Median seconds per call over `repeat` runs of `number` calls."""
    runs = timeit.repeat(call, number=number, repeat=repeat)
    return statistics.median(runs) / number


def bench_eligibility(repeat: int) -> None:
    print("evaluate_eligibility, one call from a dict (target <= 2.5 us)")
    policy = mentor.Policy()
    for name, situation in SITUATIONS.items():
        per_call = median_per_call(lambda: mentor.evaluate_eligibility(situation, policy=policy), 50_000, repeat)
        print(f"  {name:32} {per_call * 1e6:7.2f} us")
    baseline = median_per_call(lambda: len(SITUATIONS), 200_000, repeat)
    print(f"  {'(a Python call to len, for scale)':32} {baseline * 1e6:7.2f} us")


def cargo(*args: str) -> None:
    subprocess.run(["cargo", *args], cwd=ROOT, check=True)


def forms_file(count: int) -> Path:
    out = ROOT / "target" / "py-bench" / f"forms-42-{count}.jsonl"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        print(f"generating {out} (benches/src/lib.rs forms_jsonl, seed 42)", file=sys.stderr)
        text = subprocess.run(
            ["cargo", "run", "--release", "-q", "-p", "mentor-benches", "--example", "forms_jsonl", "--", "42", str(count)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        ).stdout
        out.write_bytes(text)
    return out


def timed(call: Callable[[], object]) -> float:
    """Seconds one call takes; its answer is freed after the clock stops."""
    start = time.perf_counter()
    answer = call()
    elapsed = time.perf_counter() - start
    del answer
    return elapsed


def rounds(calls: Dict[str, Callable[[], object]], repeat: int) -> Dict[str, float]:
    """Median seconds of each call, the calls interleaved round after round so that a change
    of the machine's load weighs on all of them alike."""
    for call in calls.values():
        call()  # warm-up: page cache, allocators
    runs: Dict[str, List[float]] = {name: [] for name in calls}
    for _ in range(repeat):
        for name, call in calls.items():
            runs[name].append(timed(call))
    return {name: statistics.median(times) for name, times in runs.items()}


def bench_triage(count: int, repeat: int) -> None:
    print(f"\ntriage of {count:,} forms (target: Python >= 80% of native throughput)")
    cargo("build", "--release", "-q", "-p", "mentor-cli")
    cli = ROOT / "target" / "release" / "mentor"
    path = forms_file(count)

    def native() -> None:
        subprocess.run([str(cli), "triage", str(path), "--now", NOW, "--json"], stdout=subprocess.DEVNULL, check=False)

    def from_bytes() -> List[mentor.TriageEntry]:
        return mentor.triage_json_bytes(path.read_bytes(), now=NOW)

    def report(results: Dict[str, float]) -> None:
        native_time = results["native"]
        for name, seconds in results.items():
            label = {"native": "native mentor triage --json"}.get(name, name)
            print(f"  {label:44} {seconds:7.3f} s  {count / seconds:11,.0f} forms/s  {native_time / seconds:6.1%} of native")

    report(rounds({"native": native, "triage_json_bytes (file read included)": from_bytes}, repeat))
    forms = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def from_dicts() -> List[mentor.TriageEntry]:
        return mentor.triage(forms, now=NOW)

    report(rounds({"native": native, "triage (list of dicts, parsed beforehand)": from_dicts}, repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--forms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", choices=["eligibility", "triage"])
    args = parser.parse_args()
    print(f"mentor {mentor.__version__}, Python {sys.version.split()[0]}, medians of {args.repeat} runs")
    if args.only in (None, "eligibility"):
        bench_eligibility(args.repeat)
    if args.only in (None, "triage"):
        bench_triage(args.forms, args.repeat)


if __name__ == "__main__":
    main()
