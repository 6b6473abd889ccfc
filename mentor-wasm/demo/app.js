// The demo form: reads the page into an application form (`docs/wire-format.md#application-form`), asks
// mentor-wasm, and shows its answers. Every check, decision and message about the applicant comes from the
// library; this file holds the form <-> JSON mapping (a blank field is an absent key, a number field holds
// a number when it reads as one) and where each answer shows. The page's words are in labels.js;
// country, language and time-zone names come from the browser (Intl), their codes from what the
// library accepts, so neither list is written by hand.
// Served by mentor-server, the page carries <meta name="mentor-applications" content="/applications">
// (the server adds it): the form, once it has no problem left, is posted there and the service's
// answer shown (201: its id, eligibility and priority; 422: its field errors, under the fields; 409:
// the first application). Served by itself (demo/serve.mjs) there is no such element and nothing is
// posted.
import init, { Policy, evaluateEligibility, registrationSchemes, validateApplication } from "../pkg/web/js/wrapper.js"; // the package's entry
import { UI, typeset } from "./labels.js";

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const form = $("#application");
const touched = new Set();
let lang = "en";
let submitted = false;
let policy;
let subjectCount = 0;
/** The applicant's languages, ISO 639-1 codes in the order chosen. */
const chosenLanguages = [];
/** Text typed in the languages box that names no language the library accepts, or null. */
let languageProblem = null;
/** Where the form is posted (the service's `/applications`), or null when served by itself. */
const endpoint = document.querySelector('meta[name="mentor-applications"]')?.getAttribute("content") || null;
/** The service's answer to the last sending, in the page's language (a function of its words),
 * shown under the button until the form changes; null before. */
let serverAnswer = null;
/** The field errors of the service's last 422 answer, shown as the library's are, until the form changes. */
let serverErrors = [];
/** What the library accepts, found once at start: country codes, language codes, zone names. */
const known = { countries: [], languages: [], timezones: [], optionalItems: 0 };

/** Text in the page's language, with French spacing. */
const say = (text) => typeset(lang, text);
/** A library message as a sentence of the page: its first letter capitalised. */
const sentence = (text) => say(text.charAt(0).toLocaleUpperCase(lang) + text.slice(1));

// ---- what the library accepts (asked once, named by the browser) ----

/** Every pair of letters, `aa` to `zz` (upper-cased when `upper`), that `accepted` keeps. */
function letterPairs(upper, accepted) {
  const pairs = [];
  for (let a = 0; a < 26; a++) {
    for (let b = 0; b < 26; b++) {
      const pair = String.fromCharCode(97 + a, 97 + b);
      pairs.push(upper ? pair.toUpperCase() : pair);
    }
  }
  return pairs.filter(accepted);
}

/** Whether the library reports an error at `prefix` for this partial form. */
function refused(partial, prefix) {
  return validateApplication(partial, { policy }).errors.some((e) => e.path.startsWith(prefix));
}

/** Asks the library once which codes and zones it accepts (about 1,800 calls: 90 ms in Node). */
function discover() {
  known.countries = letterPairs(true, (code) => !refused({ applicant: { country: code } }, "applicant.country"));
  known.languages = letterPairs(false, (code) => !refused({ applicant: { languages: [code] } }, "applicant.languages"));
  const zones = new Set(Intl.supportedValuesOf?.("timeZone") ?? []);
  zones.add(Intl.DateTimeFormat().resolvedOptions().timeZone);
  known.timezones = [...zones].filter((zone) => zone && !refused({ applicant: { timezone: zone } }, "applicant.timezone")).sort();
  // Completeness is the share of the optional items given (`docs/wire-format.md#application-form`): one item
  // given tells how many there are.
  const one = validateApplication({ applicant: { phone: "+33612345678" } }, { policy }).completeness;
  known.optionalItems = one > 0 ? Math.round(1 / one) : 0;
}

/** `[code, name]` pairs sorted by name in the page's language. */
function named(codes, type) {
  const names = new Intl.DisplayNames([lang], { type, fallback: "none" });
  const collator = new Intl.Collator(lang);
  return codes
    .map((code) => {
      const name = names.of(code);
      return [code, name ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : code];
    })
    .sort((a, b) => collator.compare(a[1], b[1]));
}

