// The hand-written input types of types/wire.d.ts against the JSON Schemas the core writes
// (docs/schema/, `bash scripts/schema.sh`): for each input, the same keys at every level, the
// same required and optional keys, `null` allowed in the same places, the same JSON types and
// the same enum literals. The declarations are read with the TypeScript compiler's own checker
// (typescript, pinned in package.json), so aliases, unions and inline types resolve as tsc
// resolves them. A field added to a raw form fails here until the declaration has it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

import ts from "typescript";

const crateDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaDir = join(crateDir, "..", "docs", "schema");
const declarations = join(crateDir, "types", "wire.d.ts");

/** Each input's schema (docs/schema/<name>.schema.json) and the type that declares it. */
const INPUTS = [
  ["application-form", "ApplicationForm"],
  ["working-situation", "WorkingSituation"],
  ["policy", "PolicyConfig"],
  ["billing-session", "BillingSession"],
];

// ---- a shape both sides reduce to ----
// { nullable, kind: "string" | "number" | "boolean" | "enum" | "array" | "object" | "map",
//   values (enum), items (array), values (map), properties: {key: {required, shape}} (object) }

/** The shape of a schema node, `$ref`s resolved in `root`'s `$defs`. */
function fromSchema(node, root) {
  if (node.$ref) {
    const name = node.$ref.replace("#/$defs/", "");
    assert.ok(root.$defs?.[name], `unresolved ${node.$ref}`);
    return fromSchema(root.$defs[name], root);
  }
  if (node.anyOf) {
    const nullable = node.anyOf.some((branch) => branch.type === "null");
    const others = node.anyOf.filter((branch) => branch.type !== "null");
    assert.equal(others.length, 1, `anyOf with ${others.length} non-null branches`);
    const inner = fromSchema(others[0], root);
    return { ...inner, nullable: inner.nullable || nullable };
  }
  if (node.oneOf) {
    assert.ok(node.oneOf.every((branch) => "const" in branch), "oneOf of consts only");
    return { nullable: false, kind: "enum", values: node.oneOf.map((branch) => branch.const) };
  }
  const types = [node.type ?? []].flat();
  const nullable = types.includes("null") || (node.enum ?? []).includes(null);
  const type = types.filter((t) => t !== "null");
  assert.equal(type.length, 1, `one JSON type besides null, found ${JSON.stringify(node.type)}`);
  switch (type[0]) {
    case "string":
      return node.enum
        ? { nullable, kind: "enum", values: node.enum.filter((v) => v !== null) }
        : { nullable, kind: "string" };
    case "integer":
    case "number":
      return { nullable, kind: "number" };
    case "boolean":
      return { nullable, kind: "boolean" };
    case "array":
      return { nullable, kind: "array", items: fromSchema(node.items, root) };
    case "object":
      if (!node.properties && typeof node.additionalProperties === "object") {
        return { nullable, kind: "map", values: fromSchema(node.additionalProperties, root) };
      }
      return {
        nullable,
        kind: "object",
        properties: Object.fromEntries(
          Object.entries(node.properties ?? {}).map(([key, value]) => [
            key,
            { required: (node.required ?? []).includes(key), shape: fromSchema(value, root) },
          ]),
        ),
      };
    default:
      throw new Error(`a JSON type this test does not know: ${type[0]}`);
  }
}

/** The shape of a TypeScript type, as the checker resolves it. */
function fromType(type, checker) {
  const members = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Undefined));
  const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
  const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
  const name = checker.typeToString(type);
  if (rest.length > 0 && rest.every((t) => t.isStringLiteral())) {
    return { nullable, kind: "enum", values: rest.map((t) => t.value) };
  }
  if (rest.length > 0 && rest.every((t) => t.flags & (ts.TypeFlags.BooleanLiteral | ts.TypeFlags.Boolean))) {
    return { nullable, kind: "boolean" };
  }
  assert.equal(rest.length, 1, `a union this test does not know: ${name}`);
  const [t] = rest;
  if (t.flags & ts.TypeFlags.String) return { nullable, kind: "string" };
  if (t.flags & ts.TypeFlags.Number) return { nullable, kind: "number" };
  if (checker.isArrayType(t)) {
    return { nullable, kind: "array", items: fromType(checker.getTypeArguments(t)[0], checker) };
  }
  assert.ok(t.flags & ts.TypeFlags.Object, `a type this test does not know: ${name}`);
  const properties = checker.getPropertiesOfType(t);
  const index = checker.getIndexInfosOfType(t).find((info) => info.keyType.flags & ts.TypeFlags.String);
  if (properties.length === 0 && index) {
    return { nullable, kind: "map", values: fromType(index.type, checker) };
  }
  return {
    nullable,
    kind: "object",
    properties: Object.fromEntries(
      properties.map((p) => [
        p.name,
        { required: !(p.flags & ts.SymbolFlags.Optional), shape: fromType(checker.getTypeOfSymbol(p), checker) },
      ]),
    ),
  };
}

