import { describe, expect, it } from "vitest";
import { firstOf, parse, visits, WED_AUSTIN } from "./helpers.js";

describe("messages about several shops", () => {
  it("attaches each fact to the shop whose stretch of text holds it", () => {
    const { out } = parse(
      "今天跑了老王家跟新华都 老王家硬中还有3条 利群没货了 新华都帮着理了下烟柜 价签查了一遍",
      "M01",
    );
    const [wang, xhd] = visits(out);
    expect(wang).toMatchObject({
      retailer: "R014",
      stock: [{ sku: "T001", qty: 3, unit: "carton" }],
      outOfStock: ["T011"],
    });
    expect(xhd).toMatchObject({ retailer: "R003", stock: [], outOfStock: [] });
    expect([...(xhd?.activities ?? [])].sort()).toEqual(["display", "price_check"]);
  });

  it("gives work said of a list of shops to each of them (都是常规理货)", () => {
    const v = visits(parse("刘记 利民 惠民 上午跑完了 都是常规理货+查价签 刘记老板要了2条软中", "M01").out);
    expect(v.map((r) => r.retailer)).toEqual(["R009", "R018", "R017"]);
    for (const r of v) expect(r.activities).toEqual(expect.arrayContaining(["display", "price_check"]));
    expect(firstOf(v).orders).toEqual([{ sku: "T002", qty: 2, unit: "carton" }]);
  });

  it("splits run-on text with no spaces at each shop name", () => {
    const v = visits(parse("今天跑了王记和杨记王记老板说软中华太难拿了杨记那边理了货硬中还有6条", "M01").out);
    expect(v.map((r) => [r.retailer, r.feedback, r.stock.length])).toEqual([
      ["R001", true, 0],
      ["R024", false, 1],
    ]);
  });

  it("gives a follow-up to the shop named after the verb (back at X on Fri)", () => {
    const v = visits(
      parse(
        "walnut creek + anderson mill. anderson mill ordered 4 cases sprite. back at walnut creek on fri",
        "M08",
        WED_AUSTIN,
      ).out,
    );
    expect(v.map((r) => [r.retailer, r.followUp])).toEqual([
      ["R176", "2026-11-27"],
      ["R178", null],
    ]);
  });

  it("reports an event and a separate visit in one message", () => {
    const { out } = parse(
      "今天下午在华联做双中支驻店 3点到6点 接待了31个顾客 卖了4条。上午还去了百佳惠 百佳惠订了软中华3条",
      "M03",
    );
    expect(out.intent).toBe("promotion_note");
    expect(out.records).toEqual([
      expect.objectContaining({
        type: "promotion",
        retailers: ["R055"],
        format: "in_store",
        consumers: 31,
        durationMinutes: 180,
        skus: ["T003"],
      }),
      expect.objectContaining({ type: "visit", retailer: "R053", orders: [{ sku: "T002", qty: 3, unit: "carton" }] }),
    ]);
  });
});

describe("one promise for every shop", () => {
  it.each([
    [
      "今天去了新华都和王记小卖部。新华都软中3条，王记硬中2条。两家都是下周一再去",
      "M01",
      "2026-11-25T17:40:00+08:00",
      "2026-11-30",
    ],
    [
      "Joe's and Sunrise. Joe's coke zero 3 cs, Sunrise sprite 2 cs. See both again Monday",
      "M07",
      "2026-11-25T17:40:00-06:00",
      "2026-11-30",
    ],
  ])("%s gives the follow-up to both shops", (text, sender, now, followUp) => {
    const { out } = parse(text, sender, now);
    expect(out.records.map((r) => (r.type === "visit" ? r.followUp : null))).toEqual([followUp, followUp]);
  });
});
