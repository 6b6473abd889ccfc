// Per-call cost of `evaluateEligibility` from Node (`benches/RESULTS.md#targets`: <= 1.5 µs per call, JS
// object in, result object out; a JSON-string variant if faster). Not a test: prints medians.
//
//   node mentor-wasm/bench/bench.mjs            (after bash mentor-wasm/build.sh)
//
// Each case runs BATCHES batches of CALLS calls after a warm-up; the figure is the median of
// the batches' mean time per call.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const mentor = require("../pkg/node/mentor_wasm.js");

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

console.log(`node ${process.version}, ${process.arch}`);
const results = {
  object: bench("evaluateEligibility(object) -> object", () => mentor.evaluateEligibility(situation)),
  objectFr: bench("evaluateEligibility(object, policy, 'fr') -> object", () => mentor.evaluateEligibility(situation, policy, "fr")),
  objectEmployee: bench("evaluateEligibility(employee object) -> object", () => mentor.evaluateEligibility(employee)),
  json: bench("evaluateEligibilityJson(text) -> text", () => mentor.evaluateEligibilityJson(text)),
  jsonFromObject: bench("JSON.parse(evaluateEligibilityJson(JSON.stringify(object)))", () =>
    JSON.parse(mentor.evaluateEligibilityJson(JSON.stringify(situation)))),
  validateRegistration: bench("validateRegistrationNumber('FR', SIRET)", () =>
    mentor.validateRegistrationNumber("FR", "732 829 320 00074")),
};
const target = 1.5;
console.log(
  `target <= ${target} µs per call from a JS object: ${results.object <= target ? "met" : "NOT met"} ` +
    `(${results.object.toFixed(3)} µs); JSON text variant ${results.json.toFixed(3)} µs`,
);
