"""Side-by-side benchmark, in Python, of mentor's eligibility decision (``docs/wire-format.md#decision``)
against what a Python team would otherwise use (issue 8):

- mentor: the wheel built from mentor-py, ``mentor.evaluate_eligibility(situation, policy=…)``
  on the situation dict, with the benchmark policy (benches/engines/policy.toml); it parses
  the situation, checks the registration number, decides and renders the full answer with
  its messages;
- zen-engine (GoRules ZEN's Python package, a Rust core behind PyO3): the decision graph
  benches/engines/eligibility.jdm.json, loaded once, on the case's flattened ``facts``,
  through each of its documented entries: ``ZenDecision.evaluate`` (synchronous; it starts
  a fresh async runtime with its threads on every call, which is why it is the slowest),
  ``ZenDecision.async_evaluate`` (awaited one by one, or gathered for a batch) and
  ``ZenEngine.evaluate_batch``;
- pure Python: pydantic v2 models of the working situation (``model_validate`` on the
  situation dict) then plain Python rules (benches/python/pydantic_eligibility.py).

Like the engines, the pure-Python side takes the registration check precomputed by mentor
from the case (``facts["registration"]``, see ``benches/RESULTS.md#targets``); mentor does that check on every
call.

The cases come from the shared generator (benches/examples/situations.rs), one JSON object a
line: ``{"situation", "facts", "expected"}``. Before anything is timed, every engine's answer
on EVERY case (outcome, parties, payout, sorted action codes) must equal ``expected``; on any
disagreement the first few cases are printed and the run exits with status 1, no numbers.
Each timed row is checked through the very call it times (ZEN's batch and async entries on
the batch itself); the data must also cover every outcome and action code (else exit 1), so
that a small data file cannot make the check vacuous.

Timing: timeit, one repeat ≈ 0.2 s, 7 repeats taken in turn across the rows of a group (a
burst of load on the shared machine then hits every row alike), the MEDIAN reported. Per
call, each repeat cycles through the same 1,000 cases (an average over the mix, loop
included); a batch is one Python loop over 10,000 cases (ZEN's own batch entries beside it,
which run on several threads). Python's garbage collector is off while timing (timeit's
default). Anchors for scale: python-stdnum's
SIRET check and mentor's ``validate_registration_number`` on the cases' French numbers.

With ``--forms PATH`` (JSON Lines forms: ``cargo run --release -q -p mentor-benches --example
forms_jsonl -- 42 100000 > PATH``), the batch group also times
``mentor.triage_json_bytes(path.read_bytes(), policy=docs/examples/policy.toml, now=NOW)``,
file read included, garbage collector on, like mentor-py/bench/bench.py: one call per run, the median of the runs
(at least 3) divided by the number of forms; to be set beside the native ``mentor triage
--json`` on the same file. Since 0.3 the call answers ``mentor.TriageEntry`` objects, whose
fields are rendered when read: the row times the report's objects, not the rendering of
every field (which the native command does, to write its JSON); the count of entries is
checked.

Run from the workspace root (``bash benches/python/setup.sh`` installs everything):

    cargo run --release -q -p mentor-benches --example situations -- \\
        --count 10000 --seed 42 --out target/bench-data/situations.jsonl
    target/bench-py-venv/bin/python benches/python/compare.py \\
        --data target/bench-data/situations.jsonl --out target/bench-results/python.json \\
        [--forms target/py-bench/forms-42-100000.jsonl]

``--quick`` checks agreement on every case but times only briefly (CI smoke).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import platform
import statistics
import sys
import time
import timeit
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import mentor
import pydantic
import zen

import pydantic_eligibility as pure

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "benches" / "engines" / "policy.toml"
JDM = ROOT / "benches" / "engines" / "eligibility.jdm.json"
#: The policy and the clock of the triage row (as mentor-py/bench/bench.py and the native run).
TRIAGE_POLICY = ROOT / "docs" / "examples" / "policy.toml"
NOW = "2026-11-30T09:00:00Z"

#: The compared answer (the benchmark contract): these keys, action lists sorted.
COMPARED = ("outcome", "contracting_party", "invoicing_party", "payout", "required_actions", "recommended_actions")
#: What the cases' expected answers must cover, or the agreement check proves little.
OUTCOMES = ("eligible", "action_required", "needs_review", "ineligible")
REQUIRED_CODES = (
    "choose_route",
    "obtain_employer_agreement",
    "register_business",
    "register_as_self_employed",
    "provide_registration_number",
    "fix_registration_number",
)
RECOMMENDED_CODES = ("inform_employer",)
#: How many disagreeing cases are printed before exiting.
SHOWN = 5

Case = Dict[str, Any]
Answer = Dict[str, Any]


@dataclass(frozen=True)
class Settings:
    """How much to time: full run or ``--quick``."""

    mix: int  # cases cycled through per repeat, per call
    batch: int  # cases in one batch
    repeat: int  # repeats (the median is reported)
    target_s: float  # the length of one repeat


FULL = Settings(mix=1_000, batch=10_000, repeat=7, target_s=0.2)
QUICK = Settings(mix=100, batch=1_000, repeat=3, target_s=0.01)


# -- the engines under comparison ------------------------------------------------------------


def codes(actions: Iterable[Any]) -> List[str]:
    """Sorted action codes, from mentor's action objects or an engine's plain codes."""
    return sorted(a["code"] if isinstance(a, Mapping) else str(a) for a in actions)


def compared(answer: Mapping[str, Any]) -> Answer:
    """An engine's answer reduced to the compared answer of the contract. A key left out
    reads as null (ZEN leaves out a decision table's null outputs: the parties and payout
    while the route is not chosen), as it does for any JSON reader; the action lists must be
    there."""
    out: Answer = {key: answer.get(key) for key in COMPARED}
    out["required_actions"] = codes(answer.get("required_actions", ["<missing>"]))
    out["recommended_actions"] = codes(answer.get("recommended_actions", ["<missing>"]))
    return out


def load_policy() -> mentor.Policy:
    """The benchmark policy, checked against the literals of the pure-Python side."""
    policy = mentor.Policy.from_file(POLICY)
    settings = policy.to_dict()
    literals = {
        "employer_sectors_suited": (set(settings["employer_sectors_suited"]), set(pure.SECTORS_SUITED)),
        "excluded_countries": (set(settings["excluded_countries"]), set(pure.EXCLUDED_COUNTRIES)),
    }
    for key, (in_policy, in_code) in literals.items():
        if in_policy != in_code:
            sys.exit(f"{POLICY.relative_to(ROOT)}: {key} = {sorted(in_policy)}, but pydantic_eligibility.py encodes {sorted(in_code)}")
    return policy


def zen_decision() -> zen.ZenDecision:
    """The ZEN decision graph, loaded once and evaluated many times."""
    return zen.ZenEngine().create_decision(zen.ZenDecisionContent(JDM.read_text(encoding="utf-8")))


def zen_result(response: Mapping[str, Any]) -> Mapping[str, Any]:
    """The decision's output within ZEN's response (``{"performance", "result"}``)."""
    result = response["result"]
    if not isinstance(result, Mapping):
        raise TypeError(f"ZEN's result is not an object: {result!r}")
    return result


@dataclass(frozen=True)
class Engine:
    """One contender: its name and its answer to a case, reduced to the compared answer."""

    name: str
    answer: Callable[[Case], Answer]


def engines(policy: mentor.Policy, decision: zen.ZenDecision) -> List[Engine]:
    """The contenders, each through the call its per-call rows time (time_all), on what it
    takes in (situation, facts, facts as JSON text). The pydantic row times
    ``decide(model_validate(situation), registration)``, which returns a ``Decision``: the
    check makes that same call, then ``.answer()`` and ``compared`` reduce it (untimed, as
    ``compared`` is for the others). ``model_validate only`` decides nothing and is not checked;
    ``async_evaluate`` is checked on the batch (time_batches)."""
    return [
        Engine("mentor", lambda case: compared(mentor.evaluate_eligibility(case["situation"], policy=policy))),
        Engine("zen-engine", lambda case: compared(zen_result(decision.evaluate(case["facts"])))),
        Engine("zen-engine evaluate (JSON text)", lambda case: compared(zen_result(decision.evaluate(json.dumps(case["facts"]))))),
        Engine(
            "pydantic",
            lambda case: compared(pure.decide(pure.WorkingSituation.model_validate(case["situation"]), case["facts"]["registration"]).answer()),
        ),
    ]


# -- agreement, before any timing ------------------------------------------------------------


def check_coverage(cases: Sequence[Case], path: Path) -> None:
    """Exits 1 unless the expected answers cover every outcome and every action code: on
    fewer, the agreement check would leave rows of the decision table untried."""
    outcomes = {case["expected"]["outcome"] for case in cases}
    required = {code for case in cases for code in compared(case["expected"])["required_actions"]}
    recommended = {code for case in cases for code in compared(case["expected"])["recommended_actions"]}
    missing = [f"outcome {o}" for o in OUTCOMES if o not in outcomes]
    missing += [f"required action {c}" for c in REQUIRED_CODES if c not in required]
    missing += [f"recommended action {c}" for c in RECOMMENDED_CODES if c not in recommended]
    if missing:
        sys.exit(f"{path}: the expected answers of its {len(cases)} cases never give {', '.join(missing)}: too few or wrong cases for a meaningful agreement check; no timing")
    print(f"coverage: the {len(cases)} expected answers give all {len(OUTCOMES)} outcomes and all {len(REQUIRED_CODES) + len(RECOMMENDED_CODES)} action codes")


def check_agreement(cases: Sequence[Case], contenders: Sequence[Engine]) -> Dict[str, int]:
    """Every contender's answer on every case against ``expected``; exits 1 on any difference."""
    failed = False
    agreement: Dict[str, int] = {}
    for engine in contenders:
        wrong: List[Tuple[Case, object]] = []
        for case in cases:
            try:
                got: object = engine.answer(case)
            except Exception as e:  # noqa: BLE001 - an engine that raises disagrees; say how
                got = f"raised {type(e).__name__}: {e}"
            if got != compared(case["expected"]):
                wrong.append((case, got))
        if wrong:
            failed = True
            print(f"DISAGREEMENT: {engine.name} differs from the expected answer on {len(wrong)} of {len(cases)} cases; the first {min(SHOWN, len(wrong))}:", file=sys.stderr)
            for case, got in wrong[:SHOWN]:
                print(f"  line {case['line']}", file=sys.stderr)
                for key in ("situation", "facts", "expected"):
                    print(f"    {key:9} {json.dumps(case[key], sort_keys=True)}", file=sys.stderr)
                print(f"    {'got':9} {json.dumps(got, sort_keys=True) if isinstance(got, dict) else got}", file=sys.stderr)
        else:
            print(f"agreement: {engine.name} gives the expected answer on all {len(cases)} cases")
        agreement[engine.name] = len(cases)
    if failed:
        print("no timing: an engine disagrees (see above)", file=sys.stderr)
        sys.exit(1)
    return agreement


