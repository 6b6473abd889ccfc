// What the package throws, and what it does with bad input of every kind (`docs/wire-format.md#field-errors`,
// `CONTRIBUTING.md#quality-bars`): validators return problems as data; decision and lookup calls throw an
// `Error` with a stable `code` and the field errors; nothing crashes, whatever the input.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { builds, node, thrown, web } from "./helpers.mjs";

/** The shape every thrown error has. */
function assertMentorError(e, code, name) {
  assert.ok(e instanceof Error, `an Error: ${e}`);
  assert.equal(e.code, code);
  assert.equal(e.name, name);
  assert.equal(typeof e.message, "string");
  assert.ok(Array.isArray(e.errors));
  // A policy's problems also say where they are in its text (issue 16).
  const keys = name === "PolicyError" ? ["code", "column", "line", "message", "path"] : ["code", "message", "path"];
  for (const fe of e.errors) {
    assert.deepStrictEqual(Object.keys(fe).sort(), keys);
    assert.equal(typeof fe.path, "string");
    assert.match(fe.code, /^[a-z_]+$/);
    assert.ok(fe.message.length > 0);
  }
}

const paths = (e) => e.errors.map((fe) => `${fe.path}:${fe.code}`);

const HUGE = "x".repeat(5_000_000);
/** Past every field's limit, within a document's (1 MiB, `wire::MAX_DOCUMENT_BYTES`). */
const LONG = "x".repeat(100_000);

