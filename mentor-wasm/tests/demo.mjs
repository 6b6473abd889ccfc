// Shared by the tests of the demo page: its server (demo/serve.mjs on a free port), a headless
// Debian Chromium driven by playwright-core, and a page of the demo opened ready to use.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

import { chromium } from "playwright-core";

import { crateDir } from "./helpers.mjs";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** A reason to skip the browser tests, or false. */
export const noChromium = !existsSync(CHROMIUM) && `no Chromium at ${CHROMIUM}`;

/** Starts the server and the browser: `{open, close}`. */
export async function startDemo() {
  const server = spawn(process.execPath, [join(crateDir, "demo/serve.mjs"), "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const base = await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.once("exit", (code) => reject(new Error(`the server stopped (${code})`)));
    server.stdout.once("data", (chunk) => resolve(String(chunk).match(/http:\/\/[\d.]+:\d+/)[0]));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });

  /** A fresh page of the demo, ready (the module loaded and the first pass done); `problems`
   * collects page errors and console errors. */
  async function open({ width = 1280, height = 900, timezoneId } = {}) {
    const page = await browser.newPage({ viewport: { width, height }, timezoneId });
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

  async function close() {
    await browser.close();
    server.kill();
  }

  return { base, browser, open, close };
}

/** Text as a person reads it: any run of spaces (no-break ones too) as one space, lower case
 * (the page capitalises the library's messages). */
export const plain = (text) => text.replace(/\s+/g, " ").trim().toLowerCase();