# -- timing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One row of the results file."""

    group: str
    name: str
    median_ns: float
    per: str
    note: str

    def to_json(self) -> Dict[str, object]:
        """The row as the results contract writes it."""
        return {"group": self.group, "name": self.name, "median_ns": self.median_ns, "per": self.per, "note": self.note}


@dataclass(frozen=True)
class Row:
    """Something to time: `run` is one loop over `cases` cases."""

    name: str
    run: Callable[[], object]
    cases: int
    note: str
    per: str = "call"


def time_group(group: str, rows: Sequence[Row], settings: Settings) -> List[Result]:
    """Times each row: a number of loops chosen for about `settings.target_s` per repeat,
    then `settings.repeat` repeats taken in turn across the rows (so that a burst of load on
    this shared machine hits every row alike), and the median per case. timeit turns the
    garbage collector off while it times."""
    print(group)
    numbers = []
    for row in rows:
        once = min(timeit.repeat(row.run, number=1, repeat=2))
        numbers.append(max(1, round(settings.target_s / max(once, 1e-9))))
    runs: List[List[float]] = [[] for _ in rows]
    for _ in range(settings.repeat):
        for row, number, times in zip(rows, numbers, runs):
            times.append(timeit.timeit(row.run, number=number) / number / row.cases)
    results = []
    for row, times in zip(rows, runs):
        ns = statistics.median(times) * 1e9
        print(f"  {row.name:56} {ns / 1000:10.2f} µs per {row.per}")
        results.append(Result(group, row.name, ns, row.per, row.note))
    return results


