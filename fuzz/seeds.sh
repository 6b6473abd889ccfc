#!/usr/bin/env bash
# Builds the fuzz targets' seed corpora in fuzz/corpus/<target>/ (git-ignored) from what the
# project already holds: the documentation's examples (docs/examples/, the JSON blocks of
# docs/*.md, the webhook commands of docs/esign.md), the JSON documents written in
# mentor-core/tests/*.rs, the registration schemes' examples, and the shared conformance
# fixtures (/work/shared/fixtures, or $MENTOR_FIXTURES) when they are there. Each seed is named
# by its content's hash, so a rerun adds nothing twice; libFuzzer adds what it finds next to
# them. Usage: bash fuzz/seeds.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures="${MENTOR_FIXTURES:-/work/shared/fixtures}"
python3 - "$fixtures" <<'PY'
import hashlib, json, os, re, sys
from pathlib import Path

fixtures = Path(sys.argv[1])
corpus = Path("fuzz/corpus")
counts = {}

def seed(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    path = d / name
    if not path.exists():
        path.write_bytes(data)
        counts[target] = counts.get(target, 0) + 1

def lines(path):
    return [l for l in path.read_text().splitlines() if l.strip()]

# JSON documents written in the tests and the docs: raw strings and json!({...}) blocks that
# parse as JSON once Rust's trailing commas are removed.
documents = []
def collect(text):
    for m in re.finditer(r'r#"(.*?)"#', text, re.S):
        documents.append(m.group(1))
    for m in re.finditer(r'json!\(', text):
        start = m.end()
        depth, i = 0, start
        while i < len(text):
            c = text[i]
            if c in '([{': depth += 1
            elif c in ')]}':
                if depth == 0: break
                depth -= 1
            elif c == '"':
                i += 1
                while i < len(text) and text[i] != '"':
                    i += 2 if text[i] == '\\' else 1
            i += 1
        documents.append(re.sub(r',(\s*[}\]])', r'\1', text[start:i]))
    for m in re.finditer(r'```json\n(.*?)```', text, re.S):
        documents.append(m.group(1))
for p in sorted(Path("mentor-core/tests").glob("*.rs")) + sorted(Path("docs").glob("*.md")):
    collect(p.read_text())

APPLICATION_EVENTS = {"submitted", "review_started", "interview_scheduled", "selected", "rejected",
                      "withdrawn", "interview_held", "contract_signed", "no_show", "rescheduled"}
POLICY_KEYS = {"offers", "employer_sectors_suited", "excluded_countries", "demand",
               "contact_deadline_days", "review_weights", "interview", "billing"}
for text in documents:
    for doc in [text] + [l for l in text.splitlines() if l.strip().startswith("{")]:
        try:
            value = json.loads(doc)
        except ValueError:
            continue
        if not isinstance(value, dict):
            continue
        keys = set(value)
        compact = json.dumps(value, ensure_ascii=False)
        if "offer_id" in keys and "applicant" in keys:
            seed("application", compact)
        if "status" in keys and "country" in keys and "applicant" not in keys:
            seed("situation", compact)
        if {"type", "at", "actor"} <= keys:
            seed("application_log" if value.get("type") in APPLICATION_EVENTS else "contract_log", compact)
        if "session_id" in keys:
            seed("billing_sessions", compact)
        if keys & {"contract_id", "invoice_number", "versions", "lines", "total"}:
            seed("billing_documents", compact)
        if keys and keys <= POLICY_KEYS:
            seed("policy_json", compact)
        if "event" in keys or "event_type" in keys or "event_name" in keys:
            for provider in ["concord", "docusign", "dropbox_sign", "yousign", "documenso", "docuseal"]:
                seed("webhook_" + provider, compact)

# Batches of forms, whole and cut (JSON Lines, and the same records as one array).
batches = [Path("docs/examples/applications.jsonl")]
if (fixtures / "applications.jsonl").is_file():
    batches.append(fixtures / "applications.jsonl")
for batch in batches:
    records = lines(batch)
    for record in records:
        seed("application", record)
    for target in ["triage_batch"]:
        seed(target, batch.read_bytes())
        seed(target, "\n".join(records[:3]) + "\n")
        seed(target, "[\n" + ",\n".join(records[:3]) + "\n]\n")
        seed(target, "[" + ", ".join(records[:2]) + "]")
    for chunking in [b"\x00", b"\x07", b"\x40"]:
        seed("record_reader", chunking + batch.read_bytes())
        seed("record_reader", chunking + ("[\n" + ",\n".join(records[:3]) + "\n]\n").encode())
# The shapes the layout detection must tell apart (JSON Lines starting with an array, an
# object over several lines as `jq .` prints it).
for text in ["[1]\n[2]\n", "[\n1,\n2\n]\n", "{\n  \"a\": 1\n}\n", "\ufeff{}\n\n{}", "[1]\n\n\n\n"]:
    seed("triage_batch", text)
    seed("record_reader", b"\x03" + text.encode())
seed("situation", Path("docs/examples/situation.json").read_text())
for case in json.loads(Path("tests/vectors/eligibility.json").read_text()):
    if isinstance(case, dict) and isinstance(case.get("situation"), dict):
        seed("situation", json.dumps(case["situation"]))

# Event logs.
for name in ["application-events.jsonl", "application-events-refused.jsonl"]:
    log = Path("docs/examples") / name
    seed("application_log", log.read_bytes())
    seed("application_log", "[" + ",".join(lines(log)) + "]")

# Billing.
billing = Path("docs/examples/billing")
seed("billing_sessions", (billing / "sessions.jsonl").read_bytes())
for record in lines(billing / "sessions.jsonl"):
    seed("billing_sessions", record)
for name in ["contract.json", "invoice-matching.json", "invoice-not-matching.json"]:
    seed("billing_documents", (billing / name).read_bytes())

# Policies.
for path in [Path("docs/examples/policy.toml"), Path("docs/examples/policy-broken.toml"), fixtures / "policy.toml"]:
    if path.is_file():
        text = path.read_text()
        seed("policy_toml", text)
        try:
            import tomllib
            seed("policy_json", json.dumps(tomllib.loads(text)))
        except Exception:
            pass
for m in re.finditer(r'```toml\n(.*?)```', Path("docs/policy.md").read_text(), re.S):
    seed("policy_toml", m.group(1))

# Webhook deliveries, as docs/esign.md delivers them: headers, a blank line, the body.
esign = Path("docs/esign.md").read_text()
for m in re.finditer(r"^mentor webhook (\w+)(.*)$", esign, re.M):
    provider, args = m.group(1), m.group(2)
    headers = re.findall(r"--header '([^']*)'", args)
    body = re.search(r"--body (\S+)", args)
    if not body or not Path(body.group(1)).is_file():
        continue
    data = Path(body.group(1)).read_bytes()
    seed("webhook_" + provider, ("\n".join(headers) + "\n\n").encode() + data if headers else data)

# Registration numbers: each scheme's example, and the numbers of the registration pages.
for p in sorted(Path("mentor-core/src/registration").glob("*.rs")):
    for number in re.findall(r'example: "([^"]*)"', p.read_text()):
        seed("registration", number)
for p in sorted(Path("docs/registration").glob("*.md")):
    for number in re.findall(r"`([A-Z0-9][A-Z0-9 .\-/]{5,30})`", p.read_text()):
        seed("registration", number)

for target in sorted(counts):
    print(f"{target}: {counts[target]} new seeds")
PY
