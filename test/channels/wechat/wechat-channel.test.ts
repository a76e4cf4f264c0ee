/**
 * A real Wechaty instance driven by wechaty-puppet-mock, in front of the real core (identities,
 * inbound log, invite codes, typed numbers for choices) on a scratch SQLite database, with a
 * scripted handler in place of the features. What the bot sends is read from the puppet's messageSendText.
 */
import { Writable } from "node:stream";
import { FileBox } from "file-box";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { types } from "wechaty";
import type { mock, PuppetMock } from "wechaty-puppet-mock";
import type { WechatChannel } from "../../../src/channels/wechat/start-wechat.js";
import { runInvite } from "../../../src/cli/invite-command.js";
import type { InboundMessage, Reply } from "../../../src/domain/messages.js";
import { unknownSenderHook } from "../../../src/invites/unknown-sender.js";
import { messagesFor } from "../../../src/locales/index.js";
import { createLogger } from "../../../src/log.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { scriptedCore } from "../scripted-core.js";
import { startMockWechat } from "./mock-wechat.js";

const logger = createLogger("silent");

let scratch: ScratchDatabase;
let database: Database;
let mocker: mock.Mocker;
let wechat: WechatChannel;
let me: mock.ContactMock;
let lin: mock.ContactMock;
let sendText: MockInstance<PuppetMock["messageSendText"]>;
const handled: string[] = [];

/** An ambiguous shop, as the visits feature asks about it. */
const WHICH_SHOP: Reply = {
  kind: "choices",
  text: "您说的胡记是哪一家？",
  choices: [
    { label: "胡记超市", value: "胡记超市" },
    { label: "胡记便利店", value: "胡记便利店" },
  ],
};

/** [conversation id, text, mentioned ids] of every text the bot sent. */
const sent = () =>
  // Wechaty passes the mentioned ids as a third argument the puppet's type leaves out.
  (sendText.mock.calls as unknown as [string, string, string[]?][]).map(([to, text, mentions]) => ({
    to,
    text,
    mentions: mentions ?? [],
  }));
const sentTo = (id: string) => sent().filter((s) => s.to === id);

/** Waits until the bot has sent `count` texts in all, then until everything in flight is done. */
async function settle(count: number): Promise<void> {
  await vi.waitFor(() => expect(sendText.mock.calls.length).toBeGreaterThanOrEqual(count), {
    timeout: 5000,
    interval: 10,
  });
  await wechat.idle();
}

beforeAll(async () => {
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  const roster = new RosterStore(database.db);
  await roster.link("M01", "wechat", "wxid_lin");
  const core = scriptedCore({
    db: database.db,
    logger,
    script: { "胡记 软中华2条": [WHICH_SHOP] },
    onUnknownSender: unknownSenderHook(database.db),
  });
  const bot = {
    async handle(message: InboundMessage) {
      handled.push(message.text);
      return core.handle(message);
    },
  };
  ({ wechat, mocker, sendText, me } = await startMockWechat({ bot, roster, logger, databaseUrl: scratch.url }));
  lin = mocker.createContact({ id: "wxid_lin", name: "林志强" });
});

afterAll(async () => {
  await wechat?.stop();
  await database?.close();
  await scratch?.drop();
});

beforeEach(() => {
  sendText.mockClear();
  handled.length = 0;
});

