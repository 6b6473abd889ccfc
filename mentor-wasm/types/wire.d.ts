/* The wire format (`docs/wire-format.md`) as TypeScript types. Keys stay snake_case, as on the wire.
 * Inputs are what the calls accept when well-formed; any value may be passed at run time and is
 * checked by the library (a wrong value is a field error, never a crash). The inputs'
 * declarations (ApplicationForm, WorkingSituation, PolicyConfig, BillingSession) are checked
 * against their JSON Schemas, docs/schema/, by tests/schema.test.mjs. */

/** A language the library writes its messages in. */
export type Lang = "en" | "fr";

/** A rule id (`docs/rules.md`: `WS-2`, `POL-1`…). */
export type RuleId =
  | "APP-1" | "APP-2" | "APP-3" | "APP-4"
  | "SEL-1" | "SEL-2" | "SEL-3"
  | "INT-1" | "INT-2" | "INT-3" | "INT-4" | "INT-5"
  | "WS-1" | "WS-2" | "WS-3" | "WS-4" | "WS-5"
  | "CON-1" | "CON-2" | "CON-3" | "BIL-1" | "POL-1";

/** The stable code of a field error (`docs/wire-format.md#field-errors`); the catalogue is `errorCodes()`. */
export type ErrorCode =
  | "required" | "invalid_type" | "invalid_json" | "unknown_field" | "invalid_enum"
  | "invalid_email" | "invalid_country" | "invalid_timezone" | "invalid_url" | "invalid_phone"
  | "invalid_language" | "invalid_subject" | "invalid_datetime" | "invalid_characters"
  | "too_long" | "out_of_range" | "duplicate_subject" | "consent_required" | "unknown_offer"
  | "invalid_registration_number" | "unsupported_country" | "invalid_currency" | "invalid_money"
  | "invalid_date" | "invalid_period" | "unknown_session_type" | "currency_mismatch"
  | "duplicate_application" | "nonexistent_local_time" | "ambiguous_local_time"
  | "duplicate_session" | "no_terms_in_force" | "inconsistent_amount" | "duplicate_key" | "too_deep" | "invalid_toml";

/** One problem with one field (`docs/wire-format.md#field-errors`). */
export interface FieldError {
  /** Where: `subjects[1].level`; `""` for the input itself. */
  path: string;
  code: ErrorCode;
  /** In the requested language; never quotes the value. */
  message: string;
}

/** The family of a code: where it appears (`mentor_core::catalogue::CodeKind`). */
export type CodeKind =
  | "field" | "registration_number" | "input" | "refusal" | "signature" | "ignored" | "conflict"
  | "draft" | "statement" | "discrepancy" | "internal";

/**
 * One entry of the error catalogue: every code any call can answer with, by family (a `field`
 * entry's code is an `ErrorCode`), with its generic message in both languages.
 */
export interface ErrorCodeEntry {
  code: string;
  kind: CodeKind;
  en: string;
  fr: string;
}

/** One problem of a policy that does not load: a field error at the key (`billing.time_zone`),
 * with where it is in TOML text (`null` for JSON). */
export interface PolicyProblem extends FieldError {
  line: number | null;
  column: number | null;
}

/** What the decision and lookup calls throw. */
export interface MentorError extends Error {
  name: "InputError" | "PolicyError" | "MentorError";
  /** `invalid_input`: the input does not parse (see `errors`); `invalid_policy`: a policy that
   * does not load (every problem in `errors`, in file order); `internal`: a bug of this library. */
  code: "invalid_input" | "invalid_policy" | "internal";
  /** The field errors of `invalid_input`, the problems of `invalid_policy` (empty otherwise). */
  errors: FieldError[] | PolicyProblem[];
}

// ---- 4.3 working situation and eligibility decision ----

export type WorkingStatus =
  | "employee" | "freelancer" | "company_owner" | "self_employed"
  | "student" | "job_seeker" | "retired" | "other";
export type EmployerSector = "tutoring" | "education" | "it_services" | "other";
export type EmployerAgreement = "agreed" | "refused" | "not_asked";
export type Route = "via_employer" | "via_own_company";

