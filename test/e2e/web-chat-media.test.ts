/**
 * Voice, photo and check-in on the real web chat page in Chromium on a phone-sized screen: the real
 * app behind it, a local speech recogniser stub, Chromium's fake microphone (a recorded WebM/Opus
 * note), a file chosen for the photo input, and the context's geolocation; and the answers the page
 * gives when the browser refuses the location.
 */
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { type AsrStub, startAsrStub } from "../support/asr-stub.js";
import { launchChromium } from "../support/chromium.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { TEST_ROSTER } from "../support/fixtures.js";
import { plainJpeg } from "../support/test-photos.js";

let browser: Browser;
let app: App;
let asr: AsrStub;
let scratch: ScratchDatabase;

/** 张记便利店 (R035), one of 黄丽萍's (M02) shops. */
const ZHANGJI = { latitude: 25.13482, longitude: 117.04612 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, hasTouch: true, locale: "zh-CN" };

beforeAll(async () => {
  scratch = scratchSqlite();
  const database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  await database.close();
  // The browser's recording is not known in advance: the stub hears every unknown note as this.
  asr = await startAsrStub({ fallback: "张记便利店 软中华断货" });
  app = await startApp(
    parseConfig({
      DATABASE_URL: scratch.url,
      PORT: "0",
      LOG_LEVEL: "silent",
      SCHEDULER: "false",
      LOAD_DEMO_DATA: "false",
      ASR_BASE_URL: asr.baseUrl,
    }),
  );
  browser = await launchChromium(["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await asr?.close();
  await scratch?.drop();
});

async function chatAs(personId: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, ...options });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.locator(`button.person[data-person-id="${personId}"]`).click();
  await page.locator("#chat-view").waitFor();
  return page;
}

/** The text of the bot's bubbles after the `after`th one, once there are more than `after`. */
async function botTextsAfter(page: Page, after: number): Promise<string> {
  await page.locator("#messages .msg.bot").nth(after).waitFor();
  return (await page.locator("#messages .msg.bot").allTextContents()).slice(after).join("\n");
}

describe("the web chat on a phone", () => {
  it("records a voice note, sends a photo and checks in", async () => {
    const page = await chatAs("M02", { geolocation: ZHANGJI, permissions: ["geolocation", "microphone"] });
    const start = await page.locator("#messages .msg.bot").count();

    // Hold to talk: press, record for a moment of Chromium's fake microphone, let go.
    const talk = page.locator("#talk");
    await talk.hover();
    await page.mouse.down();
    await page.waitForFunction(() => document.getElementById("talk")?.classList.contains("recording"));
    await page.waitForTimeout(1200);
    await page.mouse.up();
    expect(await botTextsAfter(page, start)).toContain("🎤 「张记便利店 软中华断货」");
    await page.locator("#messages .msg.bot .card").first().waitFor();
    expect(await page.locator("#messages .msg.bot .card .card-title").first().textContent()).toContain("张记便利店");
    expect(asr.calls.at(-1)?.filename).toBe("voice.webm");
    const voice = await app.database.db.inboundMedia.findFirstOrThrow({ where: { kind: "voice" } });
    expect(voice.mime).toMatch(/webm/);

    const afterVoice = await page.locator("#messages .msg.bot").count();
    await page.locator("#photo").setInputFiles({ name: "shelf.jpg", mimeType: "image/jpeg", buffer: plainJpeg() });
    expect(await botTextsAfter(page, afterVoice)).toContain("📷 已附到张记便利店的拜访记录（今天第 1 张）");

    const afterPhoto = await page.locator("#messages .msg.bot").count();
    await page.locator("#check-in").click();
    expect(await botTextsAfter(page, afterPhoto)).toContain("📍 已在张记便利店签到（约 0 米）");
    expect(await page.locator("#messages .msg.user .bubble").allTextContents()).toEqual([
      "🎤 语音",
      "📷 照片",
      "📍 我的位置",
    ]);
  });

  it("answers gracefully when the browser refuses the location", async () => {
    const page = await chatAs("M02", { permissions: [] });
    await page.locator("#check-in").click();
    await page.locator("#messages .note.error").waitFor();
    expect(await page.locator("#messages .note.error").textContent()).toBe(
      "浏览器没有允许获取位置，请在设置里允许定位后再签到。",
    );
  });
});
