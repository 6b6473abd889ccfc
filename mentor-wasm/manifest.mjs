// Makes a wasm-bindgen output directory an npm package that a registry accepts and that installs
// from its tarball: package.json (name, exports, types, files, sideEffects, license, repository),
// the README and the license texts, and for the Node build an ES module entry beside the CommonJS
// one. Called by build.sh:
//   node manifest.mjs DIR web|node VERSION REPOSITORY
//
// web  -> `mentor-wasm-web`: an ES module only (wasm-bindgen's `web` target fetches the .wasm
//         through `import.meta.url`); `./mentor_wasm_bg.wasm` is exported so that a bundler can
//         emit the module as an asset and pass its URL to `init()`.
// node -> `mentor-wasm`: CommonJS that loads the .wasm synchronously, plus mentor_wasm.mjs, which
//         re-exports the same instance by name for `import`: one module instance either way.
import { copyFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const [dir, target, version, repository] = process.argv.slice(2);
if (!dir || !["web", "node"].includes(target) || !version || !repository) {
  console.error("usage: node manifest.mjs DIR web|node VERSION REPOSITORY");
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(here);
const out = resolve(dir);

for (const [from, to] of [
  [join(here, "README.md"), "README.md"],
  [join(root, "LICENSE-MIT"), "LICENSE-MIT"],
  [join(root, "LICENSE-APACHE"), "LICENSE-APACHE"],
]) {
  copyFileSync(from, join(out, to));
}

const common = {
  version,
  license: "MIT OR Apache-2.0",
  repository: { type: "git", url: `git+${repository}.git`, directory: "mentor-wasm" },
  keywords: ["webassembly", "recruitment", "eligibility", "siret", "validation"],
};
const docs = ["README.md", "LICENSE-MIT", "LICENSE-APACHE"];
// `snippets/`: the glue's own JS modules (`inline_js`), imported by `mentor_wasm.js`.
const bindings = ["mentor_wasm.js", "mentor_wasm.d.ts", "mentor_wasm_bg.wasm", "mentor_wasm_bg.wasm.d.ts", "snippets/"];

let manifest;
if (target === "web") {
  manifest = {
    name: "mentor-wasm-web",
    ...common,
    description:
      "mentor-core in WebAssembly for browsers and bundlers: validate mentor applications and decide working status, in English or French",
    type: "module",
    main: "./mentor_wasm.js",
    module: "./mentor_wasm.js",
    types: "./mentor_wasm.d.ts",
    exports: {
      ".": { types: "./mentor_wasm.d.ts", default: "./mentor_wasm.js" },
      "./mentor_wasm_bg.wasm": "./mentor_wasm_bg.wasm",
      "./package.json": "./package.json",
    },
    files: [...bindings, ...docs],
    sideEffects: false,
  };
} else {
  manifest = {
    name: "mentor-wasm",
    ...common,
    description:
      "mentor-core in WebAssembly for Node: validate mentor applications, decide working status, billing statements and e-signature webhooks, in English or French",
    type: "commonjs",
    main: "./mentor_wasm.js",
    types: "./mentor_wasm.d.ts",
    exports: {
      ".": { types: "./mentor_wasm.d.ts", import: "./mentor_wasm.mjs", require: "./mentor_wasm.js" },
      "./package.json": "./package.json",
    },
    files: [...bindings, "mentor_wasm.mjs", ...docs],
    engines: { node: ">=18" },
    sideEffects: false,
  };
}
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

if (target === "node") {
  // After package.json: its `"type": "commonjs"` is what lets the module load as CommonJS.
  // The names the CommonJS module exports, written out so that the ES entry does not depend on
  // Node's static guess of a CommonJS module's names.
  const names = Object.keys(createRequire(import.meta.url)(join(out, "mentor_wasm.js"))).sort();
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === "default");
  if (bad.length) {
    console.error(`manifest.mjs: exports that cannot be re-exported by name: ${bad.join(", ")}`);
    process.exit(1);
  }
  writeFileSync(
    join(out, "mentor_wasm.mjs"),
    "// ES module entry of the Node build: the CommonJS module's exports, by name (written by manifest.mjs).\n" +
      'import mentor from "./mentor_wasm.js";\n\n' +
      `export const {\n${names.map((n) => `  ${n},`).join("\n")}\n} = mentor;\nexport default mentor;\n`,
  );
}