export interface Employment {
  full_time?: boolean | null;
  employer_name?: string | null;
  employer_sector?: EmployerSector | null;
  employer_agreement?: EmployerAgreement | null;
  employer_informed?: boolean | null;
}

export interface Business {
  legal_form?: string | null;
  registration_number?: string | null;
}

/** The applicant's working situation in an application form (`docs/wire-format.md#application-form`):
 * `country` defaults to `applicant.country`. */
export interface FormWorkingSituation {
  country?: string | null;
  status: WorkingStatus;
  employment?: Employment | null;
  route?: Route | null;
  business?: Business | null;
}

/** The applicant's working situation on its own (`docs/wire-format.md#working-situation`,
 * `evaluateEligibility`): `country` is required. */
export interface WorkingSituation extends FormWorkingSituation {
  country: string;
}

export type Outcome = "eligible" | "action_required" | "needs_review" | "ineligible";
export type Party = "employer" | "mentor_business";
export type Payout = "employer_payroll" | "invoice";
export type ActionCode =
  | "choose_route" | "obtain_employer_agreement" | "register_business"
  | "register_as_self_employed" | "provide_registration_number" | "fix_registration_number"
  | "inform_employer";
export type ReasonCode =
  | "employer_signs" | "mentor_business_signs" | "employer_refused" | "employer_sector_unusual"
  | "no_registered_business" | "registration_number_invalid" | "status_to_settle_at_interview"
  | "country_rules_unknown" | "country_excluded";

/** A self-employed status of a country: its local name and a gloss in the requested language. */
export interface SelfEmployedStatus {
  local_name: string;
  gloss: string;
}

/** What an action needs to be done; which keys are present depends on the action. */
export interface ActionParams {
  country?: string;
  statuses?: SelfEmployedStatus[];
  procedure?: string;
  schemes?: SchemeId[];
  scheme?: SchemeId;
  error?: RegistrationErrorCode;
  example?: string;
}

export interface Action {
  code: ActionCode;
  rule: RuleId;
  message: string;
  params: ActionParams;
}

export interface Reason {
  code: ReasonCode;
  rule: RuleId;
  message: string;
}

/** The eligibility decision (`docs/wire-format.md#decision`). */
export interface Decision {
  outcome: Outcome;
  /** Who will sign once the required actions are done; null while a route is to choose. */
  contracting_party: Party | null;
  /** Who will bill the company (BIL-1). */
  invoicing_party: Party | null;
  payout: Payout | null;
  /** The check of the business's registration number, when one was checked. */
  registration: RegistrationResult | null;
  required_actions: Action[];
  recommended_actions: Action[];
  reasons: Reason[];
}

// ---- 4.4 registration numbers ----

export type SchemeId =
  | "fr_siren" | "fr_siret" | "fr_vat" | "us_ein" | "gb_utr" | "gb_vat" | "de_stnr" | "de_vat"
  | "es_nif" | "it_iva" | "be_enterprise_number" | "ch_uid" | "ch_vat" | "ca_bn" | "nl_kvk"
  | "nl_vat" | "ma_ice" | "sn_ninea" | "ci_ncc" | "ci_rccm" | "tn_mf" | "cm_niu";
export type RegistrationErrorCode =
  | "empty" | "invalid_characters" | "wrong_length" | "invalid_format" | "unknown_prefix"
  | "bad_check_digit";

/** A well-formed number (`valid` means well-formed, not registered). */
export interface WellFormedNumber {
  scheme: SchemeId;
  normalized: string;
  formatted: string;
  valid: true;
}

/** A number that is not well-formed for any scheme of its country. */
export interface NotWellFormedNumber {
  /** The closest scheme, or null for a country without rules. */
  scheme: SchemeId | null;
  normalized: null;
  formatted: null;
  valid: false;
  error: RegistrationErrorCode | "unsupported_country";
  message: string;
}

export type RegistrationResult = WellFormedNumber | NotWellFormedNumber;

/** `validateRegistrationNumber`'s answer. */
export type RegistrationCheck = RegistrationResult & { country: string };

export interface SchemeInfo {
  scheme: SchemeId;
  name: string;
  title: string;
  proves: string;
  example: string;
}