def time_all(cases: Sequence[Case], policy: mentor.Policy, decision: zen.ZenDecision, settings: Settings, forms: Optional[Path]) -> List[Result]:
    """The timed rows: per call over the mix, batches (triage of the forms if given), anchors."""
    mix = list(cases[: settings.mix])
    situations = [c["situation"] for c in mix]
    facts = [c["facts"] for c in mix]
    facts_text = [json.dumps(f) for f in facts]
    pairs = [(c["situation"], c["facts"]["registration"]) for c in mix]
    evaluate = mentor.evaluate_eligibility
    zen_evaluate = decision.evaluate
    zen_async_evaluate = decision.async_evaluate
    validate = pure.WorkingSituation.model_validate
    decide = pure.decide
    loop = asyncio.new_event_loop()

    def mentor_calls() -> None:
        for s in situations:
            evaluate(s, policy=policy)

    def zen_calls() -> None:
        for f in facts:
            zen_evaluate(f)

    def zen_text_calls() -> None:
        for t in facts_text:
            zen_evaluate(t)

    async def zen_awaited() -> None:
        for f in facts:
            await zen_async_evaluate(f)

    def pydantic_calls() -> None:
        for s, registration in pairs:
            decide(validate(s), registration)

    def pydantic_validate_calls() -> None:
        for s in situations:
            validate(s)

    def empty_loop() -> None:
        for s in situations:
            pass

    n = len(mix)
    mix_note = f"median over {settings.repeat} repeats of a loop over the same {n:,} cases"
    rows = [
        Row("mentor evaluate_eligibility (dict)", mentor_calls, n, f"situation dict in, a mentor.Decision out (registration number checked; fields and messages rendered when read, none read here); {mix_note}"),
        Row("zen-engine evaluate (dict)", zen_calls, n, f"ZenDecision.evaluate, the synchronous call, on the facts dict, registration check precomputed; {mix_note}"),
        Row("zen-engine async_evaluate (dict, awaited one by one)", lambda: loop.run_until_complete(zen_awaited()), n, f"ZenDecision.async_evaluate awaited in turn in one asyncio loop, on the facts dict; {mix_note}"),
        Row("zen-engine evaluate (JSON text)", zen_text_calls, n, f"ZenDecision.evaluate on the facts as JSON text; {mix_note}"),
        Row("pydantic model_validate + rules", pydantic_calls, n, f"pydantic v2 WorkingSituation.model_validate then plain Python rules, registration check precomputed; {mix_note}"),
        Row("pydantic model_validate only", pydantic_validate_calls, n, f"WorkingSituation.model_validate alone; {mix_note}"),
        Row("empty Python loop (for scale)", empty_loop, n, "the loop every row above includes"),
    ]
    results = time_group("per call", rows, settings)
    loop.close()
    results += time_batches(cases, policy, decision, settings)
    if forms is not None:
        results += time_triage(forms, settings)
    results += time_anchors(mix, settings)
    return results


