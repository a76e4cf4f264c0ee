/**
 * Voice notes end to end in the core: real SILK and WebM audio, a real HTTP speech recogniser stub
 * keyed by the audio's hash, and the transcript handled exactly like typed text.
 */
import { decode, isWav } from "silk-wasm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Attachment, MediaBytes } from "../../src/domain/messages.js";
import { asrClient } from "../../src/media/asr-client.js";
import { voiceHearing } from "../../src/media/voice.js";
import { type AsrStub, sha256, startAsrStub } from "../support/asr-stub.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";
import { silkNote, webmNote } from "../support/test-audio.js";

let asr: AsrStub;
let world: ChatWorld | undefined;

beforeAll(async () => {
  asr = await startAsrStub();
});
afterAll(() => asr.close());
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const voice = (mime: string, data: Uint8Array): { attachment: Attachment; media: MediaBytes } => ({
  attachment: { kind: "voice", mediaId: "", format: mime },
  media: { mime, data },
});

function worldHearing() {
  return chatWorld([], {
    hear: (db) =>
      voiceHearing(db, asrClient({ baseUrl: asr.baseUrl, apiKey: "asr-key", model: "sensevoice", timeoutMs: 5000 })),
  });
}

describe("a voice note", () => {
  it("from WeChat (SILK) is decoded to WAV, transcribed and stored as a visit like typed text", async () => {
    const silk = await silkNote(440);
    // The recogniser is sent a WAV of the decoded samples.
    asr.learn((await decode(silk, 24_000)).data, "张记便利店 软中华断货 红塔山十二条");
    world = await worldHearing();
    const replies = await world.send("M02", voice("audio/silk", silk));

    expect(plain(replies).split("\n")[0]).toBe("🎤 「张记便利店 软中华断货 红塔山十二条」");
    const call = asr.calls.at(-1)!;
    expect(call).toMatchObject({
      model: "sensevoice",
      mime: "audio/wav",
      filename: "voice.wav",
      authorization: "Bearer asr-key",
    });
    expect(isWav(call.audio)).toBe(true);
    const visit = await world.database.db.visit.findFirstOrThrow({
      where: { managerId: "M02" },
      include: { lines: true },
    });
    expect(visit.retailerId).toBe("R035");
    expect(visit.lines.map((l) => [l.kind, l.sku, l.qty, l.unit])).toEqual([
      ["stock", "T007", 12, "carton"],
      ["out_of_stock", "T002", null, null],
    ]);
    const stored = await world.database.db.inboundMedia.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: "voice", mime: "audio/silk", sha256: sha256(silk), size: silk.byteLength });
    expect(stored.transcript).toBe("张记便利店 软中华断货 红塔山十二条");
  });

  it("from the web chat (WebM/Opus) goes to the recogniser as it came, and spoken 两条半 parses", async () => {
    const webm = webmNote(520);
    asr.learn(webm, "张记便利店 红塔山还有两条半");
    world = await worldHearing();
    const replies = await world.send("M02", voice("video/webm", webm));

    expect(plain(replies)).toContain("🎤 「张记便利店 红塔山还有两条半」");
    expect(asr.calls.at(-1)).toMatchObject({ mime: "video/webm", filename: "voice.webm" });
    const visit = await world.database.db.visit.findFirstOrThrow({
      where: { managerId: "M02" },
      include: { lines: true },
    });
    expect(visit.lines.map((l) => [l.kind, l.sku, l.qty, l.unit])).toEqual([["stock", "T007", 2.5, "carton"]]);
  });

  it("that the recogniser cannot place gets a clear answer and nothing is recorded as a visit", async () => {
    world = await worldHearing();
    const replies = await world.send("M02", voice("audio/silk", await silkNote(300)));
    expect(plain(replies)).toBe("这段语音没听清，请再说一遍，或者直接发文字。");
    expect(await world.database.db.visit.count()).toBe(0);
  });

  it("without a recogniser is answered in the sender's language and the audio is still stored", async () => {
    world = await chatWorld();
    const silk = await silkNote(660);
    expect(plain(await world.send("M02", voice("audio/silk", silk)))).toBe("语音识别未开启，请发文字。");
    expect(plain(await world.send("M07", voice("audio/silk", silk)), "en")).toBe(
      "Voice isn't switched on here; please type it.",
    );
    const stored = await world.database.db.inboundMedia.findMany({ include: { inbound: true } });
    expect(stored.map((m) => [m.inbound.personId, m.sha256, m.transcript])).toEqual([
      ["M02", sha256(silk), null],
      ["M07", sha256(silk), null],
    ]);
  });
});
