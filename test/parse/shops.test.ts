import { describe, expect, it } from "vitest";
import { firstOf, onlyVisit, parse, visits, WED_AUSTIN } from "./helpers.js";

const shopOf = (text: string, sender = "M01", now?: string) => onlyVisit(text, sender, now);

describe("shop mentions", () => {
  it.each([
    ["新华都超市 软中华断货", "M01", "R003"], // full name
    ["新华都 软中华断货", "M01", "R003"], // alias
    ["鑫源 软中华断货", "M02", "R033"], // name without its type word
    ["谢芳副食 软中华断货", "M04", "R085"], // a name cut short
    ["莲庄路见福 软中华断货", "M01", "R007"], // street + chain
    ["见福莲庄路 软中华断货", "M01", "R007"], // chain + street
    ["龙腾南路天虹 软中华断货", "M01", "R006"],
    ["美宜佳中山路 软中华断货", "M02", "R040"],
    ["何彬那家软中华断货", "M02", "R041"], // homophone of 何斌
  ])("%s (sender %s) → %s", (text, sender, id) => {
    expect(shopOf(text, sender).retailer).toBe(id);
  });

  it.each([
    ["Joe's: out of Topo", "R151"],
    ["joes market: out of Topo", "R151"],
    ["QS12 out of Topo", "R152"],
    ["QS 12 out of Topo", "R152"], // a store number spaced from its letters
    ["at QS #12, out of Topo", "R152"],
    ["greenvalley out of Topo", "R158"], // a two-word name typed as one word
    ["711 burnet out of topo", "R153"],
    ["HEB Mueller out of Topo", "R155"],
    ["Wells Brnach grocery out of Topo", "R179"], // a typo
    ["GV out of Topo", "R158"], // initials
    ["The Pantry out of Topo", "R175"],
  ])("%s → %s", (text, id) => {
    expect(
      shopOf(
        text,
        text.startsWith("Joe") ||
          text.startsWith("joe") ||
          text.startsWith("711") ||
          text.startsWith("HEB") ||
          text.startsWith("Wells") ||
          text.startsWith("The")
          ? "M07"
          : "M08",
        WED_AUSTIN,
      ).retailer,
    ).toBe(id);
  });

  it.each([
    ["burnet: out of Topo", "R153"], // 7-Eleven Burnet Rd by its street
    ["mueller was out of Topo", "R155"], // H-E-B Mueller by its place
    ["the valero was out of Topo", "R173"], // Cedar Park Valero by its chain word
  ])("a branch by its place word: %s → %s", (text, id) => {
    expect(shopOf(text, "M07", WED_AUSTIN).retailer).toBe(id);
  });

  it("names the branch by its place word again after its full name, so facts stay with it", () => {
    const out = visits(parse("hit 711 burnet + sunrise. burnet: 2 cs monster. sunrise closed", "M07", WED_AUSTIN).out);
    expect(out.find((v) => v.retailer === "R159")).toMatchObject({ activities: [], stock: [] });
    expect(out.find((v) => v.retailer === "R153")?.stock).toEqual([{ sku: "B006", qty: 2, unit: "case" }]);
  });

  it("does not read 'in the loop' as North Loop", () => {
    expect(
      parse("keep me in the loop on the topo order at joes", "M07", WED_AUSTIN).result.shops.map((s) => s.id),
    ).toEqual(["R151"]);
  });

  it("resolves a short name several teams share to the sender's own shop", () => {
    expect(shopOf("老张家 软中华断货", "M03").retailer).toBe("R071");
    expect(shopOf("老张家 软中华断货", "M01").retailer).toBe("R012");
  });

  it("finds a shop of a teammate when the sender has none by that name", () => {
    expect(shopOf("帮晓东跑了一下华莲路天虹 软中断了", "M04").retailer).toBe("R103");
  });

  it("leaves two of the sender's own shops ambiguous, with both as candidates", () => {
    const { result, out } = parse("胡记 老板说生意差", "M01");
    const v = firstOf(out.records);
    expect(v.type === "visit" && v.retailer).toBeNull();
    expect(v.type === "visit" && [...(v.ambiguous ?? [])].sort()).toEqual(["R011", "R025"]);
    expect(firstOf(result.records).issues[0]).toMatchObject({ kind: "ambiguous_retailer", mention: { text: "胡记" } });
  });

  it("resolves a bare chain name to the branch named earlier in the message", () => {
    const { out } = parse("今天 罗森西安南路 美宜佳中山路 两家。罗森店员不会用云POS 教了一下", "M02");
    expect(out.records.map((r) => (r.type === "visit" ? r.retailer : null)).sort()).toEqual(["R040", "R049"]);
  });

  it("keeps the mention text and offsets of every shop", () => {
    const { result } = parse("今天去了张记便利店", "M02");
    expect(result.shops[0]).toMatchObject({
      id: "R035",
      mention: { start: 4, end: 9, text: "张记便利店" },
      via: "name",
    });
  });

  it("does not read 忘记 (forgot) as 王记", () => {
    expect(parse("前天去的邓丽百货 忘记报了 宽窄断货", "M05").result.shops.map((s) => s.id)).toEqual(["R104"]);
  });
});

describe("names typed or dictated by sound", () => {
  it.each([
    ["新华督 软中华还有三条", "R003"], // 都 read du, not its default dou
    ["老汪家硬中还有两条利群没货了", "R014"], // the one own character of 老王家 as a sound-alike
  ])("%s → %s", (text, id) => {
    expect(onlyVisit(text).retailer).toBe(id);
  });

  it("reads a product said without its retroflex (红塔三 for 红塔山)", () => {
    expect(onlyVisit("新华都 红塔三 12条").stock).toEqual([{ sku: "T007", qty: 12, unit: "carton" }]);
  });

  it.each(["我忘记带价签了", "老是忘记报"])("%s names no shop", (text) => {
    expect(parse(text).result.shops).toEqual([]);
  });
});
