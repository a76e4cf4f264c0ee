import { describe, expect, it } from "vitest";
import { fromSlackText } from "../../../src/channels/slack/slack-text.js";
import { slashCommandText } from "../../../src/channels/slack/slash-command.js";
import { messagesFor } from "../../../src/locales/index.js";

describe("Slack text back to what was typed", () => {
  it.each([
    ["<@UBOT> what's my plan", "what's my plan"],
    ["<@UBOT|fieldmate> 今天去哪几家", "今天去哪几家"],
    ["Joe's &lt;OOS&gt; &amp; Sprite", "Joe's <OOS> & Sprite"],
    ["see <https://example.com/x|the list> and <mailto:a@b.c|a@b.c>", "see the list and a@b.c"],
    ["ask <@U123|maria> in <#C42|team-austin> <!here>", "ask @maria in #team-austin @here"],
    ["  张记   中华断货  ", "张记 中华断货"],
  ])("%s → %s", (input, expected) => {
    expect(fromSlackText(input, "UBOT")).toBe(expected);
  });
});

describe("/fieldmate subcommands as typed text in the person's language", () => {
  it.each([
    ["plan", "zh", "今天去哪几家"],
    ["plan", "en", "what's my plan"],
    ["Status", "zh", "团队今天情况"],
    ["status", "en", "team status"],
    ["help", "en", "help"],
    ["", "zh", "help"],
    ["张记 中华断货", "zh", "张记 中华断货"],
    // A subcommand in another language still means the same question, asked in the person's own.
    ["计划", "en", "what's my plan"],
    ["TEAM", "zh", "团队今天情况"],
  ] as const)("%s (%s) → %s", (argument, lang, expected) => {
    expect(slashCommandText(argument, messagesFor(lang))).toBe(expected);
  });
});
