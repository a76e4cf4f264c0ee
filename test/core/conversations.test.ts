/**
 * Whole conversations through a test channel: each checks the replies and what the database holds.
 * Times are fixed (Wednesday 2026-11-25 in Shanghai unless a test says otherwise).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CardReply, ChoicesReply, Reply } from "../../src/domain/messages.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";

let world: ChatWorld;
afterEach(async () => world?.close());

const card = (replies: Reply[]) => replies.find((r): r is CardReply => r.kind === "card");
const choices = (replies: Reply[]) => replies.find((r): r is ChoicesReply => r.kind === "choices");

/** The report waiting in M01's session for an answer, if any (the session also keeps other small facts). */
async function openDraft() {
  const row = await world.database.db.dialogueState.findUnique({ where: { personId: "M01" } });
  return row ? (JSON.parse(row.state).visits?.pending ?? null) : null;
}

/** The manager's first visit; fails the test when there is none. */
async function firstVisitOf(managerId: string) {
  const [visit] = await visitsOf(managerId);
  if (!visit) throw new Error(`${managerId} has no visit`);
  return visit;
}

async function visitsOf(managerId: string) {
  return world.database.db.visit.findMany({
    where: { managerId },
    include: { lines: { orderBy: { id: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

describe("a certain report", () => {
  it("is stored at once with a receipt in Chinese", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "今天去了张记便利店,红塔山还有12条,软中华断货了,帮老板理了柜台,下周三再去");
    const receipt = card(replies);
    expect(receipt?.title).toContain("已记录");
    expect(receipt?.title).toContain("张记便利店");
    expect(plain(replies)).toContain("红塔山(硬经典) 12条");
    expect(plain(replies)).toContain("12月2日（周三）");
    expect(receipt?.actions.map((a) => a.label)).toEqual(["修改", "撤销"]);
    const visit = await firstVisitOf("M02");
    expect(visit).toMatchObject({ retailerId: "R035", date: "2026-11-25", followUp: "2026-12-02", status: "active" });
    expect(visit.lines.map((l) => [l.kind, l.sku, l.qty, l.unit])).toEqual([
      ["stock", "T007", 12, "carton"],
      ["out_of_stock", "T002", null, null],
    ]);
    expect(JSON.parse(visit.activities)).toEqual(expect.arrayContaining(["stock_check", "display"]));
    const audit = await world.database.db.auditEntry.findMany({ where: { entityId: visit.id } });
    expect(audit.map((a) => a.action)).toEqual(["create"]);
  });

  it("is stored at once with a receipt in English", async () => {
    world = await chatWorld();
    const replies = await world.say("M07", "Hit Joe's today, 3 cases of Coke Zero, totally out of Topo", {
      at: "2026-11-02T16:45:00-06:00",
    });
    expect(card(replies)?.title).toMatch(/Logged: Joe's Market · Mon, Nov 2/);
    expect(plain(replies, "en")).toContain("Coke Zero Sugar 20oz: 3 cases");
    const visit = await firstVisitOf("M07");
    expect(visit).toMatchObject({ retailerId: "R151", date: "2026-11-02" });
    expect(visit.lines.map((l) => [l.kind, l.sku, l.qty, l.unit])).toEqual([
      ["stock", "B002", 3, "case"],
      ["out_of_stock", "B010", null, null],
    ]);
  });

  it("with several shops becomes several records in one receipt", async () => {
    world = await chatWorld();
    const replies = await world.say("M01", "今天跑了老王家跟新华都 老王家硬中还有3条 利群没货了 新华都帮着理了下烟柜");
    expect(replies.filter((r) => r.kind === "card")).toHaveLength(1);
    expect(card(replies)?.title).toContain("2 条记录");
    const visits = await visitsOf("M01");
    expect(visits.map((v) => v.retailerId).sort()).toEqual(["R003", "R014"]);
    const laowang = visits.find((v) => v.retailerId === "R014")!;
    expect(laowang.lines.map((l) => [l.kind, l.sku])).toEqual([
      ["stock", "T001"],
      ["out_of_stock", "T011"],
    ]);
  });

  it("keeps the owner's feedback in their own words, not the whole message", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "张记便利店 红塔山还有12条 老板说最近软中华走得快，让多给他分点货");
    const visit = await firstVisitOf("M02");
    expect(visit?.feedback).toBe(true);
    expect(visit?.feedbackText).toContain("软中华走得快");
    expect(visit?.feedbackText).not.toContain("红塔山");
    expect(plain(replies)).toContain(`老板反馈：「${visit?.feedbackText}」`);
  });

  it("for a promotion stores the event", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "今晚在张记搞了个软中华品鉴会 来了23个人 搞了一个半小时 现场卖了8条");
    expect(card(replies)?.title).toContain("品鉴会");
    const promotion = await world.database.db.promotion.findFirstOrThrow({ include: { lines: true, retailers: true } });
    expect(promotion).toMatchObject({ format: "tasting", consumers: 23, durationMinutes: 90, date: "2026-11-25" });
    expect(promotion.retailers.map((r) => r.retailerId)).toEqual(["R035"]);
    expect(promotion.lines.find((l) => l.kind === "sale")).toMatchObject({ sku: "T002", qty: 8, unit: "carton" });
  });
});

describe("an ambiguous shop", () => {
  const report = "胡记 软中华断货了";
  it.each([
    ["a number", "2"],
    ["an ordinal in Chinese", "第二个"],
    ["the shop's name", "胡记便利店"],
  ])("is asked about, and answered with %s, the draft is stored", async (_how, answer) => {
    world = await chatWorld();
    const question = await world.say("M01", report);
    expect(choices(question)?.choices.map((c) => c.label)).toEqual(["胡记超市", "胡记便利店"]);
    expect(await visitsOf("M01")).toHaveLength(0);
    const replies = await world.say("M01", answer);
    expect(card(replies)?.title).toContain("胡记便利店");
    const visit = await firstVisitOf("M01");
    expect(visit.retailerId).toBe("R025");
    expect(visit.lines.map((l) => [l.kind, l.sku])).toEqual([["out_of_stock", "T002"]]);
  });

  it("is answered in English with 'the second one'", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-extra-"));
    writeFileSync(
      join(dir, "retailers.csv"),
      'id,name,aliases,manager_id,segment,grade,address,lat,lng,license\nR181,Circle K Braker,Circle K|CK Braker,M08,standard,12,"100 Braker Ln, Austin, TX",30.38,-97.69,TX1000181\n',
    );
    world = await chatWorld([dir]);
    const question = await world.say("M08", "Circle K out of Monster", { at: "2026-11-25T16:00:00-06:00" });
    expect(
      choices(question)
        ?.choices.map((c) => c.label)
        .sort(),
    ).toEqual(["Circle K Braker", "Circle K Parmer"]);
    const picked = choices(question)?.choices[1]?.label;
    const replies = await world.say("M08", "the second one", { at: "2026-11-25T16:01:00-06:00" });
    expect(card(replies)?.title).toContain(picked);
    const visit = await firstVisitOf("M08");
    expect(visit.retailerId).toBe(picked === "Circle K Braker" ? "R181" : "R156");
  });

  it("survives a restart between the question and the answer", async () => {
    world = await chatWorld();
    await world.say("M01", report);
    world.restart();
    const replies = await world.say("M01", "1");
    expect(card(replies)?.title).toContain("胡记超市");
    expect((await firstVisitOf("M01")).retailerId).toBe("R011");
  });

  it("is set aside when a new report comes in, and asked again afterwards", async () => {
    world = await chatWorld();
    await world.say("M01", report);
    const replies = await world.say("M01", "新华都 硬中华还有5条");
    expect(card(replies)?.title).toContain("新华都超市");
    expect(plain(replies)).toContain("之前那条还没确认");
    expect(choices(replies)?.choices.map((c) => c.label)).toEqual(["胡记超市", "胡记便利店"]);
    await world.say("M01", "1");
    expect((await visitsOf("M01")).map((v) => v.retailerId)).toEqual(["R003", "R011"]);
  });

  it("'撤销' while it is being asked drops the draft, not the record stored before it", async () => {
    world = await chatWorld();
    await world.say("M01", "新华都 硬中华还有5条");
    await world.say("M01", report);
    expect(plain(await world.say("M01", "撤销"))).toContain("不记了");
    expect((await visitsOf("M01")).map((v) => [v.retailerId, v.status])).toEqual([["R003", "active"]]);
    expect(await openDraft()).toBeNull();
  });

  it("a correction meanwhile fixes the stored record and the question is asked again", async () => {
    world = await chatWorld();
    await world.say("M01", "新华都 硬中华还有5条");
    await world.say("M01", report);
    const replies = await world.say("M01", "不对，是6条");
    expect(card(replies)?.title).toContain("已更新");
    expect(choices(replies)?.choices.map((c) => c.label)).toEqual(["胡记超市", "胡记便利店"]);
    expect((await firstVisitOf("M01")).lines[0]?.qty).toBe(6);
    await world.say("M01", "2");
    expect((await visitsOf("M01")).map((v) => v.retailerId)).toEqual(["R003", "R025"]);
  });

  it("an answer that arrives while the report is still being handled waits its turn", async () => {
    world = await chatWorld();
    await Promise.all([world.say("M01", report), world.say("M01", "2")]);
    expect((await visitsOf("M01")).map((v) => v.retailerId)).toEqual(["R025"]);
  });

  it("can be cancelled", async () => {
    world = await chatWorld();
    await world.say("M01", report);
    expect(plain(await world.say("M01", "算了"))).toContain("不记了");
    expect(await visitsOf("M01")).toHaveLength(0);
    expect(await openDraft()).toBeNull();
  });
});

