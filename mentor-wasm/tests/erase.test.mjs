// Erasure of an event log's personal data (`docs/lifecycles.md#personal-data`, GDPR art. 17;
// Node build only): `eraseApplication` and `eraseContract` answer what the native command
// (`mentor erase`) prints on the documented logs, and throw as documented.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { mentorCli, node, thrown, web, workspace } from "./helpers.mjs";

const log = (name) =>
  readFileSync(join(workspace, "docs/examples", name), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const jsonLines = (text) =>
  text
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

describe("node build: erasure", () => {
  for (const [lifecycle, call, file, personal] of [
    ["application", "eraseApplication", "application-events.jsonl", "Europe/Paris"],
    ["contract", "eraseContract", "contract-events.jsonl", "123 456 782"],
  ]) {
    test(`${call}: mentor erase ${lifecycle}'s answer, without the personal value`, () => {
      const events = log(file);
      assert.ok(JSON.stringify(events).includes(personal));
      const erased = node[call](events, "2027-01-04T10:00:00Z");
      assert.ok(!JSON.stringify(erased).includes(personal), JSON.stringify(erased));
      assert.deepStrictEqual(erased.at(-1), { type: "erased", at: "2027-01-04T10:00:00Z", actor: "system", version: 1 });
      const cli = mentorCli(["erase", lifecycle, `docs/examples/${file}`, "--at", "2027-01-04T10:00:00Z"]);
      assert.equal(cli.status, 0, cli.stderr);
      assert.deepStrictEqual(erased, jsonLines(cli.stdout));
      // A Date is an instant too; erasing again changes nothing.
      assert.deepStrictEqual(node[call](events, new Date(Date.UTC(2027, 0, 4, 10))), erased);
      assert.deepStrictEqual(node[call](erased, "2030-01-01T00:00:00Z", { lang: "fr" }), erased);
      // The same state and allowed events.
      const replay = node[lifecycle === "application" ? "replayApplication" : "replayContract"];
      const [before, after] = [replay(events), replay(erased)];
      assert.equal(after.state, before.state);
      assert.deepStrictEqual(after.allowed_events, before.allowed_events);
      assert.ok(after.allowed_events.includes("erased"));
    });
  }

  test("the fields that are kept, and the ones that are replaced (checked by hand)", () => {
    const erased = node.eraseApplication(log("application-events.jsonl"), "2026-12-01T09:00:00Z");
    assert.deepStrictEqual(erased[2].slot, { start: "2026-11-10T17:00:00Z", time_zone: "UTC", duration_minutes: 45 });
    assert.equal(erased[4].scorecard.kindness, 4);
    assert.equal(erased[6].contract_id, "c-2026-0042");
    const contract = node.eraseContract(log("contract-events.jsonl"), "2027-01-04T10:00:00Z");
    assert.deepStrictEqual(contract[0].contracting_party, { party: "mentor_business", country: "FR", registration_number: null });
    assert.equal(contract[0].signers[0].recipient_id, "sig-1");
    assert.equal(contract[1].request_id, "sr-7f3a");
  });

  test("a log that cannot be erased throws TransitionError with its code and index", () => {
    const refused = thrown(() => node.eraseApplication(log("application-events-refused.jsonl"), "2026-12-01T09:00:00Z", "fr"));
    assert.ok(refused instanceof Error);
    assert.deepStrictEqual(
      [refused.name, refused.code, refused.aggregate, refused.state, refused.event, refused.index],
      ["TransitionError", "transition_not_allowed", "application", "in_review", "selected", 2],
    );
    assert.match(refused.message, /^event 2: l'état `in_review`/);
    const events = log("application-events.jsonl");
    const early = thrown(() => node.eraseApplication(events, "2026-11-01T00:00:00Z"));
    assert.deepStrictEqual([early.code, early.event, early.index], ["event_before_previous", "erased", events.length]);
    const empty = thrown(() => node.eraseContract([], "2026-11-01T00:00:00Z"));
    assert.deepStrictEqual([empty.code, empty.state, empty.index], ["transition_not_allowed", null, 0]);
  });

  test("bad input throws invalid_input with its path", () => {
    const events = log("application-events.jsonl");
    const paths = (e) => e.errors.map((fe) => `${fe.path}:${fe.code}`);
    assert.deepStrictEqual(paths(thrown(() => node.eraseApplication(events, "yesterday"))), ["at:invalid_datetime"]);
    assert.deepStrictEqual(paths(thrown(() => node.eraseApplication(events, 7))), ["at:invalid_type"]);
    assert.deepStrictEqual(paths(thrown(() => node.eraseApplication(events, new Date(NaN)))), ["at:invalid_datetime"]);
    assert.deepStrictEqual(paths(thrown(() => node.eraseContract({}, "2027-01-01T00:00:00Z"))), [":invalid_type"]);
    const bad = thrown(() => node.eraseApplication([events[0], { type: "review_started", at: "hier", actor: "mentor_manager" }]));
    assert.equal(bad.code, "invalid_input");
    assert.deepStrictEqual(paths(bad), ["[1].at:invalid_datetime"]);
  });

  test("the browser build has no erasure (it has no lifecycles)", () => {
    assert.equal(web.eraseApplication, undefined);
    assert.equal(web.eraseContract, undefined);
  });
});
