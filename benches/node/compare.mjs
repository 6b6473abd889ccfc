// Side by side in Node 20 (issue 8): mentor-wasm against the engines a JavaScript team would
// otherwise use for the eligibility decision (`docs/wire-format.md#decision`), on the same shared cases.
//
//   bash benches/node/setup.sh     # npm ci, ZEN's WASI build for the size table, mentor-wasm
//   node benches/node/compare.mjs --data target/bench-data/situations.jsonl --out target/bench-results/node.json [--quick]
//
// 1. Agreement first: every engine answers every case, reduced to the compared answer
//    (outcome, parties, payout, sorted action codes), and must equal the case's `expected`
//    (mentor's decision). Any disagreement prints the first cases and exits 1: no numbers.
//    The expected answers must cover every outcome and action code first (else exit 1), so
//    that a small data file cannot make the check vacuous.
// 2. Per-call medians over a fixed list of 1,000 cases (measure.mjs).
// 3. Payload sizes, raw and gzipped (sizes.mjs).
// 4. The results JSON of the shared contract at --out.
//
// mentor reads the situation as a user sends it and checks its registration number in every
// call; the engines read the flat `facts`, whose registration check mentor precomputed
// (`benches/RESULTS.md#targets`), so the comparison favours them.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, release, type } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { plan, timeAll } from "./measure.mjs";
import { payloadSizes } from "./sizes.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const mentorWasm = join(root, "mentor-wasm");
const rules = join(root, "benches/engines");
const require = createRequire(import.meta.url);

const TIMED_CASES = 1000;
const QUICK_TIMED_CASES = 100;
const SHOWN_DISAGREEMENTS = 5;

const { values: args } = parseArgs({
  options: { data: { type: "string" }, out: { type: "string" }, quick: { type: "boolean", default: false } },
});
if (!args.data || !args.out) {
  console.error("usage: node benches/node/compare.mjs --data CASES.jsonl --out RESULTS.json [--quick]");
  process.exit(2);
}

// ---- the engines ---------------------------------------------------------------------------

// The package's entry (js/wrapper.js, what `require("mentor-wasm")` gives), not the glue under it.
const mentor = require(join(mentorWasm, "pkg/node"));
const policy = mentor.Policy.fromToml(readFileSync(join(rules, "policy.toml"), "utf8"));

const { ZenEngine, evaluateExpressionSync } = require("@gorules/zen-engine");
const zenEngine = new ZenEngine();
const zenDecision = zenEngine.createDecision(readFileSync(join(rules, "eligibility.jdm.json")));

const zenWasm = await import("@gorules/zen-engine-wasm");
zenWasm.initSync({ module: readFileSync(require.resolve("@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm")) });
// ZEN expressions have no comments: the file's `//` lines explain it and are dropped here.
const zenExpression = readFileSync(join(here, "eligibility.zen-expression"), "utf8")
  .split("\n")
  .filter((line) => !line.trimStart().startsWith("//"))
  .join("\n")
  .trim();

const jsonLogic = require("json-logic-js");
const jsonLogicRule = JSON.parse(readFileSync(join(rules, "eligibility.jsonlogic.json"), "utf8"));

const { WorkingSituation, decide } = await import("./engines/zod-rules.mjs");

/**
 * The compared part of the decision (`docs/wire-format.md#decision`) from any engine's object answer. A
 * missing party or payout reads as null (ZEN leaves out a table's null outputs), but a missing action list is
 * not an empty one: it reads as ["<missing>"], as in compare.py.
 */
const compared = (d) => ({
  outcome: d.outcome,
  contracting_party: d.contracting_party ?? null,
  invoicing_party: d.invoicing_party ?? null,
  payout: d.payout ?? null,
  required_actions: codes(d.required_actions),
  recommended_actions: codes(d.recommended_actions),
});
const codes = (list) => (list ?? ["<missing>"]).map((a) => (typeof a === "string" ? a : a.code)).sort();

// The JSON Logic rule answers a list: [outcome, contracting party, invoicing party, payout,
// required action codes, recommended action codes].
const fromList = ([outcome, contracting_party, invoicing_party, payout, required_actions, recommended_actions]) =>
  compared({ outcome, contracting_party, invoicing_party, payout, required_actions, recommended_actions });

/**
 * Each engine: `input` picks what it reads from a case (prepared before timing), `call` is the
 * timed call, `answer` reduces its result to the compared answer (null: not a decision, not
 * checked), `note` goes with its figure.
 */
