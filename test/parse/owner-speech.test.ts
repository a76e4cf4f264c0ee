/**
 * What the owner says, as against what the manager did: feedback said in more ways (老陈说, 诉苦,
 * 不开心), work words inside the owner's speech that are not this visit's work, and forced listings
 * or stock told as a story. Fixed `now`, one table per rule; no line is from an evaluation set.
 */
import { describe, expect, it } from "vitest";
import { onlyVisit, parse, visits, WED_AUSTIN } from "./helpers.js";

describe("owner feedback said in more ways", () => {
  it.each([
    "老王家 老王说最近假烟多 生意难做",
    "新华都 老板跟我诉苦 说房租又涨了",
    "新华都 老板娘今天有点不开心 嫌配的货太少",
    "新华都 软中华3条 他还说想多进点利群",
    "新华都 软中华断货 老板想多要点软中华 先订了2条硬中华",
    "新华都 老板说硬中华卖得快 还剩两条",
    "新华都 老板一直催着要双中支",
    "新华都 老板拿了三条利群 又问下个月有没有新品",
    "新华都 老板心里窝火 说配货不公平",
    "新华都 老板说过年得多备点硬中华",
  ])("%s is feedback", (text) => {
    expect(onlyVisit(text).feedback).toBe(true);
  });

  it.each([
    ["新华都 老板说节前要十五条软中华", { orders: [{ sku: "T002", qty: 15, unit: "carton" }] }],
    ["新华都 老板说年后想再要三条利群", { orders: [{ sku: "T011", qty: 3, unit: "carton" }] }],
    ["新华都 老板说硬中华还剩四条 我帮他把价格也核了一遍", { stock: [{ sku: "T001", qty: 4, unit: "carton" }] }],
  ])("keeps an owner's words that only carry facts those facts: %s", (text, facts) => {
    const v = onlyVisit(text);
    expect(v.feedback).toBe(false);
    expect(v).toMatchObject(facts);
  });

  it("keeps an owner's word of a stock-out a stock-out, not feedback ('owner said they're out of sprite')", () => {
    const v = onlyVisit("Speedy Mart: owner said they're out of sprite", "M08", WED_AUSTIN);
    expect(v.feedback).toBe(false);
    expect(v.outOfStock).toEqual(["B004"]);
  });

  it("keeps an owner's plain order an order, not feedback", () => {
    const v = onlyVisit("新华都 老板说想订两件红塔山");
    expect(v.feedback).toBe(false);
    expect(v.orders).toEqual([{ sku: "T007", qty: 2, unit: "case" }]);
  });
});

describe("work words inside the owner's speech", () => {
  it.each([
    ["新华都 老板说扫码枪老是扫不出来 过两天去帮他弄", []],
    ["新华都 老板说有人让他必须把宽窄摆上柜 硬中华3条", ["stock_check"]],
    ["新华都 老板说价签太旧了 软中华2条", ["stock_check"]],
  ])("%s → activities %j", (text, activities) => {
    expect(onlyVisit(text).activities.sort()).toEqual(activities);
  });

  it.each([
    ["新华都 老板说扫码枪坏了 我当场帮他修好了", "service"],
    ["新华都老板问能不能帮他开通云POS扫码我弄好了", "service"],
    ["新华都 老板说价签旧了 我帮他换了新价签", "display"],
  ])("%s still counts the manager's own work (%s)", (text, activity) => {
    expect(onlyVisit(text).activities).toContain(activity);
  });

  it("reads 讲了陈列标准 as policy, not display", () => {
    expect(onlyVisit("新华都 讲了下新的陈列标准").activities).toEqual(["policy"]);
  });
});

describe("forced listings and stock told as a story", () => {
  it.each([
    "新华都 老板说有人让他必须把宽窄摆上柜 不摆就不给他配紧俏烟",
    "新华都 他说有人让他把硬金砂摆上柜 不摆就扣他的档位",
  ])("%s is flagged", (text) => {
    expect(onlyVisit(text).compliance).toBe(true);
  });

  it("flags stock the owner never ordered", () => {
    const v = onlyVisit("Joe's: delivery came with 3 extra cases of Monster he never ordered", "M07", WED_AUSTIN);
    expect(v.compliance).toBe(true);
  });
});

