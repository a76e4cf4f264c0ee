/** Text that must not yield a shop, a product, an amount or a date (chrono's negative-cases idea). */
import { describe, expect, it } from "vitest";
import { firstOf, onlyVisit, parse } from "./helpers.js";

describe("negative cases", () => {
  it.each([
    "老板电话13812345678",
    "许可证号350842000001",
    "软中华25元/包",
    "这个卖$4.99",
    "毛利12.5%",
    "下午3点到5点",
    "3 to 5 pm",
    "2 for $5",
  ])("%s yields no shop and no amount", (text) => {
    const { result } = parse(`新华都 ${text}`);
    expect(result.shops.map((s) => s.id)).toEqual(["R003"]);
    const v = firstOf(result.records);
    expect(v.type === "visit" ? [...v.stock, ...v.orders] : []).toEqual([]);
  });

  it.each(["老板电话13812345678", "许可证号350842000001", "毛利12.5%", "下午3点到5点", "3 to 5 pm", "25元/包"])(
    "%s does not move the visit date or set a follow-up",
    (text) => {
      const v = onlyVisit(`新华都 软中华断货 ${text}`);
      expect(v.date).toBe("2026-11-25");
      expect(v.followUp).toBeNull();
    },
  );

  it("reads a price per pack (80一包) as a price, not one pack in stock", () => {
    expect(onlyVisit("马霞 软中华卖到80一包 比标价高", "M05").stock).toEqual([]);
  });

  it("does not take 一条都没了 as one carton", () => {
    const v = onlyVisit("何斌 软中华一条都没了", "M02");
    expect(v.stock).toEqual([]);
    expect(v.outOfStock).toEqual(["T002"]);
  });

  it("finds no shop in chatter", () => {
    expect(parse("今天下雨 路上好堵 晚点再报").result.shops).toEqual([]);
    expect(parse("I sat in traffic for an hour, speed trap on 183", "M07").result.shops).toEqual([]);
  });

  it("does not read a denial (不搞强制) or a rule stated (不能超价) as a red flag", () => {
    expect(onlyVisit("金穗烟酒行 跟老板讲清楚了新品上柜是自愿的 不搞强制", "M02").compliance).toBe(false);
    expect(onlyVisit("新华都 跟老板讲了不能超价销售").compliance).toBe(false);
  });

  it("does not list a product the owner only wants (想上)", () => {
    expect(onlyVisit("吴华百货 吴华老板想上炫赫门", "M02").listed).toEqual([]);
  });
});