for (const [name, mentor] of builds) {
  describe(`${name} build: thrown errors`, () => {
    test("a situation that does not parse: invalid_input with every field error, in the requested language", () => {
      const situation = { country: "XX", status: "pirate", route: 3, colour: "blue" };
      const en = thrown(() => mentor.evaluateEligibility(situation));
      assertMentorError(en, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(en), ["colour:unknown_field", "country:invalid_country", "status:invalid_enum", "route:invalid_type"]);
      assert.match(en.message, /^invalid input: /);
      const fr = thrown(() => mentor.evaluateEligibility(situation, undefined, "fr"));
      assert.deepStrictEqual(paths(fr), paths(en));
      assert.notEqual(fr.errors[0].message, en.errors[0].message);
      assert.equal(fr.errors[2].message.includes("valeurs permises"), true);
    });

    test("a key given twice in JSON text is duplicate_key at its path, never the last one wins (issue 14)", () => {
      const e = thrown(() => mentor.evaluateEligibilityJson('{"country": "FR", "status": "student", "status": "freelancer"}'));
      assertMentorError(e, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(e), ["status:duplicate_key"]);
      const form = (ref) => ({ reference: ref, offer_id: "o", applicant: { first_name: "A", last_name: "B", email: `${ref}@example.org`, country: "FR" },
        subjects: [{ subject: "python", level: "expert" }], consent: { data_processing: true } });
      const twice = JSON.stringify(form("T-1")).replace('"country":"FR"', '"country":"FR","country":"DE"');
      if (mentor.triageJson) {
        const entries = JSON.parse(mentor.triageJson(`${twice}\n${JSON.stringify(form("T-2"))}`, undefined, "2026-11-30T09:00:00Z"));
        const first = entries.find((x) => x.line === 1);
        assert.deepStrictEqual(first.errors.map((fe) => `${fe.path}:${fe.code}`), ["applicant.country:duplicate_key"]);
        assert.equal(entries.find((x) => x.line === 2).status, "ranked");
      }
      assert.deepStrictEqual(paths(thrown(() => mentor.validateApplicationJson(twice))), ["applicant.country:duplicate_key"]);
      const p = thrown(() => mentor.Policy.fromJson('{"demand": {"python": "urgent", "python": "closed"}}'));
      assert.equal(p.code, "invalid_policy");
      assert.ok(p.message.includes("demand.python"), p.message);
    });

    test("the same errors through the JSON text variant, and invalid_json for text that is not JSON", () => {
      const e = thrown(() => mentor.evaluateEligibilityJson('{"country": "FR"}'));
      assertMentorError(e, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(e), ["status:required"]);
      const bad = thrown(() => mentor.evaluateEligibilityJson('{"country": '));
      assert.deepStrictEqual(paths(bad), [":invalid_json"]);
      assert.match(bad.errors[0].message, /column/);
    });

    test("the JSON text calls refuse what is not a string at the argument's path, without touching the module's memory", () => {
      const calls = [
        ["situation", (v) => mentor.evaluateEligibilityJson(v)],
        ["form", (v) => mentor.validateApplicationJson(v)],
        ...(mentor.triageJson ? [["forms", (v) => mentor.triageJson(v, undefined, "2026-11-30T09:00:00Z")]] : []),
      ];
      for (const [path, call] of calls) {
        for (const value of [{ country: "FR" }, 42, 10n, ["{}"], { length: 1e9 }, Buffer.from("{}"), undefined, null]) {
          const e = thrown(() => call(value));
          assertMentorError(e, "invalid_input", "InputError");
          const code = value === undefined || value === null ? "required" : "invalid_type";
          assert.deepStrictEqual(paths(e), [`${path}:${code}`], `${path} ${typeof value}`);
        }
      }
      // The module still answers afterwards.
      assert.equal(JSON.parse(mentor.evaluateEligibilityJson('{"country": "FR", "status": "student"}')).outcome, "action_required");
    });

    test("wrong types at the root are field errors, not crashes", () => {
      for (const value of [undefined, null, 42, "FR", true, [], [{ country: "FR" }], () => 1, Symbol("s"), new Map()]) {
        const e = thrown(() => mentor.evaluateEligibility(value));
        assertMentorError(e, "invalid_input", "InputError");
        assert.ok(e.errors.length > 0, String(value?.toString?.() ?? value));
      }
    });

    test("values JSON cannot hold: invalid_json at the root (cycles, BigInt, deep nesting, lone surrogates); too_deep past the core's limit", () => {
      const cycle = { country: "FR", status: "student" };
      cycle.self = cycle;
      let deep = {};
      for (let i = 0; i < 10_000; i++) deep = { business: deep };
      for (const value of [cycle, deep]) {
        const e = thrown(() => mentor.evaluateEligibility(value));
        assertMentorError(e, "invalid_input", "InputError");
        assert.deepStrictEqual(paths(e), [":invalid_json"]);
      }
      // Deeper than the core reads (128 levels) but not than the engine writes (issue 14):
      // `too_deep` where it starts, not a syntax error.
      let nested = {};
      for (let i = 0; i < 200; i++) nested = { business: nested };
      const tooDeep = thrown(() => mentor.evaluateEligibility(nested));
      assertMentorError(tooDeep, "invalid_input", "InputError");
      assert.deepStrictEqual(tooDeep.errors.map((fe) => fe.code), ["too_deep"]);
      assert.ok(tooDeep.errors[0].path.startsWith("business.business"), tooDeep.errors[0].path);
      // The error says what kind of problem, never the content.
      const e = thrown(() => mentor.evaluateEligibility(cycle));
      assert.ok(!e.errors[0].message.includes("self"), e.errors[0].message);
      const surrogate = thrown(() => mentor.evaluateEligibility({ country: "FR", status: "\ud800" }));
      assertMentorError(surrogate, "invalid_input", "InputError");
      // At the field's path, as Python says it (issue 16).
      assert.deepStrictEqual(paths(surrogate), ["status:invalid_characters"]);
    });

    test("values JSON would silently drop or change are refused at their path, as Python does (issue 16)", () => {
      const student = { country: "FR", status: "student" };
      const cases = [
        [{ ...student, business: { registration_number: NaN } }, "business.registration_number:invalid_type"],
        [{ ...student, business: { registration_number: Infinity } }, "business.registration_number:invalid_type"],
        [{ ...student, business: { registration_number: -Infinity } }, "business.registration_number:invalid_type"],
        [{ ...student, business: { legal_form: () => "SAS" } }, "business.legal_form:invalid_type"],
        [{ ...student, status: Symbol("student") }, "status:invalid_type"],
        [{ ...student, n: 10n }, "n:invalid_type"],
        [{ ...student, employment: { since: new Date("nope") } }, "employment.since:invalid_datetime"],
        [{ ...student, business: { legal_form: "SA\udc00S" } }, "business.legal_form:invalid_characters"],
      ];
      for (const [value, expected] of cases) {
        const e = thrown(() => mentor.evaluateEligibility(value));
        assertMentorError(e, "invalid_input", "InputError");
        assert.deepStrictEqual(paths(e), [expected]);
      }
      // In a form, the field is invalid with its path; the form is not taken as valid.
      const form = { offer_id: "o", applicant: { first_name: "Ada", last_name: "L", email: "ada@example.org", country: "GB" }, subjects: [{ subject: "python", level: "expert" }], consent: { data_processing: true } };
      const v = mentor.validateApplication({ ...form, availability_hours_per_week: NaN });
      assert.equal(v.valid, false);
      assert.deepStrictEqual(v.errors.map((fe) => `${fe.path}:${fe.code}`), ["availability_hours_per_week:invalid_type"]);
      if (mentor.triage) {
        const [entry] = mentor.triage([{ ...form, subjects: [{ subject: "python", level: "expert", years_experience: Infinity }] }]);
        assert.equal(entry.status, "invalid");
        assert.deepStrictEqual(entry.errors.map((fe) => `${fe.path}:${fe.code}`), ["subjects[0].years_experience:invalid_type"]);
      }
      // A valid Date, and objects with their own toJSON, are what JSON.stringify makes of them.
      assert.equal(mentor.validateApplication({ ...form, submitted_at: new Date("2026-11-30T09:00:00Z") }).valid, true);
    });

    test("long strings: each field too_long; past 1 MiB the whole situation is too_long", () => {
      const started = Date.now();
      const e = thrown(() =>
        mentor.evaluateEligibility({ country: "FR", status: "freelancer", business: { legal_form: LONG, registration_number: LONG } }),
      );
      assertMentorError(e, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(e), ["business.legal_form:too_long", "business.registration_number:too_long"]);
      const country = thrown(() => mentor.evaluateEligibility({ country: LONG, status: LONG }));
      assert.ok(country.errors.length >= 2);
      const huge = thrown(() =>
        mentor.evaluateEligibility({ country: "FR", status: "freelancer", business: { legal_form: HUGE, registration_number: HUGE } }),
      );
      assertMentorError(huge, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(huge), [":too_long"]);
      assert.ok(Date.now() - started < 10_000);
    });

    test("odd Unicode is data: right-to-left overrides, emoji, NUL", () => {
      const v = mentor.validateApplication({
        offer_id: "o",
        applicant: { first_name: "Ada\u202e", last_name: "😀", email: "a\u0000@example.org", country: "FR" },
        subjects: [{ subject: "python", level: "expert" }],
        consent: { data_processing: true },
      });
      assert.equal(v.valid, false);
      assert.ok(v.errors.some((e) => e.path === "applicant.first_name" && e.code === "invalid_characters"), JSON.stringify(v.errors));
      assert.ok(v.errors.some((e) => e.path === "applicant.email"));
    });

    test("lang: invalid_enum or invalid_type at path lang", () => {
      const bad = thrown(() => mentor.evaluateEligibility({ country: "FR", status: "student" }, undefined, "de"));
      assertMentorError(bad, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(bad), ["lang:invalid_enum"]);
      const wrongType = thrown(() => mentor.validateApplication({}, 1));
      assert.deepStrictEqual(paths(wrongType), ["lang:invalid_type"]);
      assert.equal(mentor.evaluateEligibility({ country: "FR", status: "student" }, null, "FR").required_actions[0].code, "register_as_self_employed");
    });

    test("a policy that is not a live Policy: invalid_type at path policy", () => {
      const situation = { country: "FR", status: "student" };
      for (const policy of [{}, { offers: [] }, "policy", 3]) {
        const e = thrown(() => mentor.evaluateEligibility(situation, { policy }));
        assertMentorError(e, "invalid_input", "InputError");
        assert.deepStrictEqual(paths(e), ["policy:invalid_type"]);
      }
      // In the place of the options, a policy's plain object is a key the call does not take
      // (issue 16: an object there is the options).
      assert.deepStrictEqual(paths(thrown(() => mentor.evaluateEligibility(situation, { offers: [] }))), ["options.offers:unknown_field"]);
      for (const policy of ["policy", 3]) {
        assert.deepStrictEqual(paths(thrown(() => mentor.evaluateEligibility(situation, policy))), ["policy:invalid_type"]);
      }
      const freed = mentor.Policy.fromJson("{}");
      freed.free();
      assert.deepStrictEqual(paths(thrown(() => mentor.validateApplication({}, "en", freed))), ["policy:invalid_type"]);
      if (mentor.triage) assert.deepStrictEqual(paths(thrown(() => mentor.triage([], freed))), ["policy:invalid_type"]);
    });

    test("policies that do not load: invalid_policy", () => {
      const cases = [
        ['{"ofers": []}', "ofers:unknown_field"],
        ['{"review_weights": {"demand": -1}}', "review_weights.demand:out_of_range"],
        ["{", ":invalid_json"],
        ['{"excluded_countries": ["XX"]}', "excluded_countries[0]:invalid_country"],
        ["[1]", ":invalid_type"],
        // A key given twice is refused, never "the last one wins" (issue 16).
        ['{"demand": {"python": "high", "python": "closed"}}', "demand.python:duplicate_key"],
      ];
      for (const [text, problem] of cases) {
        const e = thrown(() => mentor.Policy.fromJson(text));
        assertMentorError(e, "invalid_policy", "PolicyError");
        assert.match(e.message, /^invalid policy: /);
        // Every problem, each with its own code and path (issue 16).
        assert.deepStrictEqual(e.errors.map((p) => `${p.path}:${p.code}`), [problem], text);
      }
      assert.match(thrown(() => mentor.Policy.fromJson('{"ofers": []}')).message, /ofers/);
      assert.match(thrown(() => mentor.Policy.fromJson("{\n  \"offers\": [")).message, /line 2/);
      assertMentorError(thrown(() => mentor.Policy.fromJson({ demand: { python: "hot" } })), "invalid_policy", "PolicyError");
      assertMentorError(thrown(() => mentor.Policy.fromJson(7)), "invalid_policy", "PolicyError");
    });

    test("registration lookups: invalid_country, wrong types, unsupported countries as data", () => {
      const e = thrown(() => mentor.validateRegistrationNumber("XX", "1"));
      assertMentorError(e, "invalid_input", "InputError");
      assert.deepStrictEqual(paths(e), ["country:invalid_country"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.validateRegistrationNumber(33, undefined))), [
        "country:invalid_type",
        "number:required",
      ]);
      assert.deepStrictEqual(paths(thrown(() => mentor.registrationSchemes())), ["country:required"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.registrationSchemes("France"))), ["country:invalid_country"]);
      const jp = mentor.validateRegistrationNumber("JP", "1234");
      assert.equal(jp.valid, false);
      assert.equal(jp.error, "unsupported_country");
      const huge = mentor.validateRegistrationNumber("FR", HUGE);
      assert.equal(huge.valid, false);
    });

    test("validators never throw for JSON input: problems are data", () => {
      for (const form of [null, 42, "form", [], {}, { offer_id: { nested: true } }, { applicant: HUGE }]) {
        const v = mentor.validateApplication(form);
        assert.equal(v.valid, false);
        assert.ok(v.errors.length > 0);
        assert.deepStrictEqual(Object.keys(v).sort(), ["completeness", "errors", "reference", "valid"]);
      }
      const text = mentor.validateApplicationJson("[1, 2]");
      assert.equal(JSON.parse(text).valid, false);
      assertMentorError(thrown(() => mentor.validateApplicationJson("{")), "invalid_input", "InputError");
    });

    test("triage never loses a record: each bad one is an invalid entry in its place", { skip: !mentor.triage && "the browser build has no triage (Cargo feature `triage`)" }, () => {
      const cycle = {};
      cycle.self = cycle;
      const entries = mentor.triage([null, cycle, 7, { offer_id: "o" }, { reference: HUGE }], undefined, "2026-11-30T09:00:00Z");
      assert.equal(entries.length, 5);
      assert.deepStrictEqual(entries.map((e) => e.line).sort(), [1, 2, 3, 4, 5]);
      assert.ok(entries.every((e) => e.status === "invalid" && e.errors.length > 0));
      assert.equal(entries.find((e) => e.line === 2).errors[0].code, "invalid_json");
      const lines = mentor.triageJson('{"offer_id": 1}\nnot json\n\n{}', undefined, "2026-11-30T09:00:00Z");
      assert.deepStrictEqual(JSON.parse(lines).map((e) => e.line), [1, 2, 4]);
      const single = mentor.triage({ offer_id: "o" }, undefined, "2026-11-30T09:00:00Z");
      assert.equal(single.length, 1);
    });

    test("triage's now: RFC 3339, a Date, or the current time; anything else is invalid_input", { skip: !mentor.triage && "the browser build has no triage (Cargo feature `triage`)" }, () => {
      assert.deepStrictEqual(paths(thrown(() => mentor.triage([], undefined, "yesterday"))), ["now:invalid_datetime"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.triage([], undefined, new Date("nope")))), ["now:invalid_datetime"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.triage([], undefined, 1234))), ["now:invalid_type"]);
      assert.deepStrictEqual(mentor.triage([]), []);
      assert.deepStrictEqual(mentor.triage([], null, "2026-11-30T10:00:00+01:00", "fr"), []);
    });
  });
}

