/**
 * Reports typed fast or dictated: pinyin slips (定 for 订, 在 for 再), goods brought along or tied
 * on, listings written 上了柜, festival words that date a promise but never a visit, short
 * questions about a shop, the team or the plan. Practice messages written for these tests (none
 * is from an evaluation set); fixed `now`.
 */
import { describe, expect, it } from "vitest";
import type { FormatPromotion } from "../../src/domain/records.js";
import { recordsToAsk } from "../../src/parse/ask.js";
import { onlyVisit, parse, WED, WED_AUSTIN } from "./helpers.js";

/** A week before Spring Festival 2026, whose official holiday (15–23 February) chinese-days holds. */
const BEFORE_NEW_YEAR = "2026-02-09T18:00:00+08:00";

describe("orders typed with a slip or said for the owner", () => {
  it.each([
    ["新华都 老板又定了八条软中华", [{ sku: "T002", qty: 8, unit: "carton" }]],
    ["新华都 红塔山卖得快 给他加订了三条", [{ sku: "T007", qty: 3, unit: "carton" }]],
    ["新华都 给他订了两件硬中华", [{ sku: "T001", qty: 2, unit: "case" }]],
    ["新华都 报了软中5条", [{ sku: "T002", qty: 5, unit: "carton" }]],
    ["新华都 老板要软中华5条 下周送", [{ sku: "T002", qty: 5, unit: "carton" }]],
  ])("%s → the order", (text, orders) => {
    expect(onlyVisit(text).orders).toEqual(orders);
  });

  it.each(["新华都 已经确定了2条的量", "新华都 规定了5条以内"])("keeps %s no order (确定/规定 are not 订)", (text) => {
    expect(onlyVisit(text).orders).toEqual([]);
  });
});

describe("goods brought along or tied on are not counts", () => {
  it("reads 带了两条…上了柜 as a listing, not stock", () => {
    const v = onlyVisit("新华都 带了两条跨越给他上了柜");
    expect(v.listed).toEqual(["T028"]);
    expect(v.stock).toEqual([]);
  });

  it("reads 新上柜 after the product as a listing and the count after it as the shop's order", () => {
    const v = onlyVisit("新华都 贵烟跨越新上柜 定了三条");
    expect(v.listed).toEqual(["T028"]);
    expect(v.orders).toEqual([{ sku: "T028", qty: 3, unit: "carton" }]);
  });

  it("keeps the tied-on goods of a tied sale out of the stock (非得带两条)", () => {
    const v = onlyVisit("新华都 老板说批发商那边要拿软中华非得带两条红塔山");
    expect(v.stock).toEqual([]);
    expect(v.compliance).toBe(true);
  });
});

describe("follow-ups typed with a slip or said loosely", () => {
  it.each([
    ["新华都 软中华断货 下周五在去", "2026-12-04"],
    ["新华都 价签歪了 下回再调", "unspecified"],
    ["新华都 礼盒摆得太高 下次来再弄", "unspecified"],
  ])("%s → %s", (text, followUp) => {
    expect(onlyVisit(text).followUp).toBe(followUp);
  });

  it("keeps 在 meaning 'at' no follow-up (在去的路上)", () => {
    expect(onlyVisit("新华都 在去的路上看到软中华断货").followUp).toBeNull();
  });
});

describe("festival words", () => {
  it("never dates a visit by a festival's side (年前那批还剩五条)", () => {
    expect(onlyVisit("新华都 老板说年前那批软中华还剩五条", "M01", "2027-02-15T18:00:00+08:00").date).toBe(
      "2027-02-15",
    );
  });

  it("still dates a promise by it (节后再来: the first workday after the holiday)", () => {
    expect(onlyVisit("新华都 软中华断货 节后再来", "M01", BEFORE_NEW_YEAR).followUp).toBe("2026-02-24");
  });
});

