// Where the time of one Node call goes (`benches/RESULTS.md`, the missed Node rows): V8's
// sampling profiler over many calls of the Node build, self time grouped by what the code does.
// Not a test and not a timing: shares of one process's samples, which move little with the
// machine's load (a busy machine slows every part alike).
//
//   bash mentor-wasm/bench/profile.sh            (builds a module that keeps its function names)
//   node mentor-wasm/bench/profile.mjs DIR [CALLS]   (DIR: a wasm-bindgen `--target nodejs` output)
//   (bash mentor-wasm/build.sh first; profile.sh makes DIR in target/wasm-profile)
//
// Each case runs CALLS calls (default 300,000) under `node --cpu-prof` in a child process; the
// profile's samples are attributed to the function on top of the stack, then to the first group
// below whose pattern matches its name (wasm functions keep their Rust paths when the module
// has its name section).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const [dir, callsArg] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node mentor-wasm/bench/profile.mjs DIR [CALLS]");
  process.exit(2);
}
const glue = resolve(dir, "mentor_wasm.js");
const calls = Number(callsArg ?? 300_000);

/** [group, pattern on "function file"], first match wins. */
const GROUPS = [
  ["JSON.parse of the answer (JS)", /^parseAnswer /],
  ["JSON.stringify of the situation (JS)", /^stringifySituation /],
  ["text into the module (glue: string_get, encodeInto)", /string_get|passStringToWasm|encodeInto|encode /],
  ["text out of the module (glue: TextDecoder)", /getStringFromWasm|decode|decodeUTF8/],
  ["reading the situation (serde_json, mentor_core::read, wire)", /serde_json::de|serde_json::read|Deserialize|deserialize|SituationForm|from_json_str|mentor_core::read|CountryCode::parse|MapAccess|wire::/],
  ["writing the decision (serde_json::ser, Serialize)", /serde_json::ser|Serialize|serialize|itoa|ryu|fmt::/],
  ["registration number check", /registration::/],
  ["the decision table", /eligibility::evaluate\b|eligibility::(rows|decide)|mentor_core::eligibility::[a-z_]+::h/],
  ["allocator", /dlmalloc|alloc::|RawVec|__rdl_|__rust_(alloc|dealloc|realloc)|memcpy|memmove|memset/],
  ["options, policy, glue and loop", /options::|policy::|mentor_wasm::|wasm_bindgen|__wbg|__wbindgen|wasm-to-js|js-to-wasm|\.cjs|mentor_wasm\.js|wrapper|getDataView|getUint8Array|get buffer|externref|shim/],
  ["garbage collector", /garbage collector/],
];

const situation = {
  country: "FR",
  status: "freelancer",
  business: { legal_form: "micro_entrepreneur", registration_number: "732 829 320 00074" },
};
const CASES = {
  "evaluateEligibilityJson(text) -> text": `const text = ${JSON.stringify(JSON.stringify(situation))};
    for (let i = 0; i < N; i++) sink += m.evaluateEligibilityJson(text).length;`,
  // The two JSON calls in functions of their own, so that the profile names them.
  "JSON.parse(evaluateEligibilityJson(JSON.stringify(object)))": `const s = ${JSON.stringify(situation)};
    function parseAnswer(text) { return JSON.parse(text); }
    function stringifySituation(value) { return JSON.stringify(value); }
    for (let i = 0; i < N; i++) sink += parseAnswer(m.evaluateEligibilityJson(stringifySituation(s))).outcome.length;`,
};

const work = mkdtempSync(join(tmpdir(), "mentor-profile-"));
try {
  for (const [name, body] of Object.entries(CASES)) {
    const script = join(work, "case.cjs");
    writeFileSync(script, `const m = require(${JSON.stringify(glue)}); const N = ${calls}; let sink = 0;\n${body}\nconsole.log(sink > 0);\n`);
    const profiles = join(work, "profiles");
    rmSync(profiles, { recursive: true, force: true });
    execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-interval", "50", "--cpu-prof-dir", profiles, script], { stdio: "ignore" });
    const file = readdirSync(profiles).find((f) => f.endsWith(".cpuprofile"));
    const profile = JSON.parse(readFileSync(join(profiles, file), "utf8"));
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const byGroup = new Map(GROUPS.map(([g]) => [g, 0]));
    let total = 0;
    let other = 0;
    const others = new Map();
    profile.samples.forEach((id, i) => {
      const frame = nodes.get(id).callFrame;
      const dt = profile.timeDeltas[i] ?? 0;
      if (frame.functionName === "(idle)" || frame.functionName === "(program)") return;
      total += dt;
      const label = `${frame.functionName} ${frame.url}`;
      const group = GROUPS.find(([, pattern]) => pattern.test(label));
      if (group) byGroup.set(group[0], byGroup.get(group[0]) + dt);
      else {
        other += dt;
        others.set(label, (others.get(label) ?? 0) + dt);
      }
    });
    console.log(`\n${name}: ${calls.toLocaleString("en")} calls, ${(total / 1e3 / calls * 1e3).toFixed(2)} µs of samples per call (profiled, so slower than the benchmark)`);
    for (const [group, t] of [...byGroup].sort((a, b) => b[1] - a[1])) {
      if (t > 0) console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)}%  ${group}`);
    }
    const top = [...others].sort((a, b) => b[1] - a[1]).slice(0, 3);
    const named = top.map(([label, t]) => `${label.trim() || "?"} ${((100 * t) / total).toFixed(1)}%`).join(", ");
    console.log(`  ${((100 * other) / total).toFixed(1).padStart(5)}%  other${named ? ` (most: ${named})` : ""}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
