/** `ask`: the records the conversation asks about before storing them, one decision for the bot, `cli parse` and hybrid mode. */
import { describe, expect, it } from "vitest";
import { recordsToAsk } from "../../src/parse/ask.js";
import { whyUnsure } from "../../src/parse/llm/unsure.js";
import { buildDraft, newPending } from "../../src/visits/report-draft.js";
import { parser, WED, WED_AUSTIN } from "./helpers.js";

const cases: [string, string, string, boolean[]][] = [
  ["张记便利店 利群还剩9条 软中华断货 下周二再来", "M02", WED, [false]],
  ["张记便利店 大重九5条 软中华断货", "M02", WED, [true]],
  ["张记便利店 红塔山还剩7", "M02", WED, [true]],
  ["去了张记便利店", "M02", WED, [true]],
  ["Joe's Coke Zero 5", "M07", WED_AUSTIN, [true]],
  ["Joe's 4 cs coke zero, owner happy", "M07", WED_AUSTIN, [false]],
];

describe("which records are asked about", () => {
  it.each(cases)("%s", async (text, sender, now, expected) => {
    const result = parser.parse({ text, senderId: sender, now });
    expect(recordsToAsk(result)).toEqual(expected);
    // The conversation puts a question exactly when some record is asked about…
    const draft = await buildDraft(async (input) => parser.parse(input), newPending(text, now, "m1", "zh"), sender);
    expect(draft.question !== null).toBe(expected.some(Boolean));
    // …and hybrid mode sends the model exactly those messages.
    expect(whyUnsure(result) !== null).toBe(expected.some(Boolean));
  });
});
