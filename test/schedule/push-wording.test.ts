/** The scheduled pushes' wording, without a database: the digest, the weekly lines, nudges and reminders in both languages. */
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locales/index.js";
import { renderDigest } from "../../src/schedule/producers/digest.js";
import type { MemberDay } from "../../src/schedule/producers/member-day.js";

const day = (over: Partial<MemberDay>): MemberDay => ({
  personId: "M07",
  name: "Jake Miller",
  planned: 15,
  done: 0,
  skipped: 0,
  extra: 0,
  visits: 0,
  stockOuts: [],
  redFlags: [],
  ...over,
});
const JAKE = day({
  done: 1,
  extra: 1,
  visits: 2,
  stockOuts: [{ shop: "Joe's Market", products: ["Diet Coke 2L"] }],
  redFlags: [{ shop: "Joe's Market", note: "had to take two cases to get the display" }],
});
const PRIYA = day({ personId: "M08", name: "Priya Shah", planned: 12 });
const scores = (id: string) =>
  id === "M07"
    ? { today: { asked: 1, answered: 1, correct: 1 }, month: { asked: 5, answered: 4, correct: 3 } }
    : { today: { asked: 1, answered: 0, correct: 0 }, month: { asked: 5, answered: 0, correct: 0 } };

describe("the supervisor's digest", () => {
  it("reads as a US sales lead's day, with plurals that agree", () => {
    expect(renderDigest(messagesFor("en"), "Austin North", "2026-11-26", [JAKE, PRIYA], scores).split("\n")).toEqual([
      "Austin North: daily digest for Thu, Nov 26",
      "Visits against plan:",
      "· Jake Miller: 1 of 15 planned, 1 visit off plan",
      "· Priya Shah: nothing logged today (12 planned)",
      "Out of stock at 1 store: Joe's Market (Diet Coke 2L)",
      "⚠ Needs your attention (1):",
      '· Jake Miller at Joe\'s Market: "had to take two cases to get the display"',
      "Today's quiz: Jake Miller right, 3 of 4 this month; Priya Shah no answer",
    ]);
  });

  it("reads as a 营销部主任's 日报 in Chinese", () => {
    const zh = [
      {
        ...JAKE,
        name: "林志强",
        stockOuts: [{ shop: "老王烟酒店", products: ["中华(软)", "玉溪"] }],
        redFlags: [{ shop: "老王烟酒店", note: null }],
      },
    ];
    expect(renderDigest(messagesFor("zh"), "新罗一组", "2026-11-26", zh, scores).split("\n")).toEqual([
      "【新罗一组 · 11月26日（周四） 日报】",
      "计划执行：",
      "· 林志强：计划 15 家，完成 1 家，计划外 1 家",
      "断货（1 家）：老王烟酒店 中华(软)、玉溪",
      "⚠ 需要关注（1 条）：",
      "· 林志强 @ 老王烟酒店",
      "今日答题：林志强 答对，本月 3/4",
    ]);
  });
});

describe("the other pushes", () => {
  const week = {
    visits: 1,
    planned: 10,
    done: 1,
    skipped: 0,
    stockOuts: 1,
    redFlags: 0,
    quiz: { asked: 2, correct: 1 },
  };

  it("sums a week without field-name English", () => {
    expect(messagesFor("en").schedule.weekly.own("Jake Miller", "2026-11-23", "2026-11-29", week)).toBe(
      "Hi Jake, your week of Nov 23–29: 1 visit, 1 of 10 planned visits done (10%), 1 out-of-stock report, quiz 1 of 2 right. Have a good week!",
    );
    expect(messagesFor("zh").schedule.weekly.member("林志强", week)).toBe(
      "· 林志强：拜访 1 家次，计划完成 1/10（10%），报断货 1 次，答题 1/2",
    );
  });

  it("greets, nudges and reminds in the reader's language", () => {
    expect(messagesFor("en").schedule.greeting("Jake Miller", true)).toBe("Hi Jake, sorry, today's plan is late.");
    expect(messagesFor("zh").schedule.nudge("黄丽萍", 0)).toMatch(/^黄丽萍，今天还没有拜访记录哦。跑完一家/);
    const reminder = { textZh: "本周重点检查明码标价。", textEn: "Check price tags at every stop." };
    expect(messagesFor("zh").schedule.reminder(reminder)).toBe("【提醒】本周重点检查明码标价。");
    expect(messagesFor("en").schedule.reminder(reminder)).toBe("Reminder: Check price tags at every stop.");
  });
});
