// The packages' entry, js/wrapper.js (issue 15): it must answer and throw exactly as
// wasm-bindgen's glue under it does, for every input: the fixtures, and each kind of value it
// hands to the glue's object call instead of crossing as JSON text. In the Node build, counting
// the glue's calls shows which way each value went (the CommonJS glue's exports can be
// replaced for a moment; the ES module's cannot, so the browser build is checked on answers).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { builds, crateDir, fixturesDir, glue, nativeAnswers, node, web, workspace } from "./helpers.mjs";

const vectors = JSON.parse(readFileSync(join(workspace, "tests/vectors/eligibility.json"), "utf8"));
const student = { country: "FR", status: "student" };
const form = {
  offer_id: "mentor-web-2026",
  applicant: { first_name: "Ada", last_name: "L", email: "ada@example.org", country: "GB" },
  subjects: [{ subject: "python", level: "expert" }],
  consent: { data_processing: true },
};

/** What a call did: its answer, or what it threw (everything a caller can read of it). */
function outcome(call) {
  try {
    return { answer: call() };
  } catch (e) {
    if (!(e instanceof Error)) return { threw: e };
    const { name, message, code, errors, provider } = e;
    return { threw: { class: e.constructor.name, name, message, code, errors, provider, keys: Object.keys(e).sort() } };
  }
}

/** Asserts that the entry's call and the glue's give the same outcome. */
function same(entryCall, glueCall, what) {
  assert.deepStrictEqual(outcome(entryCall), outcome(glueCall), what);
}

/** Counts the calls the Node entry makes to the glue while `run` runs. */
function glueCalls(run) {
  const names = [
    "evaluateEligibility",
    "evaluateEligibilityJson",
    "validateApplication",
    "validateApplicationJson",
    "evaluateEligibilityMany",
    "__evaluateEligibilityTape",
  ];
  const counts = Object.fromEntries(names.map((n) => [n, 0]));
  const original = Object.fromEntries(names.map((n) => [n, glue.node[n]]));
  for (const n of names) {
    glue.node[n] = (...args) => {
      counts[n] += 1;
      return original[n](...args);
    };
  }
  try {
    run();
  } finally {
    Object.assign(glue.node, original);
  }
  return Object.fromEntries(Object.entries(counts).filter(([, c]) => c > 0));
}

/** Values the entry must hand to the glue as they are, each with what the glue says of it
 * (checked by hand against errors.test.mjs and convert.rs), inside a student's situation. */
function oddSituations() {
  const cycle = { ...student };
  cycle.self = cycle;
  let deep = {};
  for (let i = 0; i < 10_000; i++) deep = { business: deep };
  let past64 = { legal_form: "sarl" };
  for (let i = 0; i < 70; i++) past64 = { nested: past64 };
  let tooDeep = {};
  for (let i = 0; i < 200; i++) tooDeep = { business: tooDeep };
  class Situation {
    constructor() {
      this.country = "FR";
      this.status = "student";
    }
  }
  class List extends Array {}
  const throwing = { country: "FR" };
  Object.defineProperty(throwing, "status", { enumerable: true, get: () => { throw new Error("a getter of the caller"); } });
  return [
    ["NaN", { ...student, business: { registration_number: NaN } }],
    ["Infinity", { ...student, business: { registration_number: Infinity } }],
    ["-Infinity", [{ ...student }, -Infinity]],
    ["a BigInt", { ...student, n: 10n }],
    ["a function", { ...student, business: { legal_form: () => "SAS" } }],
    ["a symbol", { ...student, status: Symbol("student") }],
    ["an invalid Date", { ...student, employment: { since: new Date("nope") } }],
    ["a valid Date", { ...student, employment: { since: new Date("2026-01-01T00:00:00Z") } }],
    ["toJSON at the root", { toJSON: () => ({ ...student }) }],
    ["toJSON inside", { ...student, business: { toJSON: () => ({ legal_form: "sarl" }) } }],
    ["a class instance", new Situation()],
    ["a Map", new Map([["country", "FR"]])],
    ["a Map inside", { ...student, business: new Map() }],
    ["an Array subclass", { ...student, list: List.from([1, 2]) }],
    ["a lone surrogate in a value", { ...student, business: { legal_form: "SA\udc00S" } }],
    ["a lone surrogate in a key", { ...student, "k\ud800": 1 }],
    ["a cycle", cycle],
    ["10,000 levels", deep],
    ["200 levels (too_deep)", tooDeep],
    ["70 levels", { ...student, business: past64 }],
    ["a getter that throws", throwing],
    ["a boxed string", { ...student, status: new String("student") }],
  ];
}

