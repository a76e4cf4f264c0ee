/**
 * Supervisors asking in chat, through the real bot core with the reports' handlers on real SQLite
 * with the hand-counted day (report-setup.ts): the reports answer with the hand-counted figures,
 * the records behind them, the right scope for each role, in both languages, with a chart where
 * the channel shows images and a spreadsheet on request.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyToPlainText } from "../../src/core/plain-text.js";
import type { CardReply, FileReply, ImageReply, Reply } from "../../src/domain/messages.js";
import { shortReference } from "../../src/domain/reference.js";
import { messagesFor } from "../../src/locales/index.js";
import { RosterStore } from "../../src/store/roster-store.js";
import { type ReportChat, reportChat } from "./report-chat.js";

/** The stored file a signed /files/ link opens. */
async function openLink(chat: ReportChat, link: string) {
  const url = new URL(link, "http://localhost");
  const found = await chat.files.open(decodeURIComponent(url.pathname.slice("/files/".length)), url.searchParams);
  return found.status === "ok" ? found.file : null;
}

const card = (replies: Reply[]) => replies.find((r): r is CardReply => r.kind === "card")!;
const line = (c: CardReply, label: string) => c.lines.find((l) => l.label === label)?.value;
const plain = (replies: Reply[], lang: "zh" | "en" = "zh") =>
  replies.map((r) => replyToPlainText(r, messagesFor(lang))).join("\n---\n");
/** Late afternoon in Austin (Chicago time). */
const AUSTIN = "2026-11-25T17:00:00-06:00";