const engines = [
  {
    name: "mentor-wasm evaluateEligibility (object in, object out)",
    input: (c) => c.situation,
    call: (situation) => mentor.evaluateEligibility(situation, policy),
    answer: compared,
    note: "Node build; the full decision (messages, reasons, registration details) and its registration check in every call",
  },
  {
    name: "mentor-wasm evaluateEligibilityJson (JSON text in, text out)",
    input: (c) => JSON.stringify(c.situation),
    call: (text) => mentor.evaluateEligibilityJson(text, policy),
    answer: (text) => compared(JSON.parse(text)),
    note: "JSON.stringify of each case done before timing; the answer text is not parsed in the timed call",
  },
  {
    name: "mentor-wasm JSON.parse(evaluateEligibilityJson(JSON.stringify(object)))",
    input: (c) => c.situation,
    call: (situation) => JSON.parse(mentor.evaluateEligibilityJson(JSON.stringify(situation), policy)),
    answer: compared,
    note: "for information: object in, object out through the JSON text call, both conversions done by V8 in the timed call",
  },
  {
    name: "@gorules/zen-engine native (JDM graph, awaited evaluate)",
    input: (c) => c.facts,
    call: (facts) => zenDecision.evaluate(facts),
    async: true,
    answer: (response) => compared(response.result),
    note: "benches/engines/eligibility.jdm.json on the facts; evaluate is async: each call awaited before the next, so the figure includes the promise round trip",
  },
  {
    name: "@gorules/zen-engine native (the one expression, evaluateExpressionSync)",
    input: (c) => c.facts,
    call: (facts) => evaluateExpressionSync(zenExpression, facts),
    answer: compared,
    note: "for information: the expression of eligibility.zen-expression through the native binding, synchronous",
  },
  {
    name: "@gorules/zen-engine-wasm (the one expression)",
    input: (c) => c.facts,
    call: (facts) => zenWasm.evaluateExpression(zenExpression, facts),
    answer: compared,
    note: "eligibility.zen-expression on the facts; the package evaluates expressions only and has no compiled-expression handle, so each call parses it",
  },
  {
    name: "json-logic-js",
    input: (c) => c.facts,
    call: (facts) => jsonLogic.apply(jsonLogicRule, facts),
    answer: fromList,
    note: "benches/engines/eligibility.jsonlogic.json on the facts",
  },
  {
    name: "zod 4 parse + hand-written rules",
    input: (c) => ({ situation: c.situation, registration: c.facts.registration }),
    call: ({ situation, registration }) => decide(WorkingSituation.parse(situation), registration),
    answer: compared,
    note: "strict schema of the working situation (`docs/wire-format.md#working-situation`), then the table in plain JS; the registration check is taken precomputed from the facts",
  },
  {
    name: "zod 4 parse only",
    input: (c) => c.situation,
    call: (situation) => WorkingSituation.parse(situation),
    answer: null,
    note: "the schema alone, no decision",
  },
];

// ---- 1. agreement ---------------------------------------------------------------------------

const cases = readFileSync(args.data, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line));
if (cases.length === 0) {
  console.error(`no cases in ${args.data}`);
  process.exit(1);
}

