"""The conformance vectors shared with the Rust tests, through the Python binding.

- tests/vectors/eligibility.json: each vector's decision, compared as
  mentor-core/tests/decision_table.rs compares it;
- ../shared/fixtures: triage of applications.jsonl under policy.toml against
  applications.expected.jsonl, compared as mentor-core/tests/conformance.rs compares it, in
  both languages; and each form's working situation through ``evaluate_eligibility`` and
  ``evaluate_eligibility_many``, whose ``Decision.to_dict()`` must meet the same expectations
  and be the report's decision exactly;
- and, when run-tests.sh built the native command, the binding's report is byte for byte the
  report of `mentor triage --json` on the same input.
"""

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, List, Set

import pytest

import mentor
from conftest import EXAMPLES, NOW, VECTORS, mentor_cli

RULES = {
    ("action", "choose_route"): {"WS-2", "WS-3"},
    ("action", "obtain_employer_agreement"): {"WS-2"},
    ("action", "register_business"): {"WS-3"},
    ("action", "register_as_self_employed"): {"WS-5"},
    ("action", "provide_registration_number"): {"WS-1"},
    ("action", "fix_registration_number"): {"WS-1"},
    ("action", "inform_employer"): {"WS-3"},
    ("reason", "employer_signs"): {"WS-2"},
    ("reason", "mentor_business_signs"): {"WS-3", "WS-4", "WS-5"},
    ("reason", "employer_refused"): {"WS-2"},
    ("reason", "employer_sector_unusual"): {"WS-2"},
    ("reason", "no_registered_business"): {"WS-5"},
    ("reason", "registration_number_invalid"): {"WS-1"},
    ("reason", "status_to_settle_at_interview"): {"INT-5"},
    ("reason", "country_rules_unknown"): {"WS-1"},
    ("reason", "country_excluded"): {"POL-1"},
}


def codes(items: List[Any]) -> Set[str]:
    return {item if isinstance(item, str) else item["code"] for item in items}


def load_vectors() -> List[Dict[str, Any]]:
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    assert isinstance(vectors, list) and len(vectors) > 50
    return vectors


@pytest.mark.parametrize("vector", load_vectors(), ids=lambda v: v["name"][:80])
def test_eligibility_vector(vector: Dict[str, Any]) -> None:
    policy = mentor.Policy.from_dict(vector["policy"]) if "policy" in vector else None
    en = mentor.evaluate_eligibility(vector["situation"], policy=policy)
    fr = mentor.evaluate_eligibility(vector["situation"], policy=policy, lang="fr")
    want = vector["expected"]
    for key in ["outcome", "contracting_party", "invoicing_party", "payout"]:
        assert en[key] == want[key], key
    for key in ["required_actions", "recommended_actions", "reasons"]:
        assert codes(en[key]) == codes(want[key]), key
        assert len(en[key]) == len(codes(en[key])), f"{key}: a code is listed twice"
        kind = "reason" if key == "reasons" else "action"
        for item_en, item_fr in zip(en[key], fr[key]):
            assert item_en["rule"] in RULES[(kind, item_en["code"])]
            assert (item_fr["code"], item_fr["rule"]) == (item_en["code"], item_en["rule"])
            assert item_en["message"].strip() and item_fr["message"].strip()
            assert item_en["message"] != item_fr["message"]


def check_against_expected(got: Dict[str, Any], want: Dict[str, Any]) -> List[str]:
    """One report line against one expected line, as ../shared/fixtures/README.md says."""
    problems = []
    if want.get("invalid") is True:
        if got["status"] != "invalid":
            problems.append(f"status {got['status']} instead of invalid")
        errors = got["errors"]
        if not errors:
            problems.append("invalid without errors")
        paths = {e["path"] for e in errors}
        problems += [f"no error at `{p}` (errors at {paths})" for p in want["error_paths"] if p not in paths]
        problems += [f"error without code or message: {e}" for e in errors if not e["code"] or not e["message"]]
        return problems
    if got["status"] == "invalid":
        return [f"reported invalid: {got['errors']}"]
    if got["errors"]:
        problems.append(f"a valid form with errors: {got['errors']}")
    return problems + check_decision(got["eligibility"], want)


