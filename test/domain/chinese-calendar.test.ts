/** One calendar for lunar dates, festivals and the official holiday schedule (with its 调休 workdays). */
import { describe, expect, it } from "vitest";
import { festivalAfter, nextLunarDay, officialDay } from "../../src/domain/chinese-calendar.js";
import { findDates } from "../../src/parse/extract/dates.js";
import { calendarOf, dayOff, OFFICIAL_SCHEDULE } from "../../src/plans/team-calendar.js";
import { onlyVisit } from "../parse/helpers.js";

describe("lunar dates and festivals", () => {
  it("puts Spring Festival 2027 on 6 February, where ICU's Chinese calendar says the 7th", () => {
    expect(festivalAfter("spring", "2026-12-01")).toBe("2027-02-06");
    // What Node's Intl (ICU) says: 6 February 2027 is still the 30th of the 12th month, the 7th is New Year.
    const icu = new Intl.DateTimeFormat("en-u-ca-chinese", { month: "numeric", day: "numeric" });
    expect(icu.format(new Date("2027-02-06T12:00:00+08:00"))).toBe("12/30");
    expect(icu.format(new Date("2027-02-07T12:00:00+08:00"))).toBe("1/1");
  });

  it.each([
    ["spring", "2026-01-10", "2026-02-17"],
    ["lantern", "2026-01-10", "2026-03-03"],
    ["qingming", "2026-01-10", "2026-04-05"],
    ["dragon_boat", "2026-01-10", "2026-06-19"],
    ["mid_autumn", "2026-01-10", "2026-09-25"],
    ["national", "2026-11-25", "2027-10-01"],
    ["labour", "2026-11-25", "2027-05-01"],
    // 腊八: 腊月初八 of lunar year 2026
    ["laba", "2026-12-01", "2027-01-15"],
    ["laba", "2026-01-10", "2026-01-26"],
  ] as const)("%s after %s is %s", (festival, from, day) => {
    expect(festivalAfter(festival, from)).toBe(day);
  });

  it("初八 is the next eighth day of a lunar month", () => {
    expect(nextLunarDay("2027-01-20", 8, null)).toBe("2027-02-13");
    expect(nextLunarDay("2027-01-20", 15, 1)).toBe("2027-02-20");
  });
});

describe("dates in reports", () => {
  const follow = (text: string, today: string) => findDates(text, text, today).map((d) => d.follow);
  it.each([
    ["初六再过去一趟", "2027-01-25", "2027-02-11"],
    ["正月十五以后再说", "2027-01-25", "2027-02-20"],
    ["元宵节后送过去", "2027-01-25", "2027-02-22"],
    ["中秋节后再去", "2026-09-20", "2026-09-28"],
    ["国庆之后跟进", "2026-09-20", "2026-10-08"],
    ["节前给他送过去", "2026-09-20", "2026-09-24"],
  ])("%s (on %s) → %s", (text, today, day) => {
    expect(follow(text, today)).toEqual([day]);
  });

  it.each(["初中同学开的店", "一年后再看", "初步谈了一下"])("%s holds no date", (text) => {
    expect(findDates(text, text, "2027-01-25")).toEqual([]);
  });

  it("a report's follow-up on a lunar date is that day, not unspecified", () => {
    expect(onlyVisit("鑫源烟酒 利群还有3条 初八再去", "M02", "2027-01-25T10:00:00+08:00").followUp).toBe("2027-02-13");
  });
});

describe("a team on the official schedule", () => {
  const official = calendarOf({ workdays: "1,2,3,4,5", holidays: JSON.stringify([OFFICIAL_SCHEDULE]) });
  const plain = calendarOf({ workdays: "1,2,3,4,5", holidays: "[]" });

  it("has no plan on 春节 or 国庆, weekdays though they are", () => {
    expect(officialDay("2026-02-17")).toBe("holiday");
    expect(dayOff(official, "2026-02-17")).toBe("holiday");
    expect(dayOff(official, "2026-10-05")).toBe("holiday");
    expect(dayOff(plain, "2026-02-17")).toBeNull();
  });

  it("has a plan on a make-up Saturday (调休)", () => {
    expect(officialDay("2026-02-14")).toBe("workday");
    expect(dayOff(official, "2026-02-14")).toBeNull();
    expect(dayOff(plain, "2026-02-14")).toBe("weekend");
  });

  it("keeps ordinary days as they were", () => {
    expect(dayOff(official, "2026-11-25")).toBeNull();
    expect(dayOff(official, "2026-11-28")).toBe("weekend");
  });
});