describe("events said loosely", () => {
  const promotion = (text: string) =>
    parse(text, "M01", WED).out.records.find((r): r is FormatPromotion => r.type === "promotion");

  it("reads 买一条X送Y as a gift offer", () => {
    expect(promotion("新华都门口搞了个买一条红塔山送打火机的活动 卖了二十条")?.format).toBe("gift");
  });

  it("reads 俩小时 as two hours", () => {
    expect(promotion("在朋友家搞了个软中华品鉴 来了十个人 俩小时")?.durationMinutes).toBe(120);
  });
});

describe("questions asked in few words", () => {
  it.each([
    ["这玩意咋用", "M01", "help"],
    ["新华都年后去过没", "M01", "retailer_query"],
    ["新华都上个月订过啥", "M01", "retailer_query"],
    ["咱组今天都报齐了没", "S01", "status_query"],
    ["could you send me my stops for today", "M08", "plan_query"],
    ["新华都最近订货怎么样", "M01", "retailer_query"],
    ["how's joe's been doing lately", "M07", "retailer_query"],
    ["这周有没有压货搭售的情况", "S01", "status_query"],
    ["what do I do if a store is closed", "M07", "help"],
    ["how many visits did we do today", "S03", "status_query"],
    ["今天大家跑得怎么样", "S01", "status_query"],
    ["本周促销活动做了几场", "S01", "status_query"],
    ["新华都 老板问促销活动做了几次", "M01", "visit_log"],
    ["When did I last visit Joe's? The owner says nobody's been by", "M07", "retailer_query"],
  ])("%s (%s) → %s", (text, sender, intent) => {
    expect(parse(text, sender, /[a-z]/.test(text) ? WED_AUSTIN : WED).out.intent).toBe(intent);
  });
});

describe("chat English: samples, promises and wishes", () => {
  const read = (text: string) => parse(text, "M07", WED_AUSTIN).out;

  it("reads 'sampled X from 11 to 2' at a shop as a tasting there", () => {
    const promo = read("Joe's: sampled Topo Chico from 11 to 2, lots of people").records.find(
      (r): r is FormatPromotion => r.type === "promotion",
    );
    expect(promo).toMatchObject({ retailers: ["R151"], skus: ["B010"], format: "tasting", durationMinutes: 180 });
  });

  it("keeps samples promised for later no event, and the promise a follow-up", () => {
    const out = read("Joe's: they ordered 10 cases of Dasani, want to try Topo Chico, I'd bring samples in 2 weeks");
    expect(out.intent).toBe("visit_log");
    const [visit] = out.records;
    expect(visit).toMatchObject({ followUp: "2026-12-09", feedback: true });
  });

  it.each([
    "Joe's: owner upset about the fanta price, I'll raise it with the area manager",
    "Joe's: fanta tags wrong again, I'd flag it to pricing",
  ])("reads a promise to take it further as a follow-up with no day: %s", (text) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN).followUp).toBe("unspecified");
  });
});

describe("work promised or wished is not done", () => {
  it("keeps the work word inside a promise no activity (下礼拜帮他申请一下)", () => {
    const v = onlyVisit("新华都 老板想要个新的扫码枪 我说下礼拜帮他申请一下");
    expect(v.activities).not.toContain("service");
    expect(v.followUp).toBe("2026-11-30");
  });

  it("reads 價簽都換新了 (Traditional) as display and price work", () => {
    expect(onlyVisit("新華都 價簽都換新了").activities).toEqual(["display", "price_check"]);
  });

  it("reads 码了/码整齐 as display work", () => {
    expect(onlyVisit("新华都 烟柜重新码了一遍").activities).toEqual(["display"]);
  });

  it("keeps a vague amount wished for out of the stock (想让多分几条)", () => {
    const v = onlyVisit("新华都 老板想让多分几条硬中华");
    expect(v.stock).toEqual([]);
    expect(v.feedback).toBe(true);
  });
});

