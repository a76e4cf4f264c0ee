import { randomBytes } from "node:crypto";
/**
 * WeCom end to end against a local fake WeCom server over real HTTP: the app's real core and
 * features (parser, visits, plans, invites) on a scratch SQLite database with the test roster, the
 * channel list started as the app starts it, and callbacks encrypted and signed on WeCom's side
 * with Node's own crypto (wecom-side.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { featureHandlers, rulesOnly } from "../../../src/app.js";
import { CHANNELS, channelCapabilities, type RunningChannels, startChannels } from "../../../src/channels/index.js";
import { ChannelRegistry } from "../../../src/channels/outbound.js";
import { Pacer } from "../../../src/channels/pacer.js";
import { namespaced } from "../../../src/channels/shared-values.js";
import { LiveFeed } from "../../../src/channels/web/live-feed.js";
import { createWebServer, type WebServer } from "../../../src/channels/web/web-server.js";
import { wecom } from "../../../src/channels/wecom/index.js";
import { startWecom } from "../../../src/channels/wecom/start-wecom.js";
import { type Config, parseConfig } from "../../../src/config/config.js";
import { type Bot, createBot } from "../../../src/core/bot.js";
import { localDay } from "../../../src/domain/calendar.js";
import type { Reply } from "../../../src/domain/messages.js";
import { createInvite, inviteRedeemer } from "../../../src/invites/invite.js";
import { inEveryLanguage, messagesFor } from "../../../src/locales/index.js";
import { createLogger } from "../../../src/log.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { createDeliverer } from "../../../src/schedule/deliverer.js";
import { createPush, OutboxStore, startScheduler } from "../../../src/schedule/index.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { FileStore } from "../../../src/store/file-store.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { SharedValueStore } from "../../../src/store/shared-value-store.js";
import { SignInLinkStore } from "../../../src/store/sign-in-link-store.js";
import { SignInLinks } from "../../../src/web-login/sign-in-links.js";
import { ManualClock } from "../../schedule/schedule-setup.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { amrNote } from "../../support/test-audio.js";
import { plainJpeg } from "../../support/test-photos.js";
import { type FakeWecomApi, type SentMessage, startFakeWecomApi } from "./fake-wecom-api.js";
import {
  AGENT_ID,
  eventXml,
  imageXml,
  locationXml,
  nextMsgId,
  postCallback,
  sealedCallback,
  textXml,
  verificationUrl,
  voiceXml,
  WECOM_ENV,
} from "./wecom-side.js";

const logger = createLogger("silent");
const zh = messagesFor("zh");

let fake: FakeWecomApi;
let scratch: ScratchDatabase;
let database: Database;
let chats: RunningChannels;
let registry: ChannelRegistry;
let web: WebServer;
let endpoint: string;
let config: Config;

beforeAll(async () => {
  fake = await startFakeWecomApi();
  for (const member of ["linzhiqiang", "jakemiller", "zhangwei", "stranger01", "huangliping"]) fake.members.add(member);
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  const { db } = database;
  await importRoster(db, TEST_ROSTER);
  const roster = new RosterStore(db);
  await roster.link("M01", "wecom", "linzhiqiang"); // 林志强, zh, 新罗一组
  await roster.link("M03", "wecom", "zhangwei"); // 张伟, zh, 新罗一组
  await roster.link("M07", "wecom", "jakemiller"); // Jake Miller, en
  config = parseConfig({ DATABASE_URL: scratch.url, ...WECOM_ENV, WECOM_API_URL: fake.apiUrl });
  const bot = createBot({
    db,
    logger,
    handlers: featureHandlers({
      db,
      understand: rulesOnly,
      files: new FileStore(db, { secret: randomBytes(32) }),
      signInLinks: new SignInLinks(new SignInLinkStore(db), () => "http://localhost:3000"),
    }),
    capabilities: (channel) => channelCapabilities(channel),
    onUnknownSender: inviteRedeemer(db, logger),
  });
  registry = new ChannelRegistry();
  const liveFeed = new LiveFeed();
  chats = startChannels({
    channels: CHANNELS,
    config,
    bot,
    roster,
    logger,
    registry,
    liveFeed,
    shared: new SharedValueStore(db),
  });
  await chats.ready;
  web = createWebServer({
    handle: (message) => bot.handle(message),
    findPerson: (id) => roster.person(id),
    listPeople: () => roster.people(),
    liveFeed,
    demoMode: true,
    logger,
    extraRoutes: chats.routes,
  });
  endpoint = `${await web.listen(0, "127.0.0.1")}/wecom/callback`;
});

afterAll(async () => {
  await chats?.stop();
  await web?.close();
  await database?.close();
  await scratch?.drop();
  await fake?.close();
});

beforeEach(() => fake.reset());

/** Sends a plaintext callback as WeCom would and waits until the channel has handled it and sent its replies. */
async function callback(plaintext: string) {
  const answer = await postCallback(endpoint, sealedCallback(plaintext));
  await chats.idle();
  return answer;
}

