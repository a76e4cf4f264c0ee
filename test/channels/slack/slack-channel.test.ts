/**
 * The real Bolt app in HTTP mode behind Fieldmate's receiver, on the web chat's real HTTP server,
 * fed correctly signed Events API requests; its Web API calls go to a local fake Slack.
 * The core is the real one (identities, inbound log, retries) on a scratch SQLite database loaded
 * with the test roster, with a scripted handler in place of the features.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RateLimitedError } from "../../../src/channels/outbound.js";
import { Pacer } from "../../../src/channels/pacer.js";
import { slackTransport } from "../../../src/channels/slack/slack-config.js";
import { type SlackChannel, startSlack } from "../../../src/channels/slack/start-slack.js";
import { LiveFeed } from "../../../src/channels/web/live-feed.js";
import { createWebServer, type WebServer } from "../../../src/channels/web/web-server.js";
import { parseConfig } from "../../../src/config/config.js";
import type { Bot } from "../../../src/core/bot.js";
import type { InboundMessage, Reply } from "../../../src/domain/messages.js";
import { inviteRedeemer } from "../../../src/invites/invite.js";
import { inEveryLanguage, messagesFor } from "../../../src/locales/index.js";
import { createLogger } from "../../../src/log.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { webmNote } from "../../support/test-audio.js";
import { plainJpeg } from "../../support/test-photos.js";
import { scriptedCore } from "../scripted-core.js";
import { type FakeSlackApi, startFakeSlackApi } from "./fake-slack-api.js";
import { eventBody, formBody, interactionBody, postToSlackEndpoint, SIGNING_SECRET } from "./signed-requests.js";

const logger = createLogger("silent");

let fake: FakeSlackApi;
let scratch: ScratchDatabase;
let database: Database;
let slack: SlackChannel;
let web: WebServer;
let endpoint: string;
/** What the core was handed, in order. */
const received: InboundMessage[] = [];
/** While set, the core's replies wait for it: lets a test see the HTTP answer arrive before the core's. */
let gate: Promise<void> | null = null;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  const roster = new RosterStore(database.db);
  await roster.link("M01", "slack", "ULIN"); // 林志强, zh
  await roster.link("M07", "slack", "UJAKE"); // Jake Miller, en
  const core = scriptedCore({ db: database.db, logger, script: SCRIPT, onUnknownSender: inviteRedeemer(database.db) });
  const bot: Bot = {
    async accept(message) {
      received.push(message);
      const accepted = await core.accept(message);
      // The gate holds back the handling's replies, not the storing: Slack is acknowledged once stored.
      const held = gate;
      return held ? { ...accepted, replies: held.then(() => accepted.replies) } : accepted;
    },
    async handle(message) {
      return (await bot.accept?.(message))?.replies ?? [];
    },
  };
  const config = parseConfig({
    DATABASE_URL: scratch.url,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PUBLIC_URL: "https://fieldmate.example.com",
  });
  slack = await startSlack({
    config,
    publicUrl: config.PUBLIC_URL,
    bot,
    roster,
    logger,
    pacer: new Pacer(),
    homeView: async (person) => [
      { kind: "text", text: `${person.name}: today's plan` },
      {
        kind: "card",
        title: "R001 王记小卖部",
        lines: [{ label: "why", value: "due" }],
        actions: [{ label: "Skip", value: "skip R001" }],
      },
    ],
  });
  web = createWebServer({
    handle: (message) => bot.handle(message),
    findPerson: (id) => roster.person(id),
    listPeople: () => roster.people(),
    liveFeed: new LiveFeed(),
    demoMode: true,
    logger,
    extraRoutes: slack.route,
  });
  endpoint = `${await web.listen(0, "127.0.0.1")}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await web?.close();
  await database?.close();
  await scratch?.drop();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  received.length = 0;
  gate = null;
});

/** A visit receipt with Edit / Undo buttons, as the visits feature answers a report. */
const RECEIPT: Reply = {
  kind: "card",
  title: "Visit logged: Sunrise Market",
  lines: [{ label: "Stock", value: "Dasani 4 cs" }],
  actions: [
    { label: "Edit", value: "edit" },
    { label: "Undo", value: "undo" },
  ],
};
const SCRIPT: Record<string, Reply[]> = { "Sunrise 4 cs Dasani": [RECEIPT] };

const inboundRows = (externalMessageId: string) =>
  database.db.inboundMessage.findMany({ where: { channel: "slack", externalMessageId } });

/** A DM with one file shared in it, as Slack sends it (subtype file_share, the caption as text). */
function fileShare(eventId: string, user: string, file: Record<string, unknown>, ts: string) {
  return eventBody(eventId, {
    type: "message",
    subtype: "file_share",
    channel_type: "im",
    channel: `D${user}`,
    user,
    text: "",
    ts,
    files: [file],
  });
}

function dm(eventId: string, user: string, text: string, ts: string) {
  return eventBody(eventId, { type: "message", channel_type: "im", channel: `D${user}`, user, text, ts });
}

describe("Slack over HTTP with the real Bolt app", () => {
  it("checks the token with auth.test at start and runs in HTTP mode", () => {
    expect(slack.transport).toBe("http");
    expect(slack.botUserId).toBe("UBOT");
    expect(slackTransport({ SLACK_BOT_TOKEN: "xoxb", SLACK_APP_TOKEN: "xapp", SLACK_SIGNING_SECRET: null })).toBe(
      "socket",
    );
    expect(slackTransport({ SLACK_BOT_TOKEN: null, SLACK_APP_TOKEN: null, SLACK_SIGNING_SECRET: "s" })).toBeNull();
  });

  it("answers a DM visit log with a chat.postMessage carrying blocks, after acknowledging first", async () => {
    let release!: () => void;
    gate = new Promise((resolve) => (release = resolve));
    const response = await postToSlackEndpoint(
      endpoint,
      dm("Ev100", "ULIN", "张记 中华断货 红塔山12条", "1764000001.000100"),
    );
    // The 200 went out while the core was still waiting at the gate.
    expect(response.status).toBe(200);
    expect(response.ms).toBeLessThan(3000);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
    release();
    await slack.idle();

    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.token).toBe("xoxb-test-token");
    expect(posts[0]!.args.channel).toBe("DULIN");
    expect(Array.isArray(posts[0]!.args.blocks)).toBe(true);
    expect(posts[0]!.args.blocks.length).toBeGreaterThan(0);
    expect(typeof posts[0]!.args.text).toBe("string");
    const rows = await inboundRows("msg:DULIN:1764000001.000100");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      externalUserId: "ULIN",
      personId: "M01",
      text: "张记 中华断货 红塔山12条",
      status: "handled",
    });
  });

  it("handles a retried event (same event, X-Slack-Retry-Num: 1) once, even when both arrive together", async () => {
    const event = dm("Ev200", "ULIN", "老周 软中华两条", "1764000002.000100");
    const [first, retry] = await Promise.all([
      postToSlackEndpoint(endpoint, event),
      postToSlackEndpoint(endpoint, {
        ...event,
        headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
      }),
    ]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await slack.idle();
    // A later retry, after the first was answered, is recognised too.
    const late = await postToSlackEndpoint(endpoint, {
      ...event,
      headers: { "X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error" },
    });
    expect(late.status).toBe(200);
    await slack.idle();

    expect(received.filter((m) => m.externalMessageId === "msg:DULIN:1764000002.000100")).toHaveLength(3);
    expect(await inboundRows("msg:DULIN:1764000002.000100")).toHaveLength(1);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("refuses a bad signature and a stale timestamp with 401 and never calls the core", async () => {
    const forged = await postToSlackEndpoint(endpoint, {
      ...dm("Ev300", "ULIN", "hi", "1764000003.000100"),
      secret: "not-the-secret",
    });
    expect(forged.status).toBe(401);
    const stale = await postToSlackEndpoint(endpoint, {
      ...dm("Ev301", "ULIN", "hi", "1764000003.000200"),
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(unsigned.status).toBe(401);
    await slack.idle();
    expect(received).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it("answers Slack's url_verification challenge", async () => {
    const response = await postToSlackEndpoint(endpoint, {
      contentType: "application/json",
      body: JSON.stringify({ type: "url_verification", challenge: "c-123", token: "x" }),
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: "c-123" });
  });

  it("sends a button's value through the core like a typed answer and posts the reply", async () => {
    const blocks = [
      { type: "section", block_id: "s1", text: { type: "mrkdwn", text: "哪一家？" } },
      {
        type: "actions",
        block_id: "fm_actions_0_0",
        elements: [
          { type: "button", action_id: "fm_choice_0_0", text: { type: "plain_text", text: "胡记超市" }, value: "1" },
          { type: "button", action_id: "fm_choice_0_1", text: { type: "plain_text", text: "胡记便利店" }, value: "2" },
        ],
      },
    ];
    const response = await postToSlackEndpoint(
      endpoint,
      interactionBody({
        type: "block_actions",
        team: { id: "T0TEST", domain: "fieldmate-test" },
        user: { id: "ULIN", username: "lin", team_id: "T0TEST" },
        api_app_id: "A0TEST",
        token: "x",
        trigger_id: "trig-1",
        container: { type: "message", message_ts: "1764000050.000100", channel_id: "DULIN", is_ephemeral: false },
        channel: { id: "DULIN", name: "directmessage" },
        message: { type: "message", ts: "1764000050.000100", user: "UBOT", bot_id: "BBOT", text: "哪一家？", blocks },
        response_url: `${fake.responseUrl}/action-1`,
        actions: [
          {
            type: "button",
            action_id: "fm_choice_0_1",
            block_id: "fm_actions_0_0",
            text: { type: "plain_text", text: "胡记便利店" },
            value: "2",
            action_ts: "1764000060.123456",
          },
        ],
      }),
    );
    expect(response.status).toBe(200);
    await slack.idle();

    const rows = await inboundRows("act:ULIN:fm_choice_0_1:1764000060.123456");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ text: "2", personId: "M01", status: "handled" });
    expect(received.map((m) => m.text)).toEqual(["2"]);
    const posts = fake.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.channel).toBe("DULIN");
    expect(posts[0]!.args.blocks.length).toBeGreaterThan(0);
    // No link previews: Slack's unfurler would use up a one-time sign-in link.
    expect(posts[0]!.args).toMatchObject({ unfurl_links: "false", unfurl_media: "false" });
    // The clicked row of buttons is replaced by the answer, so it cannot be clicked twice.
    const update = fake.callsTo("chat.update");
    expect(update).toHaveLength(1);
    expect(update[0]!.args).toMatchObject({ channel: "DULIN", ts: "1764000050.000100" });
    expect(update[0]!.args.blocks[1]).toMatchObject({ type: "context", block_id: "fm_actions_0_0" });
    expect(JSON.stringify(update[0]!.args.blocks[1])).toContain("胡记便利店");
  });

  it("round-trips a receipt's button: the posted card's button value reaches the core when clicked", async () => {
    await postToSlackEndpoint(endpoint, dm("Ev450", "UJAKE", "Sunrise 4 cs Dasani", "1764000045.000100"));
    await slack.idle();
    const receipt = fake.callsTo("chat.postMessage")[0]!;
    expect(receipt.args.channel).toBe("DUJAKE");
    type Button = { action_id: string; value: string; text: { text: string } };
    const rows = receipt.args.blocks.filter((b: { type: string }) => b.type === "actions") as {
      block_id: string;
      elements: Button[];
    }[];
    const buttons = rows.flatMap((row) => row.elements.map((button) => ({ ...button, block_id: row.block_id })));
    expect(buttons.length).toBeGreaterThan(0);
    const button = buttons.at(-1)!;
    fake.reset();
    received.length = 0;

    await postToSlackEndpoint(
      endpoint,
      interactionBody({
        type: "block_actions",
        team: { id: "T0TEST", domain: "fieldmate-test" },
        user: { id: "UJAKE", username: "jake", team_id: "T0TEST" },
        api_app_id: "A0TEST",
        token: "x",
        trigger_id: "trig-2",
        container: { type: "message", message_ts: "1764000046.000100", channel_id: "DUJAKE", is_ephemeral: false },
        channel: { id: "DUJAKE", name: "directmessage" },
        message: {
          type: "message",
          ts: "1764000046.000100",
          user: "UBOT",
          bot_id: "BBOT",
          text: receipt.args.text,
          blocks: receipt.args.blocks,
        },
        response_url: `${fake.responseUrl}/action-2`,
        actions: [
          {
            type: "button",
            action_id: button.action_id,
            block_id: button.block_id,
            text: button.text,
            value: button.value,
            action_ts: "1764000047.000001",
          },
        ],
      }),
    );
    await slack.idle();
    expect(received.map((m) => m.text)).toEqual([button.value]);
    expect((await inboundRows(`act:UJAKE:${button.action_id}:1764000047.000001`))[0]).toMatchObject({
      personId: "M07",
      status: "handled",
    });
    expect(fake.callsTo("chat.postMessage")[0]!.args.channel).toBe("DUJAKE");
  });

  it("answers /fieldmate plan with the person's own words for it, privately through response_url", async () => {
    const zh = await postToSlackEndpoint(
      endpoint,
      formBody({
        token: "x",
        team_id: "T0TEST",
        channel_id: "C0GENERAL",
        user_id: "ULIN",
        command: "/fieldmate",
        text: "plan",
        api_app_id: "A0TEST",
        response_url: `${fake.responseUrl}/cmd-zh`,
        trigger_id: "trigger-zh-1",
      }),
    );
    const en = await postToSlackEndpoint(
      endpoint,
      formBody({
        token: "x",
        team_id: "T0TEST",
        channel_id: "C0GENERAL",
        user_id: "UJAKE",
        command: "/fieldmate",
        text: "status",
        api_app_id: "A0TEST",
        response_url: `${fake.responseUrl}/cmd-en`,
        trigger_id: "trigger-en-1",
      }),
    );
    expect([zh.status, en.status]).toEqual([200, 200]);
    await slack.idle();

    expect((await inboundRows("cmd:trigger-zh-1"))[0]).toMatchObject({ text: "今天去哪几家", personId: "M01" });
    expect((await inboundRows("cmd:trigger-en-1"))[0]).toMatchObject({ text: "team status", personId: "M07" });
    const responses = fake.callsTo("response_url");
    expect(responses.map((r) => r.args.path).sort()).toEqual(["/response/cmd-en", "/response/cmd-zh"]);
    for (const r of responses) {
      expect(r.args.response_type).toBe("ephemeral");
      expect(r.args.blocks.length).toBeGreaterThan(0);
    }
  });

  it("sends a push as a DM by posting to the user's id, without conversations.open", async () => {
    await slack.send("UJAKE", [
      { kind: "text", text: "Good morning! 3 stores today." },
      {
        kind: "choices",
        text: "Start with?",
        choices: [
          { label: "Sunrise", value: "1" },
          { label: "Joe's", value: "2" },
        ],
      },
    ]);
    expect(fake.callsTo("conversations.open")).toHaveLength(0);
    const post = fake.callsTo("chat.postMessage")[0]!;
    expect(post.args.channel).toBe("UJAKE");
    const actions = post.args.blocks.find((b: { type: string }) => b.type === "actions");
    expect(actions.elements.map((e: { value: string }) => e.value)).toEqual(["1", "2"]);
    expect(post.args.text).toContain("Reply 1 or 2");
  });

  it("turns a 429 with Retry-After from the Web API into RateLimitedError with that delay", async () => {
    fake.failNext("chat.postMessage", { status: 429, headers: { "Retry-After": "7" } });
    const sending = slack.send("ULIN", [{ kind: "text", text: "早上好" }]);
    await expect(sending).rejects.toBeInstanceOf(RateLimitedError);
    await expect(sending).rejects.toMatchObject({ retryAfterMs: 7000 });
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("links an unknown Slack user whose profile e-mail matches a person, and refuses one whose does not", async () => {
    await database.db.person.update({ where: { id: "M08" }, data: { email: "priya.shah@example.com" } });
    fake.users.set("UPRIYA", { email: "Priya.Shah@Example.com" });
    fake.users.set("USTRANGER", { email: "someone@elsewhere.example" });

    await postToSlackEndpoint(endpoint, dm("Ev500", "UPRIYA", "what's my plan", "1764000005.000100"));
    await postToSlackEndpoint(endpoint, dm("Ev501", "USTRANGER", "hello", "1764000005.000200"));
    await slack.idle();

    const identity = await database.db.identity.findUnique({
      where: { channel_externalId: { channel: "slack", externalId: "UPRIYA" } },
    });
    expect(identity?.personId).toBe("M08");
    expect((await inboundRows("msg:DUPRIYA:1764000005.000100"))[0]).toMatchObject({
      personId: "M08",
      status: "handled",
    });
    expect((await inboundRows("msg:DUSTRANGER:1764000005.000200"))[0]).toMatchObject({
      personId: null,
      status: "refused",
    });
    expect(
      fake
        .callsTo("users.info")
        .map((c) => c.args.user)
        .sort(),
    ).toEqual(["UPRIYA", "USTRANGER"]);

    const posts = fake.callsTo("chat.postMessage");
    const toPriya = posts.find((p) => p.args.channel === "DUPRIYA")!;
    const toStranger = posts.find((p) => p.args.channel === "DUSTRANGER")!;
    expect(toPriya.args.text).not.toContain("isn't linked");
    expect(toStranger.args.text).toContain(inEveryLanguage((t) => t.core.unknownSender).slice(0, 20));
  });

  it("answers an @mention in a channel in a DM, with one line in a thread, without the bot's own mention in the text", async () => {
    await postToSlackEndpoint(
      endpoint,
      eventBody("Ev600", {
        type: "app_mention",
        channel: "C0TEAM",
        user: "UJAKE",
        text: "<@UBOT> Sunrise 4 cs Dasani",
        ts: "1764000006.000100",
      }),
    );
    await slack.idle();
    expect((await inboundRows("msg:C0TEAM:1764000006.000100"))[0]).toMatchObject({
      text: "Sunrise 4 cs Dasani",
      personId: "M07",
    });
    const [answer, note, ...more] = fake.callsTo("chat.postMessage");
    expect(more).toEqual([]);
    // The receipt (Jake's own data) goes to his DM; the channel's thread gets one line.
    // Posted to Jake's user id: Slack puts it in his DM with the bot.
    expect(answer!.args).toMatchObject({ channel: "UJAKE" });
    expect(answer!.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(answer!.args.blocks)).toContain("Sunrise Market");
    expect(note!.args).toMatchObject({ channel: "C0TEAM", thread_ts: "1764000006.000100" });
    expect(note!.args.text).toBe(messagesFor("en").channels.answeredPrivately);
    expect(JSON.stringify(note!.args)).not.toContain("Sunrise");
  });

  it("answers a button clicked on a channel message in a DM", async () => {
    await postToSlackEndpoint(
      endpoint,
      interactionBody({
        type: "block_actions",
        team: { id: "T0TEST", domain: "fieldmate-test" },
        user: { id: "UJAKE", username: "jake", team_id: "T0TEST" },
        api_app_id: "A0TEST",
        token: "x",
        trigger_id: "trig-9",
        container: { type: "message", message_ts: "1764000070.000100", channel_id: "C0TEAM", is_ephemeral: false },
        channel: { id: "C0TEAM", name: "team" },
        message: { type: "message", ts: "1764000070.000100", user: "UBOT", bot_id: "BBOT", text: "old", blocks: [] },
        response_url: `${fake.responseUrl}/action-9`,
        actions: [
          {
            type: "button",
            action_id: "fm_card_0_0",
            block_id: "fm_actions_0_0",
            text: { type: "plain_text", text: "Edit" },
            value: "Sunrise 4 cs Dasani",
            action_ts: "1764000071.000001",
          },
        ],
      }),
    );
    await slack.idle();
    const posts = fake.callsTo("chat.postMessage");
    expect(posts.map((p) => p.args.channel)).toEqual(["UJAKE"]);
  });

  it("stores a photo shared in a DM and acknowledges Slack, then downloads it with the bot token beside the row", async () => {
    const jpeg = plainJpeg();
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    fake.files.set("F100/shelf.jpg", { bytes: jpeg, contentType: "image/jpeg", hold });
    const file = {
      id: "F100",
      mimetype: "image/jpeg",
      size: jpeg.byteLength,
      url_private_download: `${fake.filesUrl}/F100/shelf.jpg`,
    };
    const stored = () =>
      database.db.inboundMessage.findMany({
        where: { externalMessageId: "msg:DULIN:1764000900.000100" },
        include: { media: true },
      });
    const response = await postToSlackEndpoint(endpoint, fileShare("Ev900", "ULIN", file, "1764000900.000100"));
    // Acknowledged with the download still held: the row was stored first, without its bytes yet.
    expect(response.status).toBe(200);
    expect((await stored()).map((r) => [r.attachment !== null, r.media])).toEqual([[true, null]]);
    release();
    await slack.idle();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ attachment: { kind: "image", mediaId: "F100" } });
    expect(fake.callsTo("file_download").map((c) => c.token)).toEqual(["xoxb-test-token"]);
    const [row] = await stored();
    expect(row?.media).toMatchObject({ kind: "image", mime: "image/jpeg", size: jpeg.byteLength });
    expect(row?.status).toBe("handled");
  });

  it("hands an audio clip recorded in Slack to the core as a voice note", async () => {
    const webm = webmNote(600);
    fake.files.set("F101/audio_message.webm", { bytes: webm, contentType: "audio/webm" });
    const file = {
      id: "F101",
      mimetype: "audio/webm",
      url_private_download: `${fake.filesUrl}/F101/audio_message.webm`,
    };
    await postToSlackEndpoint(endpoint, fileShare("Ev901", "ULIN", file, "1764000901.000100"));
    await slack.idle();
    expect(received[0]).toMatchObject({ attachment: { kind: "voice", mediaId: "F101" } });
    const [row] = await database.db.inboundMessage.findMany({
      where: { externalMessageId: "msg:DULIN:1764000901.000100" },
      include: { media: true },
    });
    expect(row?.media).toMatchObject({ kind: "voice", mime: "video/webm" });
  });

  it("ignores the bot's own messages and message edits", async () => {
    await postToSlackEndpoint(
      endpoint,
      eventBody("Ev700", {
        type: "message",
        channel_type: "im",
        channel: "DULIN",
        user: "UBOT",
        bot_id: "BBOT",
        text: "echo",
        ts: "1764000007.000100",
      }),
    );
    await postToSlackEndpoint(
      endpoint,
      eventBody("Ev701", {
        type: "message",
        subtype: "message_changed",
        channel_type: "im",
        channel: "DULIN",
        ts: "1764000007.000200",
      }),
    );
    await slack.idle();
    expect(received).toHaveLength(0);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("publishes App Home from the injected homeView when the tab is opened", async () => {
    await postToSlackEndpoint(
      endpoint,
      eventBody("Ev800", {
        type: "app_home_opened",
        user: "UJAKE",
        channel: "DJAKE",
        tab: "home",
        ts: "1764000008.000100",
      }),
    );
    await slack.idle();
    const publish = fake.callsTo("views.publish");
    expect(publish).toHaveLength(1);
    expect(publish[0]!.args.user_id).toBe("UJAKE");
    expect(publish[0]!.args.view.type).toBe("home");
    const text = JSON.stringify(publish[0]!.args.view.blocks);
    expect(text).toContain("Jake Miller: today's plan");
    expect(text).toContain("R001 王记小卖部");
  });
});