describe("supervisors' questions in chat", () => {
  let chat: ReportChat;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    chat = await reportChat();
    const { m01, m02 } = chat.seeded;
    Object.assign(refs, {
      wang1: shortReference(m01.wang1.id),
      wang2: shortReference(m01.wang2.id),
      zhou: shortReference(m01.zhou.id),
      xinhuadu: shortReference(m01.xinhuadu.id),
      guoji: shortReference(m01.guoji.id),
      liqiang: shortReference(m02.liqiang.id),
      tasting: shortReference(m02.tasting.id),
    });
  });
  afterAll(() => chat?.close());

  it("answers 团队今天情况 with each member's figures against plan, the red flag's record and a chart", async () => {
    const replies = await chat.ask("S01", "团队今天情况");
    const c = card(replies);
    expect(c.title).toBe("新罗一组 · 今天 11月25日（周三）拜访情况");
    expect(line(c, "林志强")).toBe(
      "完成计划 3/25 家（12%），拜访 4 家次（3 家店），断货 1 条，⚠️ 合规提示 1 条，最后上报 15:00",
    );
    expect(line(c, "黄丽萍")).toBe("完成计划 0/24 家（0%），还没报拜访，促销 1 场（触达 12 人），最后上报 16:00");
    expect(line(c, "张伟")).toBe("完成计划 0/25 家（0%），还没上报");
    expect(line(c, "⚠️ 合规提示")).toContain("新华都超市（11:00）");
    expect(line(c, "⚠️ 合规提示")).toContain(refs.xinhuadu);
    expect(line(c, "⚠️ 合规提示")).toContain("「店主说要搭售才给上柜」");
    expect(c.footer).toContain(
      "合计：计划 74 家，完成 3 家（4%）；共拜访 4 家次；断货 1 条；促销 1 场，触达 12 人；合规提示 1 条",
    );
    expect(c.footer).toContain("还没报拜访：黄丽萍（只报了促销活动）、张伟");
    const image = replies.find((r): r is ImageReply => r.kind === "image")!;
    expect(image.title).toBe("新罗一组 · 今天 11月25日（周三）计划与完成");
    expect(image.url).toMatch(/^\/files\/[\w-]+\/team-status-2026-11-25\.png\?expires=\d+&sig=[\w-]+$/);
    expect(Buffer.from(image.png!.subarray(0, 8)).toString("hex")).toBe("89504e470d0a1a0a");
    const served = await openLink(chat, image.url);
    expect(served?.contentType).toBe("image/png");
    expect(served?.body.byteLength).toBe(image.png!.byteLength);
  });

  it("offers 明细, which lists every counted visit by its reference (the undone one not among them)", async () => {
    const details = card(await chat.ask("S01", "团队今天情况", { at: "17:41" })).actions.find(
      (a) => a.label === "明细",
    )!;
    const text = plain(await chat.ask("S01", details.value, { at: "17:42" }));
    expect(text).toContain("共 4 家次");
    expect(text).toContain("林志强（4 家次）：");
    for (const ref of [refs.wang1, refs.zhou, refs.xinhuadu, refs.wang2]) expect(text).toContain(ref);
    expect(text).not.toContain(refs.guoji);
    expect(text).not.toContain(refs.liqiang); // yesterday's visit is not today's
  });

  it("names exactly those who have not reported today (谁还没报)", async () => {
    const c = card(await chat.ask("S01", "谁还没报", { at: "17:43" }));
    expect(c.title).toBe("今天 11月25日（周三）新罗一组 3 人中，还没报拜访的有 2 人：黄丽萍（只报了促销活动）、张伟。");
    expect(line(c, "林志强")).toBe("4 家次，最后上报 15:00");
  });

  it("counts the late report on yesterday, marked as logged later", async () => {
    const c = card(await chat.ask("S01", "昨天组里跑得怎么样", { at: "17:44" }));
    expect(c.title).toBe("新罗一组 · 昨天 11月24日（周二）拜访情况");
    expect(line(c, "黄丽萍")).toBe("完成计划 1/25 家（4%），拜访 1 家次，最后上报 11月25日 09:00");
    expect(line(c, "林志强")).toBe("完成计划 0/25 家（0%），还没上报");
  });

  it("gives a manager asking a team question their own figures, with a note, and never calls them a team", async () => {
    const replies = await chat.ask("M01", "团队今天情况", { at: "17:45" });
    expect(replies[0]).toEqual({ kind: "text", text: "（客户经理只能查看自己的数据，以下是你本人的情况。）" });
    const text = plain(replies);
    expect(text).toContain("林志强 · 今天");
    expect(text).not.toMatch(/黄丽萍|张伟/);
    const own = await chat.ask("M02", "谁还没报", { at: "17:45" });
    expect(plain(own)).not.toMatch(/林志强|张伟/);
    expect(card(own).title).toBe("今天 11月25日（周三）你还没报拜访（只报了促销活动）。");
    const jake = card(await chat.ask("M07", "who hasn't logged visits today?", { at: AUSTIN }));
    expect(jake.title).toBe("You have logged 1 visit today (Wed, Nov 25).");
    expect(plain([jake], "en")).not.toMatch(/Everyone|Jake Miller \(|on Jake/);
  });

  it("shows a supervisor their own team when they name another, and an admin any team or all", async () => {
    const other = await chat.ask("S01", "二组今天情况", { at: "17:46" });
    expect(plain(other)).toContain("只能查看本组数据");
    expect(card(other).title).toContain("新罗一组");
    const admin = card(await chat.ask("A01", "二组今天情况", { at: "17:46" }));
    expect(admin.title).toContain("新罗二组");
    expect(admin.lines.map((l) => l.label)).toEqual(["刘洋", "吴晓东", "郑秀英"]);
    const all = card(await chat.ask("A01", "团队今天情况", { at: "17:47" }));
    expect(all.title).toContain("全部团队");
    expect(all.lines.map((l) => l.label)).toEqual(expect.arrayContaining(["林志强", "刘洋", "Jake Miller"]));
  });

  it("leaves out, with a note, a named person the supervisor may not see", async () => {
    const replies = await chat.ask("S01", "林志强和刘洋今天情况", { at: "17:47" });
    expect(plain(replies)).toContain("（提到的1人不在你的组里，没有列出。）");
    expect(plain(replies)).not.toContain("刘洋：");
  });

  it("details one member (林志强今天跑了几家) with every shop and reference", async () => {
    const c = card(await chat.ask("S01", "林志强今天跑了几家", { at: "17:48" }));
    expect(c.title).toBe("林志强 · 今天 11月25日（周三）");
    expect(line(c, "计划")).toBe("25 家，已完成 3 家（12%）");
    expect(line(c, "拜访")).toBe("4 家次（3 家店）");
    expect(line(c, "1")).toBe(`王记小卖部（10:00） · 断货 中华(软) ${refs.wang1}`);
    expect(line(c, "2")).toBe(`老周副食店（10:30） ${refs.zhou}`);
  });

  it("lists the shops out of a product with the visit behind each (这周哪些店断软中华)", async () => {
    const text = plain(await chat.ask("S01", "这周哪些店断软中华", { at: "17:49" }));
    expect(text).toContain("报告中华(软)断货的店共 1 家");
    expect(text).toContain(`王记小卖部 — 林志强 11月25日（周三） ${refs.wang1}`);
    // The same manager found it back on the shelf at 15:00 the same day: same-day restocks are not guessed at.
    expect(text).not.toContain("郭记");
  });

  it("sums promotions and lists red flags with the manager's words", async () => {
    const promos = plain(await chat.ask("S01", "本周促销情况", { at: "17:50" }));
    expect(promos).toContain("促销活动 1 场，触达消费者 12 人，现场销售 中华(软) 2条");
    expect(promos).toContain(refs.tasting);
    const flags = plain(await chat.ask("S01", "这周有没有违规", { at: "17:50" }));
    expect(flags).toContain("合规提示 1 条");
    expect(flags).toContain(refs.xinhuadu);
    expect(flags).toContain("原话：「店主说要搭售才给上柜」");
  });

  it("answers coverage against the visit rules", async () => {
    const c = card(await chat.ask("S01", "这周一组的拜访覆盖率多少", { at: "17:51" }));
    expect(c.title).toContain("拜访覆盖（按分类拜访频次）");
    // M01 3 of 25 due shops; M02 none of 24 due (R030 visited yesterday, counted as visited and due); M03 0 of 25.
    expect(c.footer).toContain("合计应访 75 家，已访 4 家，覆盖率 5%");
  });

  it("exports this week's visits as a workbook that reads back with the facts and references", async () => {
    const replies = await chat.ask("S01", "导出本周拜访记录", { at: "17:52" });
    const file = replies.find((r): r is FileReply => r.kind === "file")!;
    expect(file.title).toBe("新罗一组 本周（11月23日—25日）拜访记录（5 条）");
    expect(file.filename).toBe("visits-新罗一组-2026-11-23-2026-11-25.xlsx");
    expect(await openLink(chat, file.url)).toMatchObject({ body: file.bytes });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("拜访记录")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      "日期",
      "客户经理",
      "零售户",
      "分类",
      "工作内容",
      "库存",
      "断货",
      "新上柜",
      "订货",
      "下次跟进",
      "老板反馈",
      "合规提示",
      "上报时间",
      "记录编号",
      "签到",
      "照片",
    ]);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) =>
      (sheet.getRow(i + 2).values as unknown[]).slice(1),
    );
    expect(rows).toHaveLength(5);
    const byRef = new Map(rows.map((r) => [r[13], r]));
    expect([...byRef.keys()].sort()).toEqual([refs.wang1, refs.zhou, refs.xinhuadu, refs.wang2, refs.liqiang].sort());
    expect(byRef.get(refs.zhou)!.slice(0, 6)).toEqual([
      "2026-11-25",
      "林志强",
      "老周副食店",
      "精品店",
      "盘点库存",
      "中华(硬) 15条",
    ]);
    expect(byRef.get(refs.liqiang)![0]).toBe("2026-11-24");
    expect(byRef.get(refs.xinhuadu)![11]).toContain("搭售");
    const lines = wb.getWorksheet("产品明细")!;
    const zhouLine = Array.from({ length: lines.rowCount - 1 }, (_, i) =>
      (lines.getRow(i + 2).values as unknown[]).slice(1),
    ).find((r) => r[8] === refs.zhou)!;
    expect(zhouLine).toEqual(["2026-11-25", "林志强", "老周副食店", "库存", "中华(硬)", "T001", 15, "条", refs.zhou]);
  });

  it("answers in English for English speakers, with plurals that agree", async () => {
    const status = card(await chat.ask("S03", "how's the team doing today?", { at: AUSTIN }));
    expect(status.title).toBe("Austin North · today (Wed, Nov 25)");
    expect(status.lines.map((l) => l.label)).toEqual(["Jake Miller", "Priya Shah"]);
    expect(line(status, "Jake Miller")).toMatch(
      /^1 of \d+ planned visits done \(\d+%\) · 1 visit · last report 10:00 am$/,
    );
    expect(line(status, "Priya Shah")).toContain("nothing logged yet");
    expect(status.footer).toMatch(
      /^Total: 1 of \d+ planned visits done \(\d+%\); 1 visit; 0 stock-outs; 0 promotions; 0 red flags$/m,
    );
    const who = card(await chat.ask("S03", "who hasn't logged visits today?", { at: AUSTIN }));
    expect(who.title).toBe("1 of 2 reps on Austin North hasn't logged visits today (Wed, Nov 25): Priya Shah.");
    expect(line(who, "Jake Miller")).toBe("1 visit, last at 10:00 am");
    const flags = plain(await chat.ask("S03", "any red flags this week?", { at: AUSTIN }), "en");
    expect(flags).toBe("No red flags on Austin North this week (Nov 23–25).");
    const exported = await chat.ask("S03", "export this week's visits", { at: AUSTIN });
    expect(exported.find((r) => r.kind === "file")).toMatchObject({
      title: "Austin North visits this week (Nov 23–25) (1)",
    });
  });

  it("shows no chart where the channel cannot show images", async () => {
    await new RosterStore(chat.database.db).link("S01", "wechat", "wx-s01");
    const replies = await chat.ask("S01", "团队今天情况", { at: "17:53", channel: "wechat", externalUserId: "wx-s01" });
    expect(card(replies).title).toContain("新罗一组");
    expect(replies.some((r) => r.kind === "image")).toBe(false);
  });
});
