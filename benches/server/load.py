#!/usr/bin/env python3
"""Helpers of benches/server/run.sh (the load run of mentor-server, issue 21).

    load.py prepare --url URL --token TOKEN --secret SECRET --contracts N --deliveries M --out FILE
        Takes N applications through the service to a contract sent through DocuSign (each its
        own envelope, `env-load-<i>`, signers `1` and `2`), as an operator would, then writes M
        distinct DocuSign Connect deliveries for those envelopes, each signed with SECRET, one
        per line: `signature<TAB>body` (benches/server/webhooks.lua sends them in order).
        The deliveries go round by round over the contracts; each contract's rounds are
        recipient 1 delivered, recipient 1 completed, recipient 2 delivered, recipient 2
        completed, envelope completed (four contract events: viewed, signed, viewed, signed
        with the contract then `signed`; the fifth settles with nothing new), then, from the
        sixth round on, new `recipient-delivered` notices (a later generatedDateTime each time:
        a distinct delivery, verified, applied by the core, settled with nothing new).

    load.py report --applications WRK_OUT --webhooks WRK_OUT --database SQLITE_FILE
                   --contracts N --seconds S --connections C [--json FILE]
        Prints the Markdown table of the run on standard output and, with --json, writes the
        figures (the shape below).

JSON written by `report --json` (read by benches/report.py):
    {"runner": "benches/server/run.sh", "date": "YYYY-MM-DD", "seconds": S, "connections": C,
     "cores": n, "load": "1.00 0.50 0.20",
     "results": [{"route": "POST /applications", "requests_per_s": float, "p50_ms": float,
                  "p99_ms": float, "requests": int, "non_2xx": int, "what": str}, …],
     "webhooks": {"contracts": N, "settled": int, "contract_events": int, "duplicates": int}}
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import hashlib
import hmac
import http.client
import json
import os
import re
import sqlite3
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
from urllib.parse import urlparse

# Each contract's signing, in order; later rounds are new `recipient-delivered` notices.
SIGNING = [("recipient-delivered", "1"), ("recipient-completed", "1"), ("recipient-delivered", "2"),
           ("recipient-completed", "2"), ("envelope-completed", None)]

_local = threading.local()


def _request(url: str, method: str, path: str, body: Optional[dict], token: str) -> Tuple[int, Any]:
    """One request on this thread's keep-alive connection: the status and the JSON answer."""
    conn = getattr(_local, "conn", None)
    if conn is None:
        parsed = urlparse(url)
        conn = _local.conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, json.loads(data) if data else None


def _contract(url: str, token: str, i: int) -> None:
    """Application `i` taken to a contract sent through DocuSign in envelope `env-load-<i>`."""
    form = {"offer_id": "mentor-web-2026",
            "applicant": {"first_name": "Ada", "last_name": "Lovelace", "email": f"setup-{i}@example.org",
                          "country": "FR", "timezone": "Europe/Paris"},
            "subjects": [{"subject": "python", "level": "proficient", "years_experience": 4}],
            "working_situation": {"status": "freelancer", "business": {"registration_number": "732 829 320 00074"}},
            "consent": {"data_processing": True}}
    status, answer = _request(url, "POST", "/applications", form, token)
    if status != 201:
        raise SystemExit(f"prepare: POST /applications answered {status} {answer}")
    app = answer["id"]
    steps: List[Tuple[str, dict]] = [
        (f"/applications/{app}/events", {"type": "review_started", "actor": "mentor_manager"}),
        (f"/applications/{app}/events", {"type": "interview_scheduled", "actor": "mentor_manager",
                                         "slot": {"start": "2026-12-10T17:00:00Z", "time_zone": "Europe/Paris",
                                                  "duration_minutes": 45}}),
        (f"/applications/{app}/events", {"type": "interviewed", "actor": "mentor_manager"}),
        (f"/applications/{app}/events", {"type": "selected", "actor": "mentor_manager"}),
        (f"/applications/{app}/contract", {
            "contract_id": f"contract-load-{i}",
            "terms": {"version": 1, "currency": "EUR", "rates": {"mentoring": "35.00"},
                      "start_date": "2026-01-01", "notice_period_days": 30},
            "vat": "franchise",
            "signers": [{"role": "contracting_party", "recipient_id": "1"}, {"role": "company", "recipient_id": "2"}]}),
        (f"/contracts/contract-load-{i}/events", {"type": "sent", "actor": "system", "provider": "docusign",
                                                 "request_id": f"env-load-{i}"}),
    ]
    for path, body in steps:
        status, answer = _request(url, "POST", path, body, token)
        if status != 201:
            raise SystemExit(f"prepare: POST {path} answered {status} {answer}")