const texts = (messages: SentMessage[]) => messages.filter((m) => m.msgtype === "text").map((m) => m.content.content);
const cards = (messages: SentMessage[]) => messages.filter((m) => m.msgtype === "template_card").map((m) => m.content);
const inbound = (externalMessageId: string) =>
  database.db.inboundMessage.findMany({ where: { channel: "wecom", externalMessageId } });

describe("WeCom's callback URL", () => {
  it("answers WeCom's URL verification with the decrypted echo string", async () => {
    const response = await fetch(verificationUrl(endpoint, "1616140317555161061"));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1616140317555161061");
  });

  it("refuses a verification or a callback that is not signed with the token, and stores nothing", async () => {
    expect((await fetch(verificationUrl(endpoint, "echo", { token: "notOurToken" }))).status).toBe(401);
    const before = await database.db.inboundMessage.count();
    const forged = sealedCallback(textXml("linzhiqiang", "王记 软中华断货"), { token: "notOurToken" });
    expect(await postCallback(endpoint, forged)).toEqual({ status: 401, body: "invalid signature" });
    const unsigned = sealedCallback(textXml("linzhiqiang", "王记 软中华断货"));
    const bare = await fetch(endpoint, { method: "POST", body: unsigned.body });
    expect(bare.status).toBe(401);
    await chats.idle();
    expect(await database.db.inboundMessage.count()).toBe(before);
    expect(fake.sent).toEqual([]);
  });

  it("answers 400 to a callback signed right but not for this company, and stores nothing", async () => {
    const before = await database.db.inboundMessage.count();
    const elsewhere = sealedCallback(textXml("linzhiqiang", "hi"), { receiveId: "ww0000000000000000" });
    expect((await postCallback(endpoint, elsewhere)).status).toBe(400);
    expect(await database.db.inboundMessage.count()).toBe(before);
  });
});

