/**
 * The chat page in a real browser (Debian's chromium driven by playwright-core) against the real
 * web server; only the core behind it is the echoing fake.
 */
import { existsSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createWebServer, type WebChatDeps, type WebServer } from "../../../src/channels/web/web-server.js";
import { FileStore } from "../../../src/store/file-store.js";
import { CHROMIUM, launchChromium } from "../../support/chromium.js";
import { fakeWebDeps } from "./fake-web-deps.js";
import { type SignInSetup, signInSetup } from "./sign-in-setup.js";

const INJECTION = "<img src=x onerror=alert(1)>";

let browser: Browser;
/** Real sign-in links and sessions on a scratch SQLite file, for the page outside demo mode. */
let setup: SignInSetup;
let context: BrowserContext | null = null;
let web: WebServer | null = null;
/** Script errors, CSP violations and alert() calls seen by the page; every test expects none. */
let problems: string[] = [];
/** Console errors a test provokes on purpose (a refused token shows as a failed load). */
let expectedConsole: RegExp[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    // Fail, never skip: CI installs chromium with apt (.ci/run), and a skipped browser test hides a broken page.
    throw new Error(`Chromium is missing at ${CHROMIUM}. Install Debian's package: apt-get install -y chromium`);
  }
  setup = await signInSetup();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await setup?.close();
});

afterEach(async () => {
  await context?.close();
  context = null;
  await web?.close();
  web = null;
  expect(problems).toEqual([]);
});