function languageName(code) {
  const name = new Intl.DisplayNames([lang], { type: "language", fallback: "code" }).of(code);
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function countryName(code) {
  return new Intl.DisplayNames([lang], { type: "region", fallback: "code" }).of(code);
}

/** Fills the country selects and the language list in the page's language, keeping the choices. */
function fillLists() {
  const countries = named(known.countries, "region");
  for (const select of $$("select[data-countries]")) {
    const value = select.value;
    const blank = element("option", UI[lang][select.dataset.countries]);
    blank.value = "";
    select.replaceChildren(blank, ...countries.map(([code, name]) => option(code, name)));
    select.value = value;
  }
  $("#language-names").replaceChildren(...named(known.languages, "language").map(([, name]) => option(name)));
  showLanguages();
}

function option(value, text) {
  const el = document.createElement("option");
  el.value = value;
  if (text !== undefined) el.textContent = text;
  return el;
}

// ---- the form as the wire format ----

/** A subject as the library spells it: `Web development` -> `web_development`. Text with no
 * letter or digit in it is sent as typed, for the library to refuse. */
function slug(text) {
  const s = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  return s || text;
}

/** The value of one control, or undefined when blank (a blank field is an absent key). */
function valueOf(el) {
  const type = el.dataset.type;
  if (type === "checkbox") return el.checked ? true : undefined;
  if (type === "flag") return el.checked;
  if (type === "languages") return chosenLanguages.length ? [...chosenLanguages] : undefined;
  const text = el.value;
  if (text.trim() === "") return undefined;
  if (type === "boolean") return text === "true";
  if (type === "slug") return slug(text);
  // A number when it reads as one; otherwise the text itself, for the library to refuse.
  if (type === "integer") return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
  if (el.dataset.list === "lines") return text.split("\n").map((s) => s.trim()).filter(Boolean);
  return text;
}

/** Sets `path` (`a.b`, `a[0].b`) in `target`, creating the objects and arrays on the way. */
function setPath(target, path, value) {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== "");
  let node = target;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    node = node[key];
  });
}

/** Whether a control is part of the form now (not in a section that does not apply). */
const inUse = (el) => !el.closest("[hidden], fieldset:disabled");

/** Reads the controls whose data-path starts with `prefix` into an object (paths relative to it). */
function read(prefix) {
  const out = {};
  for (const el of $$("[data-path]", form)) {
    const path = el.dataset.path;
    if (!path.startsWith(prefix) || !inUse(el)) continue;
    const value = valueOf(el);
    if (value !== undefined) setPath(out, path.slice(prefix.length), value);
  }
  return out;
}

/** The working situation as typed, or undefined when nothing of it is given. */
function situation() {
  const s = read("working_situation.");
  // The business section says there is a business, even before its fields are filled.
  if (inUse($("#business")) && s.business === undefined) s.business = {};
  return Object.keys(s).length ? s : undefined;
}

/** The whole application form (`docs/wire-format.md#application-form`). */
function application() {
  const all = read("");
  delete all.working_situation;
  // Subjects: a row left blank is not a subject.
  if (all.subjects) all.subjects = all.subjects.filter((row) => row && Object.keys(row).length);
  if (all.subjects?.length === 0) delete all.subjects;
  const s = situation();
  if (s) all.working_situation = s;
  return all;
}

/** The situation the decision is asked about: its country defaults to the country of residence
 * (`docs/wire-format.md#working-situation`), which the decision call alone does not know. */
function decisionInput(s) {
  const residence = $("#country").value;
  return s.country === undefined && residence ? { country: residence, ...s } : s;
}

/** The decision, or the input errors that stop it. */
function decide(s) {
  try {
    return { decision: evaluateEligibility(decisionInput(s), { policy, lang }), errors: [] };
  } catch (e) {
    if (e.code !== "invalid_input") throw e;
    return { decision: null, errors: e.errors };
  }
}

// ---- sections that apply ----

function show(el, on) {
  el.hidden = !on;
  if (el.tagName === "FIELDSET") el.disabled = !on;
}

/** Employer questions for employees only; the business section when ticked, or when the decision
 * for the situation without a business asks for its registration number (a freelancer's). */
function showSections() {
  show($("#employment"), $("#status").value === "employee");
  const s = read("working_situation.");
  delete s.business;
  const asked = s.status ? decide(s).decision?.required_actions.some((a) => a.code === "provide_registration_number") : false;
  show($("#has_business_field"), !asked);
  show($("#business"), asked || $("#has_business").checked);
  businessHints();
}

const schemesCache = new Map();

