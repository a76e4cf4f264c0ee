/**
 * What check-ins and photos add to the other answers: the shop's history shows its latest photos,
 * team status counts on-site visits and visits without a check-in, the export marks and links them,
 * and the day's route starts where the person last checked in.
 */
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import type { Attachment, FileReply, MediaBytes } from "../../src/domain/messages.js";
import { buildPlan } from "../../src/plans/index.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";
import { plainJpeg } from "../support/test-photos.js";

let world: ChatWorld;
afterEach(() => world.close());

const at = (time: string) => ({ at: `2026-11-25T${time}:00+08:00` });
const photo: { attachment: Attachment; media: MediaBytes } = {
  attachment: { kind: "image", mediaId: "", url: null },
  media: { mime: "image/jpeg", data: plainJpeg() },
};
const checkInAtZhangji = { attachment: { kind: "location", lat: 25.13482, lng: 117.04612, label: null } as Attachment };

/** 黄丽萍 (M02) checks in at 张记, reports it with a photo, then reports 老陈超市 without checking in. */
async function dayOfM02() {
  world = await chatWorld();
  await world.send("M02", checkInAtZhangji, at("09:00"));
  await world.say("M02", "张记便利店 软中华断货", at("09:10"));
  await world.send("M02", photo, at("09:11"));
  await world.say("M02", "老陈超市 红塔山还有5条", at("11:00"));
}

describe("with check-ins and photos", () => {
  it("the shop's history ends with its latest photos", async () => {
    await dayOfM02();
    const replies = await world.say("M02", "张记上次什么时候去的", at("12:00"));
    expect(replies[0]?.kind).toBe("card");
    expect(replies.slice(1)).toMatchObject([
      { kind: "image", title: "📷 11月25日（周三）", url: expect.stringMatching(/^\/files\//) },
    ]);
  });

  it("team status counts each person's on-site visits and visits without a check-in", async () => {
    await dayOfM02();
    expect(plain(await world.say("S01", "团队今天情况", at("18:00")))).toContain(
      "📍 拜访签到：黄丽萍 在店 1 家、未签到 1 家",
    );
  });

  it("the export marks on-site visits and links each visit's photos", async () => {
    await dayOfM02();
    const replies = await world.say("S01", "导出今天的拜访记录", at("18:00"));
    const file = replies.find((r): r is FileReply => r.kind === "file");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file!.bytes!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("拜访记录")!;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      (sheet.getRow(i + 2).values as unknown[]).slice(1),
    );
    const byShop = new Map(rows.map((r) => [r[2], r.slice(14)]));
    expect(byShop.get("张记便利店")).toEqual([
      "在店",
      expect.stringMatching(/^\/files\/[^/]+\/photo-[\w-]+\.jpg\?expires=\d+&sig=/),
    ]);
    expect(byShop.get("老陈超市")).toEqual(["", ""]);
  });

  it("the day's route starts at the latest check-in", async () => {
    await dayOfM02();
    const plan = await buildPlan(world.database.db, "M02", "2026-11-25");
    expect(plan.start).toMatchObject({ lat: 25.13482, lng: 117.04612, from: "person" });
    const tomorrow = await buildPlan(world.database.db, "M02", "2026-11-26");
    expect(tomorrow.start).not.toMatchObject({ lat: 25.13482, lng: 117.04612, from: "person" });
  });
});
