/**
 * Correction or new report? A table of messages in both languages, each read with the real parser on
 * the test roster, after a last record the sender made. Every "report" and "either" row here was
 * taken for a correction before (the opening words alone decided) and overwrote the last record.
 */
import { describe, expect, it } from "vitest";
import type { FormatVisit } from "../../src/domain/records.js";
import { createParser } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";
import type { StoredRecord } from "../../src/store/record-store.js";
import { correctionOrReport, type Verdict } from "../../src/visits/correction-or-report.js";
import { readCorrection } from "../../src/visits/corrections.js";
import { TEST_ROSTER } from "../support/fixtures.js";
import { formatVisit } from "../support/format-visit.js";

const parser = createParser(readRosterDir(TEST_ROSTER));

/** Wednesday 25 November 2026, in Shanghai and in Austin. */
const SHANGHAI = "2026-11-25T17:40:00+08:00";
const AUSTIN = "2026-11-25T16:00:00-06:00";
const TODAY = "2026-11-25";
const YESTERDAY = "2026-11-24";

function visit(
  managerId: string,
  retailer: string,
  date: string,
  facts: Partial<Omit<FormatVisit, "retailer">> = {},
): StoredRecord {
  return {
    ...formatVisit(retailer, date, { activities: ["stock_check"], ...facts }),
    type: "visit",
    retailer,
    id: "3f2a9c01-0000-4000-8000-000000000000",
    managerId,
    messageId: null,
    status: "active",
    createdAt: new Date(),
    feedbackText: null,
    complianceNote: null,
  };
}

const tasting: StoredRecord = {
  type: "promotion",
  id: "5b1d0e02-0000-4000-8000-000000000000",
  managerId: "M02",
  messageId: null,
  status: "active",
  createdAt: new Date(),
  retailers: ["R035"],
  date: TODAY,
  skus: ["T002"],
  format: "tasting",
  consumers: 23,
  durationMinutes: 90,
  sales: [{ sku: "T002", qty: 4, unit: "carton" }],
};

/** M02's 张记便利店 visit today: 红塔山 12条. */
const ZHANG = visit("M02", "R035", TODAY, { stock: [{ sku: "T007", qty: 12, unit: "carton" }] });
/** M06's 黄记 visit today. */
const HUANG = visit("M06", "R141", TODAY, { outOfStock: ["T002"] });
/** M07's Sunrise visit today: 4 cases Diet Coke, out of Coke Zero. */
const SUNRISE = visit("M07", "R159", TODAY, {
  stock: [{ sku: "B003", qty: 4, unit: "case" }],
  outOfStock: ["B002"],
});
const SUNRISE_YESTERDAY = { ...SUNRISE, date: YESTERDAY } as StoredRecord;
/** M07's Joe's visit today, out of Topo. */
const JOES = visit("M07", "R151", TODAY, { outOfStock: ["B010"] });

/** How the chat takes a message: not a correction at all ("report"), a correction, or a question. */
function verdictOf(text: string, last: StoredRecord): Verdict {
  const correction = readCorrection(text);
  if (!correction) return "report";
  const now = last.managerId === "M07" ? AUSTIN : SHANGHAI;
  return correctionOrReport(correction, parser.parse({ text, senderId: last.managerId, now }), [last]);
}

type Row = [text: string, last: StoredRecord, expected: Verdict];

const CHINESE_NEW_REPORTS: Row[] = [
  ["不是很忙，旺旺 硬中华5条", ZHANG, "report"],
  ["不是我说，旺旺软中华又断货了", ZHANG, "report"],
  ["不是很顺利 老陈超市 硬中华还有2条", ZHANG, "report"],
  ["没想到旺旺软中华卖完了", ZHANG, "report"],
  ["没货了，旺旺的软中华", ZHANG, "report"],
  ["没有软中华了，旺旺食杂店", ZHANG, "report"],
  ["没有什么大事，老陈超市红塔山还有8条", ZHANG, "report"],
  ["不多了，旺旺红塔山只剩3条", ZHANG, "report"],
  ["不好卖，老陈超市利群还有20条", ZHANG, "report"],
  ["错过了老板，旺旺软中华断货", ZHANG, "report"],
  ["下次周五再去旺旺，今天硬中华断货了", ZHANG, "report"],
  ["日期没问题，旺旺今天订了10条软中华", ZHANG, "report"],
  ["时间紧，老陈超市红塔山12条", ZHANG, "report"],
  ["不对劲，旺旺软中华断货好几天了", ZHANG, "report"],
  ["其实还行，旺旺硬中华5条", ZHANG, "report"],
  ["没去成老陈家，改去了旺旺，软中华断货", ZHANG, "report"],
  ["不是很忙，黄记副食店 硬中华5条", visit("M06", "R132", TODAY), "report"],
  // The same shop the same day: more of that visit (it is added to it, and undo takes it back out).
  ["不是很忙，黄记副食店 硬中华5条", HUANG, "report"],
  ["没有硬中华了，张记", ZHANG, "report"],
];