/** What the library knows of a country's registration, in the page's language. */
function schemesOf(country) {
  const key = `${country}/${lang}`;
  if (!schemesCache.has(key)) {
    let answer = null;
    try {
      answer = registrationSchemes(country, { lang });
    } catch {
      // Not a country code: no hint.
    }
    schemesCache.set(key, answer);
  }
  return schemesCache.get(key);
}

/** The numbers and legal forms of the country of registration, named as people say them. */
function businessHints() {
  const t = UI[lang];
  const country = $("#ws_country").value || $("#country").value;
  const rules = country ? schemesOf(country) : null;
  const supported = Boolean(rules?.supported);
  const list = (names) => new Intl.ListFormat(lang, { type: "disjunction" }).format(names);
  const numberHint = $("#registration_number-hint");
  const formHint = $("#legal_form-hint");
  numberHint.hidden = !supported;
  formHint.hidden = !supported || rules.statuses.length === 0;
  numberHint.textContent = supported ? say(t.registration_hint(countryName(country), list(rules.schemes.map((s) => `${s.name} (${s.example})`)))) : "";
  formHint.textContent = supported ? say(t.legal_form_hint(list(rules.statuses.map((s) => s.local_name)))) : "";
  $("#legal-forms").replaceChildren(...(supported ? rules.statuses.map((s) => option(s.local_name)) : []));
  describedBy($("#registration_number"), numberHint.id, supported);
  describedBy($("#legal_form"), formHint.id, !formHint.hidden);
}

// ---- languages ----

/** Adds the language named (or coded) in the languages box; false when it names none. */
function addLanguage() {
  const input = $("#languages");
  const text = input.value.trim();
  if (!text) return false;
  touched.add(input.id); // confirmed: its errors show from now on
  const lower = text.toLocaleLowerCase(lang);
  const code = known.languages.find((c) => c === lower || languageName(c).toLocaleLowerCase(lang) === lower);
  if (!code) {
    languageProblem = text;
    return false;
  }
  languageProblem = null;
  if (!chosenLanguages.includes(code)) chosenLanguages.push(code);
  input.value = "";
  showLanguages();
  return true;
}

