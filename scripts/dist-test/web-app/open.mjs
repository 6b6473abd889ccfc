// Serves the built app (public/) on a free loopback port with node's http module, opens it in
// Debian's Chromium through playwright-core, and checks that the decision appears on the page.
// Run from the scratch app: node open.mjs SCREENSHOT.png
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const publicDir = join(import.meta.dirname, "public");
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm" };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  const file = join(publicDir, path.endsWith("/") ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(`${base}/`);
  await page.locator("#outcome").filter({ hasNotText: "loading" }).waitFor({ timeout: 15000 }).catch(() => {
    throw new Error(`no decision appeared on the page\n${problems.join("\n")}`);
  });
  const shown = {
    outcome: await page.locator("#outcome").innerText(),
    contracting_party: await page.locator("#contracting-party").innerText(),
    registration: await page.locator("#registration").innerText(),
  };
  if (process.argv[2]) await page.screenshot({ path: process.argv[2] });
  assert.deepEqual(shown, { outcome: "eligible", contracting_party: "mentor_business", registration: "732 829 320 00074" }, problems.join("\n"));
  assert.deepEqual(problems, [], "the page logged problems");
  console.log(`Chromium at ${base}/ shows the decision: ${JSON.stringify(shown)}`);
} finally {
  await browser.close();
  server.close();
}