describe("chat shorthand and lists", () => {
  it.each([
    ["Joe's: coke zero 3 cs, f/u w/ mgr EOW", "2026-11-27"],
    ["Joe's: coke zero 3 cs, will f/u next wk", "2026-11-30"],
    ["Joe's: coke zero 3 cs, back by end of the week", "2026-11-27"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN).followUp).toBe(followUp);
  });

  it("reads 'mgr told me…' as the owner's feedback", () => {
    expect(onlyVisit("Joe's: mgr told me sales are down since the price went up", "M07", WED_AUSTIN).feedback).toBe(
      true,
    );
  });

  it("keeps 'posters' no POS service (a Chinese cue inside an English word)", () => {
    expect(onlyVisit("Joe's: dropped off posters for the summer promo", "M07", WED_AUSTIN).activities).not.toContain(
      "service",
    );
  });

  it("reads a date then 'check 一下' as a follow-up in mixed Chinese", () => {
    expect(onlyVisit("新华都 软中还有5条 display 做了 下周 check 一下").followUp).toBe("2026-11-30");
  });

  it("asks nothing about the numbers of a list run on after semicolons", () => {
    const { result } = parse("今天两家：1. 新华都，软中华还有8条；2. 王记，硬中华断货。");
    expect(result.records.map((r) => r.issues)).toEqual([[], []]);
  });
});

describe("visits where nothing happened", () => {
  it.each([
    "新华都今天关门了",
    "新华都去了 没啥事",
    "新华都 今天没啥 update",
    "Joe's was closed",
    "Joe's: nothing new, all good",
  ])("stores %s as a visit with no facts without asking", (text) => {
    const english = /^[a-z]/i.test(text);
    const { result, out } = parse(text, english ? "M07" : "M01", english ? WED_AUSTIN : WED);
    expect(out.records).toEqual([expect.objectContaining({ type: "visit", activities: [] })]);
    expect(recordsToAsk(result)).toEqual([false]);
  });

  it("still asks about a visit with nothing said at all (去了新华都)", () => {
    expect(recordsToAsk(parse("去了新华都").result)).toEqual([true]);
  });

  it("keeps 不关门 (staying open) no quiet visit", () => {
    expect(recordsToAsk(parse("新华都 老板说过年不关门").result)).toEqual([false]);
    expect(onlyVisit("新华都 老板说过年不关门").feedback).toBe(true);
  });
});

describe("telegraphic notes", () => {
  it("reads slash-separated items: counts, a zero as a stock-out, work", () => {
    const v = onlyVisit("新华都/软中3条/硬中0/理货");
    expect(v.stock).toEqual([{ sku: "T002", qty: 3, unit: "carton" }]);
    expect(v.outOfStock).toEqual(["T001"]);
    expect(v.activities).toEqual(expect.arrayContaining(["display", "stock_check"]));
  });

  it("gives a zero glued after a product to that product, not the next one (硬中华0 利群5条)", () => {
    const v = onlyVisit("新华都 硬中华0 利群5条");
    expect(v.outOfStock).toEqual(["T001"]);
    expect(v.stock).toEqual([{ sku: "T011", qty: 5, unit: "carton" }]);
  });

  it.each([
    ["新华都 硬中无 利群5条", ["T001"]],
    ["新华都 利群5条 硬中缺", ["T001"]],
    ["新华都 缺硬中华 利群5条", ["T001"]],
  ])("reads a stock-out word closing the item: %s", (text, oos) => {
    expect(onlyVisit(text).outOfStock).toEqual(oos);
  });

  it("asks nothing about two amounts of one product written together (软中1件2条)", () => {
    const { result, out } = parse("新华都 软中1件2条");
    expect(recordsToAsk(result)).toEqual([false]);
    expect(out.records[0]?.type === "visit" && out.records[0].stock).toEqual([
      { sku: "T002", qty: 1, unit: "case" },
      { sku: "T002", qty: 2, unit: "carton" },
    ]);
  });

  it("keeps 有无 and 并无 no stock-out", () => {
    expect(onlyVisit("新华都 查了有无假烟 硬中华5条").outOfStock).toEqual([]);
  });

  it("reads 60来人 as a vague head count, not a number to ask about", () => {
    const { result, out } = parse("新华都 中秋品鉴会 来了60来人 卖了10条软中华");
    expect(out.records.find((r): r is FormatPromotion => r.type === "promotion")?.consumers).toBeNull();
    expect(recordsToAsk(result)).toEqual([false]);
  });
});

