// The package's types as an ES module sees them (tsc --module node16 --strict --noEmit).
import { evaluateEligibility, type Decision } from "mentor-wasm";

const decision: Decision = evaluateEligibility({ country: "FR", status: "student" });
export const outcome: string = decision.outcome;