describe("English shelf and event words", () => {
  it("reads 'moved the display' as display work", () => {
    expect(onlyVisit("Joe's: the rack was blocking the door so I moved it", "M07", WED_AUSTIN).activities).toContain(
      "display",
    );
  });

  it("reads a product listed with its pack size ('got the Topo Chico 12pk on the shelf')", () => {
    expect(onlyVisit("Joe's: got the Topo Chico 12pk on the shelf today", "M07", WED_AUSTIN).listed).toEqual(["B010"]);
  });
});

describe("promises inside the owner's words", () => {
  it.each(["新华都 软中华3条 老板说等过年人多了再搞一次", "新华都 软中华3条 老板说下个月再进点利群"])(
    "%s is the owner's plan, not a follow-up",
    (text) => {
      expect(onlyVisit(text).followUp).toBeNull();
    },
  );

  it.each([
    ["新华都 软中华3条 老板说让我过两天再来看看", "unspecified"],
    ["新华都 软中华3条 老板说最近生意不好 我下周三再过去", "2026-12-02"],
  ])("%s keeps the writer's promise (%s)", (text, followUp) => {
    expect(onlyVisit(text).followUp).toBe(followUp);
  });
});

describe("dictated reports with no punctuation", () => {
  it.each([
    ["新华都老板说利群卖得快帮他理了一下货架软中华三条", ["display", "stock_check"]],
    ["新华都老板说价签旧了顺手帮他换了新价签", ["display", "price_check"]],
    ["新华都老板说扫码枪坏了已经帮他报修了", ["service"]],
  ])("%s still counts the work done (%j)", (text, activities) => {
    expect(onlyVisit(text).activities.sort()).toEqual(activities);
  });

  it.each(["去了新华都硬中华五条老板说利群卖得快下周一再去", "新华都硬中华五条老板说最近生意不好下周一再来"])(
    "%s keeps the writer's own visit promise after the owner's words",
    (text) => {
      expect(onlyVisit(text).followUp).toBe("2026-11-30");
    },
  );

  it("drops a shop 那边没去成 from a run-on report", () => {
    expect(visits(parse("新华都那边软中华还有三条 惠民那边没去成").out).map((v) => v.retailer)).toEqual(["R003"]);
  });
});

describe("more of the owner's words and the writer's", () => {
  it("reads work words after 老X说 as the owner's (老王说扫码枪不好用)", () => {
    expect(onlyVisit("老王家 老王说扫码枪老是扫不出来").activities).toEqual([]);
  });

  it("reads 我跟他解释了没有这种规定 as policy", () => {
    expect(onlyVisit("新华都 我跟他解释了我们没有这种规定").activities).toEqual(["policy"]);
  });

  it("reads 我答应过两天去帮他弄 as an undated follow-up", () => {
    expect(onlyVisit("新华都 软中华3条 我答应过两天去帮他弄").followUp).toBe("unspecified");
  });

  it("does not read 每次5条 in the owner's story as an order", () => {
    expect(onlyVisit("新华都 老板说他这个月已经拿了三次利群了 每次5条 不想再拿了").orders).toEqual([]);
  });

  it("does not read 压着 (unsold stock) as a forced practice", () => {
    const v = onlyVisit("新华都 红杉树还压着6条 卖不动");
    expect(v.compliance).toBe(false);
    expect(v.stock).toEqual([{ sku: "T023", qty: 6, unit: "carton" }]);
  });

  it.each([
    ["Speedy: sampling went great, manager loved it, we'll do it again in 2 weeks", "2026-12-09"],
    ["Speedy coke zero 3 cs, told him I'll sort it out friday", "2026-11-27"],
    ["Speedy and Lone Star both fine, see both again next week", "2026-11-30"],
  ])("%s → follow-up %s", (text, followUp) => {
    const { out } = parse(text, "M08", WED_AUSTIN);
    expect(out.records.some((r) => r.type === "visit" && r.followUp === followUp)).toBe(true);
  });

  it("does not take a closed shop's sign ('back next week') as a follow-up", () => {
    expect(
      onlyVisit("Speedy was closed again, sign says family emergency, back next week", "M08", WED_AUSTIN).followUp,
    ).toBeNull();
  });

  it("does not read a distributor's push as this visit's order", () => {
    const v = onlyVisit(
      "Speedy: owner says the distributor made him take 5cs monster to get the deal",
      "M08",
      WED_AUSTIN,
    );
    expect(v.orders).toEqual([]);
  });
});

