// The demo form: reads the page into the wire format of DESIGN 4.2, asks mentor-wasm, and shows
// its answers. Every check, decision and message about the applicant comes from the library;
// this file holds only the page's own labels (in both languages) and the form <-> JSON mapping:
// a blank field is an absent key, a number field holds a number when it reads as one.
import init, { Policy, evaluateEligibility, validateApplication } from "../pkg/web/mentor_wasm.js";

/** The page's own labels. Messages about the application come from the library. */
const UI = {
  en: {
    title: "Become a mentor", language: "Language", about_you: "About you", offer: "Job offer",
    first_name: "First name", last_name: "Last name", email: "E-mail",
    phone: "Phone (international, such as +33 6 12 34 56 78)", country: "Country of residence (two letters, such as FR)",
    timezone: "Time zone (such as Europe/Paris)", languages: "Languages you speak (two-letter codes, comma-separated)",
    subjects: "Subjects you can mentor",
    subjects_hint: "Expertise is not required: being able to explain a concept to a friend is enough.",
    add_subject: "Add a subject", remove_subject: "Remove", subject: "Subject (such as web_development)", level: "Level",
    level_comfortable: "I can explain it to a friend", level_proficient: "I work with it", level_expert: "Expert",
    years_experience: "Years of experience in it", experience: "Experience", current_role: "Current role",
    years_professional: "Years of professional experience", mentoring_experience: "Have you mentored before?",
    recent_projects: "Recent projects (one per line)", motivation: "Why do you want to mentor?",
    availability: "Hours per week you can give", linkedin: "LinkedIn profile (URL)", portfolio: "Portfolio (URL)",
    situation: "Your working situation",
    situation_hint: "Optional now: it can be settled at your first interview. The panel shows who would sign the contract and who would bill.",
    ws_country: "Country where you are or will be registered (two letters)", status: "What do you do?",
    status_employee: "Employee", status_freelancer: "Freelancer", status_company_owner: "Company owner",
    status_self_employed: "Self-employed", status_student: "Student", status_job_seeker: "Job seeker",
    status_retired: "Retired", status_other: "Other",
    employment: "Your employer (if you are an employee)", employer_name: "Employer", employer_sector: "Employer's sector",
    sector_tutoring: "Tutoring", sector_education: "Education", sector_it_services: "IT services", sector_other: "Other",
    employer_agreement: "Does your employer agree that you mentor through it?", agreement_agreed: "Yes, it agreed",
    agreement_refused: "No, it refused", agreement_not_asked: "Not asked yet",
    employer_informed: "Have you told your employer that you mentor?", route: "How would you work with us?",
    route_via_employer: "Through my employer", route_via_own_company: "Through my own small business",
    not_chosen: "(not chosen yet)", has_business: "I have a registered business (or I am creating one)",
    business: "Your business", legal_form: "Legal form (such as micro-entrepreneur)",
    registration_number: "Registration number (such as a SIRET)", interview: "Your interview",
    interview_hint: "A reminder, never a condition: the interview is a video call.",
    microphone: "I have a microphone (built in or external)", camera: "I have a camera",
    quiet_room: "I have a calm, well-lit place", consent_legend: "Consent",
    consent: "I agree that my data is processed to review my application", submit: "Apply",
    choose: "(choose)", no_answer: "(no answer)", yes: "Yes", no: "No",
    decision: "Your working status",
    decision_empty: "Tell us about your working situation to see who would sign the contract and who would bill.",
    decision_incomplete: "Complete the fields marked in your working situation to see the decision.",
    colon: ": ", outcome: "Status", outcomes: { eligible: "Eligible", action_required: "Action required", needs_review: "A mentor manager will review it", ineligible: "Not eligible" },
    signs: "Who signs the contract", bills: "Who bills the company", payout: "How you are paid",
    parties: { employer: "your employer", mentor_business: "your business" }, undecided: "not decided yet",
    payouts: { employer_payroll: "through your employer's payroll", invoice: "by invoice" },
    registration: "Registration number", well_formed: "well-formed", required: "What you need to do",
    recommended: "What we recommend", reasons: "Why", procedure: "How", local_statuses: "Statuses",
    completeness: (p) => `Completeness of your application: ${p}% (the more you tell us, the sooner we can review it)`,
    valid: "Your application is valid: thank you!",
    problems: (n) => `${n} problem${n > 1 ? "s" : ""} to fix before applying:`,
    unavailable: "The form checker could not load",
  },
  fr: {
    title: "Devenir mentor", language: "Langue", about_you: "Vous", offer: "Offre d'emploi",
    first_name: "Prénom", last_name: "Nom", email: "Adresse e-mail",
    phone: "Téléphone (international, par exemple +33 6 12 34 56 78)", country: "Pays de résidence (deux lettres, par exemple FR)",
    timezone: "Fuseau horaire (par exemple Europe/Paris)", languages: "Langues parlées (codes à deux lettres, séparés par des virgules)",
    subjects: "Sujets que vous pouvez accompagner",
    subjects_hint: "Pas besoin d'être expert : savoir expliquer une notion à un ami suffit.",
    add_subject: "Ajouter un sujet", remove_subject: "Retirer", subject: "Sujet (par exemple web_development)", level: "Niveau",
    level_comfortable: "Je sais l'expliquer à un ami", level_proficient: "Je le pratique", level_expert: "Expert",
    years_experience: "Années d'expérience dans ce sujet", experience: "Expérience", current_role: "Poste actuel",
    years_professional: "Années d'expérience professionnelle", mentoring_experience: "Avez-vous déjà été mentor ?",
    recent_projects: "Projets récents (un par ligne)", motivation: "Pourquoi voulez-vous devenir mentor ?",
    availability: "Heures par semaine disponibles", linkedin: "Profil LinkedIn (URL)", portfolio: "Portfolio (URL)",
    situation: "Votre situation professionnelle",
    situation_hint: "Facultatif pour l'instant : elle peut être réglée lors du premier entretien. Le panneau indique qui signerait le contrat et qui facturerait.",
    ws_country: "Pays où vous êtes ou serez immatriculé (deux lettres)", status: "Que faites-vous ?",
    status_employee: "Salarié", status_freelancer: "Indépendant (freelance)", status_company_owner: "Chef d'entreprise",
    status_self_employed: "Travailleur indépendant", status_student: "Étudiant", status_job_seeker: "Demandeur d'emploi",
    status_retired: "Retraité", status_other: "Autre",
    employment: "Votre employeur (si vous êtes salarié)", employer_name: "Employeur", employer_sector: "Secteur de l'employeur",
    sector_tutoring: "Soutien scolaire", sector_education: "Enseignement", sector_it_services: "Services informatiques", sector_other: "Autre",
    employer_agreement: "Votre employeur accepte-t-il que vous soyez mentor par son intermédiaire ?", agreement_agreed: "Oui, il est d'accord",
    agreement_refused: "Non, il a refusé", agreement_not_asked: "Pas encore demandé",
    employer_informed: "Avez-vous informé votre employeur de votre activité de mentor ?", route: "Comment travailleriez-vous avec nous ?",
    route_via_employer: "Par mon employeur", route_via_own_company: "Par ma propre petite entreprise",
    not_chosen: "(pas encore choisi)", has_business: "J'ai une entreprise immatriculée (ou je la crée)",
    business: "Votre entreprise", legal_form: "Forme juridique (par exemple micro-entrepreneur)",
    registration_number: "Numéro d'immatriculation (par exemple un SIRET)", interview: "Votre entretien",
    interview_hint: "Un rappel, jamais une condition : l'entretien se fait en visioconférence.",
    microphone: "J'ai un micro (intégré ou externe)", camera: "J'ai une caméra",
    quiet_room: "J'ai un endroit calme et bien éclairé", consent_legend: "Consentement",
    consent: "J'accepte que mes données soient traitées pour examiner ma candidature", submit: "Postuler",
    choose: "(choisir)", no_answer: "(sans réponse)", yes: "Oui", no: "Non",
    decision: "Votre statut professionnel",
    decision_empty: "Décrivez votre situation professionnelle pour savoir qui signerait le contrat et qui facturerait.",
    decision_incomplete: "Complétez les champs signalés de votre situation professionnelle pour voir la décision.",
    colon: " : ", outcome: "Statut", outcomes: { eligible: "Éligible", action_required: "Action requise", needs_review: "Un responsable des mentors l'examinera", ineligible: "Non éligible" },
    signs: "Qui signe le contrat", bills: "Qui facture l'entreprise", payout: "Comment vous êtes payé",
    parties: { employer: "votre employeur", mentor_business: "votre entreprise" }, undecided: "pas encore déterminé",
    payouts: { employer_payroll: "par la paie de votre employeur", invoice: "sur facture" },
    registration: "Numéro d'immatriculation", well_formed: "bien formé", required: "Ce que vous devez faire",
    recommended: "Ce que nous recommandons", reasons: "Pourquoi", procedure: "Comment", local_statuses: "Statuts",
    completeness: (p) => `Complétude de votre candidature : ${p} % (plus vous en dites, plus vite nous pouvons l'examiner)`,
    valid: "Votre candidature est valide : merci !",
    problems: (n) => `${n} problème${n > 1 ? "s" : ""} à corriger avant de postuler :`,
    unavailable: "Le vérificateur du formulaire n'a pas pu se charger",
  },
};

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const form = $("#application");
const touched = new Set();
let lang = "en";
let submitted = false;
let policy;
let subjectCount = 0;