def check_decision(d: Dict[str, Any], want: Dict[str, Any]) -> List[str]:
    """A decision's dict against one expected line of ../shared/fixtures (its README)."""
    problems = []
    for key in ["outcome", "contracting_party"]:
        if d[key] != want[key]:
            problems.append(f"{key} is {d[key]} instead of {want[key]}")
    for key in ["required_actions", "recommended_actions"]:
        if codes(d[key]) != codes(want[key]):
            problems.append(f"{key} {codes(d[key])} instead of {codes(want[key])}")
    missing = codes(want["reasons"]) - codes(d["reasons"])
    if missing:
        problems.append(f"reasons lack {missing}")
    return problems


def without_messages(v: Any) -> Any:
    if isinstance(v, dict):
        return {k: without_messages(x) for k, x in v.items() if k not in ("message", "gloss", "procedure")}
    if isinstance(v, list):
        return [without_messages(x) for x in v]
    return v


def test_shared_fixtures_match_the_expected_file_in_both_languages(fixtures_dir: Path) -> None:
    data = (fixtures_dir / "applications.jsonl").read_bytes()
    policy = mentor.Policy.from_file(fixtures_dir / "policy.toml")
    expected = [json.loads(line) for line in (fixtures_dir / "applications.expected.jsonl").read_text().splitlines() if line.strip()]
    count = sum(1 for line in data.decode().splitlines() if line.strip())
    assert len(expected) == count
    problems = []
    reports = {}
    for lang in ["en", "fr"]:
        report = mentor.triage_json_bytes(data, policy=policy, now=NOW, lang=lang)
        assert len(report) == count
        by_reference = {line["reference"]: line for line in report}
        assert len(by_reference) == count
        for want in expected:
            got = by_reference.get(want["reference"])
            if got is None:
                problems.append(f"[{lang}] {want['reference']}: missing")
            else:
                problems += [f"[{lang}] {want['reference']}: {p}" for p in check_against_expected(dict(got), want)]
        reports[lang] = report
    assert not problems, "\n".join(problems)
    # Entries are mappings, not dicts: compared without messages through their dicts.
    assert [without_messages(e.to_dict()) for e in reports["en"]] == [without_messages(f.to_dict()) for f in reports["fr"]]
    # The same forms as a list of dicts give the same report.
    forms = [json.loads(line) for line in data.decode().splitlines() if line.strip()]
    assert mentor.triage(forms, policy=policy, now=NOW) == reports["en"]


def test_shared_fixtures_decisions_match_the_expected_file(fixtures_dir: Path) -> None:
    """Each valid form's working situation decided alone and in one batch: the decision's
    ``to_dict()`` meets the expected line and equals the triage report's decision."""
    policy = mentor.Policy.from_file(fixtures_dir / "policy.toml")
    forms = {f["reference"]: f for f in map(json.loads, (fixtures_dir / "applications.jsonl").read_text().splitlines()) if f}
    expected = [json.loads(line) for line in (fixtures_dir / "applications.expected.jsonl").read_text().splitlines() if line.strip()]
    decided = [want for want in expected if not want.get("invalid")]
    assert len(decided) == 14
    situations = [forms[want["reference"]]["working_situation"] for want in decided]
    problems = []
    for lang in ["en", "fr"]:
        report = mentor.triage_json_bytes((fixtures_dir / "applications.jsonl").read_bytes(), policy=policy, now=NOW, lang=lang)
        in_report = {entry["reference"]: entry["eligibility"] for entry in report}
        batch = mentor.evaluate_eligibility_many(situations, policy=policy, lang=lang)
        assert len(batch) == len(decided)
        for want, situation, item in zip(decided, situations, batch):
            d = mentor.evaluate_eligibility(situation, policy=policy, lang=lang)
            assert isinstance(d, mentor.Decision) and isinstance(item, mentor.Decision)
            got = d.to_dict()
            problems += [f"[{lang}] {want['reference']}: {p}" for p in check_decision(got, want)]
            assert got == in_report[want["reference"]], want["reference"]
            assert item == d and item.to_dict() == got
    assert not problems, "\n".join(problems)


