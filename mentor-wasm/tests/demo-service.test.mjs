// The demo form as mentor-server serves it at `/`: the same page with
// <meta name="mentor-applications" content="/applications"> added (mentor-server/src/page.rs), which
// makes it post a form without problems there and show the service's answer. The service is
// played here by the browser's request interception, with answers of the shapes mentor-server
// gives (201, 422, 409); mentor-server's own tests check that `/` serves this page. Served by
// itself, the page posts nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { UI } from "../demo/labels.js";
import { noChromium, plain, startDemo } from "./demo.mjs";

const META = '<meta name="mentor-applications" content="/applications">';

describe("the demo form served by mentor-server", { skip: noChromium }, () => {
  let demo;

  before(async () => {
    demo = await startDemo();
  });

  after(async () => {
    await demo?.close();
  });

  /** A page of the demo, with the element mentor-server adds when `served`; every request to
   * /applications is kept in `posted` and answered with the next of `answers`. */
  async function open(served, answers) {
    const page = await demo.browser.newPage({ viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Paris" });
    const problems = [];
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    const posted = [];
    if (served) {
      await page.route(`${demo.base}/demo/`, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace("<head>", `<head>\n  ${META}`);
        await route.fulfill({ response, body });
      });
    }
    await page.route("**/applications?**", async (route) => {
      posted.push({ url: route.request().url(), method: route.request().method(), body: route.request().postDataJSON() });
      const [status, json] = answers.shift();
      await route.fulfill({ status, contentType: "application/json", body: JSON.stringify(json) });
    });
    await page.goto(`${demo.base}/demo/`);
    await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), "true", problems.join("\n"));
    return { page, posted, problems };
  }

  /** Fills a form without problems and submits it. */
  async function apply(page, email) {
    await page.locator("#first_name").fill("Camille");
    await page.locator("#last_name").fill("Moreau");
    await page.locator("#email").fill(email);
    await page.locator("#country").selectOption("FR");
    await page.locator("#subject-0-subject").fill("Web development");
    await page.locator("#subject-0-level").selectOption("proficient");
    await page.locator("#consent").check();
    await page.locator('button[type="submit"]').click();
  }

  const result = async (page, text) => {
    await page.waitForFunction((t) => document.getElementById("result").textContent.replace(/\s+/g, " ").trim().toLowerCase() === t, plain(text));
  };

  test("served by itself, the page checks the form and posts nothing", async () => {
    const { page, posted, problems } = await open(false, []);
    await apply(page, "camille.moreau@example.org");
    await result(page, UI.en.valid);
    assert.deepStrictEqual(posted, []);
    assert.deepStrictEqual(problems, []);
    await page.close();
  });

  test("served by mentor-server: 201, then 409, then 422 with a field error", async () => {
    const eligibility = { outcome: "eligible" };
    const { page, posted, problems } = await open(true, [
      [201, { id: "app-7", status: "ranked", eligibility, priority: { score: 0.625 } }],
      [409, { code: "duplicate_application", message: "already applied", first: "app-7" }],
      [422, { code: "invalid_input", message: "invalid", errors: [{ path: "applicant.email", code: "invalid_email", message: "this address is refused by the service" }] }],
    ]);
    await apply(page, "camille.moreau@example.org");
    // Worked out: UI.en.received("app-7", "Eligible", 0.625), the score with two decimals.
    await result(page, "Application received (app-7): thank you! Eligibility: Eligible. Review priority: 0.63.");
    assert.equal(posted.length, 1);
    assert.equal(posted[0].method, "POST");
    assert.equal(new URL(posted[0].url).pathname, "/applications");
    assert.equal(new URL(posted[0].url).searchParams.get("lang"), "en");
    assert.equal(posted[0].body.applicant.email, "camille.moreau@example.org");
    assert.equal(posted[0].body.consent.data_processing, true);

    // Sent again: the service names the first application.
    await page.locator('button[type="submit"]').click();
    await result(page, "You have already applied to this offer (application app-7).");

    // A change clears the answer (the page's own word again); the service's field error shows
    // under its field.
    await page.locator("#email").fill("camille@example.org");
    await result(page, UI.en.valid);
    await page.locator('button[type="submit"]').click();
    await result(page, UI.en.refused);
    assert.equal(await page.locator("#email").getAttribute("aria-invalid"), "true");
    assert.ok(plain(await page.locator("#summary").innerText()).includes("this address is refused by the service"));
    assert.equal(posted.length, 3);
    assert.deepStrictEqual(problems, []);
    await page.close();
  });
});
