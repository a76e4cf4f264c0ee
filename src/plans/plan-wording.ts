/**
 * The words of a plan in Chinese and English: segments, frequencies, dates and reasons.
 * Chinese reads the way a tobacco customer manager talks (到期、约定回访、断货、上柜); English the way a beverage rep does.
 */
import type { Lang } from "../domain/roster.js";
import { isoWeekday } from "../domain/calendar.js";
import type { PlanReason, ProductRef } from "./plan-types.js";

const SEGMENTS: Record<Lang, Record<string, string>> = {
  zh: { brand_store: "品牌店", premium_store: "精品店", standard: "普通店", rural: "农村店" },
  en: { brand_store: "brand store", premium_store: "premium store", standard: "standard store", rural: "rural store" },
};

export function segmentName(segment: string, lang: Lang): string {
  return SEGMENTS[lang][segment] ?? segment.replace(/_/g, " ");
}

export function frequency(everyDays: number, lang: Lang): string {
  if (lang === "zh") {
    if (everyDays === 1) return "每天1次";
    if (everyDays === 7) return "每周1次";
    if (everyDays === 14) return "每两周1次";
    if (everyDays === 30 || everyDays === 31) return "每月1次";
    if (everyDays % 7 === 0) return `每${"零一二三四五六七八九十"[everyDays / 7] ?? everyDays / 7}周1次`;
    return `每${everyDays}天1次`;
  }
  if (everyDays === 1) return "daily";
  if (everyDays === 7) return "weekly";
  if (everyDays === 30 || everyDays === 31) return "monthly";
  if (everyDays % 7 === 0) return `every ${everyDays / 7} weeks`;
  return `every ${everyDays} days`;
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ZH_WEEKDAYS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const EN_WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "11月20日" / "Nov 20". */
export function shortDate(day: string, lang: Lang): string {
  const [, m, d] = day.split("-").map(Number);
  return lang === "zh" ? `${m}月${d}日` : `${EN_MONTHS[m - 1]} ${d}`;
}

/** "11月27日（周四）" / "Thu, Nov 27". */
export function dateWithWeekday(day: string, lang: Lang): string {
  const w = isoWeekday(day);
  return lang === "zh" ? `${shortDate(day, lang)}（${ZH_WEEKDAYS[w]}）` : `${EN_WEEKDAYS[w]}, ${shortDate(day, lang)}`;
}

export function productList(products: ProductRef[], lang: Lang): string {
  return products.map((p) => p.name).join(lang === "zh" ? "、" : ", ");
}

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  return [...t].length > max ? [...t].slice(0, max).join("") + "…" : t;
}

/** One reason as a short phrase. */
export function reasonText(r: PlanReason, lang: Lang): string {
  const zh = lang === "zh";
  switch (r.kind) {
    case "due": {
      const rule = zh ? `${segmentName(r.segment, lang)}${frequency(r.everyDays, lang)}` : `${segmentName(r.segment, lang)}, ${frequency(r.everyDays, lang)}`;
      if (zh) return r.overdueDays > 0 ? `到期（${rule}，已逾期${r.overdueDays}天）` : `到期（${rule}）`;
      return r.overdueDays > 0 ? `due (${rule}; ${r.overdueDays} ${r.overdueDays === 1 ? "day" : "days"} overdue)` : `due (${rule})`;
    }
    case "never_visited":
      return zh
        ? `还没拜访过（${segmentName(r.segment, lang)}${frequency(r.everyDays, lang)}）`
        : `no visit on record (${segmentName(r.segment, lang)}, ${frequency(r.everyDays, lang)})`;
    case "follow_up": {
      if (!r.forDay) return zh ? `答应过再来（${shortDate(r.promisedOn, lang)}拜访时说的）` : `you said you'd come back (visit of ${shortDate(r.promisedOn, lang)})`;
      if (zh) return `约定回访（${shortDate(r.promisedOn, lang)}说好${shortDate(r.forDay, lang)}再来${r.lateDays > 0 ? `，已拖${r.lateDays}天` : ""}）`;
      return `follow-up promised on ${shortDate(r.promisedOn, lang)} for ${shortDate(r.forDay, lang)}${r.lateDays > 0 ? ` (${r.lateDays} ${r.lateDays === 1 ? "day" : "days"} late)` : ""}`;
    }
    case "stock_out":
      return zh
        ? `断货待跟进：${productList(r.products, lang)}（${shortDate(r.reportedOn, lang)}报的）`
        : `out of stock: ${productList(r.products, lang)} (reported ${shortDate(r.reportedOn, lang)})`;
    case "feedback":
      return zh
        ? `老板反馈待回复${r.text ? `：“${clip(r.text, 24)}”` : ""}`
        : `owner feedback to answer${r.text ? `: "${clip(r.text, 48)}"` : ""}`;
    case "target":
      return zh ? `本月培育品规未上柜：${productList(r.products, lang)}` : `this month's focus products not on shelf: ${productList(r.products, lang)}`;
  }
}

export function reasonsText(reasons: PlanReason[], lang: Lang): string {
  return reasons.map((r) => reasonText(r, lang)).join(lang === "zh" ? "；" : "; ");
}

/** "约 23.4 公里" / "about 23.4 km (14.5 mi)": US reps think in miles. */
export function distanceText(km: number, lang: Lang): string {
  return lang === "zh" ? `约 ${km.toFixed(1)} 公里` : `about ${km.toFixed(1)} km (${(km * 0.621371).toFixed(1)} mi)`;
}

export function count(n: number, lang: Lang, en: [string, string]): string {
  return lang === "zh" ? String(n) : `${n} ${n === 1 ? en[0] : en[1]}`;
}
