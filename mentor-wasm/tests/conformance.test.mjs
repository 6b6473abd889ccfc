// The conformance vectors shared with the Rust and Python tests, through both WebAssembly
// builds: the answers must be those the decision table (`docs/wire-format.md#decision`) gives (as
// mentor-core/tests/decision_table.rs and conformance.rs check them), and identical, value for value, to the
// native core's.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { builds, fixturesDir, nativeAnswers, node, web, workspace } from "./helpers.mjs";

const vectors = JSON.parse(readFileSync(join(workspace, "tests/vectors/eligibility.json"), "utf8"));
const native = nativeAnswers();
const NOW = "2026-11-30T09:00:00Z";

/** The rule each code comes from, as `docs/wire-format.md#decision` lists it (decision_table.rs's table). */
const RULES = {
  "action:choose_route": ["WS-2", "WS-3"],
  "action:obtain_employer_agreement": ["WS-2"],
  "action:register_business": ["WS-3"],
  "action:register_as_self_employed": ["WS-5"],
  "action:provide_registration_number": ["WS-1"],
  "action:fix_registration_number": ["WS-1"],
  "action:inform_employer": ["WS-3"],
  "reason:employer_signs": ["WS-2"],
  "reason:mentor_business_signs": ["WS-3", "WS-4", "WS-5"],
  "reason:employer_refused": ["WS-2"],
  "reason:employer_sector_unusual": ["WS-2"],
  "reason:no_registered_business": ["WS-5"],
  "reason:registration_number_invalid": ["WS-1"],
  "reason:status_to_settle_at_interview": ["INT-5"],
  "reason:country_rules_unknown": ["WS-1"],
  "reason:country_excluded": ["POL-1"],
};

const codes = (list) => new Set(list.map((item) => (typeof item === "string" ? item : item.code)));

/** What decision_table.rs checks of one answer; returns the problems found. */
function check(vector, en, fr) {
  const problems = [];
  const want = vector.expected;
  for (const key of ["outcome", "contracting_party", "invoicing_party", "payout"]) {
    if (en[key] !== want[key]) problems.push(`${key}: got ${en[key]}, expected ${want[key]}`);
  }
  for (const key of ["required_actions", "recommended_actions", "reasons"]) {
    const got = codes(en[key]);
    if (JSON.stringify([...got].sort()) !== JSON.stringify([...codes(want[key])].sort())) {
      problems.push(`${key}: got ${[...got]}, expected ${want[key].map((c) => c.code ?? c)}`);
    }
    if (got.size !== en[key].length) problems.push(`${key}: a code is listed twice`);
    const kind = key === "reasons" ? "reason" : "action";
    en[key].forEach((item, i) => {
      const allowed = RULES[`${kind}:${item.code}`] ?? [];
      if (!allowed.includes(item.rule)) problems.push(`${kind} ${item.code} cites ${item.rule}, docs/wire-format.md#decision gives ${allowed}`);
      const other = fr[key][i];
      if (other.code !== item.code || other.rule !== item.rule) problems.push(`${kind} ${item.code}: differs in French`);
      if (!item.message.trim() || !other.message.trim()) problems.push(`${kind} ${item.code}: empty message`);
      else if (item.message === other.message) problems.push(`${kind} ${item.code}: the French message is the English one`);
    });
  }
  return problems;
}