describe("WeCom conversations", () => {
  it("stores a text visit report and sends the receipt card to that user through message/send", async () => {
    const msgId = nextMsgId();
    const visitsBefore = await database.db.visit.count({ where: { managerId: "M01", retailerId: "R001" } });
    const answer = await callback(textXml("linzhiqiang", "王记 软中华断货 红塔山12条", msgId));
    expect(answer).toEqual({ status: 200, body: "" });
    expect(await inbound(msgId)).toMatchObject([
      { personId: "M01", status: "handled", text: "王记 软中华断货 红塔山12条" },
    ]);
    expect(await database.db.visit.count({ where: { managerId: "M01", retailerId: "R001" } })).toBe(visitsBefore + 1);
    expect(fake.sent.every((m) => m.touser === "linzhiqiang")).toBe(true);
    const [receipt] = cards(fake.sent);
    expect(receipt?.main_title.title).toContain("王记小卖部");
    expect(receipt?.sub_title_text).toContain("中华(软)");
    expect(receipt?.button_list.map((b: { text: string }) => b.text)).toEqual([
      zh.visits.receipt.edit,
      zh.visits.receipt.undo,
    ]);
  });

  it("handles a callback WeCom retries (concurrently and later) once: one record, one receipt", async () => {
    const msgId = nextMsgId();
    const sealed = sealedCallback(textXml("linzhiqiang", "老周 红塔山8条", msgId));
    const visitsBefore = await database.db.visit.count({ where: { managerId: "M01", retailerId: "R002" } });
    const answers = await Promise.all([postCallback(endpoint, sealed), postCallback(endpoint, sealed)]);
    answers.push(await postCallback(endpoint, sealed));
    await chats.idle();
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await inbound(msgId)).toHaveLength(1);
    expect(await database.db.visit.count({ where: { managerId: "M01", retailerId: "R002" } })).toBe(visitsBefore + 1);
    expect(cards(fake.sent)).toHaveLength(1);
  });

  it("asks which shop with buttons, and a click on the card answers it and marks the card", async () => {
    await callback(textXml("linzhiqiang", "胡记 软中华断货了"));
    const [question] = cards(fake.sent);
    const buttons = question?.button_list as { text: string; key: string }[];
    expect(buttons.map((b) => b.text)).toEqual(expect.arrayContaining(["胡记超市", "胡记便利店"]));
    const pick = buttons.find((b) => b.text === "胡记便利店");
    fake.reset();
    const visitsBefore = await database.db.visit.count({ where: { retailerId: "R025" } });
    await callback(
      eventXml("linzhiqiang", "template_card_event", {
        eventKey: pick?.key,
        taskId: question?.task_id,
        responseCode: "rc-click-1",
      }),
    );
    expect(await database.db.visit.count({ where: { retailerId: "R025" } })).toBe(visitsBefore + 1);
    expect(cards(fake.sent)[0]?.main_title.title).toContain("已记录：胡记便利店");
    expect(fake.cardUpdates).toEqual([
      {
        userids: ["linzhiqiang"],
        agentid: Number(AGENT_ID),
        response_code: "rc-click-1",
        button: { replace_name: "✓ 胡记便利店" },
      },
    ]);
  });

  it("refuses an unknown userid politely, in every language, and records nothing for them", async () => {
    const msgId = nextMsgId();
    await callback(textXml("stranger01", "王记 软中华断货", msgId));
    expect(await inbound(msgId)).toMatchObject([{ personId: null, status: "refused" }]);
    expect(texts(fake.sentTo("stranger01"))).toEqual([inEveryLanguage((t) => t.core.unknownSender)]);
  });

  it("links a WeCom userid by an invite code", async () => {
    const invite = await createInvite(database.db, "M02");
    await callback(textXml("huangliping", `我的邀请码 ${invite.code}`));
    expect(await new RosterStore(database.db).personByIdentity("wecom", "huangliping")).toMatchObject({ id: "M02" });
    expect(fake.sentTo("huangliping")).toHaveLength(1);
  });

  it("fetches a voice note by its MediaId and stores it; a location near two shops asks which, then checks in", async () => {
    fake.media.set("media_voice_1", { bytes: amrNote(), contentType: "audio/amr" });
    const voice = nextMsgId();
    await callback(voiceXml("linzhiqiang", voice));
    await callback(locationXml("linzhiqiang"));
    expect(await inbound(voice)).toMatchObject([{ personId: "M01", status: "handled" }]);
    // No speech recogniser in this world: the audio is kept and the sender asked to type.
    expect(texts(fake.sent)).toEqual([zh.media.voiceOff]);
    // 唐华烟酒店 is within 300 m of 王记小卖部 too: the card asks which, and the answer checks in.
    const [which] = cards(fake.sent);
    expect(which?.main_title.title).toBe(zh.media.checkInWhich);
    expect(which?.button_list.map((b: { text: string }) => b.text)).toEqual(["王记小卖部", "唐华烟酒店"]);
    fake.reset();
    await callback(textXml("linzhiqiang", "王记小卖部"));
    expect(texts(fake.sent)).toEqual(["📍 已在王记小卖部签到（约 0 米）"]);
    const [row] = await inbound(voice);
    expect(await database.db.inboundMedia.findUnique({ where: { inboundId: row!.id } })).toMatchObject({
      kind: "voice",
      mime: "audio/amr",
    });
    fake.reset();
    await callback(voiceXml("linzhiqiang", voice));
    expect(fake.sent).toEqual([]);
  });

  it("attaches a photo fetched by its MediaId to the visit just reported; an unknown MediaId is said so", async () => {
    await callback(textXml("linzhiqiang", "新华都 硬中华还有3条"));
    fake.media.set("media_image_1", { bytes: plainJpeg(), contentType: "image/jpeg" });
    fake.reset();
    await callback(imageXml("linzhiqiang", "media_image_1"));
    await callback(imageXml("linzhiqiang", "media_image_gone"));
    expect(texts(fake.sentTo("linzhiqiang"))).toEqual([
      expect.stringMatching(/^📷 已附到新华都超市的拜访记录（今天第 1 张）/),
      zh.media.photoMissing,
    ]);
  });

  it("greets a person opening the app once a day, with today's plan one tap away", async () => {
    await callback(eventXml("jakemiller", "enter_agent", { eventKey: "" }));
    await callback(eventXml("jakemiller", "enter_agent", { eventKey: "" }));
    const en = messagesFor("en");
    const [greeting, ...more] = cards(fake.sentTo("jakemiller"));
    expect(more).toEqual([]);
    expect(greeting?.main_title.title).toBe(en.channels.wecom.greetingTitle("Jake Miller"));
    expect(greeting?.sub_title_text).toBe(en.channels.wecom.greetingText);
    const [button] = (greeting?.button_list ?? []) as { text: string; key: string }[];
    expect(button?.text).toBe(en.channels.wecom.planButton);
    fake.reset();
    await callback(eventXml("jakemiller", "template_card_event", { eventKey: button?.key, taskId: greeting?.task_id }));
    // The button sends what the person would type for their plan; the plans feature answers it.
    const clicked = await database.db.inboundMessage.findFirst({
      where: { channel: "wecom", externalUserId: "jakemiller" },
      orderBy: { receivedAt: "desc" },
    });
    expect(clicked).toMatchObject({
      text: en.channels.slashCommands.plan,
      personId: "M07",
      status: "handled",
      intent: "plan_query",
    });
    expect(texts(fake.sentTo("jakemiller"))).toHaveLength(1);
  });
});

