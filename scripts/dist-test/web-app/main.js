// The app a user would write: the package by its name, the .wasm as an asset that the bundler
// (esbuild's `file` loader) copies beside the bundle and hands over as a URL.
import init, { evaluateEligibility } from "mentor-wasm-web";
import wasmUrl from "mentor-wasm-web/mentor_wasm_bg.wasm";

await init({ module_or_path: wasmUrl });
const decision = evaluateEligibility(
  {
    country: "FR",
    status: "freelancer",
    business: { legal_form: "micro_entrepreneur", registration_number: "732 829 320 00074" },
  },
  undefined,
  "en",
);
document.getElementById("outcome").textContent = decision.outcome;
document.getElementById("contracting-party").textContent = decision.contracting_party;
document.getElementById("registration").textContent = decision.registration?.formatted ?? "";