/** `registrationSchemes`'s answer. */
export interface CountryRegistration {
  country: string;
  supported: boolean;
  statuses: SelfEmployedStatus[];
  procedure: string | null;
  schemes: SchemeInfo[];
}

// ---- 4.2 application form ----

export type Level = "comfortable" | "proficient" | "expert";

export interface Applicant {
  first_name: string;
  last_name: string;
  email: string;
  phone?: string | null;
  country: string;
  timezone?: string | null;
  languages?: string[] | null;
}

export interface SubjectChoice {
  subject: string;
  level: Level;
  years_experience?: number | null;
}

export interface Experience {
  current_role?: string | null;
  years_professional?: number | null;
  mentoring_experience?: boolean | null;
  recent_projects?: string[] | null;
}

export interface Links {
  linkedin?: string | null;
  portfolio?: string | null;
}

export interface InterviewReadiness {
  microphone?: boolean | null;
  camera?: boolean | null;
  quiet_well_lit_room?: boolean | null;
}

/** An application form (`docs/wire-format.md#application-form`). */
export interface ApplicationForm {
  reference?: string | null;
  offer_id: string;
  applicant: Applicant;
  subjects: SubjectChoice[];
  experience?: Experience | null;
  motivation?: string | null;
  availability_hours_per_week?: number | null;
  links?: Links | null;
  working_situation?: FormWorkingSituation | null;
  interview_readiness?: InterviewReadiness | null;
  consent: { data_processing: boolean };
  /** RFC 3339. */
  submitted_at?: string | null;
}

/** `validateApplication`'s answer. */
export interface ApplicationValidation {
  valid: boolean;
  reference: string | null;
  /** Share of the optional items given, 0..1 (APP-3). */
  completeness: number;
  errors: FieldError[];
}

// ---- 4.6 / 4.9 review queue ----

export type TriageStatus = "ranked" | "on_hold" | "ineligible" | "invalid";

export interface PriorityComponents {
  demand: number;
  experience: number;
  completeness: number;
  waiting: number;
}

export interface Priority {
  score: number;
  components: PriorityComponents;
}

/** One form of `triage`'s answer. */
export interface TriageEntry {
  reference: string | null;
  /** The form's index + 1 (or its line, for `triageJson` on JSON Lines). */
  line: number;
  email: string | null;
  status: TriageStatus;
  rank: number | null;
  errors: FieldError[];
  completeness: number;
  eligibility: Decision | null;
  priority: Priority | null;
  /** `YYYY-MM-DD`. */
  contact_by: string | null;
  /** Why a valid form is on hold (POL-1); null otherwise. */
  on_hold: Hold | null;
}

/** Why a valid form is on hold (POL-1): the policy closes every subject it offers. */
export interface Hold {
  code: "subject_closed";
  rule: "POL-1";
  subjects: string[];
  message: string;
}

// ---- 4.5 policy ----

export type Demand = "urgent" | "high" | "normal" | "closed";

/** A policy as data (`docs/policy.md`); every key optional when loading. */
export interface PolicyConfig {
  offers?: string[];
  employer_sectors_suited?: EmployerSector[];
  excluded_countries?: string[];
  demand?: Record<string, Demand>;
  contact_deadline_days?: { urgent?: number; high?: number; normal?: number };
  review_weights?: { demand?: number; experience?: number; completeness?: number; waiting?: number };
  interview?: { selection_threshold?: number; minimum_scored?: number; manner_minimum?: number };
  /** Shares are decimal strings (`"0.5"`). */
  billing?: { time_zone?: string; student_no_show?: string; cancelled_late?: string };
}

// ---- 4.7 lifecycles ----

/** An event of a log: `type`, `at` (RFC 3339), `actor`, the event's data, and `version`. */
export interface LifecycleEvent {
  type: string;
  at: string;
  actor: string;
  version?: number;
  [data: string]: unknown;
}

export interface ReplayStep {
  index: number;
  type: string;
  at: string;
  actor: string;
  from: string | null;
  to: string;
}

