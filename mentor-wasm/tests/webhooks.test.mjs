// E-signature webhooks (`docs/esign.md`; Node build only): `verifyWebhook` answers what
// `mentor webhook --json` prints, on the signed deliveries of docs/examples/webhooks/ (the
// commands of docs/esign.md, run as written) and on forged, stale and malformed variants.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { artifacts, mentorCli, node, thrown, web, workspace } from "./helpers.mjs";

/** A fixed instant, for the providers whose events are dated from it (Concord). */
const NOW = "2026-11-20T10:16:00Z";

/** The `mentor webhook` commands of docs/esign.md, as `{provider, secret, headers, body, now, args}`. */
function documented() {
  const doc = readFileSync(join(workspace, "docs/esign.md"), "utf8");
  const commands = doc.split("\n").filter((l) => l.startsWith("mentor webhook ") && l.includes(" docs/examples/webhooks/"));
  assert.ok(commands.length >= 6, "docs/esign.md lists a command per provider");
  return commands.map((line) => {
    const words = [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]).slice(2);
    const delivery = { provider: words[0], secret: undefined, headers: [], body: undefined, now: undefined };
    for (let i = 1; i < words.length; i += 2) {
      const [flag, value] = [words[i], words[i + 1]];
      if (flag === "--secret") delivery.secret = value;
      else if (flag === "--header") delivery.headers.push(value.split(/:\s*(.*)/s).slice(0, 2));
      else if (flag === "--body") delivery.body = value;
      else if (flag === "--now") delivery.now = value;
      else assert.fail(`unexpected ${flag} in: ${line}`);
    }
    delivery.now ??= NOW;
    return delivery;
  });
}

/** The command line of a delivery whose body is in `file` (relative to the workspace). */
function args({ provider, secret, headers, now }, file, lang = "en") {
  const out = ["webhook", provider, "--body", file, "--now", now, "--json", "--lang", lang];
  if (secret !== undefined) out.push("--secret", secret);
  for (const [name, value] of headers) out.push("--header", `${name}: ${value}`);
  return out;
}

/** The command's answer to a delivery whose body is `bytes`: `{status, json}`. */
function cli(delivery, bytes, lang) {
  mkdirSync(artifacts, { recursive: true });
  const file = join(artifacts, `webhook-${delivery.provider}.body`);
  writeFileSync(file, bytes);
  const { status, stdout, stderr } = mentorCli(args(delivery, file, lang));
  assert.ok(stdout, stderr);
  return { status, json: JSON.parse(stdout) };
}

const bodyOf = (delivery) => readFileSync(join(workspace, delivery.body));

/** What `verifyWebhook` answers or throws, shaped as the command's `--json` output. */
function verify(delivery, body, lang, headers = delivery.headers) {
  try {
    return node.verifyWebhook(delivery.provider, delivery.secret, headers, body, delivery.now, lang);
  } catch (e) {
    assert.ok(e instanceof Error, String(e));
    if (e.name === "SignatureError") {
      assert.equal(e.provider, delivery.provider);
      assert.deepStrictEqual(e.errors, []);
      return { provider: e.provider, verified: false, events: [], error: { code: e.code, message: e.message, errors: [] } };
    }
    assert.equal(e.name, "InputError", e.message);
    assert.equal(e.code, "invalid_input");
    assert.equal(e.provider, delivery.provider);
    return { provider: e.provider, verified: e.verified, events: [], error: { code: "invalid_body", errors: e.errors } };
  }
}

/** Compares with the command (the message of an `invalid_body` is the command's summary). */
function assertSame(delivery, body, lang = "en") {
  const expected = cli(delivery, body, lang);
  const got = verify(delivery, body, lang);
  if (got.error?.code === "invalid_body") delete expected.json.error.message;
  assert.deepStrictEqual(got, expected.json, `${delivery.provider} (${lang})`);
  return expected;
}

