// Billing statements and invoice checks (`docs/billing.md`; Node build only): the answers are the
// native command's (`mentor statement --json`, `mentor check-invoice --json`) on
// docs/examples/billing/, and the core's (`statement_json`, `check_invoice_json`, computed by
// examples/native_answers.rs) on broken variants, value for value, in both languages.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { artifacts, mentorCli, nativeAnswers, node, thrown, web, workspace } from "./helpers.mjs";

const examples = join(workspace, "docs/examples/billing");
const relative = (file) => `docs/examples/billing/${file}`;
const contract = JSON.parse(readFileSync(join(examples, "contract.json"), "utf8"));
const sessions = readFileSync(join(examples, "sessions.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const invoice = (name) => JSON.parse(readFileSync(join(examples, `invoice-${name}.json`), "utf8"));
const native = nativeAnswers();

const paths = (e) => e.errors.map((fe) => `${fe.path}:${fe.code}`);

/** The answer of a call, or the field errors it threw (which must be `invalid_input`). */
function outcome(call) {
  try {
    return { answer: call() };
  } catch (e) {
    assert.ok(e instanceof Error, String(e));
    assert.equal(e.code, "invalid_input", e.message);
    assert.equal(e.name, "InputError");
    return { errors: e.errors };
  }
}

describe("node build: billing, the native command's answers on docs/examples/billing", () => {
  for (const lang of ["en", "fr"]) {
    test(`mentor statement --json (${lang})`, () => {
      const cli = mentorCli(["statement", "--contract", relative("contract.json"), "--sessions", relative("sessions.jsonl"), "--period", "2026-01", "--json", "--lang", lang]);
      assert.equal(cli.status, 0, cli.stderr);
      const statement = node.billingStatement(contract, sessions, "2026-01", undefined, lang);
      assert.deepStrictEqual(statement, JSON.parse(cli.stdout));
      assert.equal(statement.total, "250.00");
    });

    test(`mentor check-invoice --json, matching and not (${lang})`, () => {
      const cli = mentorCli(["statement", "--contract", relative("contract.json"), "--sessions", relative("sessions.jsonl"), "--period", "2026-01", "--json"]);
      mkdirSync(artifacts, { recursive: true });
      const file = join(artifacts, "statement-2026-01.json");
      writeFileSync(file, cli.stdout);
      const statement = JSON.parse(cli.stdout);
      for (const [name, status] of [["matching", 0], ["not-matching", 1]]) {
        const check = mentorCli(["check-invoice", "--statement", file, "--invoice", relative(`invoice-${name}.json`), "--json", "--lang", lang]);
        assert.equal(check.status, status, check.stderr);
        const got = node.checkInvoice(statement, invoice(name), lang);
        assert.deepStrictEqual(got, JSON.parse(check.stdout), name);
        assert.equal(got.matches, status === 0);
      }
    });
  }

  test("a bad period (2026-13): invalid_period at path period, the command's message", () => {
    for (const lang of ["en", "fr"]) {
      const e = thrown(() => node.billingStatement(contract, sessions, "2026-13", undefined, lang));
      assert.ok(e instanceof Error);
      assert.equal(e.name, "InputError");
      assert.equal(e.code, "invalid_input");
      assert.deepStrictEqual(paths(e), ["period:invalid_period"]);
      const cli = mentorCli(["statement", "--contract", relative("contract.json"), "--sessions", relative("sessions.jsonl"), "--period", "2026-13", "--lang", lang]);
      assert.equal(cli.status, 2);
      assert.ok(cli.stderr.includes(e.errors[0].message), `${cli.stderr} lacks ${e.errors[0].message}`);
    }
  });
});

describe("node build: billing, the core's answers (native_answers.rs)", () => {
  test("every case, value for value, in both languages (answers and field errors)", () => {
    assert.ok(native.billing.length >= 10);
    for (const c of native.billing) {
      for (const lang of ["en", "fr"]) {
        let got;
        if (c.call === "statement") {
          const policy = c.policy ? node.Policy.fromJson(c.policy) : undefined;
          got = outcome(() => node.billingStatement(c.contract, c.sessions, c.period, policy, lang));
          policy?.free();
        } else {
          got = outcome(() => node.checkInvoice(c.statement, c.invoice, lang));
        }
        assert.deepStrictEqual(got, c[lang], `${c.name} (${lang})`);
      }
    }
  });

  test("a statement reads back: checkInvoice takes billingStatement's answer", () => {
    const statement = node.billingStatement(contract, sessions, "2026-01", undefined, "fr");
    assert.deepStrictEqual(node.checkInvoice(statement, invoice("matching")).discrepancies, []);
    const codes = node.checkInvoice(statement, invoice("not-matching")).discrepancies.map((d) => d.code);
    assert.deepStrictEqual(codes, ["registration_number_mismatch", "amount_mismatch", "vat_charged", "total_mismatch", "missing_vat_mention"]);
  });
});

describe("node build: billing, bad arguments", () => {
  test("wrong types and values JSON cannot hold: invalid_input with the argument's path", () => {
    const cycle = { ...sessions[0] };
    cycle.self = cycle;
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, sessions, 202601))), ["period:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, sessions))), ["period:required"]);
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, [sessions[0], cycle], "2026-01"))), ["sessions[1]:invalid_json"]);
    // A BigInt is refused at its own path (issue 16), a cycle at the argument.
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement({ ...contract, n: 1n }, sessions, "2026-01"))), ["contract.n:invalid_type"]);
    const missing = thrown(() => node.billingStatement(undefined, undefined, "2026-01"));
    assert.deepStrictEqual(paths(missing), ["contract:invalid_type", "sessions:required"]);
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, "s-0101", "2026-01"))), ["sessions:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, sessions, "2026-01", { policy: {} }))), ["policy:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.billingStatement(contract, sessions, "2026-01", undefined, "de"))), ["lang:invalid_enum"]);
    const check = thrown(() => node.checkInvoice(undefined, 7));
    assert.deepStrictEqual(paths(check), ["statement:invalid_type", "invoice:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.checkInvoice({ x: 1n }, {}))), ["statement.x:invalid_type"]);
  });

  test("a policy's billing shares and time zone are used", () => {
    const policy = node.Policy.fromToml('[billing]\ntime_zone = "UTC"\ncancelled_late = "0.25"\n');
    const statement = node.billingStatement(contract, sessions, "2026-01", policy);
    policy.free();
    assert.equal(statement.time_zone, "UTC");
    assert.equal(statement.lines.find((l) => l.status === "cancelled_late").share, "0.25");
    // 2025-12-31T23:30:00Z is December in UTC, 2026-01-31T23:30:00Z is January.
    assert.ok(!statement.lines.some((l) => l.session_id === "s-0099"));
    assert.ok(statement.lines.some((l) => l.session_id === "s-0108"));
  });

  test("the browser build has no billing (README, Size)", () => {
    assert.equal(web.billingStatement, undefined);
    assert.equal(web.checkInvoice, undefined);
  });
});
