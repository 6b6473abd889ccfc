// The demo form in a real Chromium (playwright-core, the system's chromium): served on a free
// port, filled as a person would, checked for the inline errors and the decision panel in both
// languages. The texts to expect about the applicant come from the library (Node build), the
// page's own labels from the page. A screenshot goes to test-artifacts/.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chromium } from "playwright-core";

import { artifacts, crateDir, node } from "./helpers.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const SIRET = "732 829 320 00074";

describe("the demo form in Chromium", { skip: !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}` }, () => {
  let server;
  let browser;
  let base;

  before(async () => {
    server = spawn(process.execPath, [join(crateDir, "demo/serve.mjs"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    base = await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.once("exit", (code) => reject(new Error(`the server stopped (${code})`)));
      server.stdout.once("data", (chunk) => resolve(String(chunk).match(/http:\/\/[\d.]+:\d+/)[0]));
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });

  after(async () => {
    await browser?.close();
    server?.kill();
  });

  /** A fresh page of the demo, ready (the module loaded and the first pass done). */
  async function open() {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "assert") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    await page.goto(`${base}/demo/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), "true", problems.join("\n"));
    return { page, problems };
  }

  const panel = (page) => page.locator("#decision");

  test("a student, then a freelancer with a SIRET, then a bad e-mail: panel and inline errors in both languages", async () => {
    const { page, problems } = await open();
    const student = { country: "FR", status: "student" };
    const studentEn = node.evaluateEligibility(student, undefined, "en");
    const studentFr = node.evaluateEligibility(student, undefined, "fr");

    // The panel waits for a working situation; the form starts empty.
    await assert.doesNotReject(panel(page).getByText("Tell us about your working situation").waitFor());

    // A French student with no business.
    await page.getByLabel("First name").fill("Camille");
    await page.getByLabel("Last name").fill("Moreau");
    await page.getByLabel("E-mail").fill("camille.moreau@example.org");
    await page.getByLabel("Country of residence (two letters, such as FR)").fill("FR");
    await page.getByLabel("Subject (such as web_development)").fill("web_development");
    await page.getByLabel("Level").selectOption({ label: "I work with it" });
    await page.getByLabel("I agree that my data is processed to review my application").check();
    await page.getByLabel("Country where you are or will be registered (two letters)").fill("FR");
    await page.getByLabel("What do you do?").selectOption({ label: "Student" });

    await panel(page).getByText(studentEn.required_actions[0].message).waitFor();
    const en = await panel(page).innerText();
    assert.match(en, /Status: Action required/);
    assert.match(en, /Who signs the contract\s+your business/);
    assert.match(en, /Who bills the company\s+your business/);
    assert.ok(en.includes(studentEn.required_actions[0].params.procedure), en);
    assert.ok(en.includes("micro-entrepreneur"), en);
    for (const reason of studentEn.reasons) assert.ok(en.includes(reason.message), reason.message);
    assert.equal(await page.locator("[aria-invalid=true]").count(), 0, "no error on a good form");

    // The same in French: the library's messages and the page's labels.
    await page.getByLabel("Français").check();
    await panel(page).getByText(studentFr.required_actions[0].message).waitFor();
    const fr = await panel(page).innerText();
    assert.match(fr, /Statut : Action requise/);
    assert.match(fr, /Qui signe le contrat\s+votre entreprise/);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "fr");

    // Now a freelancer with a SIRET (still in French).
    const freelancer = { country: "FR", status: "freelancer", business: { registration_number: SIRET } };
    const freelancerFr = node.evaluateEligibility(freelancer, undefined, "fr");
    await page.getByLabel("Que faites-vous ?").selectOption({ label: "Indépendant (freelance)" });
    await page.getByLabel("J'ai une entreprise immatriculée (ou je la crée)").check();
    const number = page.getByLabel("Numéro d'immatriculation (par exemple un SIRET)");
    await number.fill("732 829 320 00075");
    // A number that is not well-formed: the decision's message, under the field.
    const badNumber = node.validateRegistrationNumber("FR", "732 829 320 00075", "fr").message;
    await page.locator("#registration_number-error").getByText(badNumber).waitFor();
    assert.equal(await number.getAttribute("aria-invalid"), "true");
    await number.fill(SIRET);
    await panel(page).getByText("Éligible").waitFor();
    const eligible = await panel(page).innerText();
    assert.match(eligible, /Qui signe le contrat\s+votre entreprise/);
    assert.match(eligible, /Qui facture l'entreprise\s+votre entreprise/);
    assert.ok(eligible.includes(`${SIRET} (fr_siret, bien formé)`), eligible);
    assert.ok(eligible.includes(freelancerFr.reasons[0].message), eligible);
    assert.equal(await number.getAttribute("aria-invalid"), null);

    await page.getByLabel("English").check();
    await panel(page).getByText("Status: Eligible").waitFor();
    assert.ok((await panel(page).innerText()).includes(`${SIRET} (fr_siret, well-formed)`));

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

    // Submitting lists the problem and links to the field.
    await page.getByRole("button", { name: "Postuler" }).click();
    const summary = page.getByRole("alert");
    await summary.getByText("1 problème à corriger avant de postuler :").waitFor();
    assert.equal(await summary.getByRole("link").getAttribute("href"), "#email");

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, "demo.png"), fullPage: true });

    // Fixed: no error left, the application is valid.
    await email.fill("camille.moreau@example.org");
    await page.getByRole("status").getByText("Votre candidature est valide : merci !").waitFor();
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