/** Every difference between the schema's shape and the declaration's, with its path. */
function differences(schema, declared, path, out = []) {
  const where = path || "(the input)";
  if (schema.kind !== declared.kind) {
    out.push(`${where}: the schema says ${schema.kind}, the declaration ${declared.kind}`);
    return out;
  }
  if (schema.nullable !== declared.nullable) {
    out.push(`${where}: null is ${schema.nullable ? "allowed" : "not allowed"} by the schema, ${declared.nullable ? "allowed" : "not allowed"} by the declaration`);
  }
  switch (schema.kind) {
    case "enum": {
      const missing = schema.values.filter((v) => !declared.values.includes(v));
      const extra = declared.values.filter((v) => !schema.values.includes(v));
      if (missing.length) out.push(`${where}: the declaration lacks ${JSON.stringify(missing)}`);
      if (extra.length) out.push(`${where}: the declaration has ${JSON.stringify(extra)}, which the schema does not`);
      break;
    }
    case "array":
      differences(schema.items, declared.items, `${path}[]`, out);
      break;
    case "map":
      differences(schema.values, declared.values, `${path}{}`, out);
      break;
    case "object":
      for (const [key, field] of Object.entries(schema.properties)) {
        const at = path ? `${path}.${key}` : key;
        const other = declared.properties[key];
        if (!other) {
          out.push(`${at}: in the schema, not in the declaration`);
          continue;
        }
        if (field.required !== other.required) {
          out.push(`${at}: ${field.required ? "required" : "optional"} in the schema, ${other.required ? "required" : "optional"} in the declaration`);
        }
        differences(field.shape, other.shape, at, out);
      }
      for (const key of Object.keys(declared.properties)) {
        if (!(key in schema.properties)) out.push(`${path ? `${path}.${key}` : key}: in the declaration, not in the schema`);
      }
      break;
  }
  return out;
}

function declaredTypes() {
  const options = { strict: true, exactOptionalPropertyTypes: true, noEmit: true, types: [], target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts"] };
  const program = ts.createProgram([declarations], options);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  assert.deepEqual(diagnostics, [], "types/wire.d.ts compiles on its own");
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(declarations)));
  const byName = new Map(exported.map((symbol) => [symbol.name, symbol]));
  return { checker, byName };
}

const { checker, byName } = declaredTypes();

for (const [input, typeName] of INPUTS) {
  test(`types/wire.d.ts ${typeName} declares docs/schema/${input}.schema.json`, () => {
    const schema = JSON.parse(readFileSync(join(schemaDir, `${input}.schema.json`), "utf8"));
    const symbol = byName.get(typeName);
    assert.ok(symbol, `types/wire.d.ts exports no ${typeName}`);
    const found = differences(fromSchema(schema, schema), fromType(checker.getDeclaredTypeOfSymbol(symbol), checker), "");
    assert.deepEqual(found, [], `types/wire.d.ts ${typeName} differs from docs/schema/${input}.schema.json:\n  ${found.join("\n  ")}`);
  });
}

test("the comparison finds a missing key, a key made optional, a missing literal and a null", () => {
  const schema = {
    type: "object",
    required: ["a"],
    properties: { a: { type: "string", enum: ["x", "y"] }, b: { type: ["integer", "null"] }, c: { type: "boolean" } },
    additionalProperties: false,
  };
  const declared = {
    nullable: false,
    kind: "object",
    properties: {
      a: { required: false, shape: { nullable: false, kind: "enum", values: ["x"] } },
      b: { required: false, shape: { nullable: false, kind: "number" } },
    },
  };
  assert.deepEqual(differences(fromSchema(schema, schema), declared, ""), [
    "a: required in the schema, optional in the declaration",
    'a: the declaration lacks ["y"]',
    "b: null is allowed by the schema, not allowed by the declaration",
    "c: in the schema, not in the declaration",
  ]);
});
