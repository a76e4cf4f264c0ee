/** Supervisors ask for reports in many ways; each must reach the team answers, and chatter must not. */
import { describe, expect, it } from "vitest";
import { parse, WED_AUSTIN } from "./helpers.js";

describe("status questions", () => {
  it.each(["导出本周拜访记录", "这周哪些店断软中华", "昨天组里跑得怎么样", "本周促销情况", "组里这周的红旗有哪些", "这周有没有违规", "团队今天情况", "谁还没报"])(
    "%s (from a supervisor) is a status question",
    (text) => expect(parse(text, "S01").result.intent.value).toBe("status_query"),
  );
  it.each(["export this week's visits", "promotions this week?", "team status today", "who hasn't logged visits today?"])(
    "%s (from a supervisor) is a status question",
    (text) => expect(parse(text, "S03", WED_AUSTIN).result.intent.value).toBe("status_query"),
  );
  it.each(["谢谢", "好的收到", "今天下雨了", "今天去哪几家", "明天去王记"])("%s is not", (text) => {
    expect(parse(text, "S01").result.intent.value).not.toBe("status_query");
  });
  it.each(["thanks!", "ok", "what's on my route today"])("%s is not", (text) => {
    expect(parse(text, "S03", WED_AUSTIN).result.intent.value).not.toBe("status_query");
  });
});
