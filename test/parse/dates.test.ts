import { describe, expect, it } from "vitest";
import { dayOfStamp } from "../../src/domain/calendar.js";
import { findDates } from "../../src/parse/extract/dates.js";
import { onlyVisit, WED, WED_AUSTIN } from "./helpers.js";

// 2026-11-25 is a Wednesday; November has 30 days, so "next week" crosses into December.
const read = (text: string, now = WED) => {
  const [d] = findDates(text.toLowerCase(), text, dayOfStamp(now));
  return d ? { visit: d.visit, follow: d.follow } : null;
};

describe("date expressions (Chinese)", () => {
  it.each([
    ["今天", "2026-11-25", null],
    ["明天", null, "2026-11-26"],
    ["后天", null, "2026-11-27"],
    ["大后天", null, "2026-11-28"],
    ["昨天", "2026-11-24", null],
    ["前天", "2026-11-23", null],
    ["下周三", null, "2026-12-02"],
    ["下下周一", null, "2026-12-07"],
    ["下周", null, "2026-11-30"],
    ["下个月", null, "2026-12-01"],
    ["月底", null, "2026-11-30"],
    ["两周后", null, "2026-12-09"],
    ["三天后", null, "2026-11-28"],
    ["这周五", null, "2026-11-27"],
    ["本周一", "2026-11-23", null],
    ["上周五", "2026-11-20", null],
    ["周一", "2026-11-23", "2026-11-30"],
    ["星期三", "2026-11-25", "2026-12-02"],
    ["礼拜五", "2026-11-20", "2026-11-27"],
    ["3号", "2026-11-03", "2026-12-03"],
    ["28号", "2026-10-28", "2026-11-28"],
    ["12月3日", "2025-12-03", "2026-12-03"],
    ["下个月5号", null, "2026-12-05"],
  ])("%s → visit %s, follow-up %s", (text, visit, follow) => {
    expect(read(text)).toEqual({ visit, follow });
  });
});

describe("date expressions (English)", () => {
  it.each([
    ["today", "2026-11-25", null],
    ["tomorrow", null, "2026-11-26"],
    ["yesterday", "2026-11-24", null],
    ["Tuesday", "2026-11-24", "2026-12-01"],
    ["on Fri", "2026-11-20", "2026-11-27"],
    ["next tuesday", null, "2026-12-01"],
    ["this Friday", null, "2026-11-27"],
    ["next week", null, "2026-11-30"],
    ["next month", null, "2026-12-01"],
    ["end of the month", null, "2026-11-30"],
    ["in 2 weeks", null, "2026-12-09"],
    ["in 3 days", null, "2026-11-28"],
    ["the 3rd", "2026-11-03", "2026-12-03"],
    ["Dec 3", "2025-12-03", "2026-12-03"],
    ["12/3", "2025-12-03", "2026-12-03"],
  ])("%s → visit %s, follow-up %s", (text, visit, follow) => {
    expect(read(text, WED_AUSTIN)).toEqual({ visit, follow });
  });

  it("does not read the verb 'sat' as Saturday", () => {
    expect(read("I sat with the owner", WED_AUSTIN)).toBeNull();
  });
});