describe("node build: verifyWebhook, the native command's answers", () => {
  for (const delivery of documented()) {
    test(`docs/esign.md: mentor webhook ${delivery.provider}`, () => {
      const body = bodyOf(delivery);
      const { status, json } = assertSame(delivery, body);
      assert.equal(status, 0);
      assert.ok(json.events.length > 0);
      assert.equal(json.verified, delivery.provider !== "concord");
      // The body as a Buffer, a Uint8Array, an ArrayBuffer or a string; headers as an object,
      // a fetch Headers or pairs: the same answer.
      const plain = new Uint8Array(body);
      const buffer = plain.buffer.slice(plain.byteOffset, plain.byteOffset + plain.byteLength);
      const object = Object.fromEntries(delivery.headers.map(([n, v]) => [n.toLowerCase(), v]));
      for (const [b, h] of [
        [plain, object],
        [buffer, new Headers(delivery.headers)],
        [body.toString("utf8"), new Map(delivery.headers)],
      ]) {
        assert.deepStrictEqual(node.verifyWebhook(delivery.provider, delivery.secret, h, b, new Date(delivery.now)), json);
      }
    });
  }

  test("forged, tampered, stale, unsigned: a SignatureError with the command's code and message", () => {
    const signed = documented().filter((d) => d.provider !== "concord");
    const cases = [];
    for (const d of signed) {
      cases.push([{ ...d, secret: "a-guess" }, bodyOf(d)]);
      cases.push([{ ...d, secret: "" }, bodyOf(d)]);
      cases.push([{ ...d, headers: [] }, bodyOf(d)]);
      cases.push([{ ...d, headers: d.headers.map(([n]) => [n, "garbage"]) }, bodyOf(d)]);
    }
    const yousign = signed.find((d) => d.provider === "yousign");
    cases.push([yousign, Buffer.concat([bodyOf(yousign), Buffer.from(" ")])]);
    const docuseal = signed.find((d) => d.provider === "docuseal");
    cases.push([{ ...docuseal, now: "2026-11-20T11:00:00Z" }, bodyOf(docuseal)]);
    cases.push([{ ...docuseal, now: "2026-11-20T10:00:00Z" }, bodyOf(docuseal)]);
    const codes = new Set();
    for (const [delivery, body] of cases) {
      const { status, json } = assertSame(delivery, body);
      if (json.error && json.error.code !== "invalid_body") assert.equal(status, 3);
      codes.add(json.error?.code);
    }
    for (const code of ["bad_signature", "empty_secret", "missing_header", "malformed_header", "stale_timestamp"]) assert.ok(codes.has(code), code);
  });

  test("a body that is not the provider's payload: invalid_input with the command's field errors", () => {
    const documenso = documented().find((d) => d.provider === "documenso");
    for (const body of ['{"event": 5, "payload": {}}', "not json", '{"event": "DOCUMENT_SIGNED"}']) {
      for (const lang of ["en", "fr"]) {
        const { status, json } = assertSame(documenso, Buffer.from(body), lang);
        assert.equal(status, 1);
        assert.ok(json.error.errors.length > 0, body);
        assert.equal(json.verified, true, "the secret matched: authentic, but not Documenso's payload");
      }
    }
  });

  test("key rotation: Node's array value for a repeated header", () => {
    const docusign = documented().find((d) => d.provider === "docusign");
    const [[name, value]] = docusign.headers;
    const answer = node.verifyWebhook("docusign", docusign.secret, { [name]: ["AAAA", value] }, bodyOf(docusign));
    assert.equal(answer.verified, true);
  });
});

describe("node build: verifyWebhook, bad arguments", () => {
  const paths = (e) => e.errors.map((fe) => `${fe.path}:${fe.code}`);
  const ok = ["yousign", "s", {}, "{}"];
  const call = (i, value) => () => node.verifyWebhook(...ok.map((v, j) => (j === i ? value : v)));

  test("invalid_input at the argument's path; the secret is never quoted", () => {
    assert.deepStrictEqual(paths(thrown(call(0, "hellosign"))), ["provider:invalid_enum"]);
    assert.deepStrictEqual(paths(thrown(call(0, undefined))), ["provider:required"]);
    const secret = thrown(call(1, { secret: "hunter2" }));
    assert.deepStrictEqual(paths(secret), ["secret:invalid_type"]);
    assert.ok(!JSON.stringify(secret.errors).includes("hunter2") && !secret.message.includes("hunter2"));
    assert.deepStrictEqual(paths(thrown(call(2, "X-Yousign-Signature-256: x"))), ["headers:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(call(2, [["a"], ["b", "c"], ["d", 1]]))), ["headers[0]:invalid_type", "headers[2]:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(call(2, { a: 1, b: ["c", 2], d: undefined }))), ["headers.a:invalid_type", "headers.b:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(call(3, undefined))), ["body:required"]);
    assert.deepStrictEqual(paths(thrown(call(3, { event: "x" }))), ["body:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.verifyWebhook(...ok, "yesterday"))), ["now:invalid_datetime"]);
    assert.deepStrictEqual(paths(thrown(() => node.verifyWebhook(...ok, undefined, "de"))), ["lang:invalid_enum"]);
    assert.deepStrictEqual(paths(thrown(() => node.verifyWebhook("docusign", 1, 2, 3))), [
      "secret:invalid_type",
      "headers:invalid_type",
      "body:invalid_type",
    ]);
    // Headers absent: the signature header is missing, a SignatureError.
    const e = thrown(() => node.verifyWebhook("yousign", "s", undefined, "{}"));
    assert.equal(e.name, "SignatureError");
    assert.equal(e.code, "missing_header");
  });

  test("the browser build has no verifyWebhook", () => {
    assert.equal(web.verifyWebhook, undefined);
  });
});