describe("a missing unit or unknown product", () => {
  it("asks for the unit and stores after the answer", async () => {
    world = await chatWorld();
    const question = await world.say("M02", "张记便利店 红塔山还剩12");
    expect(choices(question)?.choices.map((c) => c.label)).toEqual(["条", "包", "件"]);
    expect(await visitsOf("M02")).toHaveLength(0);
    await world.say("M02", "条");
    const visit = await firstVisitOf("M02");
    expect(visit.lines.map((l) => [l.sku, l.qty, l.unit])).toEqual([["T007", 12, "carton"]]);
  });

  it("asks which product an unknown name is, and can leave it out", async () => {
    world = await chatWorld();
    const question = await world.say("M02", "张记便利店 大重九5条 软中华断货");
    expect(plain(question)).toContain("大重九");
    expect(await visitsOf("M02")).toHaveLength(0);
    const replies = await world.say("M02", "忽略");
    expect(card(replies)).toBeDefined();
    const visit = await firstVisitOf("M02");
    expect(visit.lines.map((l) => [l.kind, l.sku])).toEqual([["out_of_stock", "T002"]]);
  });
});

describe("corrections in words", () => {
  it("fix a quantity: 不对，是15条", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 红塔山还有12条");
    const replies = await world.say("M02", "不对，是15条");
    expect(card(replies)?.title).toContain("已更新");
    const visit = await firstVisitOf("M02");
    expect(visit.lines.map((l) => [l.sku, l.qty, l.unit])).toEqual([["T007", 15, "carton"]]);
    const audit = await world.database.db.auditEntry.findMany({
      where: { entityId: visit.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    expect(JSON.parse(audit[1]?.before ?? "null").stock[0].qty).toBe(12);
    expect(JSON.parse(audit[1]?.after ?? "null").stock[0].qty).toBe(15);
    expect(audit[1]?.actorId).toBe("M02");
  });

  it("fix a product: 改成软中华", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 硬中华断货了");
    await world.say("M02", "改成软中华");
    const visit = await firstVisitOf("M02");
    expect(visit.lines.map((l) => [l.kind, l.sku])).toEqual([["out_of_stock", "T002"]]);
  });

  it("fix the shop: not Joe's, Sunrise", async () => {
    world = await chatWorld();
    await world.say("M07", "Joe's out of Topo", { at: "2026-11-25T15:00:00-06:00" });
    const replies = await world.say("M07", "not Joe's, Sunrise", { at: "2026-11-25T15:01:00-06:00" });
    expect(card(replies)?.title).toContain("Sunrise Mart");
    expect((await firstVisitOf("M07")).retailerId).toBe("R159");
  });

  it("fix the follow-up: follow-up Friday", async () => {
    world = await chatWorld();
    await world.say("M07", "Joe's out of Topo, back Tuesday", { at: "2026-11-25T15:00:00-06:00" });
    expect((await firstVisitOf("M07")).followUp).toBe("2026-12-01");
    await world.say("M07", "follow-up Friday", { at: "2026-11-25T15:01:00-06:00" });
    expect((await firstVisitOf("M07")).followUp).toBe("2026-11-27");
  });

  it("fix the visit date: 日期是昨天", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 红塔山还有12条");
    await world.say("M02", "不对，日期是昨天");
    expect((await firstVisitOf("M02")).date).toBe("2026-11-24");
  });

  it("undo: 撤销 marks the latest record undone and keeps it for the audit trail", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 红塔山还有12条");
    const replies = await world.say("M02", "撤销");
    expect(plain(replies)).toContain("已撤销");
    const visit = await firstVisitOf("M02");
    expect(visit.status).toBe("undone");
    const audit = await world.database.db.auditEntry.findMany({
      where: { entityId: visit.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["create", "undo"]);
  });

  it("undo in English, via the receipt's button", async () => {
    world = await chatWorld();
    const receipt = card(await world.say("M07", "Joe's out of Topo", { at: "2026-11-25T15:00:00-06:00" }))!;
    const undo = receipt.actions.find((a) => a.label === "Undo")!;
    expect(plain(await world.say("M07", undo.value, { at: "2026-11-25T15:02:00-06:00" }), "en")).toContain("Undone");
    expect((await firstVisitOf("M07")).status).toBe("undone");
  });

  it("with nothing to correct gets a helpful answer", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "不对，是15条");
    expect(plain(replies)).toContain("没有找到可以更正的记录");
    expect(await world.database.db.auditEntry.count()).toBe(0);
  });

  it("a manager cannot correct someone else's record; their supervisor can", async () => {
    world = await chatWorld();
    const receipt = card(await world.say("M02", "张记便利店 红塔山还有12条"))!;
    const reference = receipt.footer!.match(/#[0-9a-f]{8}/)![0];
    const refused = await world.say("M01", `不对，是15条 ${reference}`);
    expect(plain(refused)).toContain("不是您的");
    expect((await firstVisitOf("M02")).lines[0]?.qty).toBe(12);
    await world.say("S01", `不对，是15条 ${reference}`);
    expect((await firstVisitOf("M02")).lines[0]?.qty).toBe(15);
    const audit = await world.database.db.auditEntry.findFirstOrThrow({ where: { action: "update" } });
    expect(audit.actorId).toBe("S01");
  });
});