const CHINESE_CORRECTIONS: Row[] = [
  ["不对，是15条", ZHANG, "correction"],
  ["不对，是硬中华", ZHANG, "correction"],
  ["改成软中华", ZHANG, "correction"],
  ["不是张记，是旺旺", ZHANG, "correction"],
  ["不是12条，是15条", ZHANG, "correction"],
  ["下次周五去", ZHANG, "correction"],
  ["日期是昨天", ZHANG, "correction"],
  ["错了，应该是20条", ZHANG, "correction"],
  ["写错了，红塔山是10条", ZHANG, "correction"],
  ["应该是18条", ZHANG, "correction"],
  ["更正：红塔山15条", ZHANG, "correction"],
  ["不对，张记红塔山是15条", ZHANG, "correction"],
  ["不对，是15条 #3f2a9c01", ZHANG, "correction"],
  ["不对 #3f2a9c01 旺旺硬中华5条", ZHANG, "correction"],
  ["撤销", ZHANG, "correction"],
  ["撤销 #3f2a9c01", ZHANG, "correction"],
  ["删掉这条", ZHANG, "correction"],
  ["去掉软中华的断货", ZHANG, "correction"],
  ["删掉红塔山的库存", ZHANG, "correction"],
  ["把软中华的断货去掉", ZHANG, "correction"],
  ["修改", ZHANG, "correction"],
  ["不对 触达了40人", tasting, "correction"],
  ["不对，卖了6条", tasting, "correction"],
  ["不对，来了40个人，卖了6条", tasting, "correction"],
];

const CHINESE_EITHER: Row[] = [
  // Plainly a correction, but of another shop and with facts: move 张记's record, or a new 旺旺 visit?
  ["不对，旺旺 硬中华5条", ZHANG, "either"],
  ["搞错了，是老陈超市，红塔山12条", ZHANG, "either"],
  // Names the last record's shop only to deny it, and reports another.
  ["不是张记，是旺旺 硬中华5条", ZHANG, "either"],
];

const ENGLISH_NEW_REPORTS: Row[] = [
  ["No Sprite left at Joe's, they ordered 6 cases Diet Coke", SUNRISE, "report"],
  ["Not much going on at Joe's, 3 cases Coke Zero on the shelf", SUNRISE, "report"],
  ["Nothing new at HEB Mueller except they're out of Sprite", SUNRISE, "report"],
  ["Nothing on the shelf at Joe's for Topo, totally out", SUNRISE, "report"],
  ["Actually a busy day, Joe's took 5 cases of Coke Zero", SUNRISE, "report"],
  ["Back at Joe's, out of Diet Coke", SUNRISE, "report"],
  ["Back from North Loop: 2 cases Sprite, out of Topo", SUNRISE, "report"],
  ["No Coke Zero at Eastside today", SUNRISE, "report"],
  ["Not a lot of Dasani left at Joe's, 2 cases", SUNRISE, "report"],
  ["No issues at 7-Eleven Burnet, 4 cases Coke Zero", SUNRISE, "report"],
  ["Nope, La Esperanza is out of Monster again", SUNRISE, "report"],
  ["Follow-up at Joe's Friday, they're out of Coke Zero", SUNRISE, "report"],
  ["Fixed the display at Joe's, 2 cases Sprite", SUNRISE, "report"],
  // The same shop the same day: added to that visit, the newer count winning.
  ["No, Sunrise had 6 cases Diet Coke", SUNRISE, "report"],
];

const ENGLISH_CORRECTIONS: Row[] = [
  ["no, 15 cases", SUNRISE, "correction"],
  ["not Joe's, Sunrise", JOES, "correction"],
  ["follow-up Friday", SUNRISE, "correction"],
  ["make it 6 cases", SUNRISE, "correction"],
  ["actually it was 5 cases", SUNRISE, "correction"],
  ["wrong, it's Diet Coke", SUNRISE, "correction"],
  ["that was yesterday", SUNRISE, "correction"],
  ["back Tuesday", SUNRISE, "correction"],
  ["not 4 cases, 5", SUNRISE, "correction"],
  ["correction: out of Sprite, not Coke Zero", SUNRISE, "correction"],
  ["wrong, Sunrise had 6 cases Diet Coke", SUNRISE, "correction"],
  ["no, 15 cases #3f2a9c01", SUNRISE, "correction"],
  ["undo", SUNRISE, "correction"],
  ["undo #3f2a9c01", SUNRISE, "correction"],
  ["delete that", SUNRISE, "correction"],
  ["remove coke zero from out of stock", SUNRISE, "correction"],
  ["take Coke Zero off the out of stock list", SUNRISE, "correction"],
  ["edit", SUNRISE, "correction"],
  ["wait no, that was sunrise. lakewood is a separate stop", JOES, "correction"],
  ["no, 40 people", { ...tasting, managerId: "M07" } as StoredRecord, "correction"],
];

const ENGLISH_EITHER: Row[] = [
  // About an older visit of the same shop: fix yesterday's record, or today's report?
  ["Actually Sunrise had 5 cases Diet Coke", SUNRISE_YESTERDAY, "either"],
  ["wrong, Joe's had 5 cases Coke Zero", SUNRISE, "either"],
  ["not Sunrise, Joe's: 5 cases Coke Zero", SUNRISE, "either"],
];

const TABLE = [
  ...CHINESE_NEW_REPORTS,
  ...CHINESE_CORRECTIONS,
  ...CHINESE_EITHER,
  ...ENGLISH_NEW_REPORTS,
  ...ENGLISH_CORRECTIONS,
  ...ENGLISH_EITHER,
];

describe("correction or new report", () => {
  it("has at least 60 messages, in both languages", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(CHINESE_NEW_REPORTS.length + CHINESE_CORRECTIONS.length).toBeGreaterThanOrEqual(30);
    expect(ENGLISH_NEW_REPORTS.length + ENGLISH_CORRECTIONS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(TABLE.map(([text, last, expected]) => ({ text, last, expected })))(
    "$text → $expected",
    ({ text, last, expected }) => {
      expect(verdictOf(text, last)).toBe(expected);
    },
  );

  it("a message that only opens like a correction, with no record yet, is a report", () => {
    const text = "No Sprite left at Joe's, they ordered 6 cases Diet Coke";
    const correction = readCorrection(text)!;
    expect(correctionOrReport(correction, parser.parse({ text, senderId: "M07", now: AUSTIN }), [])).toBe("report");
  });
});
