/** Supervisors ask for reports in many ways; each must reach the team answers, and chatter must not. */
import { describe, expect, it } from "vitest";
import { readStatusQuery } from "../../src/reports/query/read-query.js";
import { parse, roster, WED_AUSTIN } from "./helpers.js";

describe("status questions", () => {
  it.each([
    "导出本周拜访记录",
    "这周哪些店断软中华",
    "昨天组里跑得怎么样",
    "本周促销情况",
    "组里这周的红旗有哪些",
    "这周有没有违规",
    "团队今天情况",
    "谁还没报",
  ])("%s (from a supervisor) is a status question", (text) =>
    expect(parse(text, "S01").result.intent.value).toBe("status_query"),
  );
  it.each([
    "export this week's visits",
    "promotions this week?",
    "team status today",
    "who hasn't logged visits today?",
  ])("%s (from a supervisor) is a status question", (text) =>
    expect(parse(text, "S03", WED_AUSTIN).result.intent.value).toBe("status_query"),
  );
  it.each(["谢谢", "好的收到", "今天下雨了", "今天去哪几家", "明天去王记"])("%s is not", (text) => {
    expect(parse(text, "S01").result.intent.value).not.toBe("status_query");
  });
  it.each(["thanks!", "ok", "what's on my route today"])("%s is not", (text) => {
    expect(parse(text, "S03", WED_AUSTIN).result.intent.value).not.toBe("status_query");
  });
});

describe("one table for asking and reading a report question", () => {
  // The phrase that makes a message a team question also says which report it wants
  // (locales/<lang>/parse/report-questions.ts: `asks`), so the two readers cannot disagree.
  const read = (text: string) =>
    readStatusQuery({
      text,
      today: "2026-11-25",
      people: roster.people,
      teams: ["新罗一组", "新罗二组", "Austin North"],
      skus: [],
    }).report;
  it.each([
    ["这周有没有碰红线的", "S01", "red_flags"],
    ["哪些店缺软中华", "S01", "stock_outs"],
    ["哪些店没货了", "S01", "stock_outs"],
    ["本周覆盖怎么样", "S01", "coverage"],
    ["导出拜访记录", "S01", "export"],
    ["which stores were low on Coke this week", "S03", "stock_outs"],
    ["any red flags this week?", "S03", "red_flags"],
  ])("%s is a status question for %s's report %s", (text, sender, report) => {
    const now = /[a-z]/i.test(text) ? WED_AUSTIN : undefined;
    expect(parse(text, sender, now).result.intent.value).toBe("status_query");
    expect(read(text)).toBe(report);
  });
});
