// One options object for every call (issue 16): `{policy, lang, now}` after the inputs, the
// same in every call; the positional order of earlier releases (which differed from call to
// call) still gives the same answers for this release.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { builds, thrown } from "./helpers.mjs";

const situation = { country: "JP", status: "freelancer" };
const form = { offer_id: "mentor-web-2026", applicant: { first_name: "Ada", last_name: "L", email: "nope", country: "GB" }, subjects: [], consent: { data_processing: true } };
const NOW = "2026-11-30T09:00:00Z";

for (const [name, mentor] of builds) {
  describe(`${name} build: call options`, () => {
    const policy = mentor.Policy.fromJson({ excluded_countries: ["JP"], offers: ["mentor-web-2026"] });

    test("every call takes {policy, lang} the same way", () => {
      const d = mentor.evaluateEligibility(situation, { policy, lang: "fr" });
      assert.equal(d.outcome, "ineligible");
      assert.ok(d.reasons.some((r) => r.code === "country_excluded" && /programme ne contracte pas/.test(r.message)), JSON.stringify(d.reasons));
      const v = mentor.validateApplication(form, { policy, lang: "fr" });
      assert.equal(v.errors.find((e) => e.path === "applicant.email").message, "cette adresse e-mail n'est pas valide");
      assert.deepStrictEqual(mentor.validateApplication({ ...form, offer_id: "other" }, { policy }).errors.filter((e) => e.code === "unknown_offer").length, 1);
      if (mentor.triage) {
        const entries = mentor.triage([form], { policy, lang: "fr", now: NOW });
        assert.equal(entries[0].status, "invalid");
        assert.equal(mentor.triageJson(JSON.stringify([form]), { policy, now: new Date(NOW) }), mentor.triageJson(JSON.stringify([form]), policy, NOW));
      }
      assert.equal(mentor.validateRegistrationNumber("FR", "732 829 320 00075", { lang: "fr" }).valid, false);
      assert.equal(mentor.registrationSchemes("FR", { lang: "fr" }).schemes[0].scheme, "fr_siret");
      assert.equal(mentor.evaluateEligibilityJson(JSON.stringify(situation), { policy }), mentor.evaluateEligibilityJson(JSON.stringify(situation), policy));
    });

    test("the deprecated positional order gives the same answers", () => {
      assert.deepStrictEqual(mentor.evaluateEligibility(situation, policy, "fr"), mentor.evaluateEligibility(situation, { policy, lang: "fr" }));
      assert.deepStrictEqual(mentor.validateApplication(form, "fr", policy), mentor.validateApplication(form, { lang: "fr", policy }));
      if (mentor.triage) assert.deepStrictEqual(mentor.triage([form], policy, NOW, "fr"), mentor.triage([form], { policy, now: NOW, lang: "fr" }));
      assert.deepStrictEqual(mentor.validateRegistrationNumber("FR", "732 829 320 00074", "fr"), mentor.validateRegistrationNumber("FR", "732 829 320 00074", { lang: "fr" }));
      assert.deepStrictEqual(mentor.evaluateEligibility(situation), mentor.evaluateEligibility(situation, {}));
    });

    test("an option the call does not take, or a bad one, is invalid_input at its path", () => {
      const paths = (e) => e.errors.map((fe) => `${fe.path}:${fe.code}`);
      assert.deepStrictEqual(paths(thrown(() => mentor.evaluateEligibility(situation, { polcy: policy }))), ["options.polcy:unknown_field"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.validateRegistrationNumber("FR", "1", { now: NOW }))), ["options.now:unknown_field"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.evaluateEligibility(situation, { lang: "de" }))), ["lang:invalid_enum"]);
      assert.deepStrictEqual(paths(thrown(() => mentor.evaluateEligibility(situation, { policy: { excluded_countries: [] } }))), ["policy:invalid_type"]);
      if (mentor.triage) assert.deepStrictEqual(paths(thrown(() => mentor.triage([form], { now: "yesterday" }))), ["now:invalid_datetime"]);
      // The message of an unknown option is in the language asked for.
      assert.match(thrown(() => mentor.evaluateEligibility(situation, { lang: "fr", polcy: 1 })).errors[0].message, /ce champ/);
    });
  });
}