describe("delivery and identity", () => {
  it("a duplicate delivery of the same message is stored once and answered once", async () => {
    world = await chatWorld();
    const first = await world.say("M02", "张记便利店 红塔山还有12条", { messageId: "wx-1001" });
    const retry = await world.say("M02", "张记便利店 红塔山还有12条", { messageId: "wx-1001" });
    expect(card(first)).toBeDefined();
    expect(retry).toEqual([]);
    expect(await visitsOf("M02")).toHaveLength(1);
    expect(await world.database.db.inboundMessage.count()).toBe(1);
  });

  it("an unknown sender is refused politely in both languages and nothing else happens", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "张记便利店 红塔山还有12条", { channel: "slack", externalUserId: "U999" });
    expect(plain(replies)).toContain("还没有和 Fieldmate");
    expect(plain(replies)).toContain("isn't linked");
    expect(await world.database.db.visit.count()).toBe(0);
    expect(await world.database.db.inboundMessage.findFirstOrThrow()).toMatchObject({
      status: "refused",
      personId: null,
      text: "张记便利店 红塔山还有12条",
    });
  });

  it("a linked Slack user is recognised", async () => {
    world = await chatWorld();
    await world.database.db.identity.create({ data: { personId: "M07", channel: "slack", externalId: "U07" } });
    const replies = await world.say("M07", "Joe's out of Topo", {
      channel: "slack",
      externalUserId: "U07",
      at: "2026-11-25T15:00:00-06:00",
    });
    expect(card(replies)).toBeDefined();
    expect((await firstVisitOf("M07")).retailerId).toBe("R151");
  });
});