def time_batches(cases: Sequence[Case], policy: mentor.Policy, decision: zen.ZenDecision, settings: Settings) -> List[Result]:
    """A batch of `settings.batch` cases per engine, in one loop (and ZEN's own batch call)."""
    batch = [cases[i % len(cases)] for i in range(settings.batch)]
    n = len(batch)
    situations = [c["situation"] for c in batch]
    facts = [c["facts"] for c in batch]
    pairs = [(c["situation"], c["facts"]["registration"]) for c in batch]
    evaluate = mentor.evaluate_eligibility
    many = mentor.evaluate_eligibility_many
    zen_evaluate = decision.evaluate
    zen_async_evaluate = decision.async_evaluate
    validate = pure.WorkingSituation.model_validate
    decide = pure.decide
    loop = asyncio.new_event_loop()
    # The batch call must answer what the per-call one answers, case by case, before it is timed.
    many_answers = many(situations, policy=policy)
    if len(many_answers) != n:
        sys.exit(f"DISAGREEMENT: {n} cases, but mentor evaluate_eligibility_many answered {len(many_answers)}")
    for case, got in zip(batch, many_answers, strict=True):
        if compared(got) != compared(case["expected"]):
            sys.exit(f"DISAGREEMENT: mentor evaluate_eligibility_many, line {case['line']}: {got!r}")
    engine = zen.ZenEngine({"loader": {"type": "static", "content": {"eligibility": json.loads(JDM.read_text(encoding="utf-8"))}}})
    requests: List[zen.EvaluateBatchRequest] = [{"key": "eligibility", "context": f} for f in facts]

    def mentor_batch() -> List[object]:
        return [evaluate(s, policy=policy) for s in situations]

    def mentor_many() -> List[object]:
        return many(situations, policy=policy)

    def zen_batch() -> List[object]:
        return [zen_evaluate(f) for f in facts]

    def zen_native_batch() -> List[zen.EvaluateBatchResult]:
        return engine.evaluate_batch(requests)

    async def zen_gathered() -> List[zen.EvaluateResponse]:
        return await asyncio.gather(*(zen_async_evaluate(f) for f in facts))

    def pydantic_batch() -> List[object]:
        return [decide(validate(s), registration) for s, registration in pairs]

    # ZEN's batch and async entries must give the same answers as the per-call one first,
    # one answer per case: a short answer must not pass.
    batch_answers = engine.evaluate_batch(requests)
    gathered = loop.run_until_complete(zen_gathered())
    if not len(batch_answers) == len(gathered) == n:
        sys.exit(f"DISAGREEMENT: {n} cases, but zen-engine evaluate_batch answered {len(batch_answers)} and async_evaluate gathered {len(gathered)}")
    for case, got, response in zip(batch, batch_answers, gathered, strict=True):
        data = got.get("data")
        if not got.get("success") or data is None or compared(zen_result(data)) != compared(case["expected"]):
            sys.exit(f"DISAGREEMENT: zen-engine evaluate_batch, line {case['line']}: {got!r}")
        if compared(zen_result(response)) != compared(case["expected"]):
            sys.exit(f"DISAGREEMENT: zen-engine async_evaluate, line {case['line']}: {response!r}")

    note = f"one list comprehension over a batch of {n:,} cases, per case"
    threads = "ZEN's threads work in parallel here: wall time per case on this 2-core machine"
    rows = [
        Row("mentor evaluate_eligibility_many (list of dicts)", mentor_many, n, f"one call for the whole batch of {n:,} cases (each read, decided and answered before the next), per case; a list of mentor.Decision out", "case"),
        Row("mentor evaluate_eligibility (dict)", mentor_batch, n, f"{note}; a mentor.Decision per case", "case"),
        Row("zen-engine evaluate (dict)", zen_batch, n, note, "case"),
        Row("zen-engine evaluate_batch", zen_native_batch, n, f"ZenEngine.evaluate_batch with a static loader, one call for the whole batch; {threads}", "case"),
        Row("zen-engine async_evaluate (asyncio.gather)", lambda: loop.run_until_complete(zen_gathered()), n, f"every case's async_evaluate gathered at once in one asyncio loop; {threads}", "case"),
        Row("pydantic model_validate + rules", pydantic_batch, n, note, "case"),
    ]
    results = time_group("batch", rows, settings)
    loop.close()
    return results