def delivery(i: int, n: int, secret: bytes) -> str:
    """Round `n` of contract `i`: `signature<TAB>body`."""
    event, recipient = SIGNING[n] if n < len(SIGNING) else ("recipient-delivered", "1")
    at = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=n)
    data: Dict[str, str] = {"accountId": "acc-load", "envelopeId": f"env-load-{i}"}
    if recipient:
        data["recipientId"] = recipient
    body = json.dumps({"event": event, "apiVersion": "v2.1",
                       "generatedDateTime": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "data": data},
                      separators=(",", ":"))
    signature = base64.b64encode(hmac.new(secret, body.encode(), hashlib.sha256).digest()).decode()
    return f"{signature}\t{body}"


def prepare(args: argparse.Namespace) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda i: _contract(args.url, args.token, i), range(args.contracts)))
    secret = args.secret.encode()
    with open(args.out, "w") as out:
        for k in range(args.deliveries):
            out.write(delivery(k % args.contracts, k // args.contracts, secret) + "\n")
    print(f"prepared {args.contracts} contracts sent through DocuSign and {args.deliveries} signed deliveries",
          file=sys.stderr)


def _ms(text: str) -> float:
    """wrk's latency (`850.00us`, `14.87ms`, `1.02s`, `2.00m`) in milliseconds."""
    m = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not m:
        raise ValueError(f"not a wrk latency: {text}")
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[m.group(2)]


def wrk_figures(path: Path) -> Dict[str, Any]:
    text = path.read_text()
    field = lambda pattern: re.search(pattern, text, re.M)  # noqa: E731
    rps, p50, p99 = field(r"^Requests/sec:\s+([\d.]+)"), field(r"^\s+50%\s+(\S+)"), field(r"^\s+99%\s+(\S+)")
    requests, non2xx = field(r"^\s+(\d+) requests in"), field(r"Non-2xx or 3xx responses:\s+(\d+)")
    if not (rps and p50 and p99 and requests):
        raise SystemExit(f"report: {path} is not wrk --latency output:\n{text}")
    return {"requests_per_s": float(rps.group(1)), "p50_ms": _ms(p50.group(1)), "p99_ms": _ms(p99.group(1)),
            "requests": int(requests.group(1)), "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def report(args: argparse.Namespace) -> None:
    applications = wrk_figures(args.applications)
    webhooks = wrk_figures(args.webhooks)
    with sqlite3.connect(f"file:{args.database}?mode=ro", uri=True) as db:
        settled = db.execute("SELECT COUNT(*) FROM deliveries").fetchone()[0]
        events = db.execute("SELECT COUNT(*) FROM events WHERE id LIKE 'contract-load-%'").fetchone()[0]
    # Each prepared contract's log holds `drafted` and `sent`; the rest came from deliveries.
    contract_events = events - 2 * args.contracts
    duplicates = webhooks["requests"] - webhooks["non_2xx"] - settled
    applications.update(route="POST /applications", what="a new form each request (a new e-mail address), 201")
    webhooks.update(
        route="POST /webhooks/docusign",
        what=(f"a distinct signed DocuSign delivery each request for {args.contracts} contracts sent through "
              f"DocuSign: {settled} settled ({contract_events} contract events written: viewed, signed), "
              f"{max(duplicates, 0)} duplicates of a settled one, 200"))
    figures = {
        "runner": "benches/server/run.sh",
        "date": dt.date.today().isoformat(),
        "seconds": args.seconds,
        "connections": args.connections,
        "cores": os.cpu_count(),
        "load": " ".join(Path("/proc/loadavg").read_text().split()[:3]),
        "results": [applications, webhooks],
        "webhooks": {"contracts": args.contracts, "settled": settled, "contract_events": contract_events,
                     "duplicates": max(duplicates, 0)},
    }
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"{figures['date']}, {args.connections} connections, {args.seconds} s each, {figures['cores']} cores, "
          f"load {figures['load']}\n")
    print("| route | requests/s | p50 | p99 | requests | non-2xx |\n|---|---|---|---|---|---|")
    for r in figures["results"]:
        print(f"| {r['route']} | {r['requests_per_s']:.2f} | {r['p50_ms']:.2f} ms | {r['p99_ms']:.2f} ms "
              f"| {r['requests']} | {r['non_2xx']} |")
    print()
    for r in figures["results"]:
        print(f"- {r['route']}: {r['what']}.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--url", required=True)
    p.add_argument("--token", required=True)
    p.add_argument("--secret", required=True)
    p.add_argument("--contracts", type=int, required=True)
    p.add_argument("--deliveries", type=int, required=True)
    p.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("report")
    r.add_argument("--applications", type=Path, required=True)
    r.add_argument("--webhooks", type=Path, required=True)
    r.add_argument("--database", type=Path, required=True)
    r.add_argument("--contracts", type=int, required=True)
    r.add_argument("--seconds", type=int, required=True)
    r.add_argument("--connections", type=int, required=True)
    r.add_argument("--json", type=Path)
    args = parser.parse_args()
    prepare(args) if args.command == "prepare" else report(args)


if __name__ == "__main__":
    main()
