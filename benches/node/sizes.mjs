// The payload sizes of compare.mjs: what a browser downloads for each engine, raw and gzipped
// (zlib level 9, as `gzip -9`). WebAssembly glue is measured as its package ships it; plain JS
// libraries are bundled and minified by esbuild from a one-line entry, as an application would
// ship them. Files served separately are compressed separately, so a payload's gzipped size is
// the sum of its files' gzipped sizes.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

const gzipped = (bytes) => gzipSync(bytes, { level: 9 }).length;

const measure = (name, bytes, note) => ({ name, raw_bytes: bytes.length, gzip_bytes: gzipped(bytes), ...(note ? { note } : {}) });

/** esbuild bundle + minify of `contents` (an ES module) resolved from `resolveDir`. */
async function bundle(contents, resolveDir) {
  const out = await build({
    stdin: { contents, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    legalComments: "none",
    logLevel: "silent",
  });
  return Buffer.from(out.outputFiles[0].contents);
}

/**
 * The size rows. `paths` gives where each package is: `{ here, mentorWasm, wasi }` (the WASI
 * build of ZEN is fetched by setup.sh into `wasi`; it is skipped, with a note, when absent).
 */
export async function payloadSizes({ here, mentorWasm, wasi }) {
  const modules = join(here, "node_modules");
  const rows = [];
  const files = (label, list, note) => {
    const parts = list.map(([suffix, path]) => measure(`${label} ${suffix}`, readFileSync(path)));
    rows.push(...parts);
    if (parts.length > 1) {
      rows.push({
        name: `${label} total`,
        raw_bytes: parts.reduce((n, p) => n + p.raw_bytes, 0),
        gzip_bytes: parts.reduce((n, p) => n + p.gzip_bytes, 0),
        ...(note ? { note } : {}),
      });
    } else if (note) {
      parts[0].note = note;
    }
  };

  files(
    "mentor-wasm pkg/web (browser)",
    [
      [".wasm", join(mentorWasm, "pkg/web/mentor_wasm_bg.wasm")],
      [".js", join(mentorWasm, "pkg/web/mentor_wasm.js")],
      ["js/wrapper.js", join(mentorWasm, "pkg/web/js/wrapper.js")],
    ],
    "the browser build: opt-level z, wasm-opt -Oz; the wasm-bindgen glue as generated and the package's entry in front of it (not minified)",
  );
  files("mentor-wasm pkg/node", [[".wasm", join(mentorWasm, "pkg/node/mentor_wasm_bg.wasm")]], "the Node build (every feature, opt-level 3): not downloaded by a browser");

  const zenWasm = join(modules, "@gorules/zen-engine-wasm/dist");
  files(
    "@gorules/zen-engine-wasm",
    [
      [".wasm", join(zenWasm, "zen_engine_wasm_bg.wasm")],
      [".js", join(zenWasm, "zen_engine_wasm.js")],
    ],
    "expressions only (no decision tables or graphs); the wasm-bindgen glue as shipped",
  );

  const wasiWasm = join(wasi, "zen-engine.wasm32-wasi.wasm");
  if (existsSync(wasiWasm)) {
    const version = JSON.parse(readFileSync(join(wasi, "package.json"), "utf8")).version;
    // The browser entry imports @napi-rs/wasm-runtime (emnapi + a WASI shim): bundled with it.
    const entry = await bundle(readFileSync(join(wasi, "zen-engine.wasi-browser.js"), "utf8"), here);
    const worker = await bundle(readFileSync(join(wasi, "wasi-worker-browser.mjs"), "utf8"), here);
    rows.push(measure(`@gorules/zen-engine-wasm32-wasi ${version} .wasm`, readFileSync(wasiWasm)));
    rows.push(measure(`@gorules/zen-engine-wasm32-wasi ${version} browser entry + runtime (esbuild, minified)`, entry));
    rows.push(measure(`@gorules/zen-engine-wasm32-wasi ${version} worker + runtime (esbuild, minified)`, worker));
    const last = rows.slice(-3);
    rows.push({
      name: `@gorules/zen-engine-wasm32-wasi ${version} total`,
      raw_bytes: last.reduce((n, p) => n + p.raw_bytes, 0),
      gzip_bytes: last.reduce((n, p) => n + p.gzip_bytes, 0),
      note: "ZEN's full engine for the browser (decision graphs): the WASI build of @gorules/zen-engine, with its thread worker",
    });
  } else {
    rows.push({ name: "@gorules/zen-engine-wasm32-wasi", raw_bytes: 0, gzip_bytes: 0, note: "not fetched: run benches/node/setup.sh" });
  }

  const cedar = join(modules, "@cedar-policy/cedar-wasm/web");
  files(
    "@cedar-policy/cedar-wasm (web)",
    [
      [".wasm", join(cedar, "cedar_wasm_bg.wasm")],
      [".js", join(cedar, "cedar_wasm.js")],
    ],
    "for scale: another Rust policy engine's browser build",
  );

  rows.push(measure("json-logic-js (esbuild, minified)", await bundle('export { default } from "json-logic-js";', here), "the whole library"));
  rows.push(measure("zod (esbuild, minified)", await bundle('export { z } from "zod";', here), "the `z` namespace, as `import { z } from \"zod\"` ships it"));
  rows.push(
    measure(
      "zod schema + hand-written rules (esbuild, minified)",
      await bundle('export { WorkingSituation, decide } from "./engines/zod-rules.mjs";', here),
      "this benchmark's module as an application would ship it (no registration check)",
    ),
  );

  const zenNative = join(modules, "@gorules/zen-engine-linux-x64-gnu/zen-engine.linux-x64-gnu.node");
  if (existsSync(zenNative)) {
    rows.push(measure("@gorules/zen-engine native binding (linux-x64-gnu .node)", readFileSync(zenNative), "for information: Node only, never downloaded by a browser"));
  }
  return rows;
}
