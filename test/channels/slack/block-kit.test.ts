import { describe, expect, it } from "vitest";
import {
  type Block,
  markAnswered,
  renderHome,
  renderReplies,
  splitText,
} from "../../../src/channels/slack/block-kit.js";
import type { Reply } from "../../../src/domain/messages.js";
import { messagesFor } from "../../../src/locales/index.js";

const zh = { t: messagesFor("zh"), publicUrl: null };
const withPublicUrl = { t: messagesFor("en"), publicUrl: "https://fm.example.com/" };

describe("Block Kit rendering of the core's replies", () => {
  it("renders text as an escaped mrkdwn section, with the plain text as the notification fallback", () => {
    const { messages } = renderReplies([{ kind: "text", text: "Joe's <Deli> & Co" }], zh);
    expect(messages).toEqual([
      {
        text: "Joe's <Deli> & Co",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "Joe's &lt;Deli&gt; &amp; Co" } }],
      },
    ]);
  });

  it("renders choices as buttons whose value is what the core expects back", () => {
    const { messages } = renderReplies(
      [
        {
          kind: "choices",
          text: "哪一家？",
          choices: [
            { label: "胡记超市", value: "胡记超市" },
            { label: "胡记便利店", value: "胡记便利店" },
          ],
        },
      ],
      zh,
    );
    const [section, actions] = messages[0]!.blocks as [Block, Extract<Block, { type: "actions" }>];
    expect(section).toMatchObject({ type: "section", text: { text: "哪一家？" } });
    expect(
      actions.elements.map((e) => ({
        id: (e as { action_id: string }).action_id,
        value: (e as { value: string }).value,
      })),
    ).toEqual([
      { id: "fm_choice_0_0", value: "胡记超市" },
      { id: "fm_choice_0_1", value: "胡记便利店" },
    ]);
    expect(messages[0]!.text).toContain("回复 1 或 2");
  });

  it("renders a card as header, fields, footer and Edit / Undo buttons (Undo in red)", () => {
    const card: Reply = {
      kind: "card",
      title: "✅ Logged: Sunrise Mart",
      lines: [{ label: "Stock", value: "Dasani: 4 cases" }],
      actions: [
        { label: "Edit", value: "Edit #45ca60de" },
        { label: "Undo", value: "Undo #45ca60de" },
      ],
      footer: "#45ca60de",
    };
    const blocks = renderReplies([card], withPublicUrl).messages[0]!.blocks;
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "context", "actions"]);
    expect(blocks[1]).toMatchObject({ fields: [{ type: "mrkdwn", text: "*Stock*\nDasani: 4 cases" }] });
    const buttons = (blocks[3] as { elements: { value: string; style?: string }[] }).elements;
    expect(buttons.map((b) => [b.value, b.style])).toEqual([
      ["Edit #45ca60de", undefined],
      ["Undo #45ca60de", "danger"],
    ]);
  });

  it("shows images and files by URL when Slack can reach them, and uploads bytes when it cannot", () => {
    const png = new Uint8Array([1, 2, 3]);
    const replies: Reply[] = [
      { kind: "image", title: "Visits this week", url: "/files/chart.png", png },
      { kind: "file", title: "Export", filename: "visits.xlsx", url: "/files/visits.xlsx", bytes: png },
    ];
    const reachable = renderReplies(replies, withPublicUrl);
    expect(reachable.uploads).toEqual([]);
    expect(reachable.messages[0]!.blocks[0]).toMatchObject({
      type: "image",
      image_url: "https://fm.example.com/files/chart.png",
    });
    expect(reachable.messages[0]!.blocks[1]).toMatchObject({
      text: { text: "📎 <https://fm.example.com/files/visits.xlsx|Export>" },
    });

    const local = renderReplies(replies, zh);
    expect(local.uploads.map((u) => u.filename)).toEqual(["Visits-this-week.png", "visits.xlsx"]);
  });

  it("keeps messages within Slack's limits: 3,000 characters a section, 50 blocks a message", () => {
    const long = Array.from({ length: 400 }, (_, i) => `line ${i} of the plan`).join("\n");
    const { messages } = renderReplies([{ kind: "text", text: long }], zh);
    for (const block of messages.flatMap((m) => m.blocks)) {
      expect((block as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
    }
    const many = Array.from({ length: 60 }, (_, i): Reply => ({ kind: "text", text: `reply ${i}` }));
    const split = renderReplies(many, zh).messages;
    expect(split.map((m) => m.blocks.length)).toEqual([50, 10]);
  });

  it("splits text at line breaks", () => {
    expect(splitText("aaaa\nbbbb\ncccc", 10)).toEqual(["aaaa\nbbbb", "cccc"]);
  });

  it("puts App Home under a header and within 100 blocks", () => {
    const blocks = renderHome(
      "Fieldmate today",
      [
        { kind: "text", text: "a" },
        { kind: "text", text: "b" },
      ],
      zh,
    );
    expect(blocks.map((b) => b.type)).toEqual(["header", "section", "divider", "section"]);
    const big = renderHome(
      "x",
      Array.from({ length: 80 }, (): Reply => ({ kind: "text", text: "t" })),
      zh,
    );
    expect(big.length).toBe(100);
  });

  it("replaces a clicked row of buttons with the answer", () => {
    const blocks: Block[] = [
      { type: "section", text: { type: "mrkdwn", text: "q" } },
      {
        type: "actions",
        block_id: "fm_actions_0_0",
        elements: [{ type: "button", action_id: "fm_choice_0_0", text: { type: "plain_text", text: "A" }, value: "A" }],
      },
    ];
    expect(markAnswered(blocks, "fm_actions_0_0", "A")[1]).toEqual({
      type: "context",
      block_id: "fm_actions_0_0",
      elements: [{ type: "mrkdwn", text: "➡️ *A*" }],
    });
  });
});
