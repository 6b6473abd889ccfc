// The package's types as a CommonJS module sees them (tsc --module node16 --strict --noEmit).
import mentor = require("mentor-wasm");

const decision: mentor.Decision = mentor.evaluateEligibility({ country: "FR", status: "student" });
export const outcome: string = decision.outcome;
