/**
 * Voice notes, photos and locations through a real Wechaty on the mock puppet, in front of the real
 * core and features on a scratch database, with a local speech recogniser stub over HTTP.
 */
import { FileBox } from "file-box";
import { decode } from "silk-wasm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { types } from "wechaty";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { featureHandlers, rulesOnly } from "../../../src/app.js";
import { Pacer } from "../../../src/channels/pacer.js";
import { startWechat, type WechatChannel } from "../../../src/channels/wechat/start-wechat.js";
import { parseConfig } from "../../../src/config/config.js";
import { createBot } from "../../../src/core/bot.js";
import { createLogger } from "../../../src/log.js";
import { asrClient } from "../../../src/media/asr-client.js";
import { voiceHearing } from "../../../src/media/voice.js";
import { importRoster } from "../../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { FileStore } from "../../../src/store/file-store.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { SignInLinkStore } from "../../../src/store/sign-in-link-store.js";
import { SignInLinks } from "../../../src/web-login/sign-in-links.js";
import { type AsrStub, startAsrStub } from "../../support/asr-stub.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { TEST_ROSTER } from "../../support/fixtures.js";
import { silkNote } from "../../support/test-audio.js";
import { plainJpeg } from "../../support/test-photos.js";

const logger = createLogger(process.env.DEBUG_WECHAT ? "debug" : "silent");
let scratch: ScratchDatabase;
let database: Database;
let asr: AsrStub;
let mocker: mock.Mocker;
let puppet: PuppetMock;
let wechat: WechatChannel;
let me: mock.ContactMock;
let huang: mock.ContactMock;
let sendText: MockInstance<PuppetMock["messageSendText"]>;

/** A SILK file as WeChat hands it over: file-box knows no type for .silk, and the mock puppet needs one. */
function silkBox(silk: Uint8Array): FileBox {
  const box = FileBox.fromBase64(Buffer.from(silk).toString("base64"), "voice.silk");
  (box as unknown as { _mediaType: string })._mediaType = "audio/silk";
  return box;
}

const texts = () => (sendText.mock.calls as [string, string][]).map(([, text]) => text);
async function settle(count: number): Promise<void> {
  await vi.waitFor(() => expect(sendText.mock.calls.length).toBeGreaterThanOrEqual(count), {
    timeout: 10_000,
    interval: 10,
  });
  await wechat.idle();
}

beforeAll(async () => {
  scratch = scratchSqlite();
  database = await openDatabase(scratch.url);
  await importRoster(database.db, TEST_ROSTER);
  const roster = new RosterStore(database.db);
  await roster.link("M02", "wechat", "wxid_huang");
  asr = await startAsrStub();
  const { db } = database;
  const bot = createBot({
    db,
    logger,
    handlers: featureHandlers({
      db,
      understand: rulesOnly,
      files: new FileStore(db, { secret: Buffer.alloc(32, 7) }),
      signInLinks: new SignInLinks(new SignInLinkStore(db), () => "http://localhost:3000"),
    }),
    hear: voiceHearing(db, asrClient({ baseUrl: asr.baseUrl, apiKey: null, model: "whisper-1", timeoutMs: 5000 })),
  });
  mocker = new mock.Mocker();
  puppet = new PuppetMock({ mocker });
  sendText = vi.spyOn(puppet, "messageSendText");

  wechat = await startWechat({
    config: parseConfig({ DATABASE_URL: scratch.url }),
    bot,
    roster,
    logger,
    puppet,
    pacer: new Pacer({ perAccountMs: 5 }),
    printQr: () => undefined,
  });
  me = mocker.createContact({ id: "wxid_fieldmate_bot", name: "Fieldmate" });
  huang = mocker.createContact({ id: "wxid_huang", name: "黄丽萍" });
  mocker.login(me);
  await vi.waitFor(() => expect(puppet.isLoggedIn).toBe(true), { timeout: 5000 });
});

afterAll(async () => {
  await wechat?.stop();
  await asr?.close();
  await database?.close();
  await scratch?.drop();
});

beforeEach(() => {
  // Not an expression body: vitest would take the returned spy for a clean-up hook and call it.
  sendText.mockClear();
});

describe("WeChat media through the mock puppet", () => {
  it("transcribes a SILK voice note and records the visit it reports", async () => {
    const silk = await silkNote(480);
    asr.learn((await decode(silk, 24_000)).data, "张记便利店 软中华断货");
    huang.say(silkBox(silk)).to(me);
    await settle(1);
    expect(texts().join("\n")).toMatch(/^🎤 「张记便利店 软中华断货」\n/);
    expect(asr.calls.at(-1)).toMatchObject({ mime: "audio/wav" });
    expect(await database.db.visit.count({ where: { managerId: "M02", retailerId: "R035" } })).toBe(1);
    const row = await database.db.inboundMessage.findFirstOrThrow({
      where: { channel: "wechat" },
      include: { media: true },
    });
    expect(row.media).toMatchObject({ kind: "voice", mime: "audio/silk", transcript: "张记便利店 软中华断货" });
  });

  it("attaches a photo to the visit just reported", async () => {
    huang.say(FileBox.fromBase64(plainJpeg().toString("base64"), "shelf.jpg")).to(me);
    await settle(1);
    expect(texts()).toEqual([expect.stringMatching(/^📷 已附到张记便利店的拜访记录（今天第 1 张）/)]);
    expect(await database.db.photo.count({ where: { personId: "M02", retailerId: "R035" } })).toBe(1);
  });

  it("reads a shared location as a check-in (the mock puppet's point is in Beijing: no shop near)", async () => {
    const msg = mocker.MessageMock.create({
      id: "loc-1",
      talkerId: huang.id,
      listenerId: me.id,
      timestamp: Date.now(),
      type: types.Message.Location,
    });
    puppet.emit("message", { messageId: msg.id });
    await settle(1);
    expect(texts()).toEqual([expect.stringMatching(/^附近 300 米内没有您的门店，最近的是.+（约 [\d.]+ 公里）。$/)]);
    const row = await database.db.inboundMessage.findFirstOrThrow({ where: { externalMessageId: "loc-1" } });
    expect(JSON.parse(row.attachment ?? "null")).toMatchObject({ kind: "location", lat: 39.995121, lng: 116.334154 });
  });
});