export interface Refusal {
  /** `transition_not_allowed`, `event_before_previous`, `signer_already_final`, `invalid_event_data`. */
  code: string;
  aggregate: "application" | "contract";
  state: string | null;
  event: string;
  message: string;
  /** The 0-based index of the refused event in the log. */
  index: number;
}

/** `replayApplication` / `replayContract`'s answer. */
export interface ReplayReport {
  aggregate: "application" | "contract";
  state: string | null;
  history: ReplayStep[];
  allowed_events: string[];
  /** The aggregate's data: at least `{state}`. */
  data: { state: string | null; [key: string]: unknown };
  /** The first refused event; the events after it were not applied. */
  refused: Refusal | null;
}

/** What `eraseApplication` / `eraseContract` throw when the log cannot be erased: an event of
 * the log the lifecycle refuses, or the `erased` event itself (an empty log, `at` before the
 * log's last event). */
export interface TransitionError extends Error {
  name: "TransitionError";
  /** `transition_not_allowed`, `event_before_previous`, `signer_already_final`, `invalid_event_data`. */
  code: string;
  aggregate: "application" | "contract";
  /** The state before the refused event; `null` before the first event. */
  state: string | null;
  /** The refused event type (`erased` when the erasure itself is refused). */
  event: string;
  /** The refused event's 0-based index in the log (the log's length for `erased`). */
  index: number;
}

// ---- 4.10 billing (Node build) ----

/** Money: a decimal string with the currency's minor unit (`"35.00"`; `"3500"` in yen), never
 * a float. */
export type Money = string;

export type SessionStatus = "completed" | "student_no_show" | "cancelled_late" | "cancelled";
/** The invoicing party's VAT status (an input: the eligibility decision does not know it). */
export type VatStatus = "franchise" | "registered" | "not_registered";
/** The VAT treatment of the invoice the company receives. */
export type VatTreatment = "franchise" | "french_vat" | "reverse_charge" | "outside_eu";

/** Who bills (BIL-1): the decision's `invoicing_party`, with its number and VAT status. */
export interface InvoicingPartyInput {
  party: Party;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** Checked against the country's schemes (WS-1). */
  registration_number: string;
  vat: VatStatus;
  /** A VAT number of the country; only with `vat: "registered"`. */
  vat_number?: string | null;
}

/** One version of a contract's terms (`docs/lifecycles.md`); amendments apply from their `start_date`. */
export interface ContractTerms {
  version: number;
  /** ISO 4217. */
  currency: string;
  /** The rate of each session type. */
  rates: Record<string, Money>;
  billing?: "monthly";
  /** `YYYY-MM-DD`. */
  start_date: string;
  end_date?: string | null;
  notice_period_days: number;
}

/** `billingStatement`'s contract: every version of its terms, in order. */
export interface BillingContract {
  contract_id: string;
  invoicing_party: InvoicingPartyInput;
  /** The company (established in France); optional. */
  customer?: { name?: string | null; country?: "FR" | null } | null;
  versions: ContractTerms[];
}

/** One session delivered (`docs/billing.md`). */
export interface BillingSession {
  session_id: string;
  /** RFC 3339; the session belongs to the month it starts in, in the billing time zone. */
  started_at: string;
  duration_minutes: number;
  session_type: string;
  /** The company's pseudonymous reference of the student. */
  student_ref: string;
  status: SessionStatus;
}

export interface StatementLine {
  session_id: string;
  started_at: string;
  /** The local date in the billing time zone, `YYYY-MM-DD`. */
  date: string;
  session_type: string;
  status: SessionStatus;
  duration_minutes: number;
  student_ref: string;
  terms_version: number;
  rate: Money;
  /** The share of the rate paid (`"1"`, `"0.5"`, `"0"`), per the policy (POL-1). */
  share: string;
  amount: Money;
}

export interface StatementSubtotal {
  session_type: string;
  sessions: number;
  amount: Money;
}