describe("truck texting", () => {
  const visitsOf = (text: string) =>
    parse(text, "M07", WED_AUSTIN).out.records.flatMap((r) => (r.type === "visit" ? [[r.retailer, r.date]] : []));

  it("dates each sentence by the weekday opening it ('mon hit joes … tue heb mueller')", () => {
    expect(visitsOf("mon hit joes, monster oos. tue heb mueller, fanta 3 cs")).toEqual([
      ["R151", "2026-11-23"],
      ["R155", "2026-11-24"],
    ]);
  });

  it("reads a shop that could not be reached as no visit ('couldnt get to')", () => {
    expect(visitsOf("road closed couldnt get to HEB Mueller today")).toEqual([]);
  });

  it.each([
    ["Joe's: monster 3 cs, faced aisle 4", "M07", WED_AUSTIN],
    ["新华都 软中华3条 货架第2层", "M01", WED],
  ])("asks nothing about a place's number: %s", (text, sender, now) => {
    expect(recordsToAsk(parse(text, sender, now).result)).toEqual([false]);
  });

  it("asks nothing about a phone number", () => {
    expect(
      recordsToAsk(parse("joes. call mgr at 512-555-0199 re: order. monster 2 cs", "M07", WED_AUSTIN).result),
    ).toEqual([false]);
  });

  it("reads 'told him id check w/ pricing' as a promise with no day", () => {
    expect(
      onlyVisit("Esperanza - mgr mad about the coke price, told him id check w/ pricing", "M07", WED_AUSTIN).followUp,
    ).toBe("unspecified");
  });

  it("keeps 'i'll check the cooler' no follow-up of its own", () => {
    expect(onlyVisit("Joe's: monster 2 cs, i'll check the cooler", "M07", WED_AUSTIN).followUp).toBeNull();
  });
});

describe("past purchases retold", () => {
  it("keeps a past purchase out of the counts and orders, and orders what was taken today", () => {
    const v = onlyVisit("新华都 老板上次拿的两件双喜卖得不错 这次又补了一件");
    expect(v.stock).toEqual([]);
    expect(v.orders).toEqual([{ sku: "T020", qty: 1, unit: "case" }]);
  });

  it("does not store last week's purchase as today's stock (上周进的…五条已经出完了)", () => {
    const { result, out } = parse("新华都 上周进的硬中华五条已经出完了");
    const [v] = out.records;
    expect(v?.type === "visit" ? v.stock : null).toEqual([]);
    // Either read as the stock-out it is, or asked about: never stored as five cartons on the shelf.
    expect(v?.type === "visit" && (v.outOfStock.includes("T001") || recordsToAsk(result)[0])).toBe(true);
  });

  it("reads 走完了/出完了 as a stock-out", () => {
    expect(onlyVisit("新华都 软中华走完了 硬中华还有3条").outOfStock).toEqual(["T002"]);
  });
});

describe("events: what was promoted", () => {
  const promotion = (text: string) =>
    parse(text, "M01", WED).out.records.find((r): r is FormatPromotion => r.type === "promotion");

  it("keeps a product the owner praises out of the promoted ones, and its sale with the one promoted", () => {
    expect(promotion("新华都门口做了利群品鉴 老板说软中华最近卖得好 来了40人 卖了12条")).toMatchObject({
      skus: ["T011"],
      sales: [{ sku: "T011", qty: 12, unit: "carton" }],
    });
  });

  it("reads the product inside a gift offer's mechanics as the promoted one (买两条软中华送打火机)", () => {
    expect(promotion("新华都 买两条软中华送打火机 一下午卖了20条")).toMatchObject({
      format: "gift",
      skus: ["T002"],
      sales: [{ sku: "T002", qty: 20, unit: "carton" }],
    });
  });

  it("reads 30余人 as a vague head count", () => {
    expect(promotion("新华都 站柜助销两小时 硬中华卖了8条 接待顾客30余人")?.consumers).toBeNull();
  });
});