describe("node build: evaluateEligibilityMany (one call for a batch)", () => {
  test("each item is the native core's answer: the decision, or {errors} for a situation that does not parse", () => {
    // One batch per policy the vectors use, in both languages.
    const byPolicy = new Map();
    vectors.forEach((vector, i) => {
      const key = JSON.stringify(vector.policy ?? null);
      byPolicy.set(key, [...(byPolicy.get(key) ?? []), i]);
    });
    assert.ok([...byPolicy.values()].some((batch) => batch.length > 10));
    for (const [key, batch] of byPolicy) {
      const policy = key === "null" ? new node.Policy() : node.Policy.fromJson(key);
      for (const lang of ["en", "fr"]) {
        const got = node.evaluateEligibilityMany(batch.map((i) => vectors[i].situation), { policy, lang });
        assert.equal(got.length, batch.length);
        batch.forEach((i, at) => {
          const expected = native.eligibility[i][lang];
          assert.deepStrictEqual(got[at], expected.decision ?? { errors: expected.errors }, `${vectors[i].name} (${lang})`);
        });
      }
      policy.free();
    }
  });

  test("bad items are data in their place; a batch that is not an array throws", () => {
    const cycle = { country: "FR", status: "student" };
    cycle.self = cycle;
    const student = { country: "FR", status: "student" };
    const got = node.evaluateEligibilityMany([null, student, cycle, [], { ...student, pirate: 1 }, undefined, { ...student, country: NaN }]);
    assert.equal(got.length, 7);
    assert.deepStrictEqual(got[1], node.evaluateEligibility(student));
    const codes = got.map((item) => item.errors?.map((e) => `${e.path}:${e.code}`).join(" "));
    assert.equal(codes[1], undefined);
    assert.equal(codes[2], ":invalid_json");
    assert.equal(codes[4], "pirate:unknown_field");
    assert.equal(codes[6], "country:invalid_type");
    for (const at of [0, 3, 5]) assert.ok(got[at].errors.length > 0, `item ${at}`);
    assert.deepStrictEqual(node.evaluateEligibilityMany([]), []);
    for (const [value, code] of [[student, "invalid_type"], ["[]", "invalid_type"], [undefined, "required"]]) {
      const e = assert.throws(() => node.evaluateEligibilityMany(value), (e) => e.code === "invalid_input" && e.errors[0].path === "situations" && e.errors[0].code === code);
      void e;
    }
    assert.throws(() => node.evaluateEligibilityMany([], { now: "2026-01-01T00:00:00Z" }), (e) => e.errors[0].path === "options.now");
    assert.equal(web.evaluateEligibilityMany, undefined, "the browser build has no batch call");
  });

  test("a batch whose answers pass 16 MB crosses in parts, none lost or moved", () => {
    // About 1 KB per French student decision: 40,000 of them are three parts.
    const student = { country: "FR", status: "student" };
    const many = Array.from({ length: 40_000 }, (_, i) => (i % 1000 === 7 ? { country: "FR" } : student));
    const got = node.evaluateEligibilityMany(many, { lang: "fr" });
    assert.equal(got.length, 40_000);
    assert.ok(JSON.stringify(got).length > 32 * 1024 * 1024, "the answers pass two parts");
    const decision = node.evaluateEligibility(student, { lang: "fr" });
    got.forEach((item, i) => {
      if (i % 1000 === 7) assert.equal(item.errors[0].path, "status", `item ${i}`);
      else if (i % 997 === 0 || i > 39_990) assert.deepStrictEqual(item, decision, `item ${i}`);
    });
  });

  test("a batch of 10,000 situations", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? { country: "FR", status: "student" } : { country: "DE", status: "pirate" }));
    const got = node.evaluateEligibilityMany(many, { lang: "fr" });
    assert.equal(got.length, 10_000);
    assert.equal(got[1].outcome, "action_required");
    assert.equal(got[0].errors[0].code, "invalid_enum");
  });
});

