/**
 * Records you can trust, scripted: every case of issue 13 through the real core and a real database,
 * on SQLite and on PostgreSQL, asserting the stored rows (not only the replies). After every script
 * the audit check replays the whole trail and must find nothing.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CardReply, ChoicesReply, Reply } from "../../src/domain/messages.js";
import { messagesFor } from "../../src/locales/index.js";
import { askQuiz, importQuizCsv } from "../../src/quiz/index.js";
import { OutboxStore } from "../../src/store/outbox-store.js";
import { auditCheck } from "../../src/visits/audit-check.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";
import { PROVIDERS } from "../support/databases.js";
import { REPO_ROOT } from "../support/fixtures.js";

/** Wednesday 25 November 2026: 17:40 in Shanghai (the chat's default) and 16:00 in Austin. */
const AUSTIN = "2026-11-25T16:00:00-06:00";
const AUSTIN_LATER = "2026-11-25T16:30:00-06:00";

const card = (replies: Reply[]) => replies.find((r): r is CardReply => r.kind === "card");
const choices = (replies: Reply[]) => replies.find((r): r is ChoicesReply => r.kind === "choices");

/** Shops the issue's transcripts name that the test roster lacks. */
let extraShops = "";
beforeAll(() => {
  extraShops = mkdtempSync(join(tmpdir(), "fieldmate-trust-"));
  writeFileSync(
    join(extraShops, "retailers.csv"),
    [
      "id,name,aliases,manager_id,segment,grade,address,lat,lng,license",
      "R190,洪记副食店,洪记副食|洪记,M02,standard,10,龙岩市新罗区中山路1号,25.10,117.02,350800000190",
      "R191,傅记烟酒店,傅记,M02,standard,10,龙岩市新罗区中山路2号,25.10,117.02,350800000191",
      'R192,Fiesta Mart,Fiesta,M07,standard,12,"1 Airport Blvd, Austin, TX",30.30,-97.70,TX1000192',
      "",
    ].join("\n"),
  );
});

