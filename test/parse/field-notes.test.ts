/**
 * Structured work-chat notes: 【店名】 headers, field labels (库存：/缺货：), numbered items, ticks,
 * and the short words such notes use for a stock-out (空, 无, 0).
 */
import { describe, expect, it } from "vitest";
import { recordsToAsk } from "../../src/parse/ask.js";
import { onlyVisit, parse, visits } from "./helpers.js";

describe("stock-outs in notes", () => {
  it.each([
    ["【新华都】缺货：软中华", ["T002"]],
    ["新华都 缺货：软中华、利群", ["T002", "T011"]],
    ["新华都 断货: 利群 理了货", ["T011"]],
    ["新华都 库存：硬中3条，利群空", ["T011"]],
    ["新华都 利群空了 硬中还有3条", ["T011"]],
    ["新华都 红塔山 2条｜双喜 无｜精白沙 1件", ["T020"]],
    ["新华都 紫云空✅ 订了2条", ["T009"]],
  ])("%s → out of stock %j", (text, skus) => {
    expect(onlyVisit(text).outOfStock).toEqual(skus);
  });

  it.each(["新华都 今天没空细看，利群3条", "新华都 抽空理了一下货架，利群3条", "新华都 空调坏了 利群3条"])(
    "keeps 空 in %s no stock-out",
    (text) => {
      expect(onlyVisit(text).outOfStock).toEqual([]);
    },
  );
});

describe("free time", () => {
  it("keeps 今天有空去看了下 (a visit made today) no follow-up", () => {
    expect(onlyVisit("新华都 今天有空去看了下，利群3条").followUp).toBeNull();
  });

  it.each(["新华都 利群3条 有空再去", "新华都 利群3条 回头有空去看看"])("still reads %s as a loose promise", (text) => {
    expect(onlyVisit(text).followUp).toBe("unspecified");
  });
});

describe("numbered items and field labels", () => {
  it("reads ①②③ as item marks, not counts", () => {
    const { out } = parse("今日两家\n① 新华都：价签补齐，老板问能不能多分点硬中华\n② 王记小卖部：订货 软中华2条");
    const [first] = visits(out);
    expect(first).toMatchObject({ retailer: "R003", stock: [], activities: ["display", "price_check"] });
  });

  it("reads X新品上柜 as a listing of X", () => {
    expect(onlyVisit("新华都：双中支新品上柜✅ 首订3条")).toMatchObject({
      listed: ["T003"],
      orders: [{ sku: "T003", qty: 3, unit: "carton" }],
    });
  });
});

describe("rules broken, told plainly", () => {
  it.each([
    "新华都 发现硬中实际卖价高于指导价",
    "新华都 老板说隔壁店的软中比指导价贵不少",
    "新华都 老板说有人搭着饮料一起卖烟",
  ])("%s is a compliance flag", (text) => {
    expect(onlyVisit(text).compliance).toBe(true);
  });

  it("keeps a guide price told, not broken, no flag (宣传了指导价)", () => {
    expect(onlyVisit("新华都 跟老板宣传了零售指导价").compliance).toBe(false);
  });
});

describe("event figures in a note", () => {
  const event = (text: string) => {
    const { result, out } = parse(text, "M02", "2027-04-13T18:20:00+08:00");
    return { out, asked: recordsToAsk(result) };
  };

  it("reads 人数：20 as consumers, 认购 as sales, and asks nothing about gifts handed out (礼品20份)", () => {
    const { out, asked } = event("品鉴会 新华都门口\n产品：双中支\n到场人数：20\n发放礼品20份，现场认购双中支2条");
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ consumers: 20, sales: [{ sku: "T003", qty: 2, unit: "carton" }] });
    expect(asked).toEqual([false]);
  });

  it("reads 扫码18人 as people at the event, not help with the ordering app", () => {
    const { out } = event("#驻店 新华都 14:00-15:30 主推软中华 触达32人，扫码18人");
    expect(out.records.map((r) => r.type)).toEqual(["promotion"]);
  });
});

describe("visit days", () => {
  it("keeps a festival's side said on the day before it from dating the visit (清明前备货走访)", () => {
    const { out } = parse("清明前备货走访\n1. 新华都：订货 软中3条", "M01", "2027-04-02T18:35:00+08:00");
    expect(out.records[0]).toMatchObject({ date: "2027-04-02" });
  });

  it("asks before storing a visit dated weeks back", () => {
    const { result, out } = parse("清明那天去了新华都 软中3条", "M01", "2027-03-30T18:35:00+08:00");
    expect(out.records[0]).toMatchObject({ date: "2026-04-05" });
    expect(recordsToAsk(result)).toEqual([true]);
  });
});

