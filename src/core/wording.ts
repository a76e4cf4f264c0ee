/** How facts read in each language: units, activities, formats, dates. Shared by receipts and answers. */
import { isoWeekday } from "../domain/calendar.js";
import type { Lang } from "../domain/roster.js";
import type { Activity, FormatStockLine, PromotionFormat, Unit } from "../domain/records.js";

const UNIT_WORDS: Record<Lang, Record<Unit, (qty: number) => string>> = {
  zh: { carton: () => "条", pack: () => "包", case: () => "件", unit: () => "瓶" },
  en: {
    carton: (q) => (q === 1 ? " carton" : " cartons"),
    pack: (q) => (q === 1 ? " pack" : " packs"),
    case: (q) => (q === 1 ? " case" : " cases"),
    unit: (q) => (q === 1 ? " unit" : " units"),
  },
};

export const ACTIVITY_WORDS: Record<Lang, Record<Activity, string>> = {
  zh: {
    stock_check: "盘点库存",
    display: "陈列理货",
    listing: "新品上柜",
    order: "订货",
    policy: "政策宣传",
    price_check: "价签检查",
    promotion: "促销活动",
    service: "客户服务",
  },
  en: {
    stock_check: "stock check",
    display: "display",
    listing: "listing",
    order: "order",
    policy: "policy talk",
    price_check: "price check",
    promotion: "promotion",
    service: "service",
  },
};

export const FORMAT_WORDS: Record<Lang, Record<PromotionFormat, string>> = {
  zh: {
    tasting: "品鉴会",
    in_store: "驻店促销",
    circle: "圈层活动",
    display: "陈列活动",
    gift: "买赠活动",
    discount: "特价活动",
    other: "促销活动",
  },
  en: {
    tasting: "tasting",
    in_store: "in-store session",
    circle: "consumer gathering",
    display: "display campaign",
    gift: "gift with purchase",
    discount: "price promotion",
    other: "promotion",
  },
};

const ZH_WEEKDAYS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const EN_WEEKDAYS = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 11月25日(周三) / Wed Nov 25. */
export function dayWords(day: string, lang: Lang): string {
  const [, m, d] = day.split("-").map(Number);
  const wd = isoWeekday(day);
  return lang === "zh" ? `${m}月${d}日(${ZH_WEEKDAYS[wd]})` : `${EN_WEEKDAYS[wd]} ${EN_MONTHS[m - 1]} ${d}`;
}

export function followUpWords(followUp: string, lang: Lang): string {
  if (followUp === "unspecified") return lang === "zh" ? "再跟进（未定日期）" : "later (no day set)";
  return dayWords(followUp, lang);
}

/** 红塔山 12条 / Coke Zero: 3 cases / 软中华 数量不详. */
export function lineWords(line: FormatStockLine, productName: string, lang: Lang): string {
  if (line.qty === null) return lang === "zh" ? `${productName} 数量不详` : `${productName}: some (no count)`;
  const qty = Number.isInteger(line.qty) ? String(line.qty) : String(line.qty);
  const unit = line.unit ? UNIT_WORDS[lang][line.unit](line.qty) : lang === "zh" ? "（单位未知）" : " (unit?)";
  return lang === "zh" ? `${productName} ${qty}${unit}` : `${productName}: ${qty}${unit}`;
}

export function listWords(items: string[], lang: Lang): string {
  return items.join(lang === "zh" ? "、" : ", ");
}

export function minutesWords(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === "zh") return `${h ? `${h}小时` : ""}${m ? `${m}分钟` : ""}` || "0分钟";
  return `${h ? `${h} h ` : ""}${m ? `${m} min` : ""}`.trim() || "0 min";
}