describe.each(PROVIDERS)("records you can trust, on $name", ({ create }) => {
  let world: ChatWorld;
  const talk = () => chatWorld([extraShops], { database: create });

  afterEach(async () => {
    if (!world) return;
    try {
      // The invariant: every stored record is what its audit trail says, and no message changed a record it does not name.
      expect((await auditCheck(world.database.db)).findings).toEqual([]);
    } finally {
      await world.close();
    }
  });

  const visits = (managerId: string) =>
    world.database.db.visit.findMany({
      where: { managerId },
      include: { lines: { orderBy: { id: "asc" } } },
      orderBy: { createdAt: "asc" },
    });
  const facts = (visit: {
    retailerId: string;
    status: string;
    lines: { kind: string; sku: string; qty: number | null; unit: string | null }[];
  }) => [
    visit.retailerId,
    visit.status,
    visit.lines.map((l) => `${l.kind} ${l.sku}${l.qty === null ? "" : ` ${l.qty} ${l.unit}`}`),
  ];
  const auditActions = async (entityId: string) =>
    (await world.database.db.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((a) => a.action);

  describe("a new report is never taken for a correction", () => {
    it("'No Sprite left at Joe's…' after a Sunrise report is a second visit; Sunrise stays as it was", async () => {
      world = await talk();
      await world.say("M07", "Sunrise: 4 cases Diet Coke, out of Coke Zero", { at: AUSTIN });
      const replies = await world.say("M07", "No Sprite left at Joe's, they ordered 6 cases Diet Coke", {
        at: AUSTIN_LATER,
      });
      expect(card(replies)?.title).toMatch(/^✅ Logged: Joe's Market/);
      const [sunrise, joes] = await visits("M07");
      expect(facts(sunrise!)).toEqual(["R159", "active", ["stock B003 4 case", "out_of_stock B002"]]);
      expect(facts(joes!)).toEqual(["R151", "active", ["out_of_stock B004", "order B003 6 case"]]);
      expect(await auditActions(sunrise!.id)).toEqual(["create"]);
    });

    it("«不是很忙，黄记副食店 硬中华5条» is a 黄记 visit; the 梁记 visit before it is untouched", async () => {
      world = await talk();
      await world.say("M06", "梁记 软中华断货");
      const replies = await world.say("M06", "不是很忙，黄记副食店 硬中华5条");
      expect(card(replies)?.title).toMatch(/^✅ 已记录：黄记食杂店/);
      const [liang, huang] = await visits("M06");
      expect(facts(liang!)).toEqual(["R132", "active", ["out_of_stock T002"]]);
      expect(facts(huang!)).toEqual(["R141", "active", ["stock T001 5 carton"]]);
    });

    it.each([
      ["2", "新记录"],
      ["新记录", "新记录"],
    ])("when it could be either, one question; answered %j it is a new record", async (answer) => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条");
      const question = await world.say("M02", "不对，旺旺 硬中华5条");
      expect(plain(question)).toContain("这是更正上一条（张记便利店 11月25日（周三） 的拜访）还是一条新记录？");
      expect(choices(question)?.choices.map((c) => c.label)).toEqual(["更正上一条", "新记录"]);
      expect((await visits("M02")).map(facts)).toEqual([["R035", "active", ["stock T007 12 carton"]]]);
      await world.say("M02", answer);
      expect((await visits("M02")).map(facts)).toEqual([
        ["R035", "active", ["stock T007 12 carton"]],
        ["R028", "active", ["stock T001 5 carton"]],
      ]);
    });

    it.each(["1", "第一个", "更正上一条"])("answered %j it corrects the last record", async (answer) => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条");
      await world.say("M02", "不对，旺旺 硬中华5条");
      const replies = await world.say("M02", answer);
      expect(card(replies)?.title).toMatch(/^✏️ 已更新：旺旺食杂店/);
      expect((await visits("M02")).map(facts)).toEqual([["R028", "active", ["stock T001 5 carton"]]]);
    });

    it("in English too: 'wrong, Joe's had 5 cases Coke Zero' asks, and 'New report' keeps Sunrise", async () => {
      world = await talk();
      await world.say("M07", "Sunrise: 4 cases Diet Coke", { at: AUSTIN });
      const question = await world.say("M07", "wrong, Joe's had 5 cases Coke Zero", { at: AUSTIN_LATER });
      expect(plain(question, "en")).toContain(
        "Is this a correction of the Wed, Nov 25 visit to Sunrise Mart, or a new report?",
      );
      await world.say("M07", "New report", { at: AUSTIN_LATER });
      expect((await visits("M07")).map(facts)).toEqual([
        ["R159", "active", ["stock B003 4 case"]],
        ["R151", "active", ["stock B002 5 case"]],
      ]);
    });
  });

  describe("an answered question keeps every line of the draft", () => {
    it.each([
      ["第二个", "T005"],
      ["2", "T005"],
      ["玉溪(硬)", "T005"],
      ["1", "T004"],
    ])("«玉溪» answered %j keeps the count and the stock-out", async (answer, sku) => {
      world = await talk();
      const question = await world.say("M02", "张记便利店 玉溪5条 软中华断货");
      expect(plain(question)).toContain("「玉溪」是哪个产品？");
      expect(await visits("M02")).toHaveLength(0);
      const replies = await world.say("M02", answer);
      expect(card(replies)?.title).toMatch(/^✅ 已记录：张记便利店/);
      expect((await visits("M02")).map(facts)).toEqual([
        ["R035", "active", [`stock ${sku} 5 carton`, "out_of_stock T002"]],
      ]);
    });
  });

  describe("undo takes back the last change, not the record", () => {
    it("«撤销» after a correction restores the record; a second «撤销» withdraws it", async () => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条");
      await world.say("M02", "不对，是15条");
      const undo = await world.say("M02", "撤销");
      expect(plain(undo)).toContain("已撤回上一次修改");
      expect(card(undo)?.title).toMatch(/^↩️ 已恢复：张记便利店/);
      const [visit] = await visits("M02");
      expect(facts(visit!)).toEqual(["R035", "active", ["stock T007 12 carton"]]);
      expect(await auditActions(visit!.id)).toEqual(["create", "update", "revert"]);
      expect(plain(await world.say("M02", "撤销"))).toContain("已撤销：张记便利店 11月25日（周三） 的拜访");
      expect(facts((await visits("M02"))[0]!)).toEqual(["R035", "undone", ["stock T007 12 carton"]]);
      expect(await auditActions(visit!.id)).toEqual(["create", "update", "revert", "undo"]);
      expect(plain(await world.say("M02", "撤销"))).toContain("没有可以撤销的记录或修改了");
      expect(await auditActions(visit!.id)).toEqual(["create", "update", "revert", "undo"]);
    });

    it("'undo' in English after 'no, 5 cases' puts the 3 cases back", async () => {
      world = await talk();
      await world.say("M07", "Joe's out of Topo, 3 cases Coke Zero", { at: AUSTIN });
      await world.say("M07", "no, 5 cases", { at: AUSTIN });
      expect(plain(await world.say("M07", "undo", { at: AUSTIN }), "en")).toContain("Took back the last change");
      expect((await visits("M07")).map(facts)).toEqual([
        ["R151", "active", ["stock B002 3 case", "out_of_stock B010"]],
      ]);
    });

    it("«撤销» after a second report of the same shop takes the added facts back out", async () => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条");
      await world.say("M02", "张记 硬玉溪还有6条");
      await world.say("M02", "撤销");
      const [visit, ...more] = await visits("M02");
      expect(more).toEqual([]);
      expect(facts(visit!)).toEqual(["R035", "active", ["stock T007 12 carton"]]);
      expect(await auditActions(visit!.id)).toEqual(["create", "merge", "revert"]);
    });

    it("«撤销 #ref» withdraws the referenced record, not the newer one", async () => {
      world = await talk();
      const first = card(await world.say("M02", "张记便利店 红塔山还有12条"))!;
      await world.say("M02", "旺旺 软中华断货");
      const reference = first.footer!.match(/#[0-9a-f]{8}/)![0];
      await world.say("M02", `撤销 ${reference}`);
      expect((await visits("M02")).map((v) => [v.retailerId, v.status])).toEqual([
        ["R035", "undone"],
        ["R028", "active"],
      ]);
    });
  });

  describe("a message with no report content never creates a visit", () => {
    it("'when was i last at fiesta' is answered from the history", async () => {
      world = await talk();
      await world.say("M07", "Fiesta out of Topo", { at: "2026-11-23T15:00:00-06:00" });
      const text = plain(await world.say("M07", "when was i last at fiesta", { at: AUSTIN }), "en");
      expect(text).toContain("Fiesta Mart");
      expect(text).toContain("Mon, Nov 23");
      expect(await visits("M07")).toHaveLength(1);
    });

    it("«张记最近怎么样了？» is answered from the history", async () => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条", { at: "2026-11-23T10:00:00+08:00" });
      const text = plain(await world.say("M02", "张记最近怎么样了？"));
      expect(text).toContain("📍 张记便利店");
      expect(text).toContain("11月23日（周一）");
      expect(await visits("M02")).toHaveLength(1);
    });

    it("'wait no, that was sunrise. lakewood is a separate stop' moves the Joe's visit and adds none", async () => {
      world = await talk();
      await world.say("M07", "Joe's out of Topo", { at: AUSTIN });
      await world.say("M07", "wait no, that was sunrise. lakewood is a separate stop", { at: AUSTIN_LATER });
      expect((await visits("M07")).map(facts)).toEqual([["R159", "active", ["out_of_stock B010"]]]);
    });

    it("«洪记副食今天关门了 跳过» is a skip with its reason", async () => {
      world = await talk();
      const text = plain(await world.say("M02", "洪记副食今天关门了 跳过"));
      expect(text).toContain("洪记副食店");
      expect(await world.database.db.planSkip.findMany({ select: { retailerId: true, reason: true } })).toEqual([
        { retailerId: "R190", reason: "关门了" },
      ]);
      expect(await world.database.db.visit.count()).toBe(0);
    });

    it("'Joe's closed today, skipping' is a skip", async () => {
      world = await talk();
      await world.say("M07", "Joe's closed today, skipping", { at: AUSTIN });
      expect(await world.database.db.planSkip.findMany({ select: { retailerId: true, reason: true } })).toEqual([
        { retailerId: "R151", reason: "closed" },
      ]);
      expect(await world.database.db.visit.count()).toBe(0);
    });

    it("«去了张记» with nothing else is shown and stored only when confirmed", async () => {
      world = await talk();
      const question = await world.say("M02", "去了张记");
      expect(card(question)?.title).toMatch(/^📝 我的理解：张记便利店/);
      expect(plain(question)).toContain("上面是我的理解，对吗？");
      expect(await visits("M02")).toHaveLength(0);
      await world.say("M02", "1");
      expect((await visits("M02")).map(facts)).toEqual([["R035", "active", []]]);
    });

    it("'went to Joe's' answered 'no' stores nothing", async () => {
      world = await talk();
      await world.say("M07", "went to Joe's", { at: AUSTIN });
      expect(plain(await world.say("M07", "no", { at: AUSTIN }), "en")).toContain("not saved");
      expect(await visits("M07")).toHaveLength(0);
    });
  });

  describe("a correction lands on the field it names", () => {
    it("«不对 触达了40人» changes the headcount, not the 4条 sold", async () => {
      world = await talk();
      await world.say("M02", "今晚在张记搞了个软中华品鉴会 来了23个人 现场卖了4条");
      await world.say("M02", "不对 触达了40人");
      const promotion = await world.database.db.promotion.findFirstOrThrow({ include: { lines: true } });
      expect(promotion.consumers).toBe(40);
      expect(promotion.lines.find((l) => l.kind === "sale")).toMatchObject({ sku: "T002", qty: 4, unit: "carton" });
    });

    it("'no, 50 people' changes the consumers, not the cans sold", async () => {
      world = await talk();
      await world.say("M07", "Ran a Monster sampling at Joe's, 42 people tried it, sold 9 cans", { at: AUSTIN });
      await world.say("M07", "no, 50 people", { at: AUSTIN });
      const promotion = await world.database.db.promotion.findFirstOrThrow({ include: { lines: true } });
      expect(promotion.consumers).toBe(50);
      expect(promotion.lines.find((l) => l.kind === "sale")).toMatchObject({ sku: "B006", qty: 9 });
    });

    it("«去掉软中华的断货» removes that stock-out only", async () => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条 软中华断货 硬中华断货");
      const replies = await world.say("M02", "去掉软中华的断货");
      expect(card(replies)?.title).toMatch(/^✏️ 已更新/);
      expect((await visits("M02")).map(facts)).toEqual([
        ["R035", "active", ["stock T007 12 carton", "out_of_stock T001"]],
      ]);
    });

    it("'remove coke zero from out of stock' removes that stock-out only", async () => {
      world = await talk();
      await world.say("M07", "Sunrise: 4 cases Diet Coke, out of Coke Zero and Topo", { at: AUSTIN });
      await world.say("M07", "remove coke zero from out of stock", { at: AUSTIN });
      expect((await visits("M07")).map(facts)).toEqual([
        ["R159", "active", ["stock B003 4 case", "out_of_stock B010"]],
      ]);
    });
  });

  describe("a second report of the same shop the same day", () => {
    it("«傅记 硬玉溪还有6条» adds to this morning's 傅记 visit, and the receipt says so", async () => {
      world = await talk();
      await world.say("M02", "傅记烟酒店 红塔山12条 软中华断货", { at: "2026-11-25T10:00:00+08:00" });
      const replies = await world.say("M02", "傅记 硬玉溪还有6条");
      expect(card(replies)?.title).toMatch(/^➕ 已补充：傅记烟酒店/);
      expect(plain(replies)).toContain("已补充到今天傅记烟酒店的拜访记录");
      const [visit, ...more] = await visits("M02");
      expect(more).toEqual([]);
      expect(facts(visit!)).toEqual([
        "R191",
        "active",
        ["stock T007 12 carton", "stock T005 6 carton", "out_of_stock T002"],
      ]);
      expect(await auditActions(visit!.id)).toEqual(["create", "merge"]);
    });

    it("«又去了一趟傅记» is a second visit", async () => {
      world = await talk();
      await world.say("M02", "傅记烟酒店 红塔山12条", { at: "2026-11-25T10:00:00+08:00" });
      await world.say("M02", "下午又去了一趟傅记，硬玉溪还有6条");
      expect((await visits("M02")).map(facts)).toEqual([
        ["R191", "active", ["stock T007 12 carton"]],
        ["R191", "active", ["stock T005 6 carton"]],
      ]);
    });

    it("in English: a newer count wins, a stock-out is added; 'went back' is a second visit", async () => {
      world = await talk();
      await world.say("M07", "Joe's 2 cases Sprite", { at: AUSTIN });
      const merged = await world.say("M07", "Joe's 3 cases Sprite, out of Topo", { at: AUSTIN_LATER });
      expect(plain(merged, "en")).toContain("Added to today's visit to Joe's Market");
      await world.say("M07", "went back to Joe's, 1 case Sprite", { at: AUSTIN_LATER });
      expect((await visits("M07")).map(facts)).toEqual([
        ["R151", "active", ["stock B004 3 case", "out_of_stock B010"]],
        ["R151", "active", ["stock B004 1 case"]],
      ]);
    });
  });

  describe("every numbered choice and quiz letter is accepted as typed", () => {
    it("«第一个» to a history question about two shops", async () => {
      world = await talk();
      await world.say("M01", "胡记超市 软中华断货", { at: "2026-11-24T10:00:00+08:00" });
      const question = await world.say("M01", "胡记上次什么时候去的");
      expect(choices(question)?.choices.map((c) => c.label)).toEqual(["胡记超市", "胡记便利店"]);
      const text = plain(await world.say("M01", "第一个"));
      expect(text).toContain("📍 胡记超市");
      expect(text).toContain("11月24日（周二）");
    });

    it("«1» to a history question asked while a report waits for its answer", async () => {
      world = await talk();
      await world.say("M01", "胡记超市 软中华断货", { at: "2026-11-24T10:00:00+08:00" });
      const draft = await world.say("M01", "新华都 红塔山还剩12");
      expect(choices(draft)?.choices.map((c) => c.label)).toEqual(["条", "包", "件"]);
      const question = await world.say("M01", "胡记上次什么时候去的");
      expect(choices(question)?.choices.map((c) => c.label)).toEqual(["胡记超市", "胡记便利店"]);
      const answer = plain(await world.say("M01", "1"));
      expect(answer).toContain("📍 胡记超市");
      // The report's question comes back afterwards, and «1» then answers it.
      expect(answer).toContain("还有一条记录在等您确认");
      await world.say("M01", "1");
      expect((await visits("M01")).map(facts)).toContainEqual(["R003", "active", ["stock T007 12 carton"]]);
    });

    it("«1» to 'which record?' after a two-shop report", async () => {
      world = await talk();
      await world.say("M01", "今天跑了老王家跟新华都 老王家硬中还有3条 新华都硬中华5条");
      const question = await world.say("M01", "不对，是6条");
      expect(choices(question)?.text).toBe("要改哪一家的记录？");
      const first = choices(question)!.choices[0]!.label;
      await world.say("M01", "1");
      const changed = (await visits("M01")).find((v) => first.startsWith(v.retailerId === "R014" ? "老王" : "新华都"));
      expect(changed?.lines.find((l) => l.kind === "stock")?.qty).toBe(6);
      expect((await visits("M01")).flatMap((v) => v.lines.map((l) => l.qty)).filter((q) => q === 6)).toHaveLength(1);
    });

    it("«第二个» to 'which line?'", async () => {
      world = await talk();
      await world.say("M02", "张记便利店 红塔山还有12条 硬中华还有5条");
      const question = await world.say("M02", "不对，是15条");
      expect(choices(question)?.text).toBe("改哪一项？");
      await world.say("M02", "第二个");
      expect((await visits("M02")).map(facts)).toEqual([
        ["R035", "active", ["stock T007 12 carton", "stock T001 15 carton"]],
      ]);
    });

    it("a quiz answered with just «B»", async () => {
      world = await talk();
      const { db } = world.database;
      await importQuizCsv(db, join(REPO_ROOT, "prisma/demo/quiz.csv"));
      const asked = (await askQuiz(db, "M01", "2026-11-25", messagesFor("zh")))!;
      await new OutboxStore(db, { now: () => new Date("2026-11-25T00:00:00Z") }).enqueue({
        personId: "M01",
        kind: "quiz",
        day: "2026-11-25",
        replies: asked.replies,
      });
      await db.outbox.updateMany({ where: { personId: "M01", kind: "quiz" }, data: { status: "sent" } });
      const text = plain(await world.say("M01", "B"));
      expect(text).toMatch(/正确答案(就)?是 B/);
      expect(await db.quizAnswer.count()).toBe(1);
    });
  });

  describe("a fallback never says it stored something", () => {
    it.each([
      ["M02", "今天天气不错", "zh"],
      ["M07", "nice weather today", "en"],
    ] as const)("%s: %j", async (who, text, lang) => {
      world = await talk();
      const reply = plain(await world.say(who, text, { at: AUSTIN }), lang);
      expect(reply).not.toMatch(/收到|got it/i);
      expect(reply).toMatch(/没有记下|nothing was logged/);
      expect(await world.database.db.visit.count()).toBe(0);
    });
  });
});
