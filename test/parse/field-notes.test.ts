/**
 * Structured work-chat notes: 【店名】 headers, field labels (库存：/缺货：), numbered items, ticks,
 * and the short words such notes use for a stock-out (空, 无, 0).
 */
import { describe, expect, it } from "vitest";
import { onlyVisit } from "./helpers.js";

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