test("the browser build has no triage: a batch is an operator's job (README, Size)", () => {
  assert.equal(typeof node.triage, "function");
  assert.equal(web.triage, undefined);
  assert.equal(web.triageJson, undefined);
});

describe("node build: lifecycles and TOML policies", () => {
  test("replays: a refused transition is data, an event that does not parse throws with its index in the path", () => {
    const submitted = { type: "submitted", at: "2026-11-12T09:30:00Z", actor: "candidate", offer_id: "mentor-web-2026" };
    const report = node.replayApplication([submitted, { type: "selected", at: "2026-11-13T09:30:00Z", actor: "mentor_manager" }], "fr");
    assert.equal(report.state, "submitted");
    assert.equal(report.refused.index, 1);
    assert.equal(report.refused.code, "transition_not_allowed");
    assert.match(report.refused.message, /n'autorise pas/);
    const e = thrown(() => node.replayApplication([submitted, { type: "review_started", at: "hier", actor: "mentor_manager" }]));
    assertMentorError(e, "invalid_input", "InputError");
    assert.deepStrictEqual(paths(e), ["[1].at:invalid_datetime"]);
    assert.deepStrictEqual(paths(thrown(() => node.replayContract({}))), [":invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.replayContract([7]))), ["[0]:invalid_type"]);
    assert.equal(node.replayContract([]).state, null);
  });

  test("diagrams: application and contract, anything else is invalid_enum", () => {
    assert.match(node.diagram("application"), /^stateDiagram-v2\n/);
    assert.match(node.diagram("contract"), /draft/);
    assert.deepStrictEqual(paths(thrown(() => node.diagram("invoice"))), ["name:invalid_enum"]);
    assert.deepStrictEqual(paths(thrown(() => node.diagram())), ["name:required"]);
  });

  test("TOML policies: line and column of the problem", () => {
    const e = thrown(() => node.Policy.fromToml("offers = [\n  1,\n]"));
    assertMentorError(e, "invalid_policy", "PolicyError");
    assert.match(e.message, /line 2/);
    assert.deepStrictEqual(e.errors.map((p) => [p.path, p.code, p.line, p.column]), [["offers[0]", "invalid_type", 2, 3]]);
    // Every problem at once, in file order (issue 16).
    const all = thrown(() => node.Policy.fromToml('ofers = []\n[billing]\ntime_zone = "Mars"\n'));
    assert.deepStrictEqual(all.errors.map((p) => [p.path, p.code, p.line, p.column]), [["ofers", "unknown_field", 1, 1], ["billing.time_zone", "invalid_timezone", 3, 13]]);
    assertMentorError(thrown(() => node.Policy.fromToml("ofers = []")), "invalid_policy", "PolicyError");
    assertMentorError(thrown(() => node.Policy.fromToml(undefined)), "invalid_policy", "PolicyError");
    const policy = node.Policy.fromText('excluded_countries = ["FR"]');
    assert.equal(node.evaluateEligibility({ country: "FR", status: "student" }, policy).outcome, "ineligible");
    policy.free();
  });
});