it("does not count 一条都没卖出去 as a stock line of one", () => {
  expect(onlyVisit("新华都 老板说红杉树一条都没卖出去 还压着6条").stock).toEqual([
    { sku: "T023", qty: 6, unit: "carton" },
  ]);
});

describe("feedback heard, and the writer's own suggestions", () => {
  it.each([
    ["新华都 软中华3条 老板对新版利群挺满意", true],
    ["新华都 软中华3条 我建议他把利群放到前面", false],
  ])("%s → feedback %s", (text, feedback) => {
    expect(onlyVisit(text).feedback).toBe(feedback);
  });

  it("does not count work only suggested (我建议他把利群放到前面) as display", () => {
    expect(onlyVisit("新华都 软中华3条 我建议他把利群放到前面").activities).toEqual(["stock_check"]);
  });

  it("reads 'owner would love a second cooler' as feedback", () => {
    expect(onlyVisit("Speedy: coke zero 3 cs, owner would love a second cooler", "M08", WED_AUSTIN).feedback).toBe(
      true,
    );
  });
});

describe("practices told in plain words", () => {
  it.each(["新华都 老板说上个月被逼着拿了五条宽窄", "新华都 软中华标的比规定的高 跟老板讲了"])(
    "%s is a red flag",
    (text) => {
      expect(onlyVisit(text).compliance).toBe(true);
    },
  );
});

describe("practices and their telling, more ways", () => {
  it.each([
    ["新华都 店员卖烟给一个学生 跟老板说了这个不行", ["policy"]],
    ["新华都 老板说批发部那边要他拿硬中华就得配两条红南京", []],
  ])("%s is a red flag", (text, activities) => {
    const v = onlyVisit(text);
    expect(v.compliance).toBe(true);
    expect(v.activities).toEqual(activities);
  });

  it("reads 'clerk sold X to a kid, told mgr that's not allowed' as a red flag and policy", () => {
    const v = onlyVisit("Speedy Mart: clerk sold monster to a kid, told mgr that's not allowed", "M08", WED_AUSTIN);
    expect(v.compliance).toBe(true);
    expect(v.activities).toEqual(["policy"]);
  });

  it("keeps the owner's talk of counterfeits in the market feedback, not a red flag", () => {
    const v = onlyVisit("新华都 老板说最近假烟多 生意不好做");
    expect(v).toMatchObject({ feedback: true, compliance: false });
  });

  it("reads 老板挺认可我们的服务 as feedback", () => {
    expect(onlyVisit("新华都 老板挺认可我们的服务").feedback).toBe(true);
  });
});

describe("an owner's words with facts that are still feedback", () => {
  it.each([
    ["Speedy Mart: owner loved it and ordered 5 more cases of monster", "M08"],
    ["Speedy Mart: owner's asking when we'll have the new flavors, counted 3 cs monster", "M08"],
    ["Speedy Mart: owner says monster is flying off the shelf, 8 cans left", "M08"],
    ["新华都 老板说这个月软中华一条都没卖出去 还压着6条", "M01"],
  ])("%s", (text, sender) => {
    expect(onlyVisit(text, sender, sender === "M08" ? WED_AUSTIN : undefined).feedback).toBe(true);
  });
});