/** `billingStatement`'s answer, what `mentor statement --json` prints (and `checkInvoice` reads). */
export interface BillingStatement {
  contract_id: string;
  /** `YYYY-MM`. */
  period: string;
  time_zone: string;
  currency: string;
  invoicing_party: { party: Party; country: string; registration_number: string; vat: VatStatus; vat_number: string | null };
  customer: { name: string | null; country: "FR" };
  vat: {
    treatment: VatTreatment;
    rate: string;
    /** The mention the invoice must carry, word for word, in the requested language. */
    mention: string | null;
    explanation: string;
    source: string;
  };
  lines: StatementLine[];
  subtotals: StatementSubtotal[];
  total_excluding_vat: Money;
  vat_amount: Money;
  total: Money;
}

/** A received invoice, as the accounts team keys it in. */
export interface ReceivedInvoice {
  invoice_number: string;
  /** `YYYY-MM-DD`. */
  issued_on: string;
  /** `YYYY-MM`. */
  period: string;
  issuer: { country: string; registration_number: string };
  currency: string;
  total_excluding_vat: Money;
  /** Absent or null: no VAT charged. */
  vat_amount?: Money | null;
  total: Money;
  mentions?: string[] | null;
}

export type DiscrepancyCode =
  | "period_mismatch" | "issuer_mismatch" | "registration_number_mismatch" | "currency_mismatch"
  | "amount_mismatch" | "vat_charged" | "vat_amount_mismatch" | "total_mismatch"
  | "missing_vat_mention" | "wrong_vat_mention";

export interface Discrepancy {
  code: DiscrepancyCode;
  /** The invoice's field: `total_excluding_vat`, `issuer.registration_number`, `mentions`… */
  field: string;
  expected: string | null;
  found: string | null;
  message: string;
}

/** `checkInvoice`'s answer, what `mentor check-invoice --json` prints. */
export interface InvoiceCheck {
  invoice_number: string;
  matches: boolean;
  discrepancies: Discrepancy[];
}

// ---- 4.8 e-signature webhooks (Node build) ----

export type SignatureProvider = "concord" | "docusign" | "dropbox_sign" | "yousign" | "documenso" | "docuseal";
export type SignatureEventKind =
  | "sent" | "viewed" | "signed" | "declined" | "completed" | "voided" | "expired" | "reassigned"
  | "test" | "unknown";

/** One normalised signature event (`docs/esign.md`). */
export interface SignatureEvent {
  provider: SignatureProvider;
  /** The envelope, signature request, document, submission or agreement id; null for tests. */
  request_id: string | null;
  /** The provider's recipient id of the signer it concerns. */
  signer_id: string | null;
  /** For `reassigned`: the recipient id who takes the role over, when the payload says it. */
  new_signer_id: string | null;
  kind: SignatureEventKind;
  /** The provider's own event name (`recipient-completed`). */
  provider_event: string;
  /** RFC 3339, UTC. */
  occurred_at: string;
  /** A repeat of the same event has the same key. */
  dedupe_key: string;
  /** From an unverified delivery (Concord): to confirm with the provider before applying. */
  hint: boolean;
}

/** `verifyWebhook`'s answer, what `mentor webhook --json` prints for an accepted delivery. */
export interface WebhookDelivery {
  provider: SignatureProvider;
  /** False for Concord only, whose deliveries carry no signature. */
  verified: boolean;
  events: SignatureEvent[];
}

/** Node's `req.headers`, a fetch `Headers`, a `Map`, or `[name, value]` pairs. */
export type WebhookHeaders = Record<string, string | string[] | undefined> | Iterable<readonly [string, string]>;

export type SignatureErrorCode =
  | "empty_secret" | "missing_header" | "malformed_header" | "missing_signature" | "bad_signature"
  | "stale_timestamp";

/** What `verifyWebhook` throws for a delivery that is not authentic: trust nothing of it. */
export interface SignatureError extends Error {
  name: "SignatureError";
  code: SignatureErrorCode;
  provider: SignatureProvider;
  /** Always empty. */
  errors: FieldError[];
}

/** What `verifyWebhook` throws for a body that is not the provider's payload (`code`
 * `invalid_input`, the payload's field errors). */
export interface WebhookBodyError extends MentorError {
  name: "InputError";
  code: "invalid_input";
  provider: SignatureProvider;
  /** Whether the delivery's signature held (then only its content is wrong). */
  verified: boolean;
}
