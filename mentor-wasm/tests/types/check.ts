// Type-level tests of the declarations (`tsc --noEmit --strict`, run by tests/types.test.mjs):
// every export is usable as documented, and misuse is a type error. The generated
// test-artifacts/types/answers.ts checks the declarations against real answers. The packages'
// entries (js/wrapper.js, what package.json's `exports` give) are checked; their declarations
// re-export the glue's.
import * as node from "../../pkg/node/js/wrapper.js";
import initWeb, * as web from "../../pkg/web/js/wrapper.js";
import type {
  ApplicationForm,
  BillingContract,
  BillingSession,
  BillingStatement,
  DiscrepancyCode,
  InvoiceCheck,
  ReceivedInvoice,
  SignatureError,
  SignatureErrorCode,
  SignatureEventKind,
  SignatureProvider,
  WebhookBodyError,
  WebhookDelivery,
  ApplicationValidation,
  CountryRegistration,
  Decision,
  ErrorCodeEntry,
  FieldError,
  FormWorkingSituation,
  MentorError,
  RegistrationCheck,
  ReplayReport,
  TriageEntry,
  WorkingSituation,
} from "../../pkg/node/js/wrapper.js";

const situation: WorkingSituation = {
  country: "FR",
  status: "freelancer",
  business: { legal_form: "micro_entrepreneur", registration_number: "732 829 320 00074" },
};
const form: ApplicationForm = {
  offer_id: "mentor-web-2026",
  applicant: { first_name: "Camille", last_name: "Moreau", email: "camille@example.org", country: "FR", languages: ["fr"] },
  subjects: [{ subject: "web_development", level: "proficient", years_experience: 6 }],
  working_situation: situation,
  consent: { data_processing: true },
};

for (const m of [node, web]) {
  const policy: web.Policy = m.Policy.fromJson({ offers: ["mentor-web-2026"], demand: { python: "urgent" } });
  const decision: Decision = m.evaluateEligibility(situation, policy, "fr");
  const who: "employer" | "mentor_business" | null = decision.contracting_party;
  const firstAction: string | undefined = decision.required_actions[0]?.params.procedure;
  const text: string = m.evaluateEligibilityJson(JSON.stringify(situation), undefined, "en");
  const validation: ApplicationValidation = m.validateApplication(form, "en", policy);
  const errors: FieldError[] = validation.errors;
  const check: RegistrationCheck = m.validateRegistrationNumber("FR", "732 829 320 00074");
  if (check.valid) {
    const formatted: string = check.formatted;
    void formatted;
  } else {
    const why: string = check.error;
    void why;
  }
  const schemes: CountryRegistration = m.registrationSchemes("FR", "en");
  const catalogue: ErrorCodeEntry[] = m.errorCodes();
  policy.free();
  void [who, firstAction, text, errors, schemes, catalogue, new m.Policy()];

  try {
    m.evaluateEligibility(situation);
  } catch (e) {
    const error = e as MentorError;
    const code: "invalid_input" | "invalid_policy" | "internal" = error.code;
    const paths: string[] = error.errors.map((fe) => fe.path);
    void [code, paths];
  }

  // @ts-expect-error: a language the library does not write
  m.evaluateEligibility(situation, undefined, "de");
  // @ts-expect-error: a policy is a Policy, not a plain object
  m.evaluateEligibility(situation, { offers: [] });
  // @ts-expect-error: not a working status
  m.evaluateEligibility({ country: "FR", status: "pirate" });
  // @ts-expect-error: the level is one of comfortable | proficient | expert
  const badForm: ApplicationForm = { ...form, subjects: [{ subject: "python", level: "guru" }] };
  void badForm;
  // In a form, a working situation's country is the applicant's by default...
  const inForm: FormWorkingSituation = { status: "student" };
  m.validateApplication({ ...form, working_situation: inForm });
  // @ts-expect-error: ...on its own, it must give its country
  m.evaluateEligibility({ status: "student" });
}

// The Node build has the TOML reader and the lifecycles; the browser build does not.
const fromToml: node.Policy = node.Policy.fromToml('excluded_countries = ["JP"]');
const fromText: node.Policy = node.Policy.fromText("{}");
const replay: ReplayReport = node.replayApplication([{ type: "submitted", at: "2026-11-12T09:30:00Z", actor: "candidate", offer_id: "o" }]);
const state: string | null = node.replayContract([]).state;
const mermaid: string = node.diagram("contract");
// @ts-expect-error: only application and contract have a diagram
node.diagram("invoice");

