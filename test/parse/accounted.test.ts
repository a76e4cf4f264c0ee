/** Every part of a report accounted for: what no fact explains is asked about, quoting it, not guessed. */
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locales/index.js";
import { recordsToAsk } from "../../src/parse/ask.js";
import { applyAnswer, askQuestion } from "../../src/visits/questions.js";
import { buildDraft, newPending } from "../../src/visits/report-draft.js";
import { parse, parser, WED, WED_AUSTIN } from "./helpers.js";

const unclear = (text: string, sender: string, now = WED) =>
  parse(text, sender, now).result.records.flatMap((r) => r.issues.filter((i) => i.kind === "unclear_text"));

describe("a count whose meaning no word gives", () => {
  it.each([
    ["鑫源烟酒 紫云动了7条", "M02", WED, "紫云动了7条"],
    ["Sunrise Mart dasani went 3 cs", "M07", WED_AUSTIN, "dasani went 3 cs"],
  ])("%s asks whether the count is stock or an order", (text, sender, now, quote) => {
    const [issue, ...more] = unclear(text, sender, now);
    expect(more).toEqual([]);
    expect(issue).toMatchObject({ mention: { text: quote }, readings: ["stock", "order"] });
    expect(recordsToAsk(parse(text, sender, now).result)).toEqual([true]);
  });

  it("走了 in a visit: sold, or still there?", () => {
    expect(unclear("张记便利店 软中华走了8条", "M02")).toMatchObject([
      { mention: { text: "软中华走了8条" }, readings: ["sale", "stock"] },
    ]);
  });

  it("走了 at an event is what it sold", () => {
    expect(unclear("今天在鑫源烟酒门口做了紫云品鉴 走了3条", "M02")).toEqual([]);
  });

  it.each([
    ["张记便利店 软中华 8条", "M02", WED],
    ["张记便利店 软中华也就8条", "M02", WED],
    ["张记便利店 利群还剩5条 紫云订了2条", "M02", WED],
    ["Sunrise Mart dasani 3 cs", "M07", WED_AUSTIN],
    ["Sunrise Mart 4 cs dasani left, ordered 2 cs monster", "M07", WED_AUSTIN],
  ])("%s is clear", (text, sender, now) => {
    expect(unclear(text, sender, now)).toEqual([]);
  });
});

describe("a number no fact explains", () => {
  it.each([
    ["张记便利店 红塔山还有6条 老板给了17", "M02", WED, "老板给了17"],
    ["Sunrise Mart 2 cs dasani, owner said 40", "M07", WED_AUSTIN, "owner said 40"],
  ])("%s asks about the number, quoting its clause", (text, sender, now, quote) => {
    expect(unclear(text, sender, now).map((i) => i.mention.text)).toEqual([quote]);
  });

  it.each([
    ["张记便利店 红塔山还有6条 9点半到的 3号柜台重新摆了", "M02", WED],
    ["张记便利店 红塔山12条 不对 是15条", "M02", WED],
    ["张记便利店 利群涨了5%", "M02", WED],
    ["1. 张记便利店 红塔山还有6条\n2. 鑫源烟酒 理货", "M02", WED],
    ["Sunrise Mart 2 cs dasani, got there at 9:30, 2L wall faced", "M07", WED_AUSTIN],
  ])("%s: times, restated counts, percentages and list numbers need no fact", (text, sender, now) => {
    expect(unclear(text, sender, now)).toEqual([]);
  });
});

describe("the question and its answer", () => {
  it("asks «「软中华走了8条」是卖出还是库存？» and stores the reading picked", async () => {
    const text = "张记便利店 软中华走了8条";
    const t = messagesFor("zh");
    const understand = async (input: { text: string; senderId: string; now: string }) => parser.parse(input);
    const pending = newPending(text, WED, "m1", "zh");
    const draft = await buildDraft(understand, pending, "M02");
    expect(draft.question).toMatchObject({ kind: "unclear", mention: "软中华走了8条" });
    const asked = askQuestion(draft.question!, t);
    expect(asked).toMatchObject({ text: "「软中华走了8条」是卖出还是库存？" });
    expect(asked.kind === "choices" && asked.choices.map((c) => c.label)).toEqual(["卖出", "店里库存", "忽略这一项"]);
    const outcome = applyAnswer(parser, draft.question!, "2", pending, "M02", t);
    expect(outcome.kind).toBe("answered");
    const after = await buildDraft(understand, (outcome as { pending: typeof pending }).pending, "M02");
    expect(after.question).toBeNull();
    expect(after.records[0]).toMatchObject({ stock: [{ sku: "T002", qty: 8, unit: "carton" }], orders: [] });
  });

  it("asks in English, quoting the part", async () => {
    const draft = await buildDraft(
      async (input) => parser.parse(input),
      newPending("Sunrise Mart dasani went 3 cs", WED_AUSTIN, "m2", "en"),
      "M07",
    );
    expect(askQuestion(draft.question!, messagesFor("en"))).toMatchObject({
      text: 'What does "dasani went 3 cs" mean: in stock or ordered?',
    });
  });
});

describe("a count written before its product", () => {
  it.each([
    ["鑫源烟酒 来货6条紫云", "M02", WED, "来货6条紫云"],
    ["Sunrise Mart dropped off 3 cs dasani", "M07", WED_AUSTIN, "dropped off 3 cs dasani"],
  ])("%s asks what the word before the count means", (text, sender, now, quote) => {
    expect(unclear(text, sender, now)).toMatchObject([{ mention: { text: quote }, readings: ["stock", "order"] }]);
  });

  it.each([
    ["鑫源烟酒 三条紫云 两条白沙", "M02", WED],
    ["Sunrise Mart: 3 cs dasani and 2 cs fanta", "M07", WED_AUSTIN],
    ["Sunrise Mart 👉 3 cs dasani", "M07", WED_AUSTIN],
  ])("%s is clear", (text, sender, now) => {
    expect(unclear(text, sender, now)).toEqual([]);
  });

  it("到货 is a delivery, not an unknown product", () => {
    const issues = parse("鑫源烟酒 紫云到货了4条", "M02").result.records.flatMap((r) => r.issues);
    expect(issues.map((i) => i.kind)).toEqual(["unclear_text"]);
  });
});