describe("visit days and follow-ups in reports", () => {
  it("dates a visit reported with 昨天 to yesterday", () => {
    expect(onlyVisit("昨天去了新华都 软中华断货").date).toBe("2026-11-24");
  });

  it("reads a bare weekday with a visit verb as the latest such day", () => {
    expect(onlyVisit("周一去了新华都 软中华断货").date).toBe("2026-11-23");
  });

  it("does not take someone's plans (他周一回来) as the visit day", () => {
    expect(onlyVisit("新华都 软中华断货 他周一回来").date).toBe("2026-11-25");
  });

  it.each([
    ["新华都 下周三再去", "2026-12-02"],
    ["新华都 周五再过去看看", "2026-11-27"],
    ["新华都 明天把政策文件带给他", "2026-11-26"],
    ["新华都 下个月再跟进", "2026-12-01"],
    ["新华都 月底再去一趟", "2026-11-30"],
    ["新华都 两周后再过去", "2026-12-09"],
    ["新华都 下下周一再来", "2026-12-07"],
    ["新华都 3号再来给他办", "2026-12-03"],
    ["新华都 过两天再去看看", "unspecified"],
    ["新华都 大后天到货 到时候再去看下", "2026-11-28"],
    ["新华都 隔天再去一趟", "2026-11-26"],
    ["新华都 下个礼拜过去", "2026-11-30"],
    ["新华都 下周过来补个价签", "2026-11-30"],
    ["新华都 答应老板明天给他回话", "2026-11-26"],
    ["新华都 下下周二再来", "2026-12-08"],
    ["新华都 过几天给他送过去", "unspecified"],
    ["新华都 月初再去一趟", "2026-12-01"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(onlyVisit(text).followUp).toBe(followUp);
  });

  it.each([
    ["Joe's all good, will be back Tuesday", "2026-12-01"],
    ["Joe's all good, back next tuesday", "2026-12-01"],
    // Every weekday name reads the same in the cue tables as in the date reader (one table): "back
    // wednesday" and "back saturday" were missed while the follow cue had its own, shorter list.
    ["Joe's all good, back wednesday", "2026-12-02"],
    ["Joe's all good, back Saturday", "2026-11-28"],
    ["Joe's all good, check back in 2 weeks", "2026-12-09"],
    ["Joe's all good, will swing by again next week", "2026-11-30"],
    ["Joe's all good, said I'd come by again soon", "unspecified"],
    ["Joe's all good, will return in 2 wks", "2026-12-09"],
    ["Joe's all good, back 2moro", "2026-11-26"],
    ["Joe's all good, see him again tomorrow", "2026-11-26"],
    ["Joe's all good, i'll be there tuesday", "2026-12-01"],
    ["Joe's all good, back Tue", "2026-12-01"],
    ["Joe's all good, circling back end of month", "2026-11-30"],
    ["Joe's all good, back in a couple days", "unspecified"],
  ])("%s → follow-up %s", (text, followUp) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN).followUp).toBe(followUp);
  });

  it("does not take a delivery by someone else (明天送到) as a follow-up", () => {
    expect(onlyVisit("新华都 老板订了软中5条 明天送到").followUp).toBeNull();
  });
});

describe("a date that belongs to an event, not to the visit", () => {
  it.each([
    "新华都 利群昨天到货了 还有8条",
    "去了新华都，红塔山前天刚到的货，还剩5条",
    "新华都 上周五进的硬中华 现在还有3条",
    "新华都硬中华昨天卖完了",
    "新华都 老板说利群上周三就断了",
    "新华都 软中华从上周一就断货了",
    "新华都 软中华3条 老板说昨天刚补的货",
  ])("%s keeps today as the visit day", (text) => {
    expect(onlyVisit(text).date).toBe("2026-11-25");
  });

  it.each([
    "Joe's coke zero got delivered yesterday, 6 cs on shelf",
    "Joe's: last order was Friday, topo 2 cs left",
    "Joe's monster OOS since Monday",
    "Joe's yesterday's truck never came, dasani 2 cs",
  ])("%s keeps today as the visit day", (text) => {
    expect(onlyVisit(text, "M07", WED_AUSTIN).date).toBe("2026-11-25");
  });

  it("reads 昨天到的新华都 (arrived at the shop) as the visit day", () => {
    expect(onlyVisit("昨天到的新华都 软中华3条").date).toBe("2026-11-24");
  });

  it("still dates a visit the text says happened then", () => {
    expect(onlyVisit("昨天去了新华都 利群前天到的货 还有8条").date).toBe("2026-11-24");
    expect(onlyVisit("Stopped at Joe's yesterday, coke zero delivered Monday, 6 cs", "M07", WED_AUSTIN).date).toBe(
      "2026-11-24",
    );
  });
});

it("reads a weekday opening the report, then a shop, as the visit day (周一 新华都 …)", () => {
  expect(onlyVisit("周一 新华都 软中华3条").date).toBe("2026-11-23");
});

it("reads 过完年再去 as 年后: the first workday after the Spring Festival holiday", () => {
  const said = onlyVisit("新华都 过完年再去").followUp;
  expect(said).toBe(onlyVisit("新华都 年后再去").followUp);
  expect(said).not.toBe("unspecified");
});