/** Plain values the entry sends as JSON text: the same answers as the glue's object call. */
function plainSituations() {
  const withGetter = { country: "FR" };
  Object.defineProperty(withGetter, "status", { enumerable: true, get: () => "student" });
  const bare = Object.create(null);
  bare.country = "FR";
  bare.status = "freelancer";
  return [
    ["a student", student],
    ["an array at the root (not a situation)", [student]],
    ["undefined values (dropped, as by the glue)", { ...student, business: undefined, employment: { since: undefined } }],
    ["undefined in an array", { ...student, list: [undefined, 1] }],
    ["a getter", withGetter],
    ["a proxy", new Proxy({ ...student }, {})],
    ["an object without prototype", bare],
    ["a wrong type inside", { ...student, route: 3, colour: "blue" }],
    ["-0 and big numbers", { ...student, a: -0, b: 1e300, c: 5e-324 }],
    ["emoji and NUL", { ...student, business: { legal_form: "😀\u0000" } }],
    ["past 1 MiB (too_long)", { ...student, business: { legal_form: "x".repeat(1_100_000) } }],
    ["64 levels", (() => {
      let v = { legal_form: "sarl" };
      for (let i = 0; i < 62; i++) v = { nested: v };
      return { ...student, business: v };
    })()],
  ];
}

/** Roots that are not objects: the glue's object call takes them. */
const roots = [["undefined", undefined], ["null", null], ["a number", 42], ["a string", "FR"], ["true", true], ["a symbol", Symbol("s")], ["a function", () => 1]];

describe("the packages' entries", () => {
  test("package.json points at the wrapper, for require, import and the types", () => {
    const nodePkg = JSON.parse(readFileSync(join(crateDir, "pkg/node/package.json"), "utf8"));
    assert.deepStrictEqual(nodePkg.exports["."], { types: "./js/wrapper.d.ts", import: "./js/wrapper.mjs", require: "./js/wrapper.js" });
    assert.equal(nodePkg.main, "./js/wrapper.js");
    assert.ok(nodePkg.files.includes("js/"));
    const webPkg = JSON.parse(readFileSync(join(crateDir, "pkg/web/package.json"), "utf8"));
    assert.deepStrictEqual(webPkg.exports["."], { types: "./js/wrapper.d.ts", default: "./js/wrapper.js" });
    assert.ok(webPkg.files.includes("js/"));
    for (const file of ["pkg/node/js/wrapper.d.ts", "pkg/web/js/wrapper.d.ts"]) {
      assert.match(readFileSync(join(crateDir, file), "utf8"), /^export \* from "\.\.\/mentor_wasm\.js";$/m);
    }
  });

  test("every export of the glue, the same objects, except the wrapped calls and the internal ones", async () => {
    const esm = await import(join(crateDir, "pkg/node/js/wrapper.mjs"));
    const wrappedNames = { node: ["evaluateEligibility", "evaluateEligibilityMany", "validateApplication"], web: ["evaluateEligibility", "validateApplication"] };
    for (const [name, entry] of builds) {
      const inner = glue[name];
      const expected = Object.keys(inner).filter((n) => !n.startsWith("__")).sort();
      assert.deepStrictEqual(Object.keys(entry).sort(), expected, name);
      for (const key of expected) {
        if (wrappedNames[name].includes(key)) assert.notEqual(entry[key], inner[key], `${name}: ${key} is wrapped`);
        else assert.equal(entry[key], inner[key], `${name}: ${key} is the glue's`);
      }
    }
    assert.deepStrictEqual(Object.keys(esm).filter((k) => k !== "default").sort(), Object.keys(node).sort());
    for (const key of Object.keys(node)) assert.equal(esm[key], node[key], `import and require give the same ${key}`);
    assert.equal(esm.default.evaluateEligibility, node.evaluateEligibility);
    for (const internal of ["__evaluateEligibilityTape"]) {
      assert.equal(typeof glue.node[internal], "function");
      assert.equal(node[internal], undefined, `the internal ${internal} is not the package's`);
      assert.equal(glue.web[internal], undefined, `the browser build has no ${internal}`);
    }
    assert.equal(web.evaluateEligibilityMany, undefined);
    // One module instance: a policy loaded through the entry is the glue's class.
    assert.ok(new node.Policy() instanceof glue.node.Policy);
  });
});