def time_triage(path: Path, settings: Settings) -> List[Result]:
    """``triage_json_bytes`` on the forms file, read inside the timed call, as
    mentor-py/bench/bench.py times it against the native ``mentor triage --json``: one call
    per run (after a warm-up: page cache, allocators), the answer freed after the clock stops,
    the garbage collector as a program has it (on); the median of the runs per form."""
    policy = mentor.Policy.from_file(TRIAGE_POLICY)
    triage_json_bytes = mentor.triage_json_bytes

    def run() -> List[mentor.TriageEntry]:
        return triage_json_bytes(path.read_bytes(), policy=policy, now=NOW)

    forms = sum(1 for line in path.read_bytes().splitlines() if line.strip())
    warm_up = run()
    if len(warm_up) != forms or forms == 0:
        sys.exit(f"{path}: {forms} forms, but triage_json_bytes answered {len(warm_up)} entries")
    del warm_up
    runs = []
    for _ in range(max(3, settings.repeat)):
        start = time.perf_counter()
        answer = run()
        runs.append(time.perf_counter() - start)
        del answer
    total = statistics.median(runs)
    name = "mentor triage_json_bytes (100k forms)"
    print(f"batch (triage)\n  {name:56} {total * 1e9 / forms / 1000:10.2f} µs per form ({total:.3f} s for {forms:,} forms, {forms / total:,.0f} forms/s)")
    note = (
        f"mentor.triage_json_bytes(path.read_bytes(), policy=docs/examples/policy.toml, now={NOW}) on {path.name} ({forms:,} forms), file read included; "
        f"median of {len(runs)} runs of one call, per form, answered as mentor.TriageEntry objects, no field read (each is rendered when read); "
        f"compare with the native `mentor triage --json` on the same file"
    )
    return [Result("batch", name, total * 1e9 / forms, "form", note)]


