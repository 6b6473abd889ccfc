// Per-call cost of `evaluateEligibility` from Node (`benches/RESULTS.md#targets`: <= 1.5 µs per call, JS
// object in, result object out; a JSON-string variant if faster). Not a test: prints medians.
//
//   node mentor-wasm/bench/bench.mjs            (after bash mentor-wasm/build.sh)
//   MENTOR_PKG=path/to/pkg/node node mentor-wasm/bench/bench.mjs    (another build)
//   MENTOR_BASE=path/to/old/pkg/node node mentor-wasm/bench/bench.mjs
//
// The calls go through the package's entry (its package.json `main`: the wrapper of
// js/wrapper.js); the `glue:` rows call wasm-bindgen's glue under it directly, where the
// package has one apart from its entry. Each case runs BATCHES batches of CALLS calls after a
// warm-up; the figure is the median of the batches' mean time per call (per situation for the
// batch call). With MENTOR_BASE, each case alternates batch by batch between that build and
// this one in the same process, so that both see the same load on a shared machine, and
// prints both medians and the median of the batch-by-batch ratios.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** A build's package directory: its entry, and the glue under it when that is another file. */
function load(dir) {
  const pkg = resolve(dir);
  const main = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).main;
  const glueFile = join(pkg, "mentor_wasm.js");
  return { pkg, main, entry: require(join(pkg, main)), glue: join(pkg, main) === glueFile ? undefined : require(glueFile) };
}
const current = load(process.env.MENTOR_PKG ?? join(fileURLToPath(import.meta.url), "../../pkg/node"));
const base = process.env.MENTOR_BASE ? load(process.env.MENTOR_BASE) : undefined;

const BATCHES = Number(process.env.BATCHES ?? 41);
const CALLS = Number(process.env.CALLS ?? 20_000);

// The shape the targets were measured on (`benches/RESULTS.md#targets`): a freelancer with a SIRET to check
// (the registration check runs).
const situation = {
  country: "FR",
  status: "freelancer",
  business: { legal_form: "micro_entrepreneur", registration_number: "732 829 320 00074" },
};
const text = JSON.stringify(situation);
const student = { country: "FR", status: "student" };
const employee = {
  country: "FR",
  status: "employee",
  employment: { full_time: true, employer_name: "Acme", employer_sector: "it_services", employer_agreement: "agreed", employer_informed: true },
  route: "via_employer",
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// The batch: 1,000 situations of the targets' shape (distinct objects), one call for all; the
// figure is per situation, to set beside the single call's.
const batch = Array.from({ length: 1000 }, () => structuredClone(situation));
const form = {
  offer_id: "mentor-web-2026",
  applicant: { first_name: "Camille", last_name: "Moreau", email: "camille@example.org", country: "FR", languages: ["fr", "en"] },
  subjects: [{ subject: "web_development", level: "proficient", years_experience: 6 }],
  working_situation: situation,
  consent: { data_processing: true },
};

/** The cases, each `[name, (module) => a call, calls per batch, unit, items per call]`. */
const cases = [
  ["evaluateEligibility(object) -> object", (m) => () => m.evaluateEligibility(situation)],
  ["evaluateEligibility(object, policy, 'fr') -> object", (m) => {
    const policy = new m.Policy();
    return () => m.evaluateEligibility(situation, policy, "fr");
  }],
  ["evaluateEligibility(employee object) -> object", (m) => () => m.evaluateEligibility(employee)],
  // A French answer of 1 KB with accents (WS-5's actions and procedure).
  ["evaluateEligibility(student object, { lang: 'fr' }) -> object", (m) => () => m.evaluateEligibility(student, { lang: "fr" })],
  ["evaluateEligibilityJson(text) -> text", (m) => () => m.evaluateEligibilityJson(text)],
  ["JSON.parse(evaluateEligibilityJson(JSON.stringify(object)))", (m) => () => JSON.parse(m.evaluateEligibilityJson(JSON.stringify(situation)))],
  ["validateApplication(form) -> object", (m) => () => m.validateApplication(form)],
  ["validateRegistrationNumber('FR', SIRET)", (m) => () => m.validateRegistrationNumber("FR", "732 829 320 00074")],
  ["evaluateEligibilityMany(1,000 objects) -> objects", (m) => () => m.evaluateEligibilityMany(batch), batch.length],
];

/** Mean µs per item of `calls` calls. */
function time(call, calls, items) {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < calls; i++) sink += call() ? 1 : 0;
  const us = ((performance.now() - start) * 1000) / (calls * items);
  return sink >= 0 ? us : us;
}

/** Times `make(module)` on this build (and the base, alternating): the medians, µs per item. */
function bench(name, make, items = 1, modules = base ? [base.entry, current.entry] : [current.entry]) {
  const calls = Math.max(1, Math.round(CALLS / items));
  const runs = modules.map((m) => make(m));
  for (const call of runs) time(call, calls, items); // warm-up
  const perItem = runs.map(() => []);
  for (let b = 0; b < BATCHES; b++) runs.forEach((call, k) => perItem[k].push(time(call, calls, items)));
  const medians = perItem.map(median);
  const unit = items > 1 ? "µs/situation" : "µs/call";
  const count = items > 1 ? `${BATCHES} × ${calls} batches of ${items}` : `${BATCHES} × ${calls}`;
  if (runs.length === 2) {
    const ratio = median(perItem[1].map((t, b) => t / perItem[0][b]));
    console.log(`${name.padEnd(64)} ${medians[0].toFixed(3)} -> ${medians[1].toFixed(3)} ${unit} (× ${ratio.toFixed(2)}, median of ${count}, alternating)`);
  } else {
    console.log(`${name.padEnd(64)} ${medians[0].toFixed(3)} ${unit} (median of ${count})`);
  }
  return medians[medians.length - 1];
}

const describe = (b) => `${b.pkg} (entry ${b.main})`;
console.log(
  `node ${process.version}, ${process.arch}; ${base ? `base ${describe(base)}, ` : ""}package ${describe(current)}; ` +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`,
);
const results = cases.map(([name, make, items]) => bench(name, make, items));
if (current.glue) {
  bench("glue: evaluateEligibility(object) -> object", (m) => () => m.evaluateEligibility(situation), 1, [current.glue]);
  bench("glue: evaluateEligibilityMany(1,000 objects) -> objects", (m) => () => m.evaluateEligibilityMany(batch), batch.length, [current.glue]);
}
const target = 1.5;
console.log(
  `target <= ${target} µs per call from a JS object: ${results[0] <= target ? "met" : "NOT met"} ` +
    `(${results[0].toFixed(3)} µs); JSON text variant ${results[4].toFixed(3)} µs; load average after ${loadavg()[0].toFixed(2)}`,
);
