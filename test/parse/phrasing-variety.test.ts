/**
 * The same facts written in other people's ways: terse questions, head counts without 人, clock
 * ranges, over-the-tag prices, short deliveries, store abbreviations in chat. Practice messages
 * written for these tests (none is from an evaluation set); fixed `now`.
 */
import { describe, expect, it } from "vitest";
import type { FormatPromotion } from "../../src/domain/records.js";
import { recordsToAsk } from "../../src/parse/ask.js";
import { onlyVisit, parse, visits, WED_AUSTIN } from "./helpers.js";

const US = (text: string, sender = "M08") => onlyVisit(text, sender, WED_AUSTIN);
const promotion = (text: string, sender = "M01", now?: string) =>
  parse(text, sender, now).out.records.find((r): r is FormatPromotion => r.type === "promotion");

describe("intents asked in other words", () => {
  it.each([
    ["新来的店怎么录入到系统里", "M01", "help"],
    ["可不可以一次发好几家的情况", "M01", "help"],
    ["这周还要跑哪几家", "M01", "plan_query"],
    ["what's still left on my list", "M08", "plan_query"],
    ["二组本月拜访完成率发我看看", "S01", "status_query"],
    ["what stores have had dasani oos lately", "S03", "status_query"],
    ["新华都这个月订了几回货", "M01", "retailer_query"],
  ])("%s (%s) → %s", (text, sender, intent) => {
    const now = /[a-z]/i.test(text) ? WED_AUSTIN : undefined;
    expect(parse(text, sender, now).out.intent).toBe(intent);
  });
});

describe("event facts", () => {
  it.each([
    ["新华都搞了利群品鉴 来了15个 卖了3条", 15],
    ["新华都软中华驻店 一共接待了32个，卖了5条", 32],
  ])("%s → %d consumers", (text, consumers) => {
    expect(promotion(text)?.consumers).toBe(consumers);
  });

  it("keeps 来了两个品规 no head count", () => {
    expect(promotion("新华都搞了利群品鉴 来了两个品规 卖了3条")?.consumers).toBeNull();
  });

  it("reads a clock range with minutes as a duration ('12-1:30')", () => {
    expect(promotion("Speedy: sampling of coke zero 12-1:30, sold 2 cs", "M08", WED_AUSTIN)?.durationMinutes).toBe(90);
  });
});

describe("stock and counts written tersely", () => {
  it("reads 硬中断 as a stock-out of 硬中华", () => {
    expect(onlyVisit("新华都:软中3条 硬中断").outOfStock).toEqual(["T001"]);
  });

  it("keeps 中断 (interrupted) no stock-out", () => {
    expect(onlyVisit("新华都 软中华3条 配送中断了两天").outOfStock).toEqual([]);
  });

  it("does not count what a delivery was short as stock", () => {
    const v = US("Speedy: owner says the sprite delivery came up short 3 cases, got him a credit");
    expect(v.stock).toEqual([]);
    expect(v.activities).toContain("service");
  });
});

describe("tags, prices and practices", () => {
  it.each([
    ["新华都 软中华收75 标的70 说了他两句", ["policy", "price_check"]],
    ["新华都 利群卖到30一包 标价28 让他改回来", ["policy", "price_check"]],
  ])("%s is over the tag (%j)", (text, activities) => {
    const v = onlyVisit(text);
    expect(v.compliance).toBe(true);
    expect(v.activities).toEqual(expect.arrayContaining(activities));
  });

  it("reads 'selling X 20oz for 2.79, tag says 2.29' as over the tag and 'told him no' as policy", () => {
    const v = US("Speedy selling coke zero 20oz for 2.79, tag says 2.29, told him no");
    expect(v.compliance).toBe(true);
    expect(v.activities).toContain("policy");
  });

  it("reads re-tagging as display and price work", () => {
    expect(US("Speedy: re-tagged the energy drink door").activities.sort()).toEqual(["display", "price_check"]);
  });

  it("reads 价签换成X as display", () => {
    expect(onlyVisit("新华都 把价签都换成新版的").activities).toContain("display");
  });

  it("does not read 明码标价要求 explained as a price check", () => {
    expect(onlyVisit("新华都 讲了明码标价要求").activities).toEqual(["policy"]);
  });

  it("flags stock taken though the owner didnt want it, and 'bc' names no shop", () => {
    const { out } = parse("Speedy took 4 cs monster bc we need volume, he didnt want them", "M08", WED_AUSTIN);
    expect(visits(out)).toHaveLength(1);
    expect(visits(out)[0]?.compliance).toBe(true);
  });
});