// Triage, billing and webhooks: Node build only.
const triagePolicy = new node.Policy();
const entries: TriageEntry[] = node.triage([form], triagePolicy, new Date(), "fr");
const lines: string = node.triageJson("{}", { policy: triagePolicy, now: "2026-11-30T09:00:00Z" });
void [entries, lines];
const decisions: (Decision | { errors: FieldError[] })[] = node.evaluateEligibilityMany([situation], { policy: triagePolicy, lang: "fr" });
const inFrench: (Decision | { errors: FieldError[] })[] = node.evaluateEligibilityMany([situation], triagePolicy, "fr");
// @ts-expect-error: a language the library does not write
node.evaluateEligibilityMany([situation], undefined, "de");
// @ts-expect-error: the entry's internal text call is not the package's
node.__evaluateEligibilityTape("{}");
void [decisions, inFrench];
// @ts-expect-error: the browser build has no batch call
web.evaluateEligibilityMany([situation]);
// @ts-expect-error: the browser build has no triage
web.triage([form]);

const contract: BillingContract = {
  contract_id: "c-1",
  invoicing_party: { party: "mentor_business", country: "FR", registration_number: "732 829 320 00074", vat: "franchise" },
  versions: [{ version: 1, currency: "EUR", rates: { mentoring: "35.00" }, start_date: "2026-01-01", notice_period_days: 30 }],
};
const sessions: BillingSession[] = [
  { session_id: "s-1", started_at: "2026-01-12T17:00:00Z", duration_minutes: 45, session_type: "mentoring", student_ref: "stu-1", status: "completed" },
];
const statement: BillingStatement = node.billingStatement(contract, sessions, "2026-01", new node.Policy(), "fr");
const mention: string | null = statement.vat.mention;
const invoice: ReceivedInvoice = {
  invoice_number: "1",
  issued_on: "2026-02-01",
  period: "2026-01",
  issuer: { country: "FR", registration_number: "732 829 320 00074" },
  currency: "EUR",
  total_excluding_vat: "35.00",
  total: "35.00",
};
const invoiceCheck: InvoiceCheck = node.checkInvoice(statement, invoice, "en");
const firstCode: DiscrepancyCode | undefined = invoiceCheck.discrepancies[0]?.code;
// @ts-expect-error: a session status the library does not know
const badSession: BillingSession = { ...sessions[0]!, status: "done" };
const delivery: WebhookDelivery = node.verifyWebhook("yousign", "secret", { "x-yousign-signature-256": "sha256=00" }, new Uint8Array(), new Date());
const fromHeaders: WebhookDelivery = node.verifyWebhook("docusign", "secret", new Headers(), "{}");
const fromPairs: WebhookDelivery = node.verifyWebhook("concord", undefined, [["content-type", "application/json"]], new ArrayBuffer(0), "2026-11-20T10:00:00Z", "fr");
const kind: SignatureEventKind | undefined = delivery.events[0]?.kind;
try {
  node.verifyWebhook("documenso", "s", {}, "{}");
} catch (e) {
  if ((e as SignatureError).name === "SignatureError") {
    const code: SignatureErrorCode = (e as SignatureError).code;
    const provider: SignatureProvider = (e as SignatureError).provider;
    void [code, provider];
  } else {
    const verified: boolean = (e as WebhookBodyError).verified;
    const paths: string[] = (e as WebhookBodyError).errors.map((fe) => fe.path);
    void [verified, paths];
  }
}
// @ts-expect-error: not a provider
node.verifyWebhook("hellosign", "s", {}, "{}");
// @ts-expect-error: not in the browser build
web.billingStatement(contract, sessions, "2026-01");
// @ts-expect-error: not in the browser build
web.verifyWebhook("yousign", "s", {}, "{}");
void [mention, firstCode, badSession, fromHeaders, fromPairs, kind];
// @ts-expect-error: not in the browser build
web.Policy.fromToml("");
// @ts-expect-error: not in the browser build
web.replayApplication([]);
void [fromToml, fromText, replay, state, mermaid, initWeb];

// Erasure (`docs/lifecycles.md#personal-data`): Node build only.
import type { LifecycleEvent, TransitionError } from "../../pkg/node/mentor_wasm.js";
const toErase: LifecycleEvent[] = [{ type: "submitted", at: "2026-11-12T09:30:00Z", actor: "candidate", offer_id: "o" }];
const erased: LifecycleEvent[] = node.eraseApplication(toErase, "2026-12-01T09:00:00Z");
const erasedContract: LifecycleEvent[] = node.eraseContract([], new Date(), { lang: "fr" });
const erasedNow: LifecycleEvent[] = node.eraseApplication(toErase);
try {
  node.eraseApplication(toErase, "2026-11-01T00:00:00Z");
} catch (e) {
  const { code, index, state: from, event }: { code: string; index: number; state: string | null; event: string } = e as TransitionError;
  void [code, index, from, event];
}
// @ts-expect-error: `at` is an instant, not a number
node.eraseApplication(toErase, 7);
// @ts-expect-error: not in the browser build
web.eraseApplication([]);
void [erased, erasedContract, erasedNow];
