// The README's Node example runs as written (with `require("mentor-wasm")` pointed at pkg/node,
// whose package.json gives the entry).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { artifacts, crateDir } from "./helpers.mjs";

test("the README's Node example runs", () => {
  const readme = readFileSync(join(crateDir, "README.md"), "utf8");
  const block = readme.match(/```js node-example\n([\s\S]*?)```/);
  assert.ok(block, "README.md has a node-example block");
  const code = block[1].replaceAll('require("mentor-wasm")', `require(${JSON.stringify(join(crateDir, "pkg/node"))})`);
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, "readme-node-example.cjs");
  writeFileSync(file, code);
  try {
    execFileSync(process.execPath, [file], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    assert.fail(`the example failed:\n${e.stderr}`);
  }
});