for (const [name, entry] of builds) {
  const inner = glue[name];

  describe(`${name} build: the entry answers as the glue`, () => {
    test("every eligibility vector, with its policy, in both languages; every answer the native core's", () => {
      const native = nativeAnswers();
      vectors.forEach((vector, i) => {
        const policy = vector.policy ? entry.Policy.fromJson(vector.policy) : undefined;
        for (const lang of ["en", "fr"]) {
          same(() => entry.evaluateEligibility(vector.situation, policy, lang), () => inner.evaluateEligibility(vector.situation, policy, lang), `${vector.name} (${lang})`);
          same(() => entry.evaluateEligibility(vector.situation, { policy, lang }), () => inner.evaluateEligibility(vector.situation, { policy, lang }), `${vector.name} (${lang}, options)`);
          const got = outcome(() => entry.evaluateEligibility(vector.situation, policy, lang));
          const expected = native.eligibility[i][lang];
          if (expected.decision) assert.deepStrictEqual(got.answer, expected.decision, vector.name);
          else assert.deepStrictEqual(got.threw.errors, expected.errors, vector.name);
        }
        policy?.free();
      });
    });

    test("forms: the shared fixtures, the docs' examples, broken forms", { skip: !existsSync(join(fixturesDir, "applications.jsonl")) && "fixtures not present" }, () => {
      const forms = readFileSync(join(fixturesDir, "applications.jsonl"), "utf8")
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l));
      const policy = entry.Policy.fromJson(nativeAnswers().fixtures.policy);
      for (const f of [...forms, form, {}, { offer_id: 7 }, { ...form, applicant: { email: "nope" } }]) {
        for (const lang of ["en", "fr"]) {
          same(() => entry.validateApplication(f, { policy, lang }), () => inner.validateApplication(f, { policy, lang }), `${f.reference} (${lang})`);
          same(() => entry.validateApplication(f, lang, policy), () => inner.validateApplication(f, lang, policy), `${f.reference} (${lang}, positional)`);
          if (f.working_situation) {
            same(() => entry.evaluateEligibility(f.working_situation, { policy, lang }), () => inner.evaluateEligibility(f.working_situation, { policy, lang }), `${f.reference}'s situation (${lang})`);
          }
        }
      }
      policy.free();
    });

    test("values the entry hands to the glue: the glue's answer or error", () => {
      for (const [what, value] of [...oddSituations(), ...roots]) {
        for (const lang of ["en", "fr"]) {
          same(() => entry.evaluateEligibility(value, { lang }), () => inner.evaluateEligibility(value, { lang }), `${what} (${lang})`);
          same(() => entry.validateApplication(value, { lang }), () => inner.validateApplication(value, { lang }), `${what} as a form (${lang})`);
          same(() => entry.validateApplication({ ...form, working_situation: value }, lang), () => inner.validateApplication({ ...form, working_situation: value }, lang), `${what} in a form (${lang})`);
        }
      }
    });

    test("plain values, sent as JSON text: the glue's answer or error", () => {
      for (const [what, value] of plainSituations()) {
        same(() => entry.evaluateEligibility(value, undefined, "fr"), () => inner.evaluateEligibility(value, undefined, "fr"), what);
        same(() => entry.validateApplication({ ...form, working_situation: value }, "fr"), () => inner.validateApplication({ ...form, working_situation: value }, "fr"), `${what} in a form`);
      }
      // Past 1 MiB, the form is answered as data, not thrown (the object call's rule).
      const huge = { ...form, applicant: { ...form.applicant, first_name: "x".repeat(1_100_000) } };
      const v = entry.validateApplication(huge);
      assert.equal(v.valid, false);
      assert.deepStrictEqual(v.errors.map((e) => `${e.path}:${e.code}`), [":too_long"]);
      same(() => entry.validateApplication(huge), () => inner.validateApplication(huge), "a form past 1 MiB");
    });

    test("bad options, with plain and odd values: the same error", () => {
      const freed = entry.Policy.fromJson("{}");
      freed.free();
      const cycle = { ...student };
      cycle.self = cycle;
      for (const value of [student, cycle, { ...student, n: NaN }]) {
        for (const args of [[{ lang: "de" }], [undefined, "de"], [{ polcy: 1 }], [{ policy: {} }], [freed], ["policy"], [{ lang: 1 }], [{ now: "2026-01-01T00:00:00Z" }]]) {
          same(() => entry.evaluateEligibility(value, ...args), () => inner.evaluateEligibility(value, ...args), `evaluateEligibility ${JSON.stringify(args)}`);
        }
        for (const args of [[{ lang: "de" }], ["de"], [1], ["en", freed], [{ policy: freed }], [{ polcy: 1 }]]) {
          same(() => entry.validateApplication(value, ...args), () => inner.validateApplication(value, ...args), `validateApplication ${JSON.stringify(args)}`);
        }
      }
    });

    test("Object.prototype.toJSON set by other code: the glue's answer", () => {
      Object.defineProperty(Object.prototype, "toJSON", { value: () => ({ country: "FR", status: "freelancer" }), configurable: true, writable: true });
      try {
        same(() => entry.evaluateEligibility(student), () => inner.evaluateEligibility(student), "polluted prototype");
        assert.equal(entry.evaluateEligibility(student).outcome, inner.evaluateEligibility(student).outcome);
      } finally {
        delete Object.prototype.toJSON;
      }
    });
  });
}

