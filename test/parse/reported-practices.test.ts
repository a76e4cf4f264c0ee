/**
 * Practices the owner reports about others, their denials, and the words around them
 * (FORMAT.md "Compliance", "Price tags", "Follow-ups"): fixed `now`, one table per rule.
 */
import { describe, expect, it } from "vitest";
import { onlyVisit, parse } from "./helpers.js";

const ZH = "2027-03-10T18:00:00+08:00"; // a Wednesday
const US = "2027-03-10T17:00:00-06:00";

describe("compliance reported by the owner", () => {
  it.each([
    ["老陈超市 老板说批发商压了他十件红塔山 软中华两条", "M02"],
    ["老赵小卖部 老板说隔壁超市卖硬中华比明码标价高了十块", "M03"],
    ["马记副食店 老板说外面有人卖软中华超过明码标价", "M04"],
  ])("%s is flagged, and the pushed amount is not stock", (text, sender) => {
    const v = onlyVisit(text, sender, ZH);
    expect(v.compliance).toBe(true);
    expect(v.activities).not.toContain("price_check");
    expect(v.stock.every((l) => l.qty !== 10)).toBe(true);
  });

  it.each([
    ["兴隆商行 问了一下 没有强制上柜和压货的情况 硬中华8条", "M02"],
    ["旺旺 老板说最近没有强制搭售了 炫赫门还有5条", "M02"],
    ["老陈超市 老板说没有人强制上柜 也没压货 硬中华5条", "M02"],
  ])("%s: a denial covers every practice it lists", (text, sender) => {
    expect(onlyVisit(text, sender, ZH).compliance).toBe(false);
  });

  it("keeps a count after a denied tie-in (没有搭售 软中华三条半)", () => {
    expect(onlyVisit("郭记 没有压货也没有搭售 软中华三条半", "M01", ZH).stock).toEqual([
      { sku: "T002", qty: 3.5, unit: "carton" },
    ]);
  });

  it("does not count what a shop would only take under a tie-in as stock", () => {
    const v = onlyVisit(
      "Lone Star Deli - distributor is bundling, he can't get Topo unless he takes 5 cs Dasani too. Topo 1 cs left",
      "M08",
      US,
    );
    expect(v.compliance).toBe(true);
    expect(v.stock).toEqual([{ sku: "B010", qty: 1, unit: "case" }]);
  });

  it("reads telling the owner a practice breaks the rules as policy", () => {
    expect(onlyVisit("张记 老板说有批发户让他进中华必须搭售别的烟 我说这是违规的", "M02", ZH).activities).toContain(
      "policy",
    );
    expect(
      onlyVisit("North Loop - distributor forced 5 extra cs of Monster on him. Told him that's not allowed", "M07", US),
    ).toMatchObject({ activities: ["policy"], stock: [] });
  });
});

describe("price tags and shelf work", () => {
  it.each([
    ["新华都 把新的价签规定跟店长讲了", "M01", ["policy"]],
    ["郑记便利店价签有几个不对 帮他重新打了", "M03", ["display", "price_check"]],
    ["孙记小卖部 帮他把货架理好了", "M05", ["display"]],
    ["何记便利店 云POS坏了 联系客服远程处理好了", "M06", ["service"]],
  ])("%s → %j", (text, sender, acts) => {
    expect(onlyVisit(text, sender, ZH).activities.sort()).toEqual([...acts].sort());
  });

  it.each([
    ["Green Valley: pulled expired Minute Maid off the shelf and rotated the juice", "M08", ["display"]],
    ["BC Deli: counted 7 cs Sprite 12pk. mgr happy w/ the new display", "M08", ["stock_check"]],
  ])("%s → %j", (text, sender, acts) => {
    expect(onlyVisit(text, sender, US).activities.sort()).toEqual([...acts].sort());
  });
});