function showLanguages() {
  const t = UI[lang];
  const list = $("#chosen-languages");
  list.replaceChildren(
    ...chosenLanguages.map((code) => {
      const item = element("li");
      item.lang = code;
      const name = languageName(code);
      const remove = element("button", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", t.remove_language(name));
      remove.lang = lang;
      remove.addEventListener("click", () => {
        chosenLanguages.splice(chosenLanguages.indexOf(code), 1);
        showLanguages();
        update();
        $("#languages").focus();
      });
      item.append(element("span", name), remove);
      return item;
    }),
  );
  list.hidden = chosenLanguages.length === 0;
}

// ---- subjects ----

function addSubject() {
  const row = $("#subject-row").content.firstElementChild.cloneNode(true);
  const n = subjectCount++;
  for (const control of $$("[data-key]", row)) {
    control.id = `subject-${n}-${control.dataset.key}`;
    $("label", control.closest(".field")).htmlFor = control.id;
  }
  const hint = $(".hint", row);
  if (hint) {
    hint.id = `subject-${n}-hint`;
    $("[data-key=subject]", row).setAttribute("aria-describedby", hint.id);
  }
  $(".remove", row).addEventListener("click", () => {
    row.remove();
    numberSubjects();
    update();
    $("#add-subject").focus();
  });
  $("#subject-rows").append(row);
  numberSubjects();
  translate();
  return row;
}

/** The rows' paths and names follow their order: `subjects[0].level`, "Subject 1"… */
function numberSubjects() {
  const rows = $$(".subject-row");
  rows.forEach((row, i) => {
    for (const control of $$("[data-key]", row)) control.dataset.path = `subjects[${i}].${control.dataset.key}`;
    row.dataset.number = String(i + 1);
    $(".remove", row).hidden = rows.length === 1;
  });
  nameSubjects();
}

function nameSubjects() {
  const t = UI[lang];
  for (const row of $$(".subject-row")) {
    const n = Number(row.dataset.number);
    $("legend", row).textContent = t.subject_legend(n);
    $(".remove", row).textContent = t.remove_subject(n);
  }
}

// ---- errors, inline ----

const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

/** The controls that show an error at `path`: its own; else, for a whole object or list the
 * form lacks (`applicant`, `subjects`), each required field inside it; else the nearest one up
 * the path (`applicant.languages[1]` shows under the languages field). */
function controlsFor(path) {
  const exact = $$(`[data-path="${CSS.escape(path)}"], [data-error-for="${CSS.escape(path)}"]`, form).filter(inUse);
  if (exact.length) return exact.slice(0, 1);
  const inside = $$("[data-path][required]", form).filter((el) => inUse(el) && (el.dataset.path.startsWith(`${path}.`) || el.dataset.path.startsWith(`${path}[`)));
  // A list the form lacks (no subject) is asked of its first item only.
  const first = inside.filter((el) => !el.dataset.path.startsWith(`${path}[`) || el.dataset.path.startsWith(`${path}[0]`));
  if (first.length) return first;
  let p = path;
  while (p) {
    const parent = p.replace(LAST_STEP, "");
    if (parent === p) break;
    p = parent;
    const el = $$(`[data-path="${CSS.escape(p)}"], [data-error-for="${CSS.escape(p)}"]`, form).find(inUse);
    if (el) return [el];
  }
  return [];
}

/** The error paragraph of a control, created on first use. */
function errorElement(control) {
  if (control.dataset.errorFor) return control;
  const id = `${control.id}-error`;
  let el = document.getElementById(id);
  if (!el) {
    el = element("p", "", "field-error");
    el.id = id;
    el.hidden = true;
    control.closest(".field").append(el);
  }
  return el;
}

/** Adds or removes `id` from the control's aria-describedby. */
function describedBy(control, id, on) {
  const ids = new Set((control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) control.setAttribute("aria-describedby", [...ids].join(" "));
  else control.removeAttribute("aria-describedby");
}

/** Whether the errors of a control are shown yet: once it was touched, or after submitting. */
function shownYet(control) {
  if (submitted) return true;
  if (control.dataset.errorFor) return [...touched].some((id) => id.startsWith("subject-"));
  return touched.has(control.id);
}

/** Shows each error under its field(s), from its path. Returns the errors shown, in the page's
 * order, and those that belong to no field. */
function showErrors(errors) {
  const byControl = new Map();
  const unplaced = [];
  for (const error of errors) {
    const controls = controlsFor(error.path);
    if (!controls.length) unplaced.push(error);
    for (const control of controls) {
      const list = byControl.get(control) ?? [];
      if (!list.some((e) => e.message === error.message)) list.push(error);
      byControl.set(control, list);
    }
  }
  const shown = [];
  for (const control of $$("[data-path], [data-error-for]", form)) {
    const list = byControl.get(control) ?? [];
    const visible = list.length > 0 && shownYet(control);
    const message = control.dataset.errorFor
      ? control
      : (document.getElementById(`${control.id}-error`) ?? (visible ? errorElement(control) : null));
    if (message) {
      message.textContent = visible ? sentence(list.map((e) => e.message).join("; ")) : "";
      message.hidden = !visible;
    }
    if (!control.dataset.errorFor) {
      if (visible) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
      if (message) describedBy(control, message.id, visible);
    }
    if (visible) shown.push(...list.map((error) => ({ control, error })));
  }
  return { shown, unplaced };
}

// ---- the decision panel ----

function element(tag, text, className) {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function actionList(title, actions) {
  const t = UI[lang];
  const section = element("section");
  section.append(element("h3", title));
  const list = element("ul");
  for (const action of actions) {
    const item = element("li");
    item.dataset.code = action.code;
    item.append(element("span", sentence(action.message), "message"), " ", element("span", action.rule, "rule"));
    const { procedure, statuses } = action.params ?? {};
    if (statuses?.length) item.append(element("p", say(`${t.local_statuses}${t.colon}${statuses.map((s) => s.local_name).join(", ")}`), "params"));
    if (procedure) item.append(element("p", say(`${t.procedure}${t.colon}${procedure}`), "params"));
    list.append(item);
  }
  section.append(list);
  return section;
}

/** A registration number as people say it: `SIRET 732 829 320 00074`, never the scheme's id. */
function registrationText(registration, country) {
  const t = UI[lang];
  if (!registration.valid) return sentence(registration.message);
  const scheme = schemesOf(country)?.schemes.find((s) => s.scheme === registration.scheme);
  return `${scheme ? `${scheme.name} ` : ""}${registration.formatted} (${t.well_formed})`;
}

function showDecision(decision, problem, country) {
  const t = UI[lang];
  const body = $("#decision-body");
  // The panel is a live region: redrawn only when the decision changes, so a screen reader
  // hears it once, not at every key typed elsewhere.
  const key = JSON.stringify([lang, decision, problem, country]);
  if (body.dataset.key === key) return;
  body.dataset.key = key;
  body.replaceChildren();
  if (!decision) {
    body.append(element("p", say(problem ? t.decision_incomplete : t.decision_empty), "hint"));
    body.dataset.outcome = "";
    return;
  }
  body.dataset.outcome = decision.outcome;
  const outcome = element("p", undefined, `outcome ${decision.outcome}`);
  outcome.append(element("strong", say(`${t.outcome}${t.colon}`)), t.outcomes[decision.outcome]);
  body.append(outcome);
  const facts = element("dl");
  const fact = (term, value) => facts.append(element("dt", term), element("dd", say(value)));
  fact(t.signs, decision.contracting_party ? t.parties[decision.contracting_party] : t.undecided);
  fact(t.bills, decision.invoicing_party ? t.parties[decision.invoicing_party] : t.undecided);
  fact(t.payout, decision.payout ? t.payouts[decision.payout] : t.undecided);
  if (decision.registration) fact(t.registration, registrationText(decision.registration, country));
  body.append(facts);
  if (decision.required_actions.length) body.append(actionList(t.required, decision.required_actions));
  if (decision.recommended_actions.length) body.append(actionList(t.recommended, decision.recommended_actions));
  if (decision.reasons.length) body.append(actionList(t.reasons, decision.reasons));
}

// ---- one pass: validate, decide, show ----

function update() {
  const t = UI[lang];
  showSections();
  const validation = validateApplication(application(), { policy, lang });
  const errors = [...validation.errors];
  const s = situation();
  let decision = null;
  let problem = false;
  if (s) {
    const answer = decide(s);
    decision = answer.decision;
    problem = answer.errors.length > 0;
    // The situation on its own: paths from its root, shown under the same fields.
    for (const fe of answer.errors) errors.push({ ...fe, path: fe.path ? `working_situation.${fe.path}` : "working_situation" });
  }
  // A number that is not well-formed is the decision's to say (WS-1); show it under the field too.
  if (decision?.registration && !decision.registration.valid) {
    errors.push({ path: "working_situation.business.registration_number", code: "invalid_registration_number", message: decision.registration.message });
  }
  if (languageProblem) errors.push({ path: "applicant.languages", code: "invalid_language", message: t.unknown_language(languageProblem) });
  errors.push(...serverErrors);
  const { shown, unplaced } = showErrors(errors);
  showDecision(decision, problem, s ? decisionInput(s).country : undefined);
  const given = Math.round(validation.completeness * known.optionalItems);
  setText($("#completeness"), say(t.completeness(given, known.optionalItems)));
  const summary = $("#summary");
  const count = shown.length + unplaced.length;
  if (submitted && count > 0) {
    const items = [
      ...shown.map(({ control, error }) => [focusTarget(control).id, say(`${labelOf(control)}${t.colon}${error.message}`)]),
      ...unplaced.map((error) => ["", say(error.path ? `${error.path}${t.colon}${error.message}` : error.message)]),
    ];
    // Rebuilt only when it changes: a click on a link must find the link it pressed.
    const key = JSON.stringify([lang, items]);
    if (summary.dataset.key !== key) {
      summary.dataset.key = key;
      const list = element("ul");
      for (const [id, text] of items) {
        const item = element("li");
        if (id) {
          const link = element("a", text);
          link.href = `#${id}`;
          item.append(link);
        } else {
          item.textContent = text;
        }
        list.append(item);
      }
      summary.replaceChildren(element("p", say(t.problems(count))), list);
    }
    summary.hidden = false;
  } else {
    summary.hidden = true;
    delete summary.dataset.key;
  }
  const answer = serverAnswer ? serverAnswer(t) : submitted && validation.valid && count === 0 ? t.valid : "";
  setText($("#result"), answer ? say(answer) : "");
  panelFocusable();
  return { validation, shown };
}

/** Sets a live region's text only when it changes (each change is announced). */
function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** The panel scrolls on its own when taller than the window (wide screens): then, and only
 * then, it takes the focus, so that keyboard users can scroll it. */
function panelFocusable() {
  const panel = $("#decision");
  const scrolls = panel.scrollHeight > panel.clientHeight + 1;
  if (scrolls) panel.tabIndex = 0;
  else panel.removeAttribute("tabindex");
}

/** Where to take the person for an error: the control, or the first subject for the list's own. */
function focusTarget(control) {
  if (control.dataset.errorFor) return $("#subject-rows [data-key]") ?? $("#add-subject");
  return control;
}

/** The name of a control in the summary: its label, with its subject's number in a row. */
function labelOf(control) {
  if (control.dataset.errorFor) return UI[lang].subjects;
  const label = form.querySelector(`label[for="${control.id}"]`)?.textContent ?? control.id;
  const row = control.closest(".subject-row");
  return row ? `${$("legend", row).textContent}, ${label.toLocaleLowerCase(lang)}` : label;
}

// ---- sending (served by mentor-server) ----

/** Posts the form to the service and keeps its answer (see the top of this file). */
async function send() {
  const button = $('button[type="submit"]', form);
  button.disabled = true;
  try {
    const response = await fetch(`${endpoint}?lang=${lang}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(application()),
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      const outcome = answer.eligibility?.outcome;
      const score = answer.priority?.score;
      serverAnswer = (t) => t.received(answer.id, outcome ? t.outcomes[outcome] : null, typeof score === "number" ? score : null);
    } else if (response.status === 409) {
      serverAnswer = (t) => t.duplicate(answer.first);
    } else if (response.status === 422 && Array.isArray(answer.errors)) {
      serverErrors = answer.errors;
      serverAnswer = (t) => t.refused;
    } else {
      serverAnswer = (t) => t.not_sent(`${response.status} ${answer.message ?? ""}`.trim());
    }
  } catch (e) {
    serverAnswer = (t) => t.not_sent(e.message);
  } finally {
    button.disabled = false;
  }
  const { shown } = update();
  if (shown.length) focusTarget(shown[0].control).focus();
  else if (!$("#summary").hidden) $("#summary").focus();
}

// ---- language ----

function translate() {
  const t = UI[lang];
  document.documentElement.lang = lang;
  for (const el of $$("[data-i18n]")) {
    const text = t[el.dataset.i18n];
    if (typeof text === "string") el.textContent = say(text);
  }
  nameSubjects();
  document.title = t.title;
}

// ---- wiring ----

async function start() {
  await init();
  policy = new Policy();
  discover();
  fillLists();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (known.timezones.includes(zone)) $("#timezone").value = zone;
  $("#timezones").replaceChildren(...known.timezones.map((z) => option(z)));
  addSubject();
  form.addEventListener("input", (event) => {
    serverAnswer = null;
    serverErrors = [];
    if (event.target.id === "languages") {
      // A name picked from the list is added at once; typed text waits for Enter or "Add".
      if (event.inputType === "insertReplacementText") addLanguage();
      else languageProblem = null;
    } else if (event.target.id) touched.add(event.target.id);
    update();
  });
  form.addEventListener("change", (event) => {
    if (event.target.id && event.target.id !== "languages") touched.add(event.target.id);
    update();
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.id && event.target.value && event.target.id !== "languages") touched.add(event.target.id);
    update();
  });
  $("#languages").addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    // Enter adds the language typed; on an empty box it submits the form as usual.
    if ($("#languages").value.trim() === "") return;
    event.preventDefault();
    addLanguage();
    update();
  });
  $("#add-language").addEventListener("click", () => {
    addLanguage();
    update();
    $("#languages").focus();
  });
  // A link of the summary takes the focus to its field (a fragment alone only scrolls).
  $("#summary").addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    event.preventDefault();
    document.getElementById(link.getAttribute("href").slice(1))?.focus();
  });
  $("#add-subject").addEventListener("click", () => {
    const row = addSubject();
    update();
    $("[data-key]", row).focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = true;
    // A language typed but not yet confirmed is not lost (or is said to be unknown).
    addLanguage();
    const { validation, shown } = update();
    if (shown.length) focusTarget(shown[0].control).focus();
    else if (!$("#summary").hidden) $("#summary").focus();
    else if (endpoint && validation.valid) send();
  });
  for (const radio of $$('input[name="lang"]')) {
    radio.addEventListener("change", () => {
      lang = radio.value;
      translate();
      fillLists();
      update();
    });
  }
  window.addEventListener("resize", panelFocusable);
  translate();
  update();
  document.documentElement.dataset.ready = "true";
}

start().catch((e) => {
  $("#decision-body").textContent = `${UI[lang].unavailable}: ${e.message}`;
  document.documentElement.dataset.ready = "error";
  throw e;
});
