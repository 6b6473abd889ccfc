// The Node package from an ES module: named imports, the default import, and the same module
// instance as require() (the ES entry, js/wrapper.mjs, re-exports the CommonJS one).
import assert from "node:assert/strict";
import { createRequire } from "node:module";

import mentor, { evaluateEligibility, Policy } from "mentor-wasm";

const resolved = import.meta.resolve("mentor-wasm");
assert.match(resolved, /node_modules\/mentor-wasm\/js\/wrapper\.mjs$/);
assert.equal(createRequire(import.meta.url)("mentor-wasm").evaluateEligibility, evaluateEligibility);
assert.equal(mentor.Policy, Policy);
const decision = evaluateEligibility({ country: "FR", status: "employee", route: "via_employer", employment: { employer_sector: "education", employer_agreement: "agreed" } });
assert.equal(decision.outcome, "eligible");
assert.equal(decision.contracting_party, "employer");
console.log(`import "mentor-wasm" from ${resolved}: ${decision.outcome}, ${decision.contracting_party}`);
