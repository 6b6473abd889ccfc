// The Node package from plain CommonJS, resolved by its name from node_modules.
const assert = require("node:assert/strict");
const { Policy, evaluateEligibility, validateRegistrationNumber } = require("mentor-wasm");

// The package's entry, in front of the glue (mentor-wasm/README.md#the-packages-entry).
assert.match(require.resolve("mentor-wasm"), /node_modules[/\\]mentor-wasm[/\\]js[/\\]wrapper\.js$/);
const decision = evaluateEligibility({
  country: "FR",
  status: "freelancer",
  business: { legal_form: "micro_entrepreneur", registration_number: "732 829 320 00074" },
});
assert.equal(decision.outcome, "eligible");
assert.equal(decision.contracting_party, "mentor_business");
const policy = Policy.fromToml('excluded_countries = ["JP"]\n');
assert.equal(evaluateEligibility({ country: "FR", status: "student" }, policy, "fr").required_actions[0].code, "register_as_self_employed");
assert.equal(validateRegistrationNumber("FR", "732 829 320 00074").valid, true);
console.log(`require("mentor-wasm") from ${require.resolve("mentor-wasm")}: ${decision.outcome}, ${decision.contracting_party}`);