describe("promotions and follow-ups in chat English", () => {
  it("keeps the product of 'buy 2 X get 1'", () => {
    expect(promotion("Speedy: buy 2 monster get 1 free all week, set it up today", "M08", WED_AUSTIN)?.skus).toEqual([
      "B006",
    ]);
  });

  it.each([
    ["Speedy coke zero 3cs, back wed", "2026-12-02"],
    ["Speedy coke zero 3cs, said I'd look into it fri", "2026-11-27"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(US(text).followUp).toBe(followUp);
  });

  it("reads 'owner's interested' as feedback", () => {
    expect(US("Speedy: explained the cooler program, owner's interested").feedback).toBe(true);
  });
});

describe("chain branches and offers", () => {
  it("reads a branch named without its place word (铁山永辉 for 永辉超市(铁山镇店))", () => {
    expect(onlyVisit("铁山永辉 软中华3条", "M05").retailer).toBe("R102");
  });

  it("counts a sale in the clause after a gift offer's mechanics", () => {
    expect(promotion("新华都搞了利群买赠 买两条送打火机 卖了7条")?.sales).toEqual([
      { sku: "T011", qty: 7, unit: "carton" },
    ]);
  });

  it("keeps a forced count (必须多进两件) out of the orders", () => {
    expect(onlyVisit("新华都 老板说有人让他必须多进两件炫赫门").orders).toEqual([]);
  });
});

describe("counts after listings and wishes", () => {
  it("reads a count after a new listing as what the shop took", () => {
    const v = US("Speedy: got them to carry Topo Chico, 3 cs");
    expect(v.listed).toEqual(["B010"]);
    expect(v.orders).toEqual([{ sku: "B010", qty: 3, unit: "case" }]);
    expect(v.stock).toEqual([]);
  });

  it("keeps counts after a denied forced listing stock (没有强制上柜 硬中华8条)", () => {
    expect(onlyVisit("新华都 没有强制上柜的情况 硬中华8条").stock).toEqual([{ sku: "T001", qty: 8, unit: "carton" }]);
  });

  it("reads 'wants another N cs' as an order", () => {
    expect(US("Speedy: owner says monster is flying, wants another 5 cs").orders).toEqual([
      { sku: "B006", qty: 5, unit: "case" },
    ]);
  });

  it("reads 'low on X and Y' as vague stock of both", () => {
    expect(US("Speedy low on sprite and fanta").stock).toEqual([
      { sku: "B004", qty: null, unit: null },
      { sku: "B011", qty: null, unit: null },
    ]);
  });
});

describe("a count the writer denies", () => {
  it.each([
    ["新华都 软中华是3条 不是2条", "M01", undefined, { sku: "T002", qty: 3, unit: "carton" }],
    ["Speedy coke zero 5 cs, not 3 cs", "M08", WED_AUSTIN, { sku: "B002", qty: 5, unit: "case" }],
  ])("%s keeps only the count affirmed, without a question", (text, sender, now, line) => {
    const { result, out } = parse(text, sender, now);
    expect(visits(out)[0]?.stock).toEqual([line]);
    expect(result.records[0]?.issues).toEqual([]);
  });
});

describe("head counts and order lists in other words", () => {
  it.each([
    ["新华都 下午利群品鉴 参加的有16位 卖了3条", 16],
    ["新华都 利群买赠活动 覆盖消费者40名 卖出12条", 40],
    ["新华都做了利群驻店 进店咨询的有30多个 卖了6条", null],
  ])("%s → %s consumers, without a question", (text, consumers) => {
    const { result } = parse(text);
    expect(promotion(text)?.consumers).toBe(consumers);
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
  });

  it("needs no question for samples handed out", () => {
    const { result } = parse("Speedy: monster sampling, handed out 80 samples, sold 2 cs", "M08", WED_AUSTIN);
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
  });

  it.each(["Speedy: 4 cs fanta, 2 cs sprite ordered", "Speedy: 4cs fanta 2cs sprite on order"])(
    "%s: the verb after the list orders every line",
    (text) => {
      expect(US(text).orders).toEqual([
        { sku: "B011", qty: 4, unit: "case" },
        { sku: "B004", qty: 2, unit: "case" },
      ]);
    },
  );

  it("keeps a line with its own verb before it ('took 4 cs fanta, 2 cs sprite on the shelf')", () => {
    const v = US("Speedy took 4 cs fanta, 2 cs sprite on the shelf");
    expect(v.orders).toEqual([{ sku: "B011", qty: 4, unit: "case" }]);
    expect(v.stock).toEqual([{ sku: "B004", qty: 2, unit: "case" }]);
  });
});

describe("dictation and chat shorthand", () => {
  it("reads 摆了一下下周二再去 as 一下 + 下周二, not 下下周二", () => {
    expect(onlyVisit("新华都 帮他把烟柜重新摆了一下下周二再去").followUp).toBe("2026-12-01");
  });

  it.each([
    ["Speedy took 3 cs coke zero. next wk tue again", "2026-12-01"],
    ["Speedy took 3 cs coke zero, back next week", "2026-11-30"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(US(text).followUp).toBe(followUp);
  });

  it("does not read a closed shop's reopening as a follow-up ('closed for remodel, back in jan')", () => {
    expect(US("Speedy closed for remodel, back in jan").followUp).toBeNull();
  });

  it("reads 老板要5条 as an order", () => {
    expect(onlyVisit("新华都 利群没货 老板要5条").orders).toEqual([{ sku: "T011", qty: 5, unit: "carton" }]);
  });

  it("keeps 还要 and 需要 out of the orders (软中华还要3条才够)", () => {
    expect(onlyVisit("新华都 软中华需要3条").orders).toEqual([]);
  });

  it("reads 'rebuilt the shelf' as display", () => {
    expect(US("Speedy: rebuilt the coke shelf").activities).toEqual(["display"]);
  });

  it('reads "what\'s on tmrw" as a plan question', () => {
    expect(parse("what's on tmrw", "M08", WED_AUSTIN).out.intent).toBe("plan_query");
  });
});

describe("event lengths and follow-ups written loosely", () => {
  it.each([
    ["新华都利群品鉴 聊了差不多两个钟头 卖了3条", 120],
    ["新华都利群买赠 从下午两点弄到四点半 卖了3条", 150],
  ])("%s → %d minutes", (text, minutes) => {
    expect(promotion(text)?.durationMinutes).toBe(minutes);
  });

  it("does not read 'in the first two hours' as the event's length", () => {
    expect(
      promotion("Speedy: 2 for $5 on powerade, sold 14 bottles in the first two hours", "M08", WED_AUSTIN)
        ?.durationMinutes,
    ).toBeNull();
  });

  it("reads 'maybe 60 people' as a vague head count, and buy-2-get-1 needs no question", () => {
    const { result } = parse("Speedy: monster buy-2-get-1 today, maybe 60 people came through", "M08", WED_AUSTIN);
    expect(
      promotion("Speedy: monster buy-2-get-1 today, maybe 60 people came through", "M08", WED_AUSTIN)?.consumers,
    ).toBeNull();
    expect(result.records.flatMap((r) => r.issues)).toEqual([]);
  });

  it("reads a follow-up whose words reach over a product (周四带天叶的到货单过去)", () => {
    expect(onlyVisit("新华都 天叶断了 周四带天叶的到货单过去").followUp).toBe("2026-11-26");
  });
});

describe("English stock shorthand", () => {
  it.each(["Speedy: monster - none", "Speedy: monster empty, sprite 2 cs"])("%s is a stock-out of Monster", (text) => {
    expect(US(text).outOfStock).toEqual(["B006"]);
  });

  it("reads 'approx 5 cs of coke zero' without a question", () => {
    const { result, out } = parse("Speedy: approx 5 cs of coke zero", "M08", WED_AUSTIN);
    expect(visits(out)[0]?.stock).toEqual([{ sku: "B002", qty: 5, unit: "case" }]);
    expect(result.records[0]?.issues).toEqual([]);
  });
});

describe("the owner's plans and needs in English", () => {
  it("does not take 'he'll be back monday' as a follow-up", () => {
    expect(US("Speedy: owner says he'll be back monday, coke zero 2 cs").followUp).toBeNull();
  });

  it("keeps the rep's own 'be back thurs'", () => {
    expect(US("Speedy: coke zero 2 cs, I'll be back thurs").followUp).toBe("2026-11-26");
  });

  it("reads 'they need 3 cs coke zero' as an order, without a question", () => {
    const { result, out } = parse("Speedy: talked to his son, they need 3 cs coke zero by friday", "M08", WED_AUSTIN);
    expect(visits(out)[0]?.orders).toEqual([{ sku: "B002", qty: 3, unit: "case" }]);
    expect(result.records[0]?.issues).toEqual([]);
  });
});

describe("joined amounts, time ranges and stock-outs in other words", () => {
  it.each([
    ["7-Eleven Lamar took 2 cases + 6 bottles of Coke Zero", "M08", [2, "case", 6, "unit"]],
    ["7-Eleven Lamar ordered 2 cs and 6 btl of coke zero", "M08", [2, "case", 6, "unit"]],
    ["王记 订了两件加六条软中华", "M01", [2, "case", 6, "carton"]],
  ])("%s → both amounts of the one product", (text, sender, [q1, u1, q2, u2]) => {
    const v = onlyVisit(text, sender, sender === "M08" ? WED_AUSTIN : undefined);
    expect(v.orders.map((l) => [l.qty, l.unit])).toEqual([
      [q1, u1],
      [q2, u2],
    ]);
    expect(new Set(v.orders.map((l) => l.sku)).size).toBe(1);
  });

  it("keeps each product its own amount across a joiner ('4 cs sprite + 2 cs coke zero')", () => {
    expect(US("7-Eleven Lamar 4 cs sprite + 2 cs coke zero").stock.map((l) => [l.sku, l.qty])).toEqual([
      ["B004", 4],
      ["B002", 2],
    ]);
  });

  it("asks about an amount no product can be found for instead of dropping it", () => {
    const { result } = parse("7-Eleven Lamar took 2 cases, set up the cooler", "M08", WED_AUSTIN);
    expect(recordsToAsk(result)).toEqual([true]);
    expect(result.records[0]?.issues.map((i) => i.kind)).toEqual(["unclear_text"]);
  });

  it("does not read the start of a clock range as a count ('Monster 2-4pm')", () => {
    const { out } = parse(
      "Circle K: ran a sampling of Monster 2-4pm, about 50 people, sold 12 cans",
      "M08",
      WED_AUSTIN,
    );
    const visit = out.records.find((r) => r.type === "visit");
    expect(visit && visit.type === "visit" ? visit.stock : []).toEqual([]);
    expect(
      promotion("Circle K: ran a sampling of Monster 2-4pm, about 50 people", "M08", WED_AUSTIN)?.durationMinutes,
    ).toBe(120);
  });

  it.each([
    ["Green Valley no more monster", ["B006"]],
    ["Green Valley ran out of coke zero, no more sprite either", ["B002", "B004"]],
    ["Green Valley sold through all the diet coke, he ordered 3 cs", ["B003"]],
    ["Green Valley sold thru their coke zero", ["B002"]],
  ])("%s → out of %j", (text, skus) => {
    expect(US(text).outOfStock).toEqual(skus);
  });

  it.each(["郭记 老板夸中华卖得好", "郭记 店主一直称赞利群好卖"])("%s → the owner's praise is feedback", (text) => {
    expect(onlyVisit(text).feedback).toBe(true);
  });
});
