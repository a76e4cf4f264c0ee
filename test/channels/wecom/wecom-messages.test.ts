/** The core's replies as WeCom messages: text under 2,048 bytes, button cards where WeCom allows, media. */
import { describe, expect, it } from "vitest";
import {
  buttonKey,
  readButtonKey,
  renderReplies,
  splitText,
  type WecomMessage,
} from "../../../src/channels/wecom/wecom-messages.js";
import type { Reply } from "../../../src/domain/messages.js";
import { messagesFor } from "../../../src/locales/index.js";

const zh = { t: messagesFor("zh"), publicUrl: null };
const bytes = (text: string) => Buffer.byteLength(text, "utf8");
const card = (m: WecomMessage | undefined) => (m?.msgtype === "template_card" ? m.template_card : null);

describe("WeCom text", () => {
  it("splits long Chinese text under 2,048 bytes at line breaks, losing nothing", () => {
    const lines = Array.from(
      { length: 200 },
      (_, i) => `${i + 1}. 王记小卖部 — 软中华断货，红塔山十二条，上次拜访在十一月`,
    );
    const text = lines.join("\n");
    expect(bytes(text)).toBeGreaterThan(4 * 2048);
    const parts = splitText(text);
    expect(parts.length).toBeGreaterThan(4);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(2048);
      expect(part.startsWith(" ") || part.endsWith("\n")).toBe(false);
    }
    expect(parts.join("\n")).toBe(text);
  });

  it("cuts text without breaks between whole characters, emoji included", () => {
    const text = "📦".repeat(700) + "中".repeat(700);
    const parts = splitText(text);
    for (const part of parts) {
      expect(bytes(part)).toBeLessThanOrEqual(2048);
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    }
    expect(parts.join("")).toBe(text);
  });

  it("joins consecutive text replies into one message", () => {
    expect(
      renderReplies(
        [
          { kind: "text", text: "早上好，林志强" },
          { kind: "text", text: "今天计划拜访 6 家" },
        ],
        zh,
      ),
    ).toEqual([{ msgtype: "text", text: { content: "早上好，林志强\n\n今天计划拜访 6 家" } }]);
  });
});