// The expected answers must try every row of the table, or agreement proves little.
const OUTCOMES = ["eligible", "action_required", "needs_review", "ineligible"];
const REQUIRED_CODES = [
  "choose_route",
  "obtain_employer_agreement",
  "register_business",
  "register_as_self_employed",
  "provide_registration_number",
  "fix_registration_number",
];
const RECOMMENDED_CODES = ["inform_employer"];
{
  const expected = cases.map((c) => compared(c.expected));
  const outcomes = new Set(expected.map((e) => e.outcome));
  const required = new Set(expected.flatMap((e) => e.required_actions));
  const recommended = new Set(expected.flatMap((e) => e.recommended_actions));
  const missing = [
    ...OUTCOMES.filter((o) => !outcomes.has(o)).map((o) => `outcome ${o}`),
    ...REQUIRED_CODES.filter((c) => !required.has(c)).map((c) => `required action ${c}`),
    ...RECOMMENDED_CODES.filter((c) => !recommended.has(c)).map((c) => `recommended action ${c}`),
  ];
  if (missing.length > 0) {
    console.error(
      `${args.data}: the expected answers of its ${cases.length} cases never give ${missing.join(", ")}: too few or wrong cases for a meaningful agreement check; no timing`,
    );
    process.exit(1);
  }
  console.log(`coverage: the ${cases.length} expected answers give all ${OUTCOMES.length} outcomes and all ${REQUIRED_CODES.length + RECOMMENDED_CODES.length} action codes`);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(compared(b));
const agreement = {};
let disagreeing = false;
for (const engine of engines) {
  if (!engine.answer) continue;
  const wrong = [];
  for (const [i, c] of cases.entries()) {
    let got;
    try {
      const result = engine.async ? await engine.call(engine.input(c)) : engine.call(engine.input(c));
      got = engine.answer(result);
    } catch (e) {
      got = { error: String(e?.message ?? e) };
    }
    if (!same(got, c.expected)) wrong.push({ line: i + 1, situation: c.situation, facts: c.facts, expected: c.expected, got });
  }
  if (wrong.length > 0) {
    disagreeing = true;
    console.error(`DISAGREEMENT: ${engine.name}: ${wrong.length} of ${cases.length} cases differ from mentor; the first ${Math.min(SHOWN_DISAGREEMENTS, wrong.length)}:`);
    for (const w of wrong.slice(0, SHOWN_DISAGREEMENTS)) console.error(JSON.stringify(w, null, 1).replace(/\n\s*/g, " "));
  } else {
    agreement[engine.name] = cases.length;
    console.log(`agrees on ${cases.length} cases: ${engine.name}`);
  }
}
if (disagreeing) {
  console.error("engines disagree: no timing");
  process.exit(1);
}

// ---- 2. per-call medians ----------------------------------------------------------------------

const timing = plan(args.quick);
const loadBefore = loadavg()[0];
const timed = cases.slice(0, args.quick ? QUICK_TIMED_CASES : TIMED_CASES);
const how = `median of ${timing.samples} samples of >= ${timing.minSampleSeconds} s, each whole passes over the same ${timed.length} cases, engines interleaved`;
const measured = await timeAll(
  engines.map((e) => ({ call: e.call, inputs: timed.map(e.input), async: e.async ?? false })),
  timing,
);
const results = engines.map((engine, i) => ({
  group: "node: eligibility decision",
  name: engine.name,
  median_ns: measured[i].median_ns,
  cpu_median_ns: measured[i].cpu_median_ns,
  per: "call",
  note: `${engine.note}; ${how}`,
}));

// The batch call (`evaluateEligibilityMany`: the whole pass crosses into WebAssembly once), after
// the same agreement check, case by case; its figure is per situation.
const many = (situations) => mentor.evaluateEligibilityMany(situations, policy);
const manyAnswers = many(cases.map((c) => c.situation));
const manyWrong = cases.findIndex((c, i) => !same(compared(manyAnswers[i] ?? {}), c.expected));
if (manyAnswers.length !== cases.length || manyWrong >= 0) {
  console.error(`DISAGREEMENT: mentor-wasm evaluateEligibilityMany: ${manyAnswers.length} answers for ${cases.length} cases; first differing line ${manyWrong + 1}`);
  process.exit(1);
}
const [batch] = await timeAll([{ call: many, inputs: [timed.map((c) => c.situation)], async: false }], timing);
results.push({
  group: "node: eligibility decision",
  name: "mentor-wasm evaluateEligibilityMany (array in, per situation)",
  median_ns: batch.median_ns / timed.length,
  cpu_median_ns: batch.cpu_median_ns / timed.length,
  per: "situation",
  note: `one call over the ${timed.length} timed cases, per situation; the same decisions as evaluateEligibility; ${how}`,
});

// ---- 3. sizes -----------------------------------------------------------------------------------

const sizes = await payloadSizes({ here, mentorWasm, wasi: join(here, "vendor/zen-engine-wasm32-wasi") });

// ---- 4. results ---------------------------------------------------------------------------------

// Read from node_modules directly: some packages do not export their package.json. Optional
// (platform) packages may be absent.
const version = (pkg) => {
  try {
    return JSON.parse(readFileSync(join(here, "node_modules", pkg, "package.json"), "utf8")).version;
  } catch {
    return "not installed";
  }
};
const environment = {
  node: process.version,
  os: `${type()} ${release()} ${process.arch}`,
  cpu: `${cpus()[0]?.model ?? "unknown"} (${cpus().length} logical)`,
  "mentor-wasm": JSON.parse(readFileSync(join(mentorWasm, "pkg/node/package.json"), "utf8")).version,
  // Which build was measured: the module changes between runs while mentor is tuned.
  "mentor-wasm pkg/node build": `sha256 ${createHash("sha256").update(readFileSync(join(mentorWasm, "pkg/node/mentor_wasm_bg.wasm"))).digest("hex").slice(0, 16)}, built ${statSync(join(mentorWasm, "pkg/node/mentor_wasm_bg.wasm")).mtime.toISOString()}`,
  "load average (1 min) before / after timing": `${loadBefore.toFixed(2)} / ${loadavg()[0].toFixed(2)}`,
};
for (const pkg of ["@gorules/zen-engine", "@gorules/zen-engine-linux-x64-gnu", "@gorules/zen-engine-wasm", "json-logic-js", "zod", "esbuild", "@napi-rs/wasm-runtime", "@cedar-policy/cedar-wasm"]) {
  environment[pkg] = version(pkg);
}

mkdirSync(dirname(resolve(args.out)), { recursive: true });
writeFileSync(
  args.out,
  `${JSON.stringify({ runner: "node", environment, agreement, results, sizes, ...(args.quick ? { quick: true } : {}) }, null, 2)}\n`,
);

const base = results[0].median_ns;
const baseCpu = results[0].cpu_median_ns;
console.log(`\n${args.quick ? "QUICK run (smoke only, the figures mean nothing)\n" : ""}per call, median ns, wall and CPU time (ratio = engine / mentor-wasm object):`);
for (const r of results) {
  const wall = `${r.median_ns.toFixed(0).padStart(9)} ${(r.median_ns / base).toFixed(2).padStart(7)}x`;
  const cpu = `${r.cpu_median_ns.toFixed(0).padStart(9)} ${(r.cpu_median_ns / baseCpu).toFixed(2).padStart(7)}x`;
  console.log(`${wall}  ${cpu}  ${r.name}`);
}
console.log("\nsizes (bytes raw / gzip -9):");
for (const s of sizes) console.log(`${String(s.raw_bytes).padStart(10)} ${String(s.gzip_bytes).padStart(10)}  ${s.name}`);
console.log(`\nwrote ${args.out}`);
zenEngine.dispose();