describe("requests with a count are orders", () => {
  it.each([
    ["Joe's: asked for 3 cs topo chico", { orders: [{ sku: "B010", qty: 3, unit: "case" }], feedback: false }],
    ["Joe's: put in for 4 cs monster", { orders: [{ sku: "B006", qty: 4, unit: "case" }], feedback: false }],
    ["Joe's: backstock 6 cs fanta, shelf full", { stock: [{ sku: "B011", qty: 6, unit: "case" }] }],
    ["Joe's: he's got 6 cs fanta", { stock: [{ sku: "B011", qty: 6, unit: "case" }] }],
    ["Joe's: a few cases of fanta", { stock: [{ sku: "B011", qty: null, unit: null }] }],
    ["Joe's: fanta was 3 cs", { stock: [{ sku: "B011", qty: 3, unit: "case" }] }],
    ["Joe's: fanta is low, about a case left", { stock: [{ sku: "B011", qty: 1, unit: "case" }] }],
    ["Joe's: cooler door broken, put in a service ticket", { activities: ["service"] }],
    ["Joe's: renewed their permit paperwork with mgr", { activities: ["service"] }],
    ["Joe's: owner asked for more topo, says it sells", { orders: [], feedback: true }],
  ])("%s", (text, facts) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN)).toMatchObject(facts);
  });
});

describe("more festival words", () => {
  it.each([
    ["新华都 软中华断货 小年那天再来", "2026-01-25T18:00:00+08:00", "2026-02-10"],
    // the holiday starts on 15 February; Saturday 14 February is a make-up workday (调休)
    ["新华都 软中华断货 除夕前再去一趟", "2026-01-25T18:00:00+08:00", "2026-02-14"],
    ["新华都 软中华断货 春节后第一个工作日去", BEFORE_NEW_YEAR, "2026-02-24"],
  ])("%s (said %s) → %s", (text, now, followUp) => {
    expect(onlyVisit(text, "M01", now).followUp).toBe(followUp);
  });

  it.each(["新华都 节后第一次去 软中华3条", "新华都 老板说年后都出去打工了 软中华3条"])(
    "keeps %s no follow-up (a visit made, or no visit)",
    (text) => {
      expect(onlyVisit(text, "M01", "2026-03-02T18:00:00+08:00").followUp).toBeNull();
    },
  );
});

describe("dictated English", () => {
  it("finds a store by its number spelled out ('quick stop twelve')", () => {
    const v = onlyVisit("quick stop twelve coke zero four cases sprite two cases", "M08", WED_AUSTIN);
    expect(v.retailer).toBe("R152");
    expect(v.stock.map((l) => [l.sku, l.qty])).toEqual([
      ["B002", 4],
      ["B004", 2],
    ]);
  });
});

describe("shops named again in a narrative", () => {
  it("gives each shop named again its own stretch, never another's counts", () => {
    const out = parse("今天先去了王记又去了新华都，王记软中华3条，新华都硬中华断货，回头又路过王记帮老板理了下货").out;
    expect(out.records).toEqual([
      expect.objectContaining({ retailer: "R001", stock: [{ sku: "T002", qty: 3, unit: "carton" }], outOfStock: [] }),
      expect.objectContaining({ retailer: "R003", stock: [], outOfStock: ["T001"] }),
    ]);
    expect(out.records[0]?.type === "visit" && out.records[0].activities).toContain("display");
  });

  it("keeps a list of shops named again a list ('QS12 and Circle K both low on Sprite')", () => {
    const out = parse(
      "Hit QS12, 7-Eleven Lamar and Circle K. QS12 and Circle K both low on Sprite, 7-Eleven fine",
      "M08",
      WED_AUSTIN,
    ).out;
    const low = out.records.flatMap((r) => (r.type === "visit" && r.stock.length ? [r.retailer] : []));
    expect(low).toEqual(["R152", "R156"]);
  });

  it("keeps 'went back later to drop off tags' no follow-up", () => {
    const out = parse(
      "Started at Joe's then Esperanza. Joe's had 3 cs Dasani. Went back to Joe's later to drop off tags",
      "M07",
      WED_AUSTIN,
    ).out;
    expect(out.records.map((r) => r.type === "visit" && r.followUp)).toEqual([null, null]);
  });
});

