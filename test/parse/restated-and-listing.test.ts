/** Table tests for restated counts, trailing order verbs, listing phrases and shops not reached (fixed `now`). */
import { describe, expect, it } from "vitest";
import { onlyVisit, parse, visits, WED, WED_AUSTIN } from "./helpers.js";

describe("restated counts: the last value stands", () => {
  it.each([
    ["张记 红塔山12条 不对是15条", "M02", WED, { sku: "T007", qty: 15, unit: "carton" }],
    ["张记 硬中华12条 不对 是10条", "M02", WED, { sku: "T001", qty: 10, unit: "carton" }],
    ["Joe's: 4 cases of Gatorade (actually 5)", "M07", WED_AUSTIN, { sku: "B007", qty: 5, unit: "case" }],
  ])("%s", (text, sender, now, line) => {
    expect(onlyVisit(text, sender, now).stock).toEqual([line]);
  });

  it("keeps both counts when no correction word stands between them", () => {
    const v = onlyVisit("张记 红塔山12条 软中华5条", "M02");
    expect(v.stock.map((l) => l.qty)).toEqual([12, 5]);
  });

  it("does not read a count of wrong tags as a correction", () => {
    expect(onlyVisit("张记 红塔山5条 价签错了3个", "M02").stock).toEqual([{ sku: "T007", qty: 5, unit: "carton" }]);
  });
});

describe("an order verb that closes the clause claims the counts before it", () => {
  it("三条软中华 两条硬中华 给刘明那边订上了", () => {
    const v = onlyVisit("三条软中华 两条硬中华 给刘明那边订上了", "M04");
    expect(v.orders).toEqual([
      { sku: "T002", qty: 3, unit: "carton" },
      { sku: "T001", qty: 2, unit: "carton" },
    ]);
    expect(v.stock).toEqual([]);
  });

  it("a later stock verb keeps its own count", () => {
    const v = onlyVisit("老张家 白狼 硬中华 各两条 老板订的 另外店里软中还剩一条半", "M04");
    expect(v.orders.map((l) => l.sku)).toEqual(["T017", "T001"]);
    expect(v.stock).toEqual([{ sku: "T002", qty: 1.5, unit: "carton" }]);
  });

  it("an order with its own product does not turn earlier counts into orders", () => {
    const v = onlyVisit("刘记 软中华5条 硬中华3条 老板订了利群2条", "M01");
    expect(v.stock.map((l) => l.sku)).toEqual(["T002", "T001"]);
    expect(v.orders).toEqual([{ sku: "T011", qty: 2, unit: "carton" }]);
  });
});

describe("listing phrases", () => {
  it.each([
    ["华联 摆上了玉溪初心", "M03", WED, ["T006"]],
    ["胡记超市 进了新品 七匹狼纯境", "M01", WED, ["T019"]],
    ["Joe's: got Topo Chico on the shelf", "M07", WED_AUSTIN, ["B010"]],
    ["Park Place: got Dasani + smartwater listed", "M07", WED_AUSTIN, ["B005", "B012"]],
    ["Braker: placed Minute Maid on the juice shelf", "M07", WED_AUSTIN, ["B009"]],
  ])("%s", (text, sender, now, listed) => {
    const v = onlyVisit(text, sender, now);
    expect(v.listed).toEqual(listed);
    expect(v.activities).toContain("listing");
    expect(v.activities).not.toContain("display");
  });

  it("a count put on the shelf is stock, not a listing", () => {
    expect(onlyVisit("Joe's: got 3 cases of Monster on the shelf", "M07", WED_AUSTIN).listed).toEqual([]);
  });

  it("老板不想进新品 lists nothing", () => {
    expect(onlyVisit("刘记 老板说不想进新品 七匹狼纯境卖不动", "M01").listed).toEqual([]);
  });

  it('"2 cs each of MM OJ and Fanta" orders both', () => {
    const v = onlyVisit("Braker: owner ordered 2 cs each of MM OJ and Fanta", "M07", WED_AUSTIN);
    expect(v.orders).toEqual([
      { sku: "B009", qty: 2, unit: "case" },
      { sku: "B011", qty: 2, unit: "case" },
    ]);
  });
});

describe("shops not reached get no record", () => {
  it("吴华的红塔山卖断了，兴隆没去成", () => {
    expect(visits(parse("吴华的红塔山卖断了，兴隆没去成", "M02").out).map((v) => v.retailer)).toEqual(["R032"]);
  });

  it('"didn\'t make it to Braker"', () => {
    expect(
      visits(parse("Rundberg all good, didn't make it to Braker", "M07", WED_AUSTIN).out).map((v) => v.retailer),
    ).toEqual(["R169"]);
  });

  it("a closed shop's reopening day is not a follow-up", () => {
    expect(onlyVisit("Eastside was closed, sign said back monday", "M07", WED_AUSTIN).followUp).toBeNull();
  });
});

describe("new listings said in more ways", () => {
  it.each([
    ["新华都 说服老板上了天叶 先进3条", "T022", [{ sku: "T022", qty: 3, unit: "carton" }]],
    ["新华都 天叶新进店 老板先拿了两条试试", "T022", [{ sku: "T022", qty: 2, unit: "carton" }]],
    ["新华都 初心铺货成功 2条", "T006", [{ sku: "T006", qty: 2, unit: "carton" }]],
    ["新华都 老板同意上宽窄了 订了3条", "T024", [{ sku: "T024", qty: 3, unit: "carton" }]],
    ["新华都 帮他把真龙起源摆上柜了", "T025", []],
  ])("%s lists %s", (text, sku, orders) => {
    const v = onlyVisit(text);
    expect(v.listed).toEqual([sku]);
    expect(v.orders).toEqual(orders);
  });

  it.each([
    ["Speedy: new item cut in - topo chico, 2 cs", "B010"],
    ["Speedy: they agreed to carry smartwater, starting with 3 cases", "B012"],
    ["Speedy: added fanta to the shelf today", "B011"],
  ])("%s lists %s", (text, sku) => {
    expect(onlyVisit(text, "M08", WED_AUSTIN).listed).toEqual([sku]);
  });

  it.each(["新华都 上了新价签", "新华都 上了一趟厕所 软中华3条"])("%s lists nothing", (text) => {
    expect(onlyVisit(text).listed).toEqual([]);
  });

  it("reads 'back 周五' in a mixed report as a follow-up", () => {
    expect(onlyVisit("新华都 coke zero 没了 软中 3条 back 周五").followUp).toBe("2026-11-27");
  });
});