describe("a manager's own questions", () => {
  it("张记上次什么时候去的 answers from what was stored", async () => {
    world = await chatWorld();
    await world.say("M02", "张记便利店 红塔山还有12条 软中华断货了 老板说最近软中华走得快", {
      at: "2026-11-23T10:00:00+08:00",
    });
    const replies = await world.say("M02", "张记上次什么时候去的");
    const text = plain(replies);
    expect(text).toContain("张记便利店");
    expect(text).toContain("11月23日（周一）");
    expect(text).toContain("2天前");
    expect(text).toMatch(/未解决的断货：中华\(软\)/);
  });

  it("when did I last see Joe's, in English", async () => {
    world = await chatWorld();
    await world.say("M07", "Joe's out of Topo", { at: "2026-11-20T15:00:00-06:00" });
    const text = plain(await world.say("M07", "when did I last see Joe's?", { at: "2026-11-25T09:00:00-06:00" }), "en");
    expect(text).toContain("Fri, Nov 20");
    expect(text).toContain("Topo Chico");
  });

  it("help is answered in the sender's language", async () => {
    world = await chatWorld();
    expect(plain(await world.say("M02", "这个机器人能干啥"))).toContain("直接把拜访情况发给我");
    expect(plain(await world.say("M07", "how do I use this?"), "en")).toContain("Just text me");
  });

  it("what's my plan lists the sender's due shops", async () => {
    world = await chatWorld();
    const text = plain(await world.say("M01", "今天去哪几家"));
    expect(text).toMatch(/今天/);
    expect(text).toContain("新华都超市");
  });

  it("跳过老王家 今天关门 records a skip with its reason", async () => {
    world = await chatWorld();
    const text = plain(await world.say("M01", "跳过老王家 今天关门"));
    expect(text).toContain("老王烟酒店");
    expect(
      await world.database.db.planSkip.findMany({
        select: { personId: true, retailerId: true, date: true, reason: true },
      }),
    ).toEqual([{ personId: "M01", retailerId: "R014", date: "2026-11-25", reason: "关门" }]);
    expect(await world.database.db.visit.count()).toBe(0);
  });
});