describe("WeCom button cards", () => {
  it("shows a choice as a button card whose keys carry the value and the label", () => {
    const [message, ...rest] = renderReplies(
      [
        {
          kind: "choices",
          text: "您说的「王记」是哪一家？",
          choices: [
            { label: "王记小卖部", value: "王记小卖部" },
            { label: "王记烟酒", value: "王记烟酒" },
          ],
        },
      ],
      zh,
    );
    expect(rest).toEqual([]);
    const c = card(message);
    expect(c).toMatchObject({ card_type: "button_interaction", main_title: { title: "您说的「王记」是哪一家？" } });
    expect(c?.task_id).toMatch(/^[A-Za-z0-9_\-@]{1,128}$/);
    expect(c?.button_list.map((b) => b.text)).toEqual(["王记小卖部", "王记烟酒"]);
    expect(c?.button_list.map((b) => readButtonKey(b.key))).toEqual([
      { label: "王记小卖部", value: "王记小卖部" },
      { label: "王记烟酒", value: "王记烟酒" },
    ]);
  });

  it("numbers the buttons and lists the full labels when a label is too long for a button", () => {
    const c = card(
      renderReplies(
        [
          {
            kind: "choices",
            text: "哪一家？",
            choices: [
              { label: "新华都超市（龙岩北环店）", value: "R003" },
              { label: "新华都超市（登高店）", value: "R009" },
            ],
          },
        ],
        zh,
      )[0],
    );
    expect(c?.sub_title_text).toBe("1) 新华都超市（龙岩北环店）\n2) 新华都超市（登高店）");
    expect(c?.button_list.map((b) => b.text)).toEqual(["1 新华都超市（龙…", "2 新华都超市（登…"]);
    for (const b of c?.button_list ?? []) expect([...b.text].length).toBeLessThanOrEqual(10);
  });

  it("falls back to numbered text for more than six choices", () => {
    const choices = Array.from({ length: 7 }, (_, i) => ({ label: `店${i + 1}`, value: `店${i + 1}` }));
    const [message] = renderReplies([{ kind: "choices", text: "哪一家？", choices }], zh);
    expect(message).toEqual({
      msgtype: "text",
      text: {
        content:
          "哪一家？\n1) 店1\n2) 店2\n3) 店3\n4) 店4\n5) 店5\n6) 店6\n7) 店7\n回复 1 或 2 或 3 或 4 或 5 或 6 或 7",
      },
    });
  });

  it("shows a receipt as a card with its lines and undo/edit buttons, and long ones with their text first", () => {
    const receipt: Reply = {
      kind: "card",
      title: "已记录：王记小卖部 · 11月26日（周四）",
      lines: [
        { label: "断货", value: "中华(软)" },
        { label: "库存", value: "红塔山 12条" },
      ],
      actions: [
        { label: "修改", value: "修改 #A1B2" },
        { label: "撤销", value: "撤销 #A1B2" },
      ],
      footer: "#A1B2",
    };
    const [message] = renderReplies([receipt], zh);
    expect(card(message)).toMatchObject({
      main_title: { title: "已记录：王记小卖部 · 11月26日（周四）" },
      sub_title_text: "断货：中华(软)\n库存：红塔山 12条\n#A1B2",
      button_list: [{ text: "修改" }, { text: "撤销" }],
    });
    const long = {
      ...receipt,
      lines: Array.from({ length: 12 }, (_, i) => ({ label: `门店${i}`, value: "软中华断货，红塔山十二条" })),
    };
    const [before, after] = renderReplies([long], zh);
    expect(before?.msgtype).toBe("text");
    expect(before?.msgtype === "text" && before.text.content).toContain("门店11：软中华断货，红塔山十二条");
    expect(card(after)?.sub_title_text).toBeUndefined();
    expect(card(after)?.button_list).toHaveLength(2);
  });

  it("sends a card with no actions as text (WeCom's notice cards need a link)", () => {
    const [message] = renderReplies(
      [{ kind: "card", title: "团队今天", lines: [{ label: "已拜访", value: "12 家" }], actions: [] }],
      zh,
    );
    expect(message).toEqual({ msgtype: "text", text: { content: "团队今天\n已拜访：12 家" } });
  });

  it("keeps a key round trip exact, and takes a key that is not ours as typed text", () => {
    const choice = { label: "撤销", value: "撤销 #A1B2" };
    expect(readButtonKey(buttonKey(choice))).toEqual(choice);
    expect(readButtonKey("今天去哪几家")).toEqual({ label: "今天去哪几家", value: "今天去哪几家" });
  });
});

describe("WeCom media", () => {
  it("uploads a chart's bytes as an image after its caption, and a file's as a file", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    const messages = renderReplies(
      [
        { kind: "image", title: "新罗一组 今天拜访", url: "/files/chart-1.png", png },
        { kind: "file", title: "拜访导出（42 条）", filename: "visits.xlsx", url: "/files/x.xlsx", bytes: xlsx },
      ],
      zh,
    );
    expect(messages.map((m) => m.msgtype)).toEqual(["text", "image", "text", "file"]);
    expect(messages[1]).toMatchObject({
      media: { filename: "新罗一组-今天拜访.png", contentType: "image/png", bytes: png },
    });
    expect(messages[3]).toMatchObject({ media: { filename: "visits.xlsx", bytes: xlsx } });
  });

  it("links media without bytes through PUBLIC_URL, or names them when there is no public address", () => {
    const image: Reply = { kind: "image", title: "图表", url: "/files/chart-1.png" };
    expect(renderReplies([image], { ...zh, publicUrl: "https://fm.example.com/" })).toEqual([
      { msgtype: "text", text: { content: "图表\n\nhttps://fm.example.com/files/chart-1.png" } },
    ]);
    expect(renderReplies([image], zh)).toEqual([{ msgtype: "text", text: { content: "图表" } }]);
  });
});
