// The user guide's JavaScript examples (the ```js blocks of docs/*.md) run as written, from the
// workspace root as the guide says. Only where the package comes from changes: `mentor-wasm`
// is pkg/node (its package.json's entry); `mentor-wasm-web` is pkg/web's entry, and the `.wasm`
// URL a bundler would give is the module's bytes. A block with `import` runs as an ES module, the others as CommonJS.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const crateDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const workspace = join(crateDir, "..");
const artifacts = join(crateDir, "test-artifacts", "guide");

function pages(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return pages(path);
      return name.endsWith(".md") ? [path] : [];
    });
}

function blocks() {
  const found = [];
  for (const page of pages(join(workspace, "docs"))) {
    const text = readFileSync(page, "utf8");
    for (const m of text.matchAll(/^```js\n([\s\S]*?)^```/gm)) {
      const line = text.slice(0, m.index).split("\n").length;
      found.push({ place: `${relative(workspace, page)}:${line}`, code: m[1] });
    }
  }
  return found;
}

const nodePkg = join(crateDir, "pkg/node");
const webPkg = pathToFileURL(join(crateDir, "pkg/web/js/wrapper.js")).href;
const webWasm = join(crateDir, "pkg/web/mentor_wasm_bg.wasm");

/** The block as a file Node can run, and whether it is an ES module. */
function runnable(code) {
  const esm = /^import /m.test(code);
  let out = code
    .replaceAll('require("mentor-wasm")', `require(${JSON.stringify(nodePkg)})`)
    .replace(
      /^import (\w+) from "mentor-wasm-web\/mentor_wasm_bg\.wasm";$/m,
      (_, name) => `import { readFileSync as guideRead } from "node:fs";\nconst ${name} = guideRead(${JSON.stringify(webWasm)});`,
    )
    .replaceAll('from "mentor-wasm-web"', `from ${JSON.stringify(webPkg)}`);
  return { esm, code: out };
}

function run(place, code) {
  const { esm, code: text } = runnable(code);
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `${place.replace(/[^A-Za-z0-9]+/g, "-")}.${esm ? "mjs" : "cjs"}`);
  writeFileSync(file, text);
  execFileSync(process.execPath, [file], { cwd: workspace, encoding: "utf8", stdio: "pipe" });
}

test("the guide has JavaScript examples", () => {
  assert.ok(blocks().length >= 2);
});

for (const { place, code } of blocks()) {
  test(`the guide's example at ${place} runs`, () => {
    try {
      run(place, code);
    } catch (e) {
      assert.fail(`the example failed:\n${e.stderr ?? e}`);
    }
  });
}

test("an example whose answer drifted fails", () => {
  const code = 'const { evaluateEligibility } = require("mentor-wasm");\nif (evaluateEligibility({ country: "FR", status: "student" }).outcome !== "eligible") throw new Error("drifted");\n';
  assert.throws(() => run("drift", code));
});