describe("WeChat through a real Wechaty on the mock puppet", () => {
  it("answers a linked contact's message, with WeChat's message id in the inbound log", async () => {
    lin.say("张记 中华断货 红塔山12条").to(me);
    await settle(1);

    expect(sentTo("wxid_lin").length).toBeGreaterThan(0);
    const rows = await database.db.inboundMessage.findMany({
      where: { channel: "wechat", text: "张记 中华断货 红塔山12条" },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ externalUserId: "wxid_lin", personId: "M01", status: "handled" });
    const wechatIds = [...mocker.cacheMessagePayload.values()]
      .filter((m) => m.text === "张记 中华断货 红塔山12条")
      .map((m) => m.id);
    expect(wechatIds).toEqual([rows[0]!.externalMessageId]);
    // Our own replies come back as message events; answering them would loop for ever.
    expect(handled).toEqual(["张记 中华断货 红塔山12条"]);
  });

  it("numbers an ambiguous report's choices and takes '2' as the answer", async () => {
    lin.say("胡记 软中华2条").to(me);
    await settle(1);
    const question = sentTo("wxid_lin")
      .map((s) => s.text)
      .join("\n");
    expect(question).toMatch(/1\) .+\n2\) .+/);
    expect(question).toContain("回复 1 或 2");

    sendText.mockClear();
    lin.say("2").to(me);
    await settle(1);
    expect(handled.at(-1)).toBe("2");
    // The core read the typed "2" as the second option.
    expect(sentTo("wxid_lin").map((s) => s.text)).toEqual(["echo: 胡记便利店"]);
    const row = await database.db.inboundMessage.findFirst({ where: { channel: "wechat", text: "2" } });
    expect(row).toMatchObject({ personId: "M01", status: "handled" });
  });

  it("ignores a group message without an @mention, and answers one with it privately, with one line in the group", async () => {
    const room = mocker.createRoom({ id: "20001@chatroom", topic: "新罗一组", memberIdList: [me.id, lin.id] });
    lin.say("大家好，今天下雨").to(room);
    lin.say("@Fieldmate 胡记 软中华2条", [me]).to(room);
    await settle(2);

    expect(handled).toEqual(["胡记 软中华2条"]);
    // The answer (Lin's own report) reaches Lin alone; the group learns only that it was sent.
    expect(sentTo("wxid_lin").map((s) => s.text)[0]).toContain("您说的胡记是哪一家？");
    const inGroup = sentTo("20001@chatroom");
    expect(inGroup.map((s) => s.text)).toEqual([`@林志强 ${messagesFor("zh").channels.answeredPrivately}`]);
    expect(inGroup[0]!.mentions).toEqual(["wxid_lin"]);
    expect(await database.db.inboundMessage.count({ where: { channel: "wechat", text: { contains: "下雨" } } })).toBe(
      0,
    );
  });

  it("says in the group to add the bot first when the private answer cannot be sent, and never posts the answer there", async () => {
    const room = mocker.createRoom({ id: "20002@chatroom", topic: "新罗二组", memberIdList: [me.id, lin.id] });
    sendText.mockImplementationOnce(() => Promise.reject(new Error("not a friend")));
    lin.say("@Fieldmate 胡记 软中华2条", [me]).to(room);
    await settle(2);
    expect(sentTo("20002@chatroom").map((s) => s.text)).toEqual([`@林志强 ${messagesFor("zh").channels.addMeFirst}`]);
  });

  it("ignores files other than voice notes and photos, and official accounts", async () => {
    const news = mocker.createContact({ id: "gh_news", name: "新闻早班车", type: types.Contact.Official });
    news.say("今日要闻").to(me);
    lin.say(FileBox.fromBase64(Buffer.from("%PDF-1.4").toString("base64"), "price-list.pdf")).to(me);
    lin.say("帮助").to(me);
    await settle(1);
    expect(handled).toEqual(["帮助"]);
  });

  it("pushes to the linked contact", async () => {
    await wechat.send("wxid_lin", [
      { kind: "text", text: "早上好！今天计划拜访 3 家。" },
      {
        kind: "choices",
        text: "先去哪家？",
        choices: [
          { label: "王记小卖部", value: "王记小卖部" },
          { label: "老周副食店", value: "老周副食店" },
        ],
      },
    ]);
    const texts = sentTo("wxid_lin").map((s) => s.text);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("早上好！今天计划拜访 3 家。");
    expect(texts[0]).toContain("1) 王记小卖部\n2) 老周副食店\n回复 1 或 2");
  });

  it("splits a long reply at line breaks into messages of at most 1,500 characters", async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${i + 1}. 龙岩市新罗区登高西路${i}号 王记小卖部 到期拜访`);
    const long = lines.join("\n");
    expect(long.length).toBeGreaterThan(3000);
    await wechat.send("wxid_lin", [{ kind: "text", text: long }]);
    const parts = sentTo("wxid_lin").map((s) => s.text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1500);
    // Cut only between lines: every line arrives whole, in order.
    expect(parts.join("\n")).toBe(long);
  });

  it("links a new contact who sends an invite code made by `cli invite`, and gives one answer for wrong or reused codes", async () => {
    let printed = "";
    const out = new Writable({
      write: (chunk, _enc, done) => {
        printed += String(chunk);
        done();
      },
    });
    const err = new Writable({ write: (_chunk, _enc, done) => done() });
    expect(await runInvite(database.db, ["--person", "M02"], out, err)).toBe(0);
    const code = printed.split("\n")[0]!;
    expect(code).toMatch(/^FM-[2-9A-HJ-NP-Z]{6}$/);

    const huang = mocker.createContact({ id: "wxid_huang", name: "黄丽萍" });
    const stranger = mocker.createContact({ id: "wxid_stranger", name: "路人" });

    huang.say("你好").to(me);
    await settle(1);
    expect(sentTo("wxid_huang")[0]!.text).toContain("还没有和 Fieldmate 的人员名单关联");

    sendText.mockClear();
    huang.say(`我的邀请码是 ${code.toLowerCase()}`).to(me);
    await settle(1);
    expect(sentTo("wxid_huang")[0]!.text).toContain("欢迎，黄丽萍");
    const identity = await database.db.identity.findUnique({
      where: { channel_externalId: { channel: "wechat", externalId: "wxid_huang" } },
    });
    expect(identity?.personId).toBe("M02");

    sendText.mockClear();
    stranger.say(code).to(me);
    stranger.say("FM-ABCDEF").to(me);
    await settle(2);
    const answers = sentTo("wxid_stranger").map((s) => s.text);
    // Used and unknown are told apart by nobody but the log: guessing learns nothing.
    expect(answers).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`邀请码 ${code} 无效：可能输错了、已经用过或已过期`),
        expect.stringContaining("邀请码 FM-ABCDEF 无效：可能输错了、已经用过或已过期"),
      ]),
    );
    expect(await database.db.identity.count({ where: { externalId: "wxid_stranger" } })).toBe(0);

    // Now linked, the new contact is answered as herself.
    sendText.mockClear();
    huang.say("今天去哪几家").to(me);
    await settle(1);
    expect(
      (await database.db.inboundMessage.findFirst({ where: { externalUserId: "wxid_huang", text: "今天去哪几家" } }))
        ?.personId,
    ).toBe("M02");
  });

  it("refuses a deactivated person's messages politely, in their language, without handling them", async () => {
    const roster = new RosterStore(database.db);
    await roster.link("M05", "wechat", "wxid_wu");
    const wu = mocker.createContact({ id: "wxid_wu", name: "吴" });
    await roster.setActive("M05", false);
    wu.say("今天去哪几家").to(me);
    await settle(1);
    expect(sentTo("wxid_wu").map((s) => s.text)).toEqual([messagesFor("zh").channels.deactivated]);
    expect(handled).toEqual(["今天去哪几家"]);
    const row = await database.db.inboundMessage.findFirst({ where: { externalUserId: "wxid_wu" } });
    expect(row?.personId).toBeNull();
    await roster.setActive("M05", true);
  });
});
