// The demo form in a real Chromium (playwright-core, the system's chromium): served on a free
// port, filled as a person would, checked for the inline errors and the decision panel in both
// languages. The texts to expect about the applicant come from the library (Node build), the
// page's own labels from the page. A screenshot goes to test-artifacts/.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { noChromium, plain, startDemo } from "./demo.mjs";
import { artifacts, crateDir, node } from "./helpers.mjs";

const SIRET = "732 829 320 00074";

describe("the demo form in Chromium", { skip: noChromium }, () => {
  let demo;
  let open;

  before(async () => {
    demo = await startDemo();
    open = demo.open;
  });

  after(async () => {
    await demo?.close();
  });

  const panel = (page) => page.locator("#decision");

  test("a student, then a freelancer with a SIRET, then a bad e-mail: panel and inline errors in both languages", async () => {
    const { page, problems } = await open();
    const student = { country: "FR", status: "student" };
    const studentEn = node.evaluateEligibility(student, undefined, "en");
    const studentFr = node.evaluateEligibility(student, undefined, "fr");

    // The panel waits for a working situation; the form starts empty.
    await assert.doesNotReject(panel(page).getByText("Tell us about your working situation").waitFor());

    // A French student with no business: the employer and business sections do not apply.
    await page.getByLabel("First name").fill("Camille");
    await page.getByLabel("Last name").fill("Moreau");
    await page.getByLabel("E-mail").fill("camille.moreau@example.org");
    await page.getByLabel("Country of residence").selectOption("FR");
    await page.locator("#subject-0-subject").fill("Web development");
    await page.locator("#subject-0-level").selectOption({ label: "I work with it" });
    await page.getByLabel("I agree that my data is processed to review my application").check();
    await page.getByLabel("What do you do?").selectOption({ label: "Student" });
    assert.equal(await page.locator("#employment").isVisible(), false, "no employer questions for a student");
    assert.equal(await page.locator("#business").isVisible(), false, "no business section until ticked");

    await panel(page).getByText(studentEn.required_actions[0].message).waitFor();
    const en = plain(await panel(page).innerText());
    assert.match(en, /status: action required/);
    assert.match(en, /who signs the contract with us you, through your own business/);
    assert.match(en, /who sends us the invoices you, through your own business/);
    assert.ok(en.includes(plain(studentEn.required_actions[0].params.procedure)), en);
    assert.ok(en.includes("micro-entrepreneur"), en);
    for (const reason of studentEn.reasons) assert.ok(en.includes(plain(reason.message)), reason.message);
    assert.equal(await page.locator("[aria-invalid=true]").count(), 0, "no error on a good form");
    // "Web development" as typed is sent as the library's slug, web_development: no error.
    assert.equal(node.validateApplication({ subjects: [{ subject: "Web development", level: "proficient" }] }).errors.some((e) => e.path === "subjects[0].subject"), true);

    // The same in French: the library's messages and the page's labels, French spacing.
    await page.getByLabel("Français").check();
    await panel(page).getByText(studentFr.required_actions[0].message).waitFor();
    const fr = await panel(page).innerText();
    assert.match(fr, /Statut\u00a0: Action requise/);
    assert.match(plain(fr), /qui signe le contrat avec nous vous, par votre propre entreprise/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");

    // Now a freelancer (still in French): the business section opens by itself, since the
    // decision asks for a registration number, and names the numbers France accepts.
    const freelancer = { country: "FR", status: "freelancer", business: { registration_number: SIRET } };
    const freelancerFr = node.evaluateEligibility(freelancer, undefined, "fr");
    await page.getByLabel("Que faites-vous").selectOption({ label: "Freelance" });
    await page.locator("#business").waitFor();
    assert.equal(await page.locator("#has_business").isVisible(), false);
    const hint = plain(await page.locator("#registration_number-hint").innerText());
    for (const scheme of node.registrationSchemes("FR", "fr").schemes) assert.ok(hint.includes(plain(scheme.name)), hint);
    const number = page.getByLabel("Numéro d'immatriculation");
    await number.fill("732 829 320 00075");
    // A number that is not well-formed: the decision's message, under the field.
    const badNumber = node.validateRegistrationNumber("FR", "732 829 320 00075", "fr").message;
    await page.locator("#registration_number-error").getByText(badNumber).waitFor();
    assert.equal(await number.getAttribute("aria-invalid"), "true");
    await number.fill(SIRET);
    await panel(page).getByText("Éligible").waitFor();
    const eligible = plain(await panel(page).innerText());
    assert.match(eligible, /qui nous envoie les factures vous, par votre propre entreprise/);
    // The scheme as people say it, never its id.
    assert.ok(eligible.includes(`siret ${SIRET} (format et clé de contrôle corrects)`), eligible);
    assert.ok(!eligible.includes("fr_siret"), eligible);
    assert.ok(eligible.includes(plain(freelancerFr.reasons[0].message)), eligible);
    assert.equal(await number.getAttribute("aria-invalid"), null);

    await page.getByLabel("English").check();
    await panel(page).getByText("Status: Eligible").waitFor();
    assert.ok(plain(await panel(page).innerText()).includes(`siret ${SIRET} (format and check digits are right)`));

    // An e-mail that is not one: the error appears under the field as the person types.
    const email = page.getByLabel("E-mail");
    await email.fill("camille.moreau@");
    const emailError = page.locator("#email-error");
    const message = (lang) =>
      node.validateApplication({ applicant: { email: "camille.moreau@" } }, lang).errors.find((e) => e.path === "applicant.email").message;
    await emailError.getByText(message("en")).waitFor();
    assert.equal(await email.getAttribute("aria-invalid"), "true");
    assert.ok((await email.getAttribute("aria-describedby")).split(" ").includes("email-error"));
    assert.equal(await emailError.isVisible(), true);
    // Other fields keep their state: the decision is still there, no other error.
    assert.equal(await page.locator("[aria-invalid=true]").count(), 1);
    await page.getByLabel("Français").check();
    await emailError.getByText(message("fr")).waitFor();
    assert.equal(message("fr"), "cette adresse e-mail n'est pas valide");

    // Submitting lists the problem, links to the field and takes the focus there.
    await page.getByRole("button", { name: "Postuler" }).click();
    const summary = page.getByRole("alert");
    await summary.getByText("1 problème à corriger avant de postuler :").waitFor();
    assert.equal(await summary.getByRole("link").getAttribute("href"), "#email");
    assert.equal(await page.evaluate(() => document.activeElement.id), "email");

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "demo.png"), fullPage: true });

    // Fixed: no error left, the application is valid.
    await email.fill("camille.moreau@example.org");
    await page.getByRole("status").getByText("Votre candidature contient tout le nécessaire : merci !").waitFor();
    assert.equal(await page.locator("[aria-invalid=true]").count(), 0);
    assert.deepStrictEqual(problems, []);
    await page.close();
  });

  test("accessible markup: every control has a label, the panel is a live region", async () => {
    const { page } = await open();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea")].filter((el) => el.labels.length === 0 && !el.closest("template")).map((el) => el.id),
    );
    assert.deepStrictEqual(unlabelled, []);
    assert.equal(await page.locator("#decision").getAttribute("aria-live"), "polite");
    await page.close();
  });

  test("the README's browser example runs in the page", async () => {
    const { page, problems } = await open();
    const readme = readFileSync(join(crateDir, "README.md"), "utf8");
    const block = readme.match(/```html browser-example\n([\s\S]*?)```/);
    assert.ok(block, "README.md has a browser-example block");
    const script = block[1].match(/<script type="module">([\s\S]*?)<\/script>/)[1].replaceAll("./pkg/web/", "/pkg/web/");
    const done = page.waitForEvent("console", (m) => m.text().startsWith("readme example:"));
    await page.addScriptTag({ type: "module", content: script });
    assert.equal((await done).text(), "readme example: ok");
    assert.deepStrictEqual(problems, []);
    await page.close();
  });
});
