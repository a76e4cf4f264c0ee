/**
 * Voice notes, photos and locations through a real Wechaty on the mock puppet, in front of the real
 * core and features on a scratch database, with a local speech recogniser stub over HTTP.
 */
import { FileBox } from "file-box";
import { decode } from "silk-wasm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { types } from "wechaty";
import type { mock, PuppetMock } from "wechaty-puppet-mock";
import type { WechatChannel } from "../../../src/channels/wechat/start-wechat.js";
import type { InboundMessage } from "../../../src/domain/messages.js";
import { createLogger } from "../../../src/log.js";
import { asrClient } from "../../../src/media/asr-client.js";
import { voiceHearing } from "../../../src/media/voice.js";
import { RosterStore } from "../../../src/store/roster-store.js";
import { type AsrStub, startAsrStub } from "../../support/asr-stub.js";
import { type ChatWorld, chatWorld } from "../../support/chat.js";
import { silkNote } from "../../support/test-audio.js";
import { plainJpeg } from "../../support/test-photos.js";
import { startMockWechat } from "./mock-wechat.js";

const logger = createLogger("silent");
let world: ChatWorld;
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
  asr = await startAsrStub();
  world = await chatWorld([], {
    hear: (db) =>
      voiceHearing(db, asrClient({ baseUrl: asr.baseUrl, apiKey: null, model: "whisper-1", timeoutMs: 5000 })),
  });
  const roster = new RosterStore(world.database.db);
  await roster.link("M02", "wechat", "wxid_huang");
  const bot = { handle: (message: InboundMessage) => world.bot.handle(message) };
  ({ wechat, mocker, puppet, sendText, me } = await startMockWechat({ bot, roster, logger, databaseUrl: world.url }));
  huang = mocker.createContact({ id: "wxid_huang", name: "黄丽萍" });
});

afterAll(async () => {
  await wechat?.stop();
  await asr?.close();
  await world?.close();
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
    expect(await world.database.db.visit.count({ where: { managerId: "M02", retailerId: "R035" } })).toBe(1);
    const row = await world.database.db.inboundMessage.findFirstOrThrow({
      where: { channel: "wechat" },
      include: { media: true },
    });
    expect(row.media).toMatchObject({ kind: "voice", mime: "audio/silk", transcript: "张记便利店 软中华断货" });
  });

  it("attaches a photo to the visit just reported", async () => {
    huang.say(FileBox.fromBase64(plainJpeg().toString("base64"), "shelf.jpg")).to(me);
    await settle(1);
    expect(texts()).toEqual([expect.stringMatching(/^📷 已附到张记便利店的拜访记录（今天第 1 张）/)]);
    expect(await world.database.db.photo.count({ where: { personId: "M02", retailerId: "R035" } })).toBe(1);
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
    const row = await world.database.db.inboundMessage.findFirstOrThrow({ where: { externalMessageId: "loc-1" } });
    expect(JSON.parse(row.attachment ?? "null")).toMatchObject({ kind: "location", lat: 39.995121, lng: 116.334154 });
  });
});