describe("node build: which way each value goes (the glue's calls, counted)", () => {
  test("a plain object crosses as JSON text, once; anything else goes to the object call, once", () => {
    for (const [what, value] of plainSituations()) {
      const counts = glueCalls(() => outcome(() => node.evaluateEligibility(value)));
      assert.deepStrictEqual(counts, { evaluateEligibilityJson: 1 }, what);
    }
    for (const [what, value] of [...oddSituations(), ...roots]) {
      const counts = glueCalls(() => outcome(() => node.evaluateEligibility(value)));
      assert.deepStrictEqual(counts, { evaluateEligibility: 1 }, what);
    }
    assert.deepStrictEqual(glueCalls(() => node.validateApplication(form, "fr")), { validateApplicationJson: 1 });
    // The text call throws for a form past 1 MiB: the object call answers it, as data.
    const huge = { ...form, applicant: { ...form.applicant, first_name: "x".repeat(1_100_000) } };
    assert.deepStrictEqual(glueCalls(() => node.validateApplication(huge)), { validateApplicationJson: 1, validateApplication: 1 });
  });

  test("a batch crosses as one text per part, and only its odd situations one by one", () => {
    const batch = [student, { ...student, n: NaN }, null, undefined, 42, { country: "FR" }, [student]];
    const counts = glueCalls(() => node.evaluateEligibilityMany(batch));
    // NaN is the glue's to read; null, undefined, 42 and the array are JSON text.
    assert.deepStrictEqual(counts, { __evaluateEligibilityTape: 1, evaluateEligibilityMany: 1 });
    assert.deepStrictEqual(glueCalls(() => outcome(() => node.evaluateEligibilityMany("[]"))), { evaluateEligibilityMany: 1 });
    assert.deepStrictEqual(glueCalls(() => node.evaluateEligibilityMany([])), { evaluateEligibilityMany: 1 });
  });
});

