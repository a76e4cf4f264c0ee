import { describe, expect, it } from "vitest";
import { splitForWechat, wechatTexts } from "../../../src/channels/wechat/wechat-text.js";
import { messagesFor } from "../../../src/locales/index.js";

const zh = messagesFor("zh");
const en = messagesFor("en");

describe("WeChat text", () => {
  it("numbers choices and says how to answer, in the person's language", () => {
    const choices = {
      kind: "choices" as const,
      text: "哪一家？",
      choices: [
        { label: "胡记超市", value: "胡记超市" },
        { label: "胡记便利店", value: "胡记便利店" },
      ],
    };
    expect(wechatTexts([choices], zh)).toEqual(["哪一家？\n1) 胡记超市\n2) 胡记便利店\n回复 1 或 2"]);
    expect(wechatTexts([choices], en)[0]).toContain("Reply 1 or 2");
  });

  it("joins a batch of replies into one message when it fits", () => {
    expect(
      wechatTexts(
        [
          { kind: "text", text: "a" },
          { kind: "text", text: "b" },
        ],
        zh,
      ),
    ).toEqual(["a\n\nb"]);
    expect(wechatTexts([], zh)).toEqual([]);
  });

  it("splits between replies first, then at line breaks, never over the limit", () => {
    const a = "x".repeat(60);
    const b = "y".repeat(60);
    expect(splitForWechat(`${a}\n\n${b}`, 100)).toEqual([a, b]);
    const lines = Array.from({ length: 30 }, (_, i) => `第${i}行 内容内容内容`).join("\n");
    const parts = splitForWechat(lines, 100);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(parts.join("\n")).toBe(lines);
  });

  it("cuts a text with no breaks at the limit without splitting an emoji", () => {
    const text = `${"好".repeat(99)}😀${"好".repeat(50)}`;
    const parts = splitForWechat(text, 100);
    expect(parts[0]).toBe("好".repeat(99));
    expect(parts.join("")).toBe(text);
  });
});