describe("winter talk", () => {
  const DEC = "2026-12-18T12:10:00+08:00";
  it.each([
    ["新华都 软中3条 下午再过去一趟", "2026-12-18"],
    ["新华都 软中3条 今晚再去", "2026-12-18"],
    ["新华都 软中3条 明天下午再去", "2026-12-19"],
    ["新华都 软中3条 腊八那天再来", "2027-01-15"],
    ["新华都 软中3条 腊八前后再去看看", "2027-01-15"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(onlyVisit(text, "M01", DEC).followUp).toBe(followUp);
  });

  it("keeps an afternoon visit made today no follow-up (下午去了新华都)", () => {
    expect(onlyVisit("下午去了新华都 软中3条", "M01", DEC).followUp).toBeNull();
  });

  it("reads dialect 莫得了 as a stock-out", () => {
    expect(onlyVisit("新华都 软中莫得了 红塔山还有十来条", "M01", DEC).outOfStock).toEqual(["T002"]);
  });

  it("stores a visit where the owner was away with no question (老板不在)", () => {
    const { result } = parse("新华都 啥子都没得 老板不在", "M01", DEC);
    expect(recordsToAsk(result)).toEqual([false]);
  });

  it("gives no record to a shop not reached for a reason (路滑没去成)", () => {
    const { out } = parse("王记小卖部 软中3条，新华都 路滑没去成", "M01", DEC);
    expect(visits(out).map((v) => v.retailer)).toEqual(["R001"]);
  });
});

describe("work done for the owner, and words only taking it in", () => {
  const APR = "2027-04-23T18:00:00+08:00";
  it.each([
    ["新华都 老板腿摔了，帮他在手机上把订货下了：软中2条", ["service", "order"]],
    ["新华都 老板投诉配送少了一条，已帮他联系物流核实，下周三回复", ["service"]],
    ["新华都：硬中实际卖价比标价高5块，当面讲了，老板改了", ["price_check", "policy"]],
    ["新华都 今天补齐价签", ["display", "price_check"]],
    ["新华都 下周二补拍陈列照", []],
  ])("%s → %j", (text, activities) => {
    expect(onlyVisit(text, "M01", APR).activities).toEqual(activities);
  });

  it.each([
    ["新华都 投诉配送少了一条，已帮他联系物流核实，下周三回复", "2027-04-28"],
    ["新华都 下周二补拍陈列照", "2027-04-27"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(onlyVisit(text, "M01", APR).followUp).toBe(followUp);
  });

  it.each(["新华都 宣传了五一期间禁止超价销售，老板说知道了", "新华都 讲了举报无证经营的奖励政策，老板说没问题"])(
    "keeps %s no feedback",
    (text) => {
      expect(onlyVisit(text, "M01", APR).feedback).toBe(false);
    },
  );

  it("reads 节后回访 heading the report as this visit, not a promise", () => {
    expect(onlyVisit("节后回访\n新华都 软中3条", "M01", "2027-05-06T18:00:00+08:00").followUp).toBeNull();
  });
});

describe("counts said twice", () => {
  it("keeps the corrected count of 红塔山8条 刚才说错了 是6条, and asks nothing", () => {
    const { result, out } = parse("新华都 红塔山8条 刚才说错了 是6条");
    expect(out.records[0]).toMatchObject({ stock: [{ sku: "T007", qty: 6, unit: "carton" }] });
    expect(recordsToAsk(result)).toEqual([false]);
  });

  it("asks before storing two different counts of one product in one unit", () => {
    const { result } = parse("新华都 红塔山8条 软中3条 红塔山6条");
    expect(recordsToAsk(result)).toEqual([true]);
  });

  it("stores one product counted in two units (起源3条+5包) without asking", () => {
    const { result, out } = parse("新华都 起源3条+5包");
    expect(out.records[0]).toMatchObject({
      stock: [
        { sku: "T025", qty: 3, unit: "carton" },
        { sku: "T025", qty: 5, unit: "pack" },
      ],
    });
    expect(recordsToAsk(result)).toEqual([false]);
  });
});

describe("a product both on hand and out", () => {
  it("asks before storing a product counted on hand and also out of stock", () => {
    const { result } = parse("新华都 软中3条 软中断货了");
    expect(recordsToAsk(result)).toEqual([true]);
  });
});

describe("the owner's own plans and one count for several", () => {
  it("reads 硬中华 软中华 都是3条 as three cartons of each", () => {
    expect(onlyVisit("新华都 硬中华 软中华 都是3条").stock).toEqual([
      { sku: "T001", qty: 3, unit: "carton" },
      { sku: "T002", qty: 3, unit: "carton" },
    ]);
  });

  it.each(["新华都 软中3条 老板说下礼拜他要出门几天", "新华都 软中3条 老板说他过两天自己去批发部拿货"])(
    "keeps %s no feedback and no follow-up",
    (text) => {
      expect(onlyVisit(text)).toMatchObject({ feedback: false, followUp: null });
    },
  );

  it("keeps the owner asking the writer to come back feedback with its follow-up (让我下周再来)", () => {
    expect(onlyVisit("新华都 老板说他要出门几天，让我下周再来")).toMatchObject({
      feedback: true,
      followUp: "2026-11-30",
    });
  });

  it("keeps 'owner said he'll be out next week' no feedback", () => {
    expect(
      onlyVisit("Joe's - owner said he'll be out next week, coke zero 3 cs", "M07", "2026-11-25T17:40:00-06:00")
        .feedback,
    ).toBe(false);
  });
});

describe("supply tied to taking more", () => {
  it("flags 硬要他多收两件…不收就不给送软中 and keeps the count out of the stock", () => {
    expect(onlyVisit("新华都 老板说上回配送员硬要他多收两件红塔山 不收就不给送软中")).toMatchObject({
      compliance: true,
      feedback: true,
      stock: [],
    });
  });
});
