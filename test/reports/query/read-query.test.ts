/** The phrase tables as tables: supervisors' own wording in Chinese and English, with a fixed today (Wednesday 2026-11-25). */
import { describe, expect, it } from "vitest";
import type { Person } from "../../../src/domain/roster.js";
import { readPeriod } from "../../../src/reports/query/read-period.js";
import { readStatusQuery } from "../../../src/reports/query/read-query.js";

const TODAY = "2026-11-25";
const person = (id: string, name: string, role: Person["role"], team: string | null): Person => ({
  id,
  name,
  role,
  team,
  supervisorId: null,
  lang: "zh",
  timezone: "Asia/Shanghai",
  email: null,
});
const PEOPLE = [
  person("S01", "陈建华", "supervisor", "新罗一组"),
  person("M01", "林志强", "manager", "新罗一组"),
  person("M02", "黄丽萍", "manager", "新罗一组"),
  person("M03", "张伟", "manager", "新罗一组"),
  person("M04", "刘洋", "manager", "新罗二组"),
  person("M07", "Jake Miller", "manager", "Austin North"),
  person("M08", "Priya Shah", "manager", "Austin North"),
];
const TEAMS = ["新罗一组", "新罗二组", "Austin North"];
const read = (text: string, skus: string[] = []) =>
  readStatusQuery({ text, today: TODAY, people: PEOPLE, teams: TEAMS, skus });

describe("reading which report a question asks for", () => {
  it.each([
    ["团队今天情况", "team_status", "2026-11-25", "2026-11-25"],
    ["昨天组里跑得怎么样", "team_status", "2026-11-24", "2026-11-24"],
    ["how's the team doing this week", "team_status", "2026-11-23", "2026-11-25"],
    ["上周谁的拜访最少", "team_status", "2026-11-16", "2026-11-22"],
    ["谁还没报", "not_reported", "2026-11-25", "2026-11-25"],
    ["今天组里谁还没报拜访", "not_reported", "2026-11-25", "2026-11-25"],
    ["who hasn't logged visits today?", "not_reported", "2026-11-25", "2026-11-25"],
    ["这周二组的拜访覆盖率多少", "coverage", "2026-11-23", "2026-11-25"],
    ["本月一组还有多少店没覆盖到", "coverage", "2026-11-01", "2026-11-25"],
    ["how many stores did Jake and Priya cover last week", "coverage", "2026-11-16", "2026-11-22"],
    ["这周哪些店断软中华", "stock_outs", "2026-11-23", "2026-11-25"],
    ["全组哪些店软中华断货了", "stock_outs", "2026-11-23", "2026-11-25"],
    ["any stores on the team out of Coke Zero right now?", "stock_outs", "2026-11-25", "2026-11-25"],
    ["林志强今天跑了几家", "member_detail", "2026-11-25", "2026-11-25"],
    ["昨天志强跑了几家", "member_detail", "2026-11-24", "2026-11-24"],
    ["how is Jake doing today", "member_detail", "2026-11-25", "2026-11-25"],
    ["本周促销情况", "promotions", "2026-11-23", "2026-11-25"],
    ["promotions this week?", "promotions", "2026-11-23", "2026-11-25"],
    ["这周有没有违规", "red_flags", "2026-11-23", "2026-11-25"],
    ["any red flags last week?", "red_flags", "2026-11-16", "2026-11-22"],
    ["导出本周拜访记录", "export", "2026-11-23", "2026-11-25"],
    ["export this week's visits", "export", "2026-11-23", "2026-11-25"],
    ["导出上个月的拜访", "export", "2026-10-01", "2026-10-31"],
  ])("%s → %s %s..%s", (text, report, from, to) => {
    const q = read(text);
    expect(q.report).toBe(report);
    expect([q.period.from, q.period.to]).toEqual([from, to]);
  });

  it("takes each report's own default period when none is said", () => {
    expect(read("谁还没报").period).toMatchObject({ kind: "day", from: TODAY, said: false });
    expect(read("导出拜访记录").period).toMatchObject({ kind: "week", from: "2026-11-23", to: TODAY, said: false });
    expect(read("组里情况怎么样").period).toMatchObject({ kind: "day", from: TODAY, said: false });
  });

  it("finds people by full name, given name and English first name", () => {
    expect(read("林志强今天跑了几家").personIds).toEqual(["M01"]);
    expect(read("昨天志强跑了几家").personIds).toEqual(["M01"]);
    expect(read("丽萍和张伟这周的拜访情况").personIds.sort()).toEqual(["M02", "M03"]);
    expect(read("how many stores did Jake and Priya cover last week").personIds.sort()).toEqual(["M07", "M08"]);
    // Two people asked about together is a team view of those two, not one person's detail.
    expect(read("丽萍和张伟这周的拜访情况").report).toBe("team_status");
  });

  it("reads a short team name before the period: 这周二组 is team 二组, not Tuesday", () => {
    const q = read("这周二组的拜访覆盖率多少");
    expect(q.team).toBe("新罗二组");
    expect(q.period.kind).toBe("week");
    expect(read("Austin North status this week?").team).toBe("Austin North");
  });

  it("passes on the products the parser found and notices requests for details", () => {
    expect(read("这周哪些店断软中华", ["T002"]).skus).toEqual(["T002"]);
    expect(read("团队今天情况明细").details).toBe(true);
    expect(read("team status today details?").details).toBe(true);
    expect(read("团队今天情况").details).toBe(false);
  });

  it("reads back the questions its own buttons send", () => {
    expect(read("新罗一组 团队 2026-11-16~2026-11-22 情况明细？")).toMatchObject({
      report: "team_status",
      team: "新罗一组",
      details: true,
      period: { kind: "week", from: "2026-11-16", to: "2026-11-22" },
    });
    expect(read("林志强 2026-11-24 拜访记录导出？")).toMatchObject({
      report: "export",
      personIds: ["M01"],
      period: { from: "2026-11-24", to: "2026-11-24" },
    });
    expect(read("Austin North team 2026-11-25 status details?")).toMatchObject({
      report: "team_status",
      details: true,
      team: "Austin North",
    });
  });
});

describe("reading periods", () => {
  it.each([
    ["今天", "day", "2026-11-25", "2026-11-25"],
    ["前天", "day", "2026-11-23", "2026-11-23"],
    ["周一", "day", "2026-11-23", "2026-11-23"],
    ["周五", "day", "2026-11-20", "2026-11-20"], // Friday has not come this week: last Friday
    ["上周三", "day", "2026-11-18", "2026-11-18"],
    ["11月20日", "day", "2026-11-20", "2026-11-20"],
    ["12月3号", "day", "2025-12-03", "2025-12-03"], // no year: the most recent one
    ["2026-11-02", "day", "2026-11-02", "2026-11-02"],
    ["on monday", "day", "2026-11-23", "2026-11-23"],
    ["last friday", "day", "2026-11-20", "2026-11-20"],
    ["Nov 20", "day", "2026-11-20", "2026-11-20"],
    ["这个星期", "week", "2026-11-23", "2026-11-25"],
    ["上个月", "month", "2026-10-01", "2026-10-31"],
    ["this month", "month", "2026-11-01", "2026-11-25"],
  ])("%s → %s %s..%s", (text, kind, from, to) => {
    expect(readPeriod(text.toLowerCase(), TODAY)).toEqual({ kind, from, to, said: true });
  });

  it("names no period in text without one", () => {
    expect(readPeriod("团队情况", TODAY)).toBeNull();
    expect(readPeriod("who hasn't reported", TODAY)).toBeNull();
  });
});