describe("listings said in more ways", () => {
  it.each([
    ["新华都 双中支首次进店 拿了两条", "T003", 2],
    ["新华都 说服老板把天叶摆上了 先拿一条试试", "T022", 1],
    ["新华都 双中支 listing 成功 先拿了 2 条", "T003", 2],
  ])("%s → listed, and the count after it ordered", (text, sku, qty) => {
    const v = onlyVisit(text);
    expect(v.listed).toEqual([sku]);
    expect(v.orders).toEqual([{ sku, qty, unit: "carton" }]);
    expect(v.stock).toEqual([]);
  });
});

describe("the owner's wishes are not promises", () => {
  it("keeps 'owner wants to run it again next month' no follow-up, but feedback", () => {
    const v = parse(
      "Joe's BOGO Coke Zero, sold 18 btl, owner wants to run it again next month",
      "M07",
      WED_AUSTIN,
    ).out.records.find((r) => r.type === "visit");
    expect(v).toMatchObject({ followUp: null, feedback: true });
  });

  it.each([
    ["新华都 老板说下周一他再来进货", null],
    ["新华都 明天帮他再调一下货", "2026-11-26"],
  ])("%s → follow-up %s (the owner's plan is not the writer's)", (text, followUp) => {
    expect(onlyVisit(text).followUp).toBe(followUp);
  });
});

describe("dictation without punctuation", () => {
  it("gives a count to the product before it when the next product has its own (软中华卖得挺好的还有三条硬中华两条)", () => {
    expect(onlyVisit("新华都今天软中华卖得挺好的还有三条硬中华两条下礼拜三再过来").stock).toEqual([
      { sku: "T002", qty: 3, unit: "carton" },
      { sku: "T001", qty: 2, unit: "carton" },
    ]);
  });

  it("reads a stock-out after a spoken particle (硬中华呢 一条都没有了)", () => {
    expect(onlyVisit("今天去了新华都 那个 软中华 大概还有个五六条 硬中华呢 一条都没有了").outOfStock).toEqual(["T001"]);
  });
});

describe("a verb closing a line", () => {
  it.each([
    "Esperanza - dasani 10 cs (ordered), fanta 3 cs on shelf",
    "Esperanza - dasani 10 cs - ordered, fanta 3 cs",
  ])("keeps it that line's, not the next one's: %s", (text) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN)).toMatchObject({
      orders: [{ sku: "B005", qty: 10, unit: "case" }],
      stock: [{ sku: "B011", qty: 3, unit: "case" }],
    });
  });

  it("still reads a verb opening a list as every line's ('ordered 2 cs coke zero, 3 cs sprite')", () => {
    expect(onlyVisit("Esperanza: ordered 2 cs coke zero, 3 cs sprite", "M07", WED_AUSTIN).orders).toHaveLength(2);
  });
});

describe("days of events and visits said beside the shop", () => {
  const promoDate = (text: string, sender: string, now: string) =>
    parse(text, sender, now).out.records.find((r): r is FormatPromotion => r.type === "promotion")?.date;

  it.each([
    ["周日新华都做了个品鉴 来了20人 卖了5条软中华", "M01", WED, "2026-11-22"],
    ["周日在新华都门口做了品鉴 卖了5条软中华", "M01", WED, "2026-11-22"],
  ])("%s → the event's day", (text, sender, now, day) => {
    expect(promoDate(text, sender, now)).toBe(day);
  });

  it("dates a visit by the weekday right after the shop ('Joe's on Monday, coke zero oos')", () => {
    expect(onlyVisit("Joe's on Monday, coke zero oos", "M07", WED_AUSTIN).date).toBe("2026-11-23");
  });

  it("keeps 'back on Friday' a follow-up, not the visit's day", () => {
    expect(onlyVisit("Joe's: coke zero oos, back on Friday", "M07", WED_AUSTIN)).toMatchObject({
      date: "2026-11-25",
      followUp: "2026-11-27",
    });
  });
});