// ---- the form as the wire format ----

/** The value of one control, or undefined when blank (a blank field is an absent key). */
function valueOf(el) {
  const type = el.dataset.type;
  if (type === "checkbox") return el.checked ? true : undefined;
  if (type === "flag") return el.checked;
  const text = el.value;
  if (text.trim() === "") return undefined;
  if (type === "boolean") return text === "true";
  // A number when it reads as one; otherwise the text itself, for the library to refuse.
  if (type === "integer") return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text;
  if (el.dataset.list === "comma") return text.split(",").map((s) => s.trim()).filter(Boolean);
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

/** Reads the controls whose data-path starts with `prefix` into an object (paths relative to it). */
function read(prefix) {
  const out = {};
  for (const el of $$("[data-path]", form)) {
    const path = el.dataset.path;
    if (!path.startsWith(prefix) || el.closest("fieldset:disabled")) continue;
    const value = valueOf(el);
    if (value !== undefined) setPath(out, path.slice(prefix.length), value);
  }
  return out;
}

/** The working situation as typed, or undefined when nothing of it is given. */
function situation() {
  const s = read("working_situation.");
  // The checkbox says whether there is a business, even before its fields are filled.
  if ($("#has_business").checked && s.business === undefined) s.business = {};
  return Object.keys(s).length ? s : undefined;
}

/** The whole application form (DESIGN 4.2). */
function application() {
  const all = read("");
  delete all.working_situation;
  // Subjects: a row left blank is not a subject.
  if (all.subjects) all.subjects = all.subjects.filter((row) => row && Object.keys(row).length);
  const s = situation();
  if (s) all.working_situation = s;
  return all;
}

// ---- subjects ----

function addSubject() {
  const row = $("#subject-row").content.firstElementChild.cloneNode(true);
  const n = subjectCount++;
  for (const control of $$("[data-key]", row)) {
    control.id = `subject-${n}-${control.dataset.key}`;
    control.previousElementSibling.htmlFor = control.id;
  }
  $(".remove", row).addEventListener("click", () => {
    row.remove();
    numberSubjects();
    update();
  });
  $("#subject-rows").append(row);
  numberSubjects();
  translate();
}

/** The rows' paths follow their order: `subjects[0].level`… */
function numberSubjects() {
  $$(".subject-row").forEach((row, i) => {
    for (const control of $$("[data-key]", row)) control.dataset.path = `subjects[${i}].${control.dataset.key}`;
  });
}

// ---- errors, inline ----

const LAST_STEP = /(\.[^.[\]]+|\[\d+\])$/;

/** The control that shows the errors of `path`: its own, or the nearest one up the path
 * (`applicant.languages[1]` shows under the languages field). */
function controlFor(path) {
  let p = path;
  while (p) {
    const selector = `[data-path="${CSS.escape(p)}"], [data-error-for="${CSS.escape(p)}"]`;
    const el = form.querySelector(selector);
    if (el) return el;
    const parent = p.replace(LAST_STEP, "");
    if (parent === p) break;
    p = parent;
  }
  return null;
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

/** Shows each error under its field, from its path. Returns the errors shown and those that
 * belong to no field. */
function showErrors(errors) {
  const byControl = new Map();
  const unplaced = [];
  for (const error of errors) {
    const control = controlFor(error.path);
    if (!control) {
      unplaced.push(error);
      continue;
    }
    const list = byControl.get(control) ?? [];
    if (!list.some((e) => e.message === error.message)) list.push(error);
    byControl.set(control, list);
  }
  const shown = [];
  for (const control of $$("[data-path], [data-error-for]", form)) {
    const list = byControl.get(control) ?? [];
    const visible = list.length > 0 && shownYet(control);
    const message = control.dataset.errorFor
      ? control
      : (document.getElementById(`${control.id}-error`) ?? (visible ? errorElement(control) : null));
    if (message) {
      message.textContent = visible ? list.map((e) => e.message).join("; ") : "";
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
    item.append(element("span", action.message), " ", element("span", action.rule, "rule"));
    const { procedure, statuses } = action.params ?? {};
    if (statuses?.length) item.append(element("p", `${t.local_statuses}${t.colon}${statuses.map((s) => s.local_name).join(", ")}`, "params"));
    if (procedure) item.append(element("p", `${t.procedure}${t.colon}${procedure}`, "params"));
    list.append(item);
  }
  section.append(list);
  return section;
}

function showDecision(decision, problem) {
  const t = UI[lang];
  const body = $("#decision-body");
  body.replaceChildren();
  if (!decision) {
    body.append(element("p", problem ? t.decision_incomplete : t.decision_empty, "hint"));
    body.dataset.outcome = "";
    return;
  }
  body.dataset.outcome = decision.outcome;
  const outcome = element("p", undefined, `outcome ${decision.outcome}`);
  outcome.append(element("strong", `${t.outcome}${t.colon}`), t.outcomes[decision.outcome]);
  body.append(outcome);
  const facts = element("dl");
  const fact = (term, value) => facts.append(element("dt", term), element("dd", value));
  fact(t.signs, decision.contracting_party ? t.parties[decision.contracting_party] : t.undecided);
  fact(t.bills, decision.invoicing_party ? t.parties[decision.invoicing_party] : t.undecided);
  fact(t.payout, decision.payout ? t.payouts[decision.payout] : t.undecided);
  const r = decision.registration;
  if (r) fact(t.registration, r.valid ? `${r.formatted} (${r.scheme}, ${t.well_formed})` : r.message);
  body.append(facts);
  if (decision.required_actions.length) body.append(actionList(t.required, decision.required_actions));
  if (decision.recommended_actions.length) body.append(actionList(t.recommended, decision.recommended_actions));
  if (decision.reasons.length) body.append(actionList(t.reasons, decision.reasons));
}

// ---- one pass: validate, decide, show ----

function update() {
  const t = UI[lang];
  const validation = validateApplication(application(), lang, policy);
  const errors = [...validation.errors];
  const s = situation();
  let decision = null;
  let problem = false;
  if (s) {
    try {
      decision = evaluateEligibility(s, policy, lang);
    } catch (e) {
      if (e.code !== "invalid_input") throw e;
      problem = true;
      // The situation on its own: paths from its root, shown under the same fields.
      for (const fe of e.errors) errors.push({ ...fe, path: fe.path ? `working_situation.${fe.path}` : "working_situation" });
    }
  }
  // A number that is not well-formed is the decision's to say (WS-1); show it under the field too.
  if (decision?.registration && !decision.registration.valid) {
    errors.push({ path: "working_situation.business.registration_number", code: "invalid_registration_number", message: decision.registration.message });
  }
  const { shown, unplaced } = showErrors(errors);
  showDecision(decision, problem);
  $("#completeness").textContent = t.completeness(Math.round(validation.completeness * 100));
  const summary = $("#summary");
  if (submitted && !validation.valid) {
    summary.replaceChildren(element("p", t.problems(shown.length + unplaced.length)));
    const list = element("ul");
    for (const { control, error } of shown) {
      const link = element("a", `${labelOf(control)}${t.colon}${error.message}`);
      link.href = `#${control.id}`;
      const item = element("li");
      item.append(link);
      list.append(item);
    }
    for (const error of unplaced) list.append(element("li", error.path ? `${error.path}${t.colon}${error.message}` : error.message));
    summary.append(list);
    summary.hidden = false;
  } else {
    summary.hidden = true;
  }
  $("#result").textContent = submitted && validation.valid ? t.valid : "";
  return validation;
}

function labelOf(control) {
  if (control.dataset.errorFor) return UI[lang].subjects;
  return form.querySelector(`label[for="${control.id}"]`)?.textContent ?? control.id;
}

// ---- language ----

function translate() {
  const t = UI[lang];
  document.documentElement.lang = lang;
  for (const el of $$("[data-i18n]")) {
    const text = t[el.dataset.i18n];
    if (typeof text === "string") el.textContent = text;
  }
  document.title = t.title;
}

// ---- wiring ----

async function start() {
  await init();
  policy = new Policy();
  addSubject();
  form.addEventListener("input", (event) => {
    if (event.target.id) touched.add(event.target.id);
    update();
  });
  form.addEventListener("change", (event) => {
    if (event.target.id) touched.add(event.target.id);
    if (event.target.id === "has_business") $("#business").disabled = !event.target.checked;
    update();
  });
  form.addEventListener("focusout", (event) => {
    if (event.target.id && event.target.value) touched.add(event.target.id);
    update();
  });
  $("#add-subject").addEventListener("click", () => {
    addSubject();
    update();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitted = true;
    const validation = update();
    if (!validation.valid) $("#summary a")?.focus();
  });
  for (const radio of $$('input[name="lang"]')) {
    radio.addEventListener("change", () => {
      lang = radio.value;
      translate();
      update();
    });
  }
  translate();
  update();
  document.documentElement.dataset.ready = "true";
}

start().catch((e) => {
  $("#decision-body").textContent = `${UI[lang].unavailable}: ${e.message}`;
  document.documentElement.dataset.ready = "error";
  throw e;
});
