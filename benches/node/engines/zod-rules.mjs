// What a JavaScript team would write instead of mentor: a zod 4 schema of the working situation
// (`docs/wire-format.md#working-situation`), then the decision table by hand on the parsed value.
//
// The registration check is NOT done here: `decide` takes it precomputed (the `registration`
// fact of the shared cases: "none", "valid", "invalid" or "unsupported", found by mentor's
// `registration::validate`), as every engine of the comparison does (`benches/RESULTS.md#targets`). mentor
// does that check inside each call; these rules get it for free.
// A namespace import, as zod 4 recommends: bundlers then keep only the parts used.
import * as z from "zod";

export const STATUSES = ["employee", "freelancer", "company_owner", "self_employed", "student", "job_seeker", "retired", "other"];
export const SECTORS = ["tutoring", "education", "it_services", "other"];
export const AGREEMENTS = ["agreed", "refused", "not_asked"];
export const ROUTES = ["via_employer", "via_own_company"];

// The benchmark policy (benches/engines/policy.toml), as literals like in every engine.
const SUITED_SECTORS = new Set(["tutoring", "education", "it_services"]);
const EXCLUDED_COUNTRIES = new Set(["RU"]);

// Control characters and the bidirectional overrides LRO/RLO are refused, as mentor refuses them.
const BAD_CHARACTERS = /[\p{Cc}\u202d\u202e]/u;

/** An optional free text: trimmed, blank read as absent, at most `max` characters. */
const text = (max) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !BAD_CHARACTERS.test(s), { message: "invalid_characters" })
    .transform((s) => (s === "" ? undefined : s))
    .nullish();

/** An optional field whose absence (or null, as mentor reads it) means `fallback`. */
const withDefault = (schema, fallback) => schema.nullish().transform((v) => v ?? fallback);

const Employment = z.strictObject({
  full_time: z.boolean().nullish(),
  employer_name: text(200),
  employer_sector: withDefault(z.enum(SECTORS), "other"),
  employer_agreement: withDefault(z.enum(AGREEMENTS), "not_asked"),
  employer_informed: withDefault(z.boolean(), false),
});

const NO_EMPLOYMENT = Object.freeze({ employer_sector: "other", employer_agreement: "not_asked", employer_informed: false });

const Business = z.strictObject({
  legal_form: text(64),
  registration_number: text(64),
});

/** The working situation on its own (`docs/wire-format.md#working-situation`): `country` required. */
export const WorkingSituation = z.strictObject({
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/, { message: "invalid_country" })
    .transform((s) => s.toUpperCase()),
  status: z.enum(STATUSES),
  employment: withDefault(Employment, NO_EMPLOYMENT),
  route: z.enum(ROUTES).nullish(),
  business: Business.nullish(),
});

const RANK = { eligible: 0, needs_review: 1, action_required: 2, ineligible: 3 };

function atLeast(d, outcome) {
  if (RANK[outcome] > RANK[d.outcome]) d.outcome = outcome;
}

function require(d, code) {
  atLeast(d, "action_required");
  d.required_actions.push(code);
}

function parties(d, party) {
  d.contracting_party = party;
  d.invoicing_party = party;
  d.payout = party === "employer" ? "employer_payroll" : "invoice";
}

/** WS-3/4 (and WS-5 with a business): the mentor's business signs, with a number (WS-1). */
function ownBusiness(d, business, registration, employee) {
  parties(d, "mentor_business");
  if (business == null) {
    require(d, employee ? "register_business" : "provide_registration_number");
  } else if (business.registration_number == null) {
    require(d, "provide_registration_number");
  } else if (registration === "invalid") {
    require(d, "fix_registration_number");
  } else if (registration === "unsupported") {
    atLeast(d, "needs_review");
  }
}

/**
 * The decision table (`docs/wire-format.md#decision`) on a parsed situation; `registration` is the
 * precomputed check of its number. Returns the compared answer (codes only, no messages or reasons).
 */
export function decide(situation, registration) {
  const d = {
    outcome: "eligible",
    contracting_party: null,
    invoicing_party: null,
    payout: null,
    required_actions: [],
    recommended_actions: [],
  };
  if (EXCLUDED_COUNTRIES.has(situation.country)) atLeast(d, "ineligible"); // POL-1
  const { employment, business } = situation;
  switch (situation.status) {
    case "employee":
      if (situation.route == null) {
        require(d, "choose_route");
      } else if (situation.route === "via_employer") {
        // WS-2
        if (employment.employer_agreement === "refused") {
          parties(d, "mentor_business");
          require(d, "register_business");
        } else {
          parties(d, "employer");
          if (!SUITED_SECTORS.has(employment.employer_sector)) atLeast(d, "needs_review");
          if (employment.employer_agreement === "not_asked") require(d, "obtain_employer_agreement");
        }
      } else {
        ownBusiness(d, business, registration, true); // WS-3
        if (!employment.employer_informed) d.recommended_actions.push("inform_employer");
      }
      break;
    case "freelancer":
    case "company_owner":
    case "self_employed":
      ownBusiness(d, business, registration, false); // WS-4
      break;
    default: // student, job seeker, retired, other: WS-5
      if (business != null) {
        ownBusiness(d, business, registration, false);
      } else {
        parties(d, "mentor_business");
        require(d, "register_as_self_employed");
      }
  }
  return d;
}
