/**
 * The owner's feedback in their own words (VisitDraft.feedbackText): what a receipt quotes back and
 * what is stored as the feedback's text, never the whole message. Table tests with a fixed `now`.
 */
import { describe, expect, it } from "vitest";
import type { VisitDraft } from "../../src/parse/index.js";
import { parse, WED_AUSTIN } from "./helpers.js";

/** The feedback text of each visit, by shop id. */
function heard(text: string, sender: string, now?: string): Record<string, string | null> {
  const drafts = parse(text, sender, now).result.records.filter((r): r is VisitDraft => r.type === "visit");
  return Object.fromEntries(drafts.map((d) => [d.retailer?.id ?? "?", d.feedbackText]));
}

describe("the owner's words in a Chinese report", () => {
  it.each([
    // Its clause, and the next ones of the sentence while they go on with the owner's words.
    ["张记 老板说利群最近走得快 让多给他分点货源 软中华还有3条", "老板说利群最近走得快 让多给他分点货源"],
    // Without the shop's name and a promise to come back.
    ["张记便利店老板抱怨送货太慢 下周三再过去", "老板抱怨送货太慢"],
    // Without leading connectives.
    ["今天去了张记 另外老板反映最近假烟多 生意难做", "老板反映最近假烟多 生意难做"],
    // The writer speaking again ends them (我说会反映上去 is the writer's promise).
    ["张记的老板说上个月被要求必须进两件荷花 现在还压着 我说会反映上去", "老板说上个月被要求必须进两件荷花 现在还压着"],
    // A run-on message: up to the next connective.
    [
      "今天去了张记老板说红塔山最近卖得特别好让我下次多给他调点货然后他那个价签都是手写的",
      "老板说红塔山最近卖得特别好让我下次多给他调点货",
    ],
    // 说… goes on with the owner's words even with a count in it.
    ["张记 压货的事老板又提了 说上个月被塞了三件红塔山", "老板又提了 说上个月被塞了三件红塔山"],
    // An order the owner placed is an order, not feedback.
    ["张记 老板说想订两条软中华", null],
    ["张记 软中华断货 帮他理了货", null],
  ])("%s → %s", (text, words) => {
    expect(heard(text, "M02")).toEqual({ R035: words });
  });

  it("keeps each shop's own words apart", () => {
    expect(heard("老王家硬中还有3条 老板说利群走得快；新华都老板希望多配点双中支", "M01")).toEqual({
      R014: "老板说利群走得快",
      R003: "老板希望多配点双中支",
    });
  });

  it("joins two separate stretches of one shop's feedback as clauses", () => {
    expect(heard("张记 老板说利群最近走得快。软中华还有3条。老板还希望多配点双中支", "M02")).toEqual({
      R035: "老板说利群最近走得快；老板还希望多配点双中支",
    });
  });
});

describe("the owner's words in an English report", () => {
  it.each([
    [
      "Lone Star: owner complained delivery was late again, told him I'd be back Tuesday",
      "owner complained delivery was late again",
    ],
    ["Lone Star owner wants Mexican Coke, told him we don't carry it", "owner wants Mexican Coke"],
    ["Lone Star - they're sold out of Fanta and the owner wants a bigger cooler", "owner wants a bigger cooler"],
    [
      "so I went by Lone Star and the owner was saying the new pricing is killing him he wants a deal I said I'd check with Maria",
      "owner was saying the new pricing is killing him he wants a deal",
    ],
    [
      "Lone Star owner wants out of the Powerade deal, says nobody buys Mountain Berry",
      "owner wants out of the Powerade deal, says nobody buys Mountain Berry",
    ],
    ["Lone Star: reset the cooler, 2 cases Monster", null],
  ])("%s → %s", (text, words) => {
    expect(heard(text, "M08", WED_AUSTIN)).toEqual({ R160: words });
  });

  it("keeps each shop's own words apart, and the owner's words as written", () => {
    expect(
      heard(
        "Hit Joe's and Sunrise today. Joe's had 3 cases of Coke Zero. Sunrise: Owner asked for more Topo Chico next delivery.",
        "M07",
        WED_AUSTIN,
      ),
    ).toEqual({
      R151: null,
      R159: "Owner asked for more Topo Chico next delivery",
    });
  });
});
