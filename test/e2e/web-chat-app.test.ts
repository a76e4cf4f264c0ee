/**
 * The whole bot through the web chat in a real browser: the real app (core, parser, SQLite) behind the page.
 * A manager sends an ambiguous report, clicks a choice button, and sees the stored receipt.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { launchChromium } from "../support/chromium.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";

let browser: Browser;
let app: App;
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = scratchSqlite();
  const database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  await database.close();
  app = await startApp(parseConfig({ DATABASE_URL: scratch.url, PORT: "0", LOG_LEVEL: "silent", SCHEDULER: "false" }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await scratch?.drop();
});

it("an ambiguous report asks with buttons; clicking one stores the visit and shows the receipt", async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(app.url);
  await page.locator('button.person[data-person-id="M01"]').click();
  await page.locator("#chat-view").waitFor();
  await page.locator("#text").fill("胡记 软中华断货了");
  await page.locator("#text").press("Enter");
  const question = page.locator("#messages .msg.bot").last();
  await question.locator(".choices button").first().waitFor();
  expect(await question.locator(".choices button").allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining("胡记超市"), expect.stringContaining("胡记便利店")]),
  );
  await question.locator(".choices button", { hasText: "胡记便利店" }).click();
  const receipt = page.locator("#messages .msg.bot .card").last();
  await receipt.waitFor();
  expect(await receipt.locator(".card-title").textContent()).toContain("已记录：胡记便利店");
  expect(await receipt.textContent()).toContain("中华(软)");
  const visit = await app.database.db.visit.findFirstOrThrow({ where: { managerId: "M01" }, include: { lines: true } });
  expect(visit.retailerId).toBe("R025");
  expect(visit.lines.map((l) => [l.kind, l.sku])).toEqual([["out_of_stock", "T002"]]);
});
