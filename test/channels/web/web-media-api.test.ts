/**
 * The media forms of POST /api/messages over real HTTP: a voice note, a photo or a location in place
 * of text, checked by content before the core sees anything; only the core behind it is a fake.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createWebServer, type WebChatDeps } from "../../../src/channels/web/web-server.js";
import { silkNote, webmNote } from "../../support/test-audio.js";
import { plainJpeg } from "../../support/test-photos.js";
import { fakeWebDeps } from "./fake-web-deps.js";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function start(overrides: Partial<WebChatDeps> = {}) {
  const fake = fakeWebDeps(overrides);
  const web = createWebServer(fake.deps);
  open.push(web);
  return { ...fake, base: await web.listen(0, "127.0.0.1") };
}

async function post(base: string, body: unknown) {
  const res = await fetch(`${base}/api/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("POST /api/messages with media", () => {
  it("hands the core a voice note with its real type, whatever type was claimed", async () => {
    const { base, calls } = await start();
    const webm = webmNote(440);
    const res = await post(base, { from: "m-zhang", voice: { mime: "audio/ogg", data: b64(webm) } });
    expect(res.status).toBe(200);
    expect(calls[0]).toMatchObject({ text: "", attachment: { kind: "voice" }, media: { mime: "video/webm" } });
    expect(Buffer.from(calls[0]!.media!.data).equals(Buffer.from(webm))).toBe(true);
  });

  it("recognises WeChat's SILK by its header", async () => {
    const { base, calls } = await start();
    const res = await post(base, { from: "m-zhang", voice: { mime: "audio/silk", data: b64(await silkNote(440)) } });
    expect(res.status).toBe(200);
    expect(calls[0]?.media?.mime).toBe("audio/silk");
  });

  it("hands the core a photo and a location", async () => {
    const { base, calls } = await start();
    expect((await post(base, { from: "m-zhang", image: { mime: "image/jpeg", data: b64(plainJpeg()) } })).status).toBe(
      200,
    );
    expect(
      (await post(base, { from: "m-zhang", location: { lat: 25.019, lng: 116.951, label: "登高西路" } })).status,
    ).toBe(200);
    expect(calls.map((c) => c.attachment)).toEqual([
      { kind: "image", mediaId: "", url: null },
      { kind: "location", lat: 25.019, lng: 116.951, label: "登高西路" },
    ]);
    expect(calls[0]?.media?.mime).toBe("image/jpeg");
  });

  const refusals: [string, Record<string, unknown>, number, string, RegExp][] = [
    [
      "a script called a photo",
      { image: { mime: "image/jpeg", data: b64(Buffer.from("#!/bin/sh\nrm -rf /\n")) } },
      415,
      "unsupported_media",
      /not a photo/,
    ],
    [
      "a photo sent as a voice note",
      { voice: { mime: "audio/webm", data: b64(plainJpeg()) } },
      415,
      "unsupported_media",
      /not audio/,
    ],
    ["data that is not base64", { image: { mime: "image/jpeg", data: "not base64!" } }, 400, "bad_image", /base64/],
    ["a voice note without data", { voice: { mime: "audio/webm" } }, 400, "bad_voice", /"mime" and base64 "data"/],
    ["a location off the globe", { location: { lat: 95, lng: 10 } }, 400, "bad_location", /-90\.\.90/],
    [
      "text and a photo at once",
      { text: "hi", image: { mime: "image/jpeg", data: "AA==" } },
      400,
      "one_kind",
      /one of/,
    ],
  ];
  for (const [name, body, status, error, message] of refusals) {
    it(`answers ${name} with ${status} ${error} and hands the core nothing`, async () => {
      const { base, calls } = await start();
      const res = await post(base, { from: "m-zhang", ...body });
      expect(res.status).toBe(status);
      expect(res.json.error).toBe(error);
      expect(res.json.message).toMatch(message);
      expect(calls).toHaveLength(0);
    });
  }

  it("refuses a photo over MEDIA_MAX_BYTES with 413, naming both sizes", async () => {
    const { base, calls } = await start({ mediaMaxBytes: 100 * 1024 });
    const big = Buffer.concat([plainJpeg(), Buffer.alloc(200 * 1024)]);
    const res = await post(base, { from: "m-zhang", image: { mime: "image/jpeg", data: b64(big) } });
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error: "media_too_large" });
    expect(res.json.message).toMatch(/photo is 0\.2 MB; the limit is 0\.1 MB/);
    expect(calls).toHaveLength(0);
  });

  it("keeps the small body limit for text", async () => {
    const { base } = await start();
    const res = await post(base, { from: "m-zhang", text: "x".repeat(100_000) });
    expect(res.status).toBe(413);
    expect(res.json.error).toBe("body_too_large");
  });
});