async function openPage(overrides: Partial<WebChatDeps> = {}) {
  const fake = fakeWebDeps(overrides);
  web = createWebServer(fake.deps);
  const base = await web.listen(0, "127.0.0.1");
  context = await browser.newContext();
  const page = await context.newPage();
  problems = [];
  expectedConsole = [];
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !expectedConsole.some((re) => re.test(msg.text())))
      problems.push(`console error: ${msg.text()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(base);
  return { ...fake, page, base };
}

async function pickPerson(page: Page, personId: string) {
  await page.locator(`button.person[data-person-id="${personId}"]`).click();
  await page.locator("#chat-view").waitFor();
}

/** Types into the send box and presses Enter, as a person would. */
async function typeAndSend(page: Page, text: string) {
  await page.locator("#text").fill(text);
  await page.locator("#text").press("Enter");
}

/** The text of the last bot bubble once there are `count` of them. */
async function botBubble(page: Page, count: number) {
  const bubbles = page.locator("#messages .msg.bot");
  await bubbles.nth(count - 1).waitFor();
  return bubbles.nth(count - 1);
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the web chat page", () => {
  it("lets one pick a person by team, send a message with Enter and see the reply", async () => {
    const { page, calls } = await openPage();
    await page.locator("#picker-view").waitFor();
    expect(await page.locator("#picker-view h2").textContent()).toContain("选择身份");
    expect(await page.locator(".team-name").allTextContents()).toEqual(["新罗一组", "Bay Beverages"]);
    // Supervisors first within a team, each with a role label.
    expect(await page.locator(".team").nth(0).locator(".person-name").allTextContents()).toEqual(["李娜", "张伟"]);
    expect(await page.locator('[data-person-id="m-zhang"] .person-role').textContent()).toContain("Manager");

    await pickPerson(page, "m-zhang");
    expect(await page.locator("#who-name").textContent()).toBe("张伟");

    await typeAndSend(page, "今天去了胡记超市");
    expect(await (await botBubble(page, 1)).textContent()).toContain("echo: 今天去了胡记超市");
    expect(await page.locator("#messages .msg.user .bubble").first().textContent()).toBe("今天去了胡记超市");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ channel: "web", externalUserId: "m-zhang", text: "今天去了胡记超市" });
    expect(await page.locator("#text").inputValue()).toBe("");
  });

  it("keeps line breaks: Shift+Enter adds a line, and replies show their newlines", async () => {
    const { page, calls } = await openPage();
    await pickPerson(page, "m-amy");
    await page.locator("#text").click();
    await page.keyboard.type("line one");
    await page.keyboard.press("Shift+Enter");
    await page.keyboard.type("line two");
    await page.keyboard.press("Enter");
    const reply = await botBubble(page, 1);
    expect(calls[0]?.text).toBe("line one\nline two");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText checks the line break is rendered (pre-wrap); textContent would not.
    expect(await reply.locator(".text").innerText()).toBe("echo: line one\nline two");
  });

  it("speaks every language until a person is picked, then greets them in their own", async () => {
    const { page } = await openPage();
    await page.locator("#picker-view").waitFor();
    expect(await page.locator("#picker-view h2").textContent()).toBe("选择身份 / Pick a person");
    expect(await page.locator("#picker-filter").getAttribute("placeholder")).toBe(
      "搜索姓名或团队 / Search name or team",
    );
    expect(await page.locator('[data-person-id="s-li"] .person-role').textContent()).toBe("主管 / Supervisor");
    await pickPerson(page, "m-amy");
    expect(await page.locator("#messages .note").first().textContent()).toBe(
      "Hi Amy Chen! Send a visit report or a question, or type “help”.",
    );
    await page.locator("#switch-person").click();
    await pickPerson(page, "m-zhang");
    expect(await page.locator("#messages .note").first().textContent()).toBe(
      "你好，张伟！发一条拜访记录或问题试试，或输入「帮助」。",
    );
  });

  it("remembers the picked person across a reload, and 'switch person' goes back to the list", async () => {
    const { page } = await openPage();
    await pickPerson(page, "s-li");
    await page.reload();
    await page.locator("#chat-view").waitFor();
    expect(await page.locator("#who-name").textContent()).toBe("李娜");

    await page.locator("#switch-person").click();
    await page.locator("#picker-view").waitFor();
    await page.reload();
    await page.locator("#picker-view").waitFor();
  });

  it("renders choices as buttons; clicking one sends its value and shows it as the person's message", async () => {
    const { page, calls } = await openPage();
    await pickPerson(page, "m-zhang");
    await typeAndSend(page, "choices");
    const question = await botBubble(page, 1);
    expect(await question.locator(".text").textContent()).toBe("哪一家？ / Which shop?");
    const buttons = question.locator(".choices button");
    expect(await buttons.allTextContents()).toEqual(["胡记超市", "胡记便利店"]);

    await buttons.nth(1).click();
    expect(await (await botBubble(page, 2)).textContent()).toContain("echo: 2");
    expect(calls.map((c) => c.text)).toEqual(["choices", "2"]);
    expect(await page.locator("#messages .msg.user .bubble").last().textContent()).toBe("2");
    // One answer per question: the group locks after a click.
    expect(await buttons.nth(0).isDisabled()).toBe(true);
  });

  it("renders a card with title, labelled lines, footer and action buttons that send their value", async () => {
    const { page, calls } = await openPage();
    await pickPerson(page, "m-zhang");
    await typeAndSend(page, "card");
    const card = (await botBubble(page, 1)).locator(".card");
    expect(await card.locator(".card-title").textContent()).toBe("已记录拜访 / Visit logged");
    expect(await card.locator("dt").allTextContents()).toEqual(["店铺 / Shop", "缺货 / Out of stock"]);
    expect(await card.locator("dd").allTextContents()).toEqual(["胡记便利店", "软中华"]);
    expect(await card.locator(".card-footer").textContent()).toContain("撤销");

    await card.locator(".actions button", { hasText: "撤销 / Undo" }).click();
    expect(await (await botBubble(page, 2)).textContent()).toContain("echo: 撤销");
    expect(calls.map((c) => c.text)).toEqual(["card", "撤销"]);
  });

  it("shows images and file links by url, and refuses a javascript: link", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
      "base64",
    );
    const files = new FileStore(setup.database.db, { secret: Buffer.alloc(32, 7) });
    const chart = await files.put("week.png", "image/png", png);
    const csv = await files.put("visits.csv", "text/csv", Buffer.from("a,b\n"));
    const { page } = await openPage({
      handle: async () => [
        { kind: "image", title: "本周拜访 / Visits this week", url: chart },
        { kind: "file", title: "导出 / Export", filename: "visits.csv", url: csv },
        { kind: "file", title: "evil", filename: "x", url: "javascript:alert(1)" },
      ],
      files,
    });
    await pickPerson(page, "m-zhang");
    await typeAndSend(page, "chart please");
    await botBubble(page, 3);
    const img = page.locator("#messages figure.image img");
    expect(await img.getAttribute("alt")).toBe("本周拜访 / Visits this week");
    await page.waitForFunction(
      () => (document.querySelector("#messages figure.image img") as HTMLImageElement)?.naturalWidth === 1,
    );
    const link = page.locator("#messages a.file");
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute("download")).toBe("visits.csv");
    expect(await link.getAttribute("href")).toMatch(/\/files\/[\w-]+\/visits\.csv\?expires=\d+&sig=[\w-]+$/);
    expect(await (await botBubble(page, 3)).locator(".bubble").textContent()).toBe("evil");
  });

  it("shows a pushed message live", async () => {
    const { page, liveFeed } = await openPage();
    await pickPerson(page, "m-zhang");
    await waitFor(() => liveFeed.watching("m-zhang"), "the page to open its event stream");
    liveFeed.publish("m-zhang", [{ kind: "text", text: "早上好！今天计划拜访 5 家店。" }]);
    const pushed = page.locator("#messages .msg.bot.pushed");
    await pushed.waitFor();
    expect(await pushed.textContent()).toContain("早上好！今天计划拜访 5 家店。");
    await page.locator('#live[data-state="open"]').waitFor();
  });

  it("shows the pushes delivered earlier today when the page opens", async () => {
    const { page } = await openPage({
      recentPushes: async (personId) =>
        personId === "m-zhang" ? [[{ kind: "text", text: "早上好！今天计划拜访 18 家。" }]] : [],
    });
    await pickPerson(page, "m-zhang");
    const pushed = page.locator("#messages .msg.bot.pushed");
    await pushed.waitFor();
    expect(await pushed.textContent()).toContain("今天计划拜访 18 家");
  });

  it("renders script-injection text as literal text, typed, echoed or pushed", async () => {
    const { page, liveFeed } = await openPage();
    await pickPerson(page, "m-zhang");
    await typeAndSend(page, INJECTION);
    const reply = await botBubble(page, 1);
    expect(await reply.locator(".text").textContent()).toBe(`echo: ${INJECTION}`);
    expect(await page.locator("#messages .msg.user .bubble").first().textContent()).toBe(INJECTION);

    await waitFor(() => liveFeed.watching("m-zhang"), "the page to open its event stream");
    liveFeed.publish("m-zhang", [
      {
        kind: "card",
        title: INJECTION,
        lines: [{ label: "<b>label</b>", value: "<script>alert(2)</script>" }],
        actions: [{ label: "<i>x</i>", value: "x" }],
        footer: INJECTION,
      },
    ]);
    const card = page.locator("#messages .msg.pushed .card");
    await card.waitFor();
    expect(await card.locator(".card-title").textContent()).toBe(INJECTION);
    expect(await card.locator("dd").textContent()).toBe("<script>alert(2)</script>");
    expect(await card.locator("button").textContent()).toBe("<i>x</i>");
    expect(await page.locator("#messages img, #messages script, #messages b, #messages i").count()).toBe(0);
  });

  it("outside demo mode, explains how to sign in; a one-time link opens the chat as that person alone", async () => {
    const { page, base, calls, liveFeed } = await openPage({ demoMode: false, signIn: setup.signIn });
    await page.locator("#signin-view").waitFor();
    expect(await page.locator("#signin-view h2").textContent()).toBe("请先登录 / Please sign in");
    expect(await page.locator("#signin-view .hint").textContent()).toContain("网页登录");
    expect(await page.locator("#people .person").count()).toBe(0);

    const link = `${base}/login/${await setup.tokenFor("m-amy")}`;
    await page.goto(link);
    await page.locator("#chat-view").waitFor();
    expect(page.url()).toBe(`${base}/`);
    expect(await page.locator("#who-name").textContent()).toBe("Amy Chen");
    expect(await page.locator("#messages .note").first().textContent()).toBe(
      "Hi Amy Chen! Send a visit report or a question, or type “help”.",
    );
    // No picker here: the page can only be Amy, and the session cookie is out of any script's reach.
    expect(await page.locator("#switch-person").isHidden()).toBe(true);
    expect(await page.evaluate(() => document.cookie)).toBe("");

    await typeAndSend(page, "hello");
    expect(await (await botBubble(page, 1)).textContent()).toContain("echo: hello");
    expect(calls.map((c) => c.externalUserId)).toEqual(["m-amy"]);
    await waitFor(() => liveFeed.watching("m-amy"), "the page to open its event stream");
    liveFeed.publish("m-amy", [{ kind: "text", text: "Your plan for today: 5 shops." }]);
    await page.locator("#messages .msg.bot.pushed").waitFor();

    // A reload keeps the session; the link itself works once.
    await page.reload();
    await page.locator("#chat-view").waitFor();
    expectedConsole = [/status of 410/];
    await page.goto(link);
    expect(await page.locator("body").textContent()).toContain(
      "This sign-in link has already been used or has expired",
    );

    await page.goto(base);
    await page.locator("#chat-view").waitFor();
    await page.locator("#sign-out").click();
    await page.locator("#signin-view").waitFor();
    await page.reload();
    await page.locator("#signin-view").waitFor();
    await waitFor(() => !liveFeed.watching("m-amy"), "the event stream to end");
  });
});