describe("WeCom's access token", () => {
  it("is fetched once at start, kept in the shared values, and refreshed once when WeCom says it expired", async () => {
    const stored = await database.db.sharedValue.findUnique({ where: { key: "wecom:access_token" } });
    expect(stored?.value).toBe(`fake-token-${fake.tokensIssued()}`);
    const issued = fake.tokensIssued();
    fake.expireToken();
    await callback(textXml("linzhiqiang", "帮助"));
    expect(fake.tokensIssued()).toBe(issued + 1);
    expect(fake.calls.filter((api) => api === "gettoken")).toHaveLength(1);
    expect(fake.calls.filter((api) => api === "message/send").length).toBe(fake.sent.length + 1);
    expect(fake.sent.length).toBeGreaterThan(0);
    const renewed = await database.db.sharedValue.findUnique({ where: { key: "wecom:access_token" } });
    expect(renewed?.value).toBe(`fake-token-${issued + 1}`);
  });
});

describe("WeCom pushes", () => {
  it("uploads a chart and sends it as an image, and an export as a file", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]);
    const replies: Reply[] = [
      { kind: "image", title: "新罗一组 今天", url: "/files/c.png", png },
      { kind: "file", title: "拜访导出", filename: "visits.xlsx", url: "/files/v.xlsx", bytes: xlsx },
    ];
    await registry.get("wecom")?.send("linzhiqiang", replies);
    expect(fake.uploads.map((u) => [u.type, u.filename, [...u.bytes]])).toEqual([
      ["image", "新罗一组-今天.png", [...png]],
      ["file", "visits.xlsx", [...xlsx]],
    ]);
    expect(fake.sent.map((m) => [m.msgtype, m.content])).toEqual([
      ["text", { content: "新罗一组 今天" }],
      ["image", { media_id: fake.uploads[0]?.mediaId }],
      ["text", { content: "拜访导出" }],
      ["file", { media_id: fake.uploads[1]?.mediaId }],
    ]);
  });

  it("sends the same push again when it is pushed again (only an unfinished push is resumed)", async () => {
    const reminder: Reply[] = [{ kind: "text", text: "今天记得拍陈列照片" }];
    await registry.get("wecom")?.send("linzhiqiang", reminder);
    await registry.get("wecom")?.send("linzhiqiang", reminder);
    expect(texts(fake.sent)).toEqual(["今天记得拍陈列照片", "今天记得拍陈列照片"]);
  });

  it("says why a userid outside the app's visible range cannot be reached", async () => {
    await expect(registry.get("wecom")?.send("notamember", [{ kind: "text", text: "hi" }])).rejects.toThrow(
      /81013.*visible range/,
    );
  });
});

