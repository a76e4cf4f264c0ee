import { describe, expect, it } from "vitest";
import { splitForWechat, wechatTexts } from "../../../src/channels/wechat/wechat-text.js";
import { SendQueue } from "../../../src/channels/wechat/send-queue.js";

describe("WeChat text", () => {
  it("numbers choices and says how to answer, in the person's language", () => {
    const choices = { kind: "choices" as const, text: "哪一家？", choices: [{ label: "胡记超市", value: "胡记超市" }, { label: "胡记便利店", value: "胡记便利店" }] };
    expect(wechatTexts([choices], "zh")).toEqual(["哪一家？\n1) 胡记超市\n2) 胡记便利店\n回复 1 或 2"]);
    expect(wechatTexts([choices], "en")[0]).toContain("Reply 1 or 2");
  });

  it("joins a batch of replies into one message when it fits", () => {
    expect(wechatTexts([{ kind: "text", text: "a" }, { kind: "text", text: "b" }], "zh")).toEqual(["a\n\nb"]);
    expect(wechatTexts([], "zh")).toEqual([]);
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
    const text = "好".repeat(99) + "😀" + "好".repeat(50);
    const parts = splitForWechat(text, 100);
    expect(parts[0]).toBe("好".repeat(99));
    expect(parts.join("")).toBe(text);
  });
});

describe("the send queue", () => {
  it("runs sends one at a time with the interval between them, and survives a failed send", async () => {
    let clock = 0;
    const sleeps: number[] = [];
    const queue = new SendQueue(1000, async (ms) => void (sleeps.push(ms), (clock += ms)), () => clock);
    const started: number[] = [];
    const send = (fail = false) => async () => {
      started.push(clock);
      if (fail) throw new Error("puppet said no");
    };
    const results = await Promise.allSettled([queue.enqueue(send()), queue.enqueue(send(true)), queue.enqueue(send())]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(started).toEqual([0, 1000, 2000]);
    await queue.drain();
    expect(queue.size).toBe(0);
  });
});
