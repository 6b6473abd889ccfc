// Makes a wasm-bindgen output directory an npm package that a registry accepts and that installs
// from its tarball: package.json (name, exports, types, files, sideEffects, license, repository),
// the README and the license texts, and the package's entry, `js/`: the hand-written wrapper
// (`js/wrapper.js` of this crate) in front of the glue, as CommonJS and as an ES module, with
// its declarations. Called by build.sh:
//   node manifest.mjs DIR web|node VERSION REPOSITORY
//
// web  -> `mentor-wasm-web`: ES modules only (wasm-bindgen's `web` target fetches the .wasm
//         through `import.meta.url`); `./mentor_wasm_bg.wasm` is exported so that a bundler can
//         emit the module as an asset and pass its URL to `init()`. Entry: js/wrapper.js.
// node -> `mentor-wasm`: CommonJS that loads the .wasm synchronously (js/wrapper.js), plus
//         js/wrapper.mjs, which re-exports the same instance by name for `import`: one module
//         instance either way.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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
// `js/`: the package's entry (the wrapper, below), which imports `../mentor_wasm.js`.
const entry = { js: "./js/wrapper.js", types: "./js/wrapper.d.ts" };

let manifest;
if (target === "web") {
  manifest = {
    name: "mentor-wasm-web",
    ...common,
    description:
      "mentor-core in WebAssembly for browsers and bundlers: validate mentor applications and decide working status, in English or French",
    type: "module",
    main: entry.js,
    module: entry.js,
    types: entry.types,
    exports: {
      ".": { types: entry.types, default: entry.js },
      "./mentor_wasm_bg.wasm": "./mentor_wasm_bg.wasm",
      "./package.json": "./package.json",
    },
    files: [...bindings, "js/", ...docs],
    sideEffects: false,
  };
} else {
  manifest = {
    name: "mentor-wasm",
    ...common,
    description:
      "mentor-core in WebAssembly for Node: validate mentor applications, decide working status, billing statements and e-signature webhooks, in English or French",
    type: "commonjs",
    main: entry.js,
    types: entry.types,
    exports: {
      ".": { types: entry.types, import: "./js/wrapper.mjs", require: entry.js },
      "./package.json": "./package.json",
    },
    files: [...bindings, "js/", ...docs],
    engines: { node: ">=18" },
    sideEffects: false,
  };
}
writeFileSync(join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

// The wrapper (js/wrapper.js of this crate): a template holding one export, `function wrap(glue)`,
// which returns the calls that take the place of the glue's.
const template = readFileSync(join(here, "js", "wrapper.js"), "utf8");
if ((template.match(/^export /gm) ?? []).length !== 1 || !/^export function wrap\(glue\) \{$/m.test(template)) {
  console.error("manifest.mjs: js/wrapper.js must hold one export, `export function wrap(glue) {`");
  process.exit(1);
}
const body = template.replace(/^export function wrap\(glue\) \{$/m, "function wrap(glue) {");
const { wrap } = await import(pathToFileURL(join(here, "js", "wrapper.js")).href);
const generated = (what) => `// ${what} (written by manifest.mjs from mentor-wasm/js/wrapper.js).\n`;
const declarations = (extra) =>
  generated("Declarations of the package's entry: the glue's, whose signatures the wrapper keeps") +
  `export * from "../mentor_wasm.js";\n${extra}`;
const identifier = (names) => {
  const bad = names.filter((n) => !/^[A-Za-z_$][\w$]*$/.test(n) || n === "default");
  if (bad.length) {
    console.error(`manifest.mjs: exports that cannot be re-exported by name: ${bad.join(", ")}`);
    process.exit(1);
  }
  return names;
};
mkdirSync(join(out, "js"), { recursive: true });

if (target === "web") {
  // `export *` leaves out the names this module exports itself: the wrapped calls. The glue's
  // calls that `wrap` names (`glue.name`) are imported by name, not as a namespace, so that a
  // bundler can leave out every other call an app does not use.
  const glue = await import(pathToFileURL(join(out, "mentor_wasm.js")).href);
  const names = identifier(Object.keys(wrap(glue)).sort());
  const used = identifier([...new Set([...body.matchAll(/\bglue\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]))].filter((n) => n in glue).sort());
  writeFileSync(
    join(out, "js", "wrapper.js"),
    generated("The package's entry, an ES module: the glue's exports, some calls wrapped") +
      `import {\n${used.map((n) => `  ${n} as glue_${n},`).join("\n")}\n} from "../mentor_wasm.js";\n\n` +
      `const glue = { ${used.map((n) => `${n}: glue_${n}`).join(", ")} };\n\n` +
      `${body}\nconst wrapped = wrap(glue);\n\n` +
      'export * from "../mentor_wasm.js";\nexport { default } from "../mentor_wasm.js";\n' +
      `export const {\n${names.map((n) => `  ${n},`).join("\n")}\n} = wrapped;\n`,
  );
  writeFileSync(join(out, "js", "wrapper.d.ts"), declarations('export { default } from "../mentor_wasm.js";\n'));
}

if (target === "node") {
  // After package.json: its `"type": "commonjs"` is what lets the modules load as CommonJS.
  // Every export of the glue but its internal ones (`__…`), then the wrapped calls in their place.
  writeFileSync(
    join(out, "js", "wrapper.js"),
    generated("The package's entry, CommonJS: the glue's exports, some calls wrapped") +
      '"use strict";\nconst glue = require("../mentor_wasm.js");\n\n' +
      `${body}\n` +
      'for (const name of Object.keys(glue)) if (!name.startsWith("__")) exports[name] = glue[name];\n' +
      "Object.assign(exports, wrap(glue));\n",
  );
  // The names the CommonJS entry exports, written out so that the ES entry does not depend on
  // Node's static guess of a CommonJS module's names.
  const names = identifier(Object.keys(createRequire(import.meta.url)(join(out, "js", "wrapper.js"))).sort());
  writeFileSync(
    join(out, "js", "wrapper.mjs"),
    generated("The package's ES module entry: the CommonJS entry's exports, by name") +
      'import mentor from "./wrapper.js";\n\n' +
      `export const {\n${names.map((n) => `  ${n},`).join("\n")}\n} = mentor;\nexport default mentor;\n`,
  );
  writeFileSync(join(out, "js", "wrapper.d.ts"), declarations(""));
}
