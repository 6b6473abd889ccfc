// The TypeScript declarations, checked with `tsc --noEmit --strict` (typescript pinned in
// package.json): tests/types/check.ts uses every export; test-artifacts/types/answers.ts,
// written here, holds real answers of the package typed with the declared wire types, so that a
// key or a value the declarations do not list is a type error (excess property checks on
// literals), and so is a declared key that the answers lack.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { artifacts, crateDir, fixturesDir, node, thrown, web, workspace } from "./helpers.mjs";

const NOW = "2026-11-30T09:00:00Z";

function answers() {
  const vectors = JSON.parse(readFileSync(join(workspace, "tests/vectors/eligibility.json"), "utf8"));
  const decisions = [];
  const inputErrors = [];
  for (const v of vectors) {
    const policy = v.policy ? node.Policy.fromJson(v.policy) : undefined;
    for (const lang of ["en", "fr"]) {
      try {
        decisions.push(node.evaluateEligibility(v.situation, policy, lang));
      } catch (e) {
        inputErrors.push(e.errors);
      }
    }
    policy?.free();
  }
  inputErrors.push(thrown(() => node.evaluateEligibility({ status: "pirate", colour: 1 })).errors);
  const fixtures = join(fixturesDir, "applications.jsonl");
  const forms = existsSync(fixtures)
    ? readFileSync(fixtures, "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
    : [];
  forms.push({ offer_id: 7 }, { reference: "R-1" });
  const submitted = { type: "submitted", at: "2026-11-12T09:30:00Z", actor: "candidate", offer_id: "o-1" };
  const countries = ["FR", "US", "GB", "DE", "ES", "IT", "BE", "CH", "CA", "NL", "MA", "SN", "CI", "TN", "CM", "JP"];
  return {
    decisions,
    inputErrors,
    validations: forms.map((f) => node.validateApplication(f, "fr")),
    entries: node.triage(forms, undefined, NOW, "fr"),
    checks: countries.flatMap((c) => [node.validateRegistrationNumber(c, "732 829 320 00074"), node.validateRegistrationNumber(c, "1")]),
    schemes: countries.map((c) => node.registrationSchemes(c, "fr")),
    catalogue: node.errorCodes(),
    replays: [
      node.replayApplication([submitted, { type: "review_started", at: "2026-11-13T09:30:00Z", actor: "mentor_manager" }]),
      node.replayApplication([submitted, { type: "selected", at: "2026-11-13T09:30:00Z", actor: "mentor_manager" }]),
      node.replayContract([]),
    ],
    policyError: (({ name, code, errors }) => ({ name, code, errors }))(thrown(() => web.Policy.fromJson("{"))),
    ...billingAnswers(),
    ...webhookAnswers(),
  };
}

/** Statements and invoice checks of docs/examples/billing, in both languages. */
function billingAnswers() {
  const dir = join(workspace, "docs/examples/billing");
  const read = (file) => JSON.parse(readFileSync(join(dir, file), "utf8"));
  const sessions = readFileSync(join(dir, "sessions.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const contract = read("contract.json");
  const invoices = [read("invoice-matching.json"), read("invoice-not-matching.json")];
  // Every VAT treatment: a French business under the franchise and registered, a Belgian one,
  // a Moroccan one.
  const parties = [
    contract.invoicing_party,
    { ...contract.invoicing_party, vat: "registered" },
    { party: "mentor_business", country: "BE", registration_number: "0403.019.261", vat: "registered" },
    { party: "employer", country: "MA", registration_number: "001561191000066", vat: "not_registered" },
  ];
  const statements = parties.flatMap((invoicing_party) =>
    ["en", "fr"].map((lang) => node.billingStatement({ ...contract, invoicing_party }, sessions, "2026-01", undefined, lang)),
  );
  return {
    contracts: [contract],
    sessions,
    receivedInvoices: invoices,
    statements,
    invoiceChecks: statements.flatMap((s) => invoices.map((i) => node.checkInvoice(s, i, "fr"))),
  };
}

/** The documented deliveries of docs/examples/webhooks, and a rejection. */
function webhookAnswers() {
  const dir = join(workspace, "docs/examples/webhooks");
  const deliveries = [
    node.verifyWebhook("documenso", "mentor-example-secret", { "x-documenso-secret": "mentor-example-secret" }, readFileSync(join(dir, "documenso.json"))),
    node.verifyWebhook("concord", undefined, {}, readFileSync(join(dir, "concord.json")), NOW),
  ];
  const e = thrown(() => node.verifyWebhook("yousign", "s", {}, "{}"));
  const b = thrown(() => node.verifyWebhook("documenso", "s", { "x-documenso-secret": "s" }, '{"event": 1}', NOW, "fr"));
  return {
    deliveries,
    signatureError: { name: e.name, code: e.code, provider: e.provider, errors: e.errors },
    bodyError: { name: b.name, code: b.code, provider: b.provider, verified: b.verified, errors: b.errors },
  };
}

test("the declarations type-check, and type the package's real answers", () => {
  const a = answers();
  const dir = join(artifacts, "types");
  mkdirSync(dir, { recursive: true });
  const typed = (name, type) => `export const ${name}: ${type} = ${JSON.stringify(a[name], null, 1)};\n`;
  writeFileSync(
    join(dir, "answers.ts"),
    `// Generated by tests/types.test.mjs: real answers, typed with the declared wire types.\n` +
      `import type * as W from "../../pkg/node/js/wrapper.js";\n` +
      typed("decisions", "W.Decision[]") +
      typed("inputErrors", "W.FieldError[][]") +
      typed("validations", "W.ApplicationValidation[]") +
      typed("entries", "W.TriageEntry[]") +
      typed("checks", "W.RegistrationCheck[]") +
      typed("schemes", "W.CountryRegistration[]") +
      typed("catalogue", "W.ErrorCodeEntry[]") +
      typed("replays", "W.ReplayReport[]") +
      typed("policyError", 'Pick<W.MentorError, "name" | "code" | "errors">') +
      typed("contracts", "W.BillingContract[]") +
      typed("sessions", "W.BillingSession[]") +
      typed("receivedInvoices", "W.ReceivedInvoice[]") +
      typed("statements", "W.BillingStatement[]") +
      typed("invoiceChecks", "W.InvoiceCheck[]") +
      typed("deliveries", "W.WebhookDelivery[]") +
      typed("signatureError", 'Pick<W.SignatureError, "name" | "code" | "provider" | "errors">') +
      typed("bodyError", 'Pick<W.WebhookBodyError, "name" | "code" | "provider" | "verified" | "errors">'),
  );
  assert.ok(a.decisions.length > 100 && a.entries.length >= 2);
  assert.deepStrictEqual(new Set(a.statements.map((s) => s.vat.treatment)), new Set(["franchise", "french_vat", "reverse_charge", "outside_eu"]));
  const tsc = join(crateDir, "node_modules/.bin/tsc");
  try {
    execFileSync(tsc, ["--noEmit", "--strict", "-p", join(crateDir, "tests/types/tsconfig.json")], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`tsc found problems:\n${e.stdout}${e.stderr}`);
  }
});