def french_sirets(cases: Sequence[Case]) -> List[str]:
    """The cases' French registration numbers that are SIRETs (14 digits), as typed."""
    sirets = []
    for case in cases:
        number = (case["situation"].get("business") or {}).get("registration_number")
        if case["situation"]["country"] == "FR" and isinstance(number, str) and sum(ch.isdigit() for ch in number) == 14:
            sirets.append(number)
    return sirets


def time_anchors(mix: Sequence[Case], settings: Settings) -> List[Result]:
    """Registration number checks, for scale: python-stdnum's SIRET check and mentor's."""
    sirets = french_sirets(mix)
    if not sirets:
        print("anchors: no SIRET among the cases: skipped")
        return []
    note = f"cycling through the {len(sirets)} SIRETs of the cases (well-formed or not)"
    validate_number = mentor.validate_registration_number

    def mentor_number_calls() -> None:
        for n in sirets:
            validate_number("FR", n)

    rows = [Row("mentor validate_registration_number (FR)", mentor_number_calls, len(sirets), f"{note}; every French scheme tried, answer dict built")]
    try:
        from stdnum.fr import siret
    except ImportError:
        print("  python-stdnum is not installed: its anchor is skipped")
    else:
        is_valid: Callable[[str], bool] = siret.is_valid

        def stdnum_calls() -> None:
            for n in sirets:
                is_valid(n)

        rows.append(Row("python-stdnum fr.siret.is_valid", stdnum_calls, len(sirets), f"{note}; SIRET only"))
    return time_group("anchors", rows, settings)


def print_ratios(results: Sequence[Result]) -> None:
    """Each row's median over mentor's in the same group and unit (above 1: mentor is faster);
    the triage row (per form) has no counterpart here."""
    print("ratios (theirs / mentor, same group, same run)")
    for group in dict.fromkeys(r.group for r in results):
        rows = [r for r in results if r.group == group]
        ours = next((r for r in rows if r.name.startswith("mentor evaluate_eligibility")), None)
        if ours is None:
            continue
        for r in rows:
            if r is not ours and r.per == ours.per and not r.name.startswith("empty"):
                print(f"  {group}: {r.name} / mentor = {r.median_ns / ours.median_ns:.2f}x")


# -- the run ---------------------------------------------------------------------------------


def environment() -> Dict[str, str]:
    """Versions of what was measured."""
    env = {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "mentor": mentor.__version__,
        "zen-engine": metadata.version("zen-engine"),
        "pydantic": pydantic.VERSION,
        "pydantic-core": metadata.version("pydantic-core"),
        "machine": f"{platform.machine()} {platform.system()}",
    }
    try:
        env["python-stdnum"] = metadata.version("python-stdnum")
    except metadata.PackageNotFoundError:
        pass
    return env


def read_cases(path: Path) -> List[Case]:
    """The cases file of the contract, one JSON object a line (each given its ``line``)."""
    cases: List[Case] = []
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            case = json.loads(line)
            missing = [key for key in ("situation", "facts", "expected") if key not in case]
            if missing:
                sys.exit(f"{path}:{number}: missing {', '.join(missing)}")
            case["line"] = number
            cases.append(case)
    if not cases:
        sys.exit(f"{path}: no cases")
    return cases


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Checks agreement, times, writes the results file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, required=True, help="the cases, JSON Lines (benches/examples/situations.rs)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the results JSON")
    parser.add_argument("--quick", action="store_true", help="agreement on every case, then a very short timing (CI smoke)")
    parser.add_argument("--forms", type=Path, help="forms, JSON Lines (forms_jsonl -- 42 100000): also time triage_json_bytes on them")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL

    cases = read_cases(args.data)
    check_coverage(cases, args.data)
    if args.forms is not None and not args.forms.is_file():
        sys.exit(f"--forms {args.forms}: no such file")
    policy = load_policy()
    decision = zen_decision()
    started = time.perf_counter()
    agreement = check_agreement(cases, engines(policy, decision))
    print(f"(agreement checked in {time.perf_counter() - started:.1f} s)")

    gc.collect()
    results = time_all(cases, policy, decision, settings, args.forms)
    print_ratios(results)
    report = {
        "runner": "python",
        "environment": environment(),
        "agreement": agreement,
        "results": [r.to_json() for r in results],
        "sizes": [],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
