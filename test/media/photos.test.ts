/**
 * Photos in the core: attached to the sender's visit (same minutes, else today's latest, else a
 * question with the day's check-ins), EXIF doubts noted but never refused, and the day's photos for
 * a supervisor behind signed links. Real JPEGs, with and without EXIF, on a real database.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Attachment, MediaBytes, Reply } from "../../src/domain/messages.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";
import { jpegWithExif, plainJpeg } from "../support/test-photos.js";

let world: ChatWorld;
afterEach(() => world.close());

const photo = (data: Uint8Array): { attachment: Attachment; media: MediaBytes } => ({
  attachment: { kind: "image", mediaId: "", url: null },
  media: { mime: "image/jpeg", data },
});
const at = (time: string) => ({ at: `2026-11-25T${time}:00+08:00` });
/** 张记便利店 (R035, M02's) and 王记小卖部 (R001, 16 km away). */
const ZHANGJI = { lat: 25.13482, lng: 117.04612 };
const WANGJI = { lat: 25.01913, lng: 116.95139 };

const photosOf = (personId: string) =>
  world.database.db.photo.findMany({ where: { personId }, orderBy: { createdAt: "asc" } });

describe("a photo", () => {
  it("attaches to the visit reported minutes before, counting the shop's photos of the day", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 软中华断货", at("17:30"));
    const first = await world.send(
      "M02",
      photo(jpegWithExif({ taken: "2026:11:25 17:31:10", ...ZHANGJI })),
      at("17:32"),
    );
    const second = await world.send("M02", photo(plainJpeg()), at("17:33"));

    expect(plain(first)).toBe("📷 已附到张记便利店的拜访记录（今天第 1 张）");
    expect(plain(second)).toBe("📷 已附到张记便利店的拜访记录（今天第 2 张）");
    const visit = await world.database.db.visit.findFirstOrThrow({ where: { managerId: "M02" } });
    const photos = await photosOf("M02");
    expect(photos.map((p) => [p.visitId, p.retailerId, p.flags, p.takenAt])).toEqual([
      [visit.id, "R035", "[]", "2026-11-25T17:31:10"],
      [visit.id, "R035", "[]", null],
    ]);
    expect(photos[0]?.lat).toBeCloseTo(ZHANGJI.lat, 4);
  });

  it("taken far from the shop on another day is attached all the same, with both doubts noted", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 软中华断货", at("17:30"));
    const replies = await world.send(
      "M02",
      photo(jpegWithExif({ taken: "2026:11:20 10:00:00", ...WANGJI })),
      at("17:35"),
    );
    expect(plain(replies)).toBe(
      [
        "📷 已附到张记便利店的拜访记录（今天第 1 张）",
        "注意：照片拍摄地点离门店约 16.0 公里，已标注。",
        "注意：照片拍摄于 11月20日（周五），不是今天，已标注。",
      ].join("\n"),
    );
    expect((await photosOf("M02"))[0]?.flags).toBe('["far_from_shop","other_day"]');
  });

  it("goes to the visit reported in the same minutes, else to today's latest", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 软中华断货", at("09:00"));
    await world.say("M02", "老陈超市 红塔山还有5条", at("11:00"));
    expect(plain(await world.send("M02", photo(plainJpeg()), at("09:06")))).toContain("张记便利店");
    expect(plain(await world.send("M02", photo(plainJpeg()), at("15:00")))).toContain("老陈超市");
  });

  it("without a visit today asks which of the day's checked-in shops it is from", async () => {
    world = await chatWorld([], { checkInRadiusM: 300 });
    await world.send("M02", { attachment: { kind: "location", ...ZHANGJI, label: null } }, at("09:00"));
    await world.send(
      "M02",
      { attachment: { kind: "location", lat: 25.13363, lng: 117.05789, label: null } },
      at("10:00"),
    );
    const question = await world.send("M02", photo(plainJpeg()), at("10:05"));
    expect(question).toEqual<Reply[]>([
      {
        kind: "choices",
        text: "这张照片是哪家店的？",
        choices: [
          { label: "金穗烟酒行", value: "金穗烟酒行" },
          { label: "张记便利店", value: "张记便利店" },
        ],
      },
    ]);
    expect(plain(await world.say("M02", "2", at("10:06")))).toBe("📷 已附到张记便利店的拜访记录（今天第 1 张）");
    expect((await photosOf("M02"))[0]).toMatchObject({ retailerId: "R035", visitId: null });
  });

  it("with no visit and no check-in today is kept and the sender told how to attach it", async () => {
    world = await chatWorld();
    const replies = await world.send("M02", photo(plainJpeg()));
    expect(plain(replies)).toMatch(/^照片已收到。今天还没有拜访记录/);
    expect(await photosOf("M02")).toMatchObject([{ retailerId: null, visitId: null }]);
    expect(await world.database.db.inboundMedia.count()).toBe(1);
  });
});

describe("今天的陈列照片", () => {
  it("shows a supervisor the team's photos of the day behind signed links, and nobody else's", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 软中华断货", at("17:30"));
    const jpeg = jpegWithExif({ taken: "2026:11:25 17:31:00" });
    await world.send("M02", photo(jpeg), at("17:32"));
    await world.say("M07", "Hit Joe's today, 3 cases of Coke Zero", { at: "2026-11-25T03:40:00-06:00" });
    await world.send("M07", photo(plainJpeg()), { at: "2026-11-25T03:41:00-06:00" });

    const replies = await world.say("S01", "今天的陈列照片", at("18:00"));
    expect(replies[0]).toEqual({ kind: "text", text: "今天共 1 张照片：" });
    expect(replies).toHaveLength(2);
    const image = replies[1];
    expect(image).toMatchObject({ kind: "image", title: "17:32 黄丽萍 · 张记便利店" });
    const url = new URL((image as { url: string }).url, "http://localhost");
    const opened = await world.files.open(url.pathname.slice("/files/".length), url.searchParams);
    expect(opened.status === "ok" && Buffer.from(opened.file.body).equals(jpeg)).toBe(true);

    expect(plain(await world.say("S03", "photos from today", { at: "2026-11-25T04:00:00-06:00" }), "en")).toMatch(
      /^1 photo today:\n---\n03:41 Jake Miller · Joe's Market: \/files\//,
    );
  });

  it("says so when nobody has sent one", async () => {
    world = await chatWorld();
    expect(plain(await world.say("S01", "今天的照片"))).toBe("今天还没有人发照片。");
  });
});