describe("WeCom through the outbox", () => {
  it("pushes the morning plan to the linked WeCom user, in messages under WeCom's length", async () => {
    // 08:00 on Thursday 26 November 2026 in Shanghai: a workday for 新罗一组.
    const clock = new ManualClock("2026-11-26T00:00:00Z");
    const roster = new RosterStore(database.db);
    const scheduler = await startScheduler({
      db: database.db,
      logger,
      push: createPush({ roster, channels: registry, logger }),
      clock,
      options: { catchUp: false },
    });
    try {
      expect(await scheduler.runSlot("新罗一组", "morning_plan")).toBe(3);
      await scheduler.idle();
    } finally {
      await scheduler.stop();
    }
    await chats.idle();
    const plan = texts(fake.sentTo("linzhiqiang"));
    expect(plan.length).toBeGreaterThan(0);
    for (const part of plan) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(2048);
    expect(plan[0]).toMatch(new RegExp(`^${zh.schedule.greeting("林志强", false)}`));
    expect(plan.join("\n")).toContain(zh.schedule.planHint);
    expect(plan.join("\n")).toContain("王记小卖部");
    const row = await database.db.outbox.findFirst({ where: { personId: "M01", kind: "morning_plan" } });
    expect(row).toMatchObject({ status: "sent", day: "2026-11-26" });
  });

  it("a frequency limit (45009) pauses the outbox; the retry sends the rest once, on another instance with the shared token", async () => {
    const clock = new ManualClock(new Date().toISOString());
    const now = () => clock.now().getTime();
    const roster = new RosterStore(database.db);
    const unused: Bot = { handle: () => Promise.reject(new Error("no callbacks reach this instance")) };
    // A second instance of the channel, as on another server: the same database, its own pacer.
    const other = await startWecom({
      config,
      publicUrl: null,
      bot: unused,
      roster,
      logger,
      pacer: new Pacer(wecom.pacing, now),
      shared: namespaced(new SharedValueStore(database.db, () => clock.now()), "wecom"),
      now,
    });
    expect(fake.calls).not.toContain("gettoken");
    const channels = new ChannelRegistry();
    channels.register({ name: "wecom", addressing: "linked", send: (to, replies) => other.send(to, replies) });
    const outbox = new OutboxStore(database.db, clock);
    const recipients = [
      { personId: "M01", user: "linzhiqiang", zone: "Asia/Shanghai" },
      { personId: "M07", user: "jakemiller", zone: "America/Chicago" },
      { personId: "M03", user: "zhangwei", zone: "Asia/Shanghai" },
    ];
    for (const { personId, zone } of recipients) {
      await outbox.enqueue({
        personId,
        kind: "reminder:45009",
        day: localDay(clock.now(), zone),
        replies: [
          { kind: "text", text: `${personId}：本周陈列检查` },
          { kind: "choices", text: "现在去？", choices: [{ label: "好", value: "好" }] },
        ],
      });
    }
    // WeCom takes the first message, then says "too often" to the second.
    fake.failNext("message/send", 45009, { after: 1 });
    const deliverer = createDeliverer({
      db: database.db,
      push: createPush({ roster, channels, logger }),
      logger,
      clock,
    });
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0, rateLimited: 1 });
    expect(fake.sent).toHaveLength(1);
    expect(await database.db.outbox.count({ where: { kind: "reminder:45009", status: "pending" } })).toBe(3);
    // Held for WeCom's minute: nothing goes out before it is over.
    clock.advance(30_000);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0 });
    expect(fake.sent).toHaveLength(1);
    clock.advance(30_000);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 3, rateLimited: 0 });
    for (const { user, personId } of recipients) {
      expect(fake.sentTo(user).map((m) => m.msgtype)).toEqual(["text", "template_card"]);
      expect(texts(fake.sentTo(user))).toEqual([`${personId}：本周陈列检查`]);
    }
    expect(await database.db.outbox.count({ where: { kind: "reminder:45009", status: "sent" } })).toBe(3);
    await other.stop();
  });
});
