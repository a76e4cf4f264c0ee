/** Plans in Chinese, the way a tobacco customer manager talks: 到期、约定回访、断货、上柜. */
import { clip } from "../clip.js";
import type { PlanDay, PlanMessages } from "../messages/plans.js";
import { format } from "./format.js";
import { words } from "./words.js";

/** An owner's complaint quoted on a plan line: enough to recognise it. */
const FEEDBACK_QUOTE_CHARS = 24;
const NUMERALS = "零一二三四五六七八九十";

const label = ({ day, isToday }: PlanDay) => (isToday ? "今天" : format.day(day));

function frequency(everyDays: number): string {
  if (everyDays === 1) return "每天1次";
  if (everyDays === 7) return "每周1次";
  if (everyDays === 14) return "每两周1次";
  if (everyDays === 30 || everyDays === 31) return "每月1次";
  if (everyDays % 7 === 0) return `每${NUMERALS[everyDays / 7] ?? everyDays / 7}周1次`;
  return `每${everyDays}天1次`;
}

const rule = (segment: string, everyDays: number) => `${words.segment(segment)}${frequency(everyDays)}`;

export const plans: PlanMessages = {
  frequency,
  reason: {
    due: (segment, everyDays, overdue) =>
      `到期（${rule(segment, everyDays)}${overdue > 0 ? `，已逾期${overdue}天` : ""}）`,
    neverVisited: (segment, everyDays) => `还没拜访过（${rule(segment, everyDays)}）`,
    promisedSomeday: (promisedOn) => `答应过再来（${format.shortDay(promisedOn)}拜访时说的）`,
    promised: (promisedOn, forDay, late) =>
      `约定回访（${format.shortDay(promisedOn)}说好${format.shortDay(forDay)}再来${late > 0 ? `，已拖${late}天` : ""}）`,
    stockOut: (products, reportedOn) => `断货待跟进：${format.list(products)}（${format.shortDay(reportedOn)}报的）`,
    feedback: (text) => `老板反馈待回复${text ? `：“${clip(text, FEEDBACK_QUOTE_CHARS)}”` : ""}`,
    target: (products) => `本月培育品规未上柜：${format.list(products)}`,
  },
  dayOff: (day, kind) => `${label(day)}${kind === "holiday" ? "是节假日" : "休息"}，没有拜访计划。`,
  nothingDue: (day) => `${label(day)}没有到期或待跟进的店，可以机动安排。`,
  heading: (day, stops, km) => `${label(day)}计划拜访 ${stops} 家${km > 0 ? `（路线${format.distance(km)}）` : ""}：`,
  deferred: (n) => `另有 ${n} 家到期的店今天排不下，会顺延到之后的计划。`,
  allHandled: (day, planned, skipped) =>
    `${label(day)}计划的 ${planned} 家都处理完了${skipped ? `（其中跳过 ${skipped} 家）` : ""}，辛苦了！`,
  progress: (day, c) =>
    `${label(day)}计划 ${c.planned} 家，已完成 ${c.done} 家${c.skipped ? `，跳过 ${c.skipped} 家` : ""}，还剩 ${c.left} 家：`,
  done: (shops) => `已完成${format.colon}${format.list(shops)}`,
  skippedShops: (skips) =>
    `跳过${format.colon}${format.list(skips.map((s) => (s.reason ? `${s.shop}（${s.reason}）` : s.shop)))}`,
  offPlan: (shops) => `计划外拜访${format.colon}${format.list(shops)}`,
  skipped: (shop, reason) =>
    `好的，${shop}今天先不去了${reason ? `（${reason}）` : ""}，已记下。这家店还会排进之后的计划。`,
};