def cli_report(cli: Path, path: Path, policy: Path, lang: str) -> List[Dict[str, Any]]:
    out = subprocess.run(
        [str(cli), "triage", str(path), "--policy", str(policy), "--now", NOW, "--lang", lang, "--json"],
        capture_output=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.decode().splitlines() if line.strip()]


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("which", ["shared", "docs"])
def test_the_report_is_the_native_commands(which: str, lang: str, request: pytest.FixtureRequest) -> None:
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    if which == "shared":
        fixtures_dir: Path = request.getfixturevalue("fixtures_dir")
        forms, policy = fixtures_dir / "applications.jsonl", fixtures_dir / "policy.toml"
    else:
        forms, policy = EXAMPLES / "applications.jsonl", EXAMPLES / "policy.toml"
    native = cli_report(cli, forms, policy, lang)
    ours = mentor.triage_json_bytes(forms.read_bytes(), policy=mentor.Policy.from_file(policy), now=NOW, lang=lang)
    assert ours == native


def test_the_decision_is_the_native_commands(tmp_path: Path) -> None:
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    for i, vector in enumerate(load_vectors()[:30]):
        path = tmp_path / f"situation-{i}.json"
        path.write_text(json.dumps(vector["situation"]))
        args = [str(cli), "eligibility", str(path), "--json"]
        if "policy" in vector:
            policy_path = tmp_path / f"policy-{i}.json"
            policy_path.write_text(json.dumps(vector["policy"]))
            args += ["--policy", str(policy_path)]
        out = subprocess.run(args, capture_output=True, check=True)
        policy = mentor.Policy.from_dict(vector["policy"]) if "policy" in vector else None
        assert mentor.evaluate_eligibility(vector["situation"], policy=policy) == json.loads(out.stdout), vector["name"]


def test_a_big_varied_batch_is_the_native_commands(tmp_path: Path) -> None:
    """Big enough for the rendering to be spread over threads: same entries, same order."""
    cli = mentor_cli()
    if cli is None:
        pytest.skip("MENTOR_CLI not set (run-tests.sh builds and sets it)")
    vectors = load_vectors()
    subjects = ["python", "web_development", "data_analysis", "ux_design", "devops"]
    lines = []
    for i in range(4000):
        situation = dict(vectors[i % len(vectors)]["situation"])
        form: Dict[str, Any] = {
            "reference": f"B-{i}",
            "offer_id": "mentor-web-2026",
            "applicant": {"first_name": "Camille", "last_name": "Moreau", "email": f"c{i % 3700}@example.org", "country": situation.pop("country", "FR")},
            "subjects": [{"subject": subjects[i % 5], "level": ["comfortable", "proficient", "expert"][i % 3], "years_experience": i % 13}],
            "consent": {"data_processing": i % 41 != 0},
            "submitted_at": f"2026-11-{1 + i % 28:02d}T{i % 24:02d}:15:00Z",
        }
        if i % 5:
            form["working_situation"] = situation
        lines.append(json.dumps(form))
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n{broken\n")
    policy_path = tmp_path / "policy.toml"
    policy_path.write_text('[demand]\npython = "urgent"\nux_design = "closed"\n')
    for lang in ["en", "fr"]:
        native = cli_report(cli, path, policy_path, lang)
        ours = mentor.triage_json_bytes(path.read_bytes(), policy=mentor.Policy.from_file(policy_path), now=NOW, lang=lang)
        assert len(ours) == 4001
        assert ours == native