describe("node build: evaluateEligibilityMany through the entry", () => {
  test("the batch of every vector, in both languages, with its policy: the glue's items, and each the single call's", () => {
    const byPolicy = new Map();
    for (const vector of vectors) {
      const key = JSON.stringify(vector.policy ?? null);
      byPolicy.set(key, [...(byPolicy.get(key) ?? []), vector.situation]);
    }
    for (const [key, situations] of byPolicy) {
      const policy = key === "null" ? undefined : node.Policy.fromJson(key);
      for (const lang of ["en", "fr"]) {
        const got = node.evaluateEligibilityMany(situations, { policy, lang });
        assert.deepStrictEqual(got, glue.node.evaluateEligibilityMany(situations, { policy, lang }));
        assert.deepStrictEqual(node.evaluateEligibilityMany(situations, policy, lang), got, "positional");
        got.forEach((item, i) => {
          const single = outcome(() => node.evaluateEligibility(situations[i], policy, lang));
          assert.deepStrictEqual(item, single.answer ?? { errors: single.threw.errors });
        });
      }
      policy?.free();
    }
  });

  test("lang in third place is honoured (it was read as English), by the glue and the entry", () => {
    const policy = new node.Policy();
    for (const many of [node.evaluateEligibilityMany, glue.node.evaluateEligibilityMany]) {
      const [d] = many([student], policy, "fr");
      // The French message of WS-5, as the README's example reads it.
      assert.match(d.required_actions[0].message, /immatriculez-vous/);
      assert.deepStrictEqual(d, node.evaluateEligibility(student, policy, "fr"));
      assert.deepStrictEqual(many([student], undefined, "fr"), [d]);
      assert.deepStrictEqual(many([{ country: "FR" }], undefined, "fr")[0].errors[0].message, "ce champ est obligatoire");
      assert.deepStrictEqual(
        outcome(() => many([student], undefined, "de")).threw.errors.map((e) => `${e.path}:${e.code}`),
        ["lang:invalid_enum"],
      );
    }
    policy.free();
  });

  test("odd situations among plain ones, across parts of the text: the glue's items, in place", () => {
    const odd = oddSituations().map(([, value]) => value).filter((v) => !(typeof v === "object" && v !== null && Object.getOwnPropertyDescriptor(v, "status")?.get));
    // About 40 units a situation: 40,000 pass one part (2^20 units) of the text.
    const many = Array.from({ length: 40_000 }, (_, i) => (i % 1_999 === 0 ? odd[(i / 1_999) % odd.length] : i % 3 ? student : { country: "DE", status: "employee", i }));
    many.push(null, undefined, 7, "FR", true, [], {});
    const counts = glueCalls(() => node.evaluateEligibilityMany(many, { lang: "fr" }));
    assert.ok(counts.__evaluateEligibilityTape >= 2, JSON.stringify(counts));
    const got = node.evaluateEligibilityMany(many, { lang: "fr" });
    assert.equal(got.length, many.length);
    assert.deepStrictEqual(got, glue.node.evaluateEligibilityMany(many, { lang: "fr" }));
  });

  test("what throws is the glue's: not an array, a bad option, a caller's getter", () => {
    const throwing = { country: "FR" };
    Object.defineProperty(throwing, "status", { enumerable: true, get: () => { throw new Error("a getter of the caller"); } });
    const cases = [
      [student],
      ["[]"],
      [undefined],
      [[student], { lang: "de" }],
      [[student], { now: "2026-01-01T00:00:00Z" }],
      [[student], { policy: {} }],
      [[student], "policy"],
      [[student, throwing]],
      [[throwing], { lang: "de" }],
    ];
    for (const args of cases) {
      same(() => node.evaluateEligibilityMany(...args), () => glue.node.evaluateEligibilityMany(...args), String(args.length));
    }
    assert.equal(outcome(() => node.evaluateEligibilityMany([student, throwing])).threw.message, "a getter of the caller");
  });

  test("the internal text call: one situation a line; anything but a string is refused", () => {
    const tape = glue.node.__evaluateEligibilityTape;
    const got = JSON.parse(tape(`${JSON.stringify(student)}\n{"country": "FR"}\nnull\n{`, { lang: "fr" }));
    assert.equal(got.length, 4);
    assert.deepStrictEqual(got[0], node.evaluateEligibility(student, { lang: "fr" }));
    assert.deepStrictEqual(got[1].errors.map((e) => `${e.path}:${e.code}`), ["status:required"]);
    assert.deepStrictEqual(got[3].errors.map((e) => `${e.path}:${e.code}`), [":invalid_json"]);
    for (const [value, code] of [[[student], "invalid_type"], [undefined, "required"]]) {
      assert.deepStrictEqual(outcome(() => tape(value)).threw.errors.map((e) => `${e.path}:${e.code}`), [`situations:${code}`]);
    }
  });
});
