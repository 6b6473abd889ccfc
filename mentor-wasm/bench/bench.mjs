// Per-call cost of `evaluateEligibility` from Node (`benches/RESULTS.md#targets`: <= 1.5 µs per call, JS
// object in, result object out; a JSON-string variant if faster). Not a test: prints medians.
//
//   node mentor-wasm/bench/bench.mjs            (after bash mentor-wasm/build.sh)
//   MENTOR_PKG=path/to/pkg/node node mentor-wasm/bench/bench.mjs   (another build, to compare)
//
// The calls go through the package's entry (its package.json `main`: the wrapper of
// js/wrapper.js); the `glue:` rows call wasm-bindgen's glue under it directly, where the
// package has one apart from its entry. Each case runs BATCHES batches of CALLS calls after a
// warm-up; the figure is the median of the batches' mean time per call (per situation for the
// batch call). Compare builds in alternating runs: the machine is shared.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const pkg = resolve(process.env.MENTOR_PKG ?? join(fileURLToPath(import.meta.url), "../../pkg/node"));
const main = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")).main;
const mentor = require(join(pkg, main));
const glueFile = join(pkg, "mentor_wasm.js");
const glue = join(pkg, main) === glueFile ? undefined : require(glueFile);

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
const employee = {
  country: "FR",
  status: "employee",
  employment: { full_time: true, employer_name: "Acme", employer_sector: "it_services", employer_agreement: "agreed", employer_informed: true },
  route: "via_employer",
};
const policy = new mentor.Policy();

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function bench(name, call) {
  let sink = 0;
  for (let i = 0; i < CALLS; i++) sink += call() ? 1 : 0; // warm-up
  const perCall = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) sink += call() ? 1 : 0;
    perCall.push(((performance.now() - start) * 1000) / CALLS);
  }
  const m = median(perCall);
  console.log(`${name.padEnd(64)} ${m.toFixed(3)} µs/call (median of ${BATCHES} × ${CALLS})`);
  return sink > 0 ? m : m;
}

const form = {
  offer_id: "mentor-web-2026",
  applicant: { first_name: "Camille", last_name: "Moreau", email: "camille@example.org", country: "FR", languages: ["fr", "en"] },
  subjects: [{ subject: "web_development", level: "proficient", years_experience: 6 }],
  working_situation: situation,
  consent: { data_processing: true },
};
// The batch: 1,000 situations of the targets' shape (distinct objects), one call for all; the
// figure is per situation, to set beside the single call's.
const batch = Array.from({ length: 1000 }, () => structuredClone(situation));
const perBatch = Math.max(1, Math.round(CALLS / batch.length));

function benchBatch(name, call) {
  let sink = 0;
  for (let i = 0; i < perBatch; i++) sink += call().length; // warm-up
  const perItem = [];
  for (let b = 0; b < BATCHES; b++) {
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) sink += call().length;
    perItem.push(((performance.now() - start) * 1000) / (perBatch * batch.length));
  }
  const m = median(perItem);
  console.log(`${name.padEnd(64)} ${m.toFixed(3)} µs/situation (median of ${BATCHES} × ${perBatch} batches of ${batch.length})`);
  return sink > 0 ? m : m;
}

console.log(`node ${process.version}, ${process.arch}; package ${pkg} (entry ${main}); load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
const results = {
  object: bench("evaluateEligibility(object) -> object", () => mentor.evaluateEligibility(situation)),
  objectFr: bench("evaluateEligibility(object, policy, 'fr') -> object", () => mentor.evaluateEligibility(situation, policy, "fr")),
  objectEmployee: bench("evaluateEligibility(employee object) -> object", () => mentor.evaluateEligibility(employee)),
  json: bench("evaluateEligibilityJson(text) -> text", () => mentor.evaluateEligibilityJson(text)),
  jsonFromObject: bench("JSON.parse(evaluateEligibilityJson(JSON.stringify(object)))", () =>
    JSON.parse(mentor.evaluateEligibilityJson(JSON.stringify(situation)))),
  validateApplication: bench("validateApplication(form) -> object", () => mentor.validateApplication(form)),
  validateRegistration: bench("validateRegistrationNumber('FR', SIRET)", () =>
    mentor.validateRegistrationNumber("FR", "732 829 320 00074")),
  many: benchBatch("evaluateEligibilityMany(1,000 objects) -> objects", () => mentor.evaluateEligibilityMany(batch)),
};
if (glue) {
  bench("glue: evaluateEligibility(object) -> object", () => glue.evaluateEligibility(situation));
  benchBatch("glue: evaluateEligibilityMany(1,000 objects) -> objects", () => glue.evaluateEligibilityMany(batch));
}
const target = 1.5;
console.log(
  `target <= ${target} µs per call from a JS object: ${results.object <= target ? "met" : "NOT met"} ` +
    `(${results.object.toFixed(3)} µs); JSON text variant ${results.json.toFixed(3)} µs; load average after ${loadavg()[0].toFixed(2)}`,
);
