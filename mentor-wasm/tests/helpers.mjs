// Shared by the Node tests: both builds of the package, the workspace's paths, and the native
// core's answers to the conformance inputs (from `cargo run --example native_answers`).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const crateDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const workspace = join(crateDir, "..");
export const artifacts = join(crateDir, "test-artifacts");
/** `../shared/fixtures` from the workspace root (absent in a clone of this repository alone). */
export const fixturesDir = join(workspace, "..", "shared", "fixtures");

const require = createRequire(import.meta.url);

/** pkg/node as `require` finds it (its package.json: the entry, js/wrapper.js): CommonJS, every
 * feature. */
export const node = require(join(crateDir, "pkg/node"));

/** pkg/web's entry (js/wrapper.js): the browser's ES module, initialised here from the .wasm
 * bytes. */
export const web = await import(join(crateDir, "pkg/web/js/wrapper.js"));
web.initSync({ module: readFileSync(join(crateDir, "pkg/web/mentor_wasm_bg.wasm")) });

/** wasm-bindgen's glue under each entry (the same module instances as the entries'): what the
 * wrapper must answer exactly as. */
export const glue = {
  node: require(join(crateDir, "pkg/node/mentor_wasm.js")),
  web: await import(join(crateDir, "pkg/web/mentor_wasm.js")),
};

/** Both builds, for the tests that must hold for each. */
export const builds = [
  ["node", node],
  ["web", web],
];

/** The native core's answers (see examples/native_answers.rs), computed once per run. */
export function nativeAnswers() {
  const file = join(artifacts, "native-answers.json");
  if (!existsSync(file)) {
    mkdirSync(artifacts, { recursive: true });
    const out = execFileSync("cargo", ["run", "-q", "-p", "mentor-wasm", "--example", "native_answers"], {
      cwd: workspace,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    writeFileSync(file, out);
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Calls `f` and returns what it threw (fails when it does not throw). */
export function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

let cliPath;

/** Runs the native `mentor` command (built once per test process) from the workspace root:
 * `{status, stdout, stderr}`. */
export function mentorCli(args) {
  if (!cliPath) {
    const out = execFileSync("cargo", ["build", "-q", "-p", "mentor-cli", "--message-format=json"], {
      cwd: workspace,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      stdio: ["ignore", "pipe", "inherit"],
    });
    for (const line of out.split("\n")) {
      if (!line.startsWith("{")) continue;
      const message = JSON.parse(line);
      if (message.reason === "compiler-artifact" && message.executable && message.target?.name === "mentor") cliPath = message.executable;
    }
    if (!cliPath) throw new Error("cargo built no `mentor` executable");
  }
  const { status, stdout, stderr, error } = spawnSync(cliPath, args, { cwd: workspace, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (error) throw error;
  return { status, stdout, stderr };
}