describe("red flags", () => {
  it("are stored, reported to the supervisor and never endorsed", async () => {
    world = await chatWorld();
    const replies = await world.say("M02", "张记便利店 批发商让老板搭售利群才给软中华");
    expect(plain(replies)).toContain("不符合规定");
    const visit = await firstVisitOf("M02");
    expect(visit.compliance).toBe(true);
    expect(world.notified.map((n) => n.personId)).toEqual(["S01"]);
    expect(plain(world.notified[0]?.replies ?? [])).toContain("合规提示");
  });
});

describe("bad input", () => {
  it.each([
    ["empty", "   ", "没收到文字内容"],
    ["emoji only", "👍👍🙏", "没有记录"],
    ["binary-looking", "\u0000\u0001\u0002\u0003", "没收到文字内容"],
    ["neither language", "Привет, как дела?", "只看得懂中文和英文"],
  ])("%s gets a short helpful reply and stores nothing", async (_what, text, expected) => {
    world = await chatWorld();
    expect(plain(await world.say("M02", text))).toContain(expected);
    expect(await world.database.db.visit.count()).toBe(0);
    expect(await world.database.db.inboundMessage.count()).toBe(1);
  });

  it("a 4,000-character message is handled without a crash", async () => {
    world = await chatWorld();
    const long = `张记便利店 红塔山还有12条 ${"今天天气不错 ".repeat(400)}`.slice(0, 4000);
    const replies = await world.say("M02", long);
    expect(replies.length).toBeGreaterThan(0);
    expect((await world.database.db.inboundMessage.findFirstOrThrow()).status).toBe("handled");
  });

  it("script-injection text is stored as text and answered without being executed or echoed as markup", async () => {
    world = await chatWorld();
    const text = "<script>alert(1)</script><img src=x onerror=alert(1)>";
    const replies = await world.say("M02", text);
    expect(replies.length).toBeGreaterThan(0);
    expect((await world.database.db.inboundMessage.findFirstOrThrow()).text).toBe(text);
    expect(await world.database.db.visit.count()).toBe(0);
  });
});