for (const [name, mentor] of builds) {
  describe(`${name} build: eligibility vectors (tests/vectors/eligibility.json)`, () => {
    test("every vector gets its expected decision, in both languages", () => {
      const failures = [];
      for (const vector of vectors) {
        const policy = vector.policy ? mentor.Policy.fromJson(vector.policy) : undefined;
        try {
          const en = mentor.evaluateEligibility(vector.situation, policy);
          const fr = mentor.evaluateEligibility(vector.situation, policy, "fr");
          const problems = check(vector, en, fr);
          if (problems.length) failures.push(`- ${vector.name}\n    ${problems.join("\n    ")}`);
        } catch (e) {
          failures.push(`- ${vector.name}\n    refused: ${e.message}`);
        } finally {
          policy?.free();
        }
      }
      assert.equal(failures.length, 0, `${failures.length} of ${vectors.length} vectors fail:\n${failures.join("\n")}`);
    });

    test("every answer is the native core's, value for value (objects and JSON text)", () => {
      assert.equal(native.eligibility.length, vectors.length);
      vectors.forEach((vector, i) => {
        const expected = native.eligibility[i];
        assert.equal(expected.name, vector.name);
        const policy = vector.policy ? mentor.Policy.fromJson(JSON.stringify(vector.policy)) : new mentor.Policy();
        for (const lang of ["en", "fr"]) {
          let got;
          try {
            got = { decision: mentor.evaluateEligibility(vector.situation, policy, lang) };
          } catch (e) {
            got = { errors: e.errors };
          }
          assert.deepStrictEqual(got, expected[lang], `${vector.name} (${lang})`);
          if (got.decision) {
            const text = mentor.evaluateEligibilityJson(JSON.stringify(vector.situation), policy, lang);
            assert.deepStrictEqual(JSON.parse(text), expected[lang].decision, `${vector.name} (${lang}, JSON text)`);
          }
        }
        policy.free();
      });
    });
  });

  describe(`${name} build: registration numbers and error codes`, () => {
    test("every country's example and a broken variant: the native answers", () => {
      assert.ok(native.registration.length >= 15 * 2 * 2);
      for (const { country, number, lang, answer } of native.registration) {
        assert.deepStrictEqual(mentor.validateRegistrationNumber(country, number, lang), answer, `${country} ${number} ${lang}`);
      }
    });

    test("the error catalogue is the core's", () => {
      assert.deepStrictEqual(mentor.errorCodes(), native.error_codes);
    });
  });

  describe(`${name} build: shared fixtures (../shared/fixtures)`, { skip: !existsSync(join(fixturesDir, "applications.jsonl")) && "fixtures not present" }, () => {
    const lines = () =>
      readFileSync(join(fixturesDir, "applications.jsonl"), "utf8")
        .split("\n")
        .filter((l) => l.trim());
    const expected = () =>
      readFileSync(join(fixturesDir, "applications.expected.jsonl"), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
    const policyText = () => readFileSync(join(fixturesDir, "policy.toml"), "utf8");
    /** The web build has no TOML reader: it takes the same policy as JSON (what a page fetches). */
    const policy = () => (mentor.Policy.fromToml ? mentor.Policy.fromToml(policyText()) : mentor.Policy.fromJson(native.fixtures.policy));

    test("triage is the native core's, value for value, in both languages (objects and JSON Lines)", { skip: !mentor.triage && "the browser build has no triage (Cargo feature `triage`)" }, () => {
      const forms = lines().map((l) => JSON.parse(l));
      const p = policy();
      for (const lang of ["en", "fr"]) {
        assert.deepStrictEqual(mentor.triage(forms, p, NOW, lang), native.fixtures[lang], `triage (${lang})`);
        assert.deepStrictEqual(mentor.triage(forms, p, new Date(NOW), lang), native.fixtures[lang], `triage with a Date (${lang})`);
        const text = mentor.triageJson(lines().join("\n"), p, NOW, lang);
        assert.deepStrictEqual(JSON.parse(text), native.fixtures[lang], `triageJson (${lang})`);
      }
      p.free();
    });

    test("triage agrees with applications.expected.jsonl (conformance.rs's reading)", { skip: !mentor.triage && "the browser build has no triage (Cargo feature `triage`)" }, () => {
      const p = policy();
      const report = new Map(mentor.triage(lines().map((l) => JSON.parse(l)), p, NOW).map((e) => [e.reference, e]));
      p.free();
      const problems = [];
      for (const want of expected()) {
        const got = report.get(want.reference);
        if (!got) {
          problems.push(`${want.reference}: missing`);
          continue;
        }
        if (want.invalid) {
          const paths = new Set(got.errors.map((e) => e.path));
          if (got.status !== "invalid") problems.push(`${want.reference}: status ${got.status}`);
          for (const path of want.error_paths) if (!paths.has(path)) problems.push(`${want.reference}: no error at ${path}`);
          continue;
        }
        const d = got.eligibility;
        if (!d) {
          problems.push(`${want.reference}: no decision (${JSON.stringify(got.errors)})`);
          continue;
        }
        for (const key of ["outcome", "contracting_party"]) if (d[key] !== want[key]) problems.push(`${want.reference}: ${key} ${d[key]}`);
        for (const key of ["required_actions", "recommended_actions"]) {
          const g = [...codes(d[key])].sort().join();
          const w = [...codes(want[key])].sort().join();
          if (g !== w) problems.push(`${want.reference}: ${key} ${g} instead of ${w}`);
        }
        const reasons = codes(d.reasons);
        for (const r of codes(want.reasons)) if (!reasons.has(r)) problems.push(`${want.reference}: lacks reason ${r}`);
      }
      assert.deepStrictEqual(problems, []);
    });

    test("each form validates as the triage says (validateApplication; the browser build's against Node's triage)", () => {
      const p = policy();
      // The browser build has no triage: its validation is held to the Node build's triage.
      const triagePolicy = mentor.triage ? p : node.Policy.fromToml(policyText());
      const report = new Map((mentor.triage ?? node.triage)(lines().map((l) => JSON.parse(l)), triagePolicy, NOW).map((e) => [e.reference, e]));
      for (const line of lines()) {
        const form = JSON.parse(line);
        const v = mentor.validateApplication(form, "en", p);
        const entry = report.get(form.reference);
        assert.equal(v.reference, form.reference);
        assert.equal(v.completeness, entry.completeness);
        // Duplicates are found across the batch only; every other error is the form's own.
        assert.deepStrictEqual(v.errors, entry.errors.filter((e) => e.code !== "duplicate_application"));
        assert.equal(v.valid, v.errors.length === 0);
        assert.deepStrictEqual(JSON.parse(mentor.validateApplicationJson(line, "en", p)), v);
      }
      p.free();
    });
  });
}