describe("stock words that are not stock", () => {
  it("does not read 'wants out of the deal' as a stock-out", () => {
    expect(
      onlyVisit("Braker Lane: owner wants out of the Powerade deal. 9 btls Powerade", "M07", US).outOfStock,
    ).toEqual([]);
  });

  it("reads 'low on Topo' forward only and 'Diet Coke 2L a few' backward", () => {
    expect(onlyVisit("Bev Depot counted 5 cs smartwater, low on Topo", "M08", US).stock).toEqual([
      { sku: "B012", qty: 5, unit: "case" },
      { sku: "B010", qty: null, unit: null },
    ]);
    expect(onlyVisit("Mesa Shell - Coke Zero 2 cs, Diet Coke 2L a few", "M08", US).stock).toContainEqual({
      sku: "B003",
      qty: null,
      unit: null,
    });
  });

  it("gives an amount after a list comma to the product it leads", () => {
    expect(onlyVisit("Park Place: pulled expired Gatorade, 3 cs Powerade in back", "M07", US).stock).toEqual([
      { sku: "B008", qty: 3, unit: "case" },
    ]);
  });

  it("does not read a wished listing as a listing", () => {
    expect(onlyVisit("老张家 老板说想上柜黄金叶", "M01", ZH).listed).toEqual([]);
  });
});

describe("follow-ups without 再 or 'back'", () => {
  it.each([
    ["老冯小卖部 利群休闲断了 下周四去老冯家", "M04", ZH, "2027-03-18"],
    ["刘记 老板想上柜通仙 我说下个月帮他申请", "M01", ZH, "2027-04-01"],
    ["Lone Star Deli - Topo 1 cs left, will call him in 3 days", "M08", US, "2027-03-13"],
    ["Walnut Creek: Monster 1 cs. back end of the month", "M08", US, "2027-03-31"],
    ["Braker: owner wants a Topo end cap, will bring the POS kit the 3rd", "M07", US, "2027-04-03"],
  ])("%s → %s", (text, sender, now, day) => {
    expect(onlyVisit(text, sender, now).followUp).toBe(day);
  });
});

describe("dates that are not the sender's follow-up", () => {
  it.each([
    ["张记 软中华断了 明天来货", "M02", ZH],
    ["张记 老板明天去进货", "M02", ZH],
    ["Joe's out of Topo, distributor will bring it Friday", "M07", US],
  ])("%s has no follow-up", (text, sender, now) => {
    expect(onlyVisit(text, sender, now).followUp).toBeNull();
  });
});

describe("questions", () => {
  it.each([
    ["今天要跑哪几个户", "M03", "plan_query"],
    ["今天要去哪些店", "M06", "plan_query"],
    ["这个东西怎么改昨天报错的数量", "M04", "help"],
    ["can the bot remind me about my follow ups?", "M08", "help"],
    ["did Jake visit Sunrise Mart this week?", "S03", "retailer_query"],
  ])("%s → %s", (text, sender, intent) => {
    expect(
      parse(text, sender, (sender.startsWith("M0") && Number(sender[2]) >= 7) || sender === "S03" ? US : ZH).out,
    ).toMatchObject({ intent, records: [] });
  });
});

describe("forced stock and tie-ins told in more ways", () => {
  it.each([
    ["新华都 老板说批发部逼他进了4件红塔山", "M01"],
    ["新华都 老板说上面硬性摊派了三件双喜", "M01"],
    ["新华都 老板说业务员让他一定要上纯境 不然不给配利群", "M01"],
    ["新华都 老板说要想拿到硬中华就得同时拿三条红南京", "M01"],
    ["新华都 利群价签写的26 他收28", "M01"],
  ])("%s is flagged, and no forced count is an order or stock", (text, sender) => {
    const v = onlyVisit(text, sender, ZH);
    expect(v.compliance).toBe(true);
    expect(v.orders).toEqual([]);
    expect(v.stock).toEqual([]);
  });

  it.each([
    "Speedy: owner said he can only get topo if he takes 3 cs of monster",
    "Speedy: coke zero ringing up at 2.79 vs shelf tag 2.29",
  ])("%s is flagged", (text) => {
    const v = onlyVisit(text, "M08", US);
    expect(v.compliance).toBe(true);
    expect(v.stock).toEqual([]);
  });

  it.each(["新华都 老板说没有被强制上柜 软中华3条", "新华都 我跟老板说了 不允许搭售"])("%s is not flagged", (text) => {
    expect(onlyVisit(text, "M01", ZH).compliance).toBe(false);
  });

  it("reads telling the owner a rule with a space after 说了 as policy", () => {
    expect(onlyVisit("新华都 我跟老板说了 不允许搭售", "M01", ZH).activities).toEqual(["policy"]);
  });

  it("does not read telling the owner to fix a tag as display work (让他把价签改过来)", () => {
    const v = onlyVisit("新华都 软中华标价80 实际卖到85 让他把价签改过来", "M01", ZH);
    expect(v.activities).not.toContain("display");
    expect(v.compliance).toBe(true);
  });
});
