/** How Chinese replies write days, lists, counts and quantities. */
import { isoWeekday } from "../../domain/calendar.js";
import type { Unit } from "../../domain/records.js";
import { dayParts, type Formatter, type Noun, percentOf } from "../format.js";

const WEEKDAYS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const UNITS: Record<Unit, string> = { carton: "条", pack: "包", case: "件", unit: "瓶" };
const MEASURE: Record<Noun, string> = {
  shop: "家",
  visit: "家次",
  person: "人",
  manager: "人",
  record: "条",
  day: "天",
  redFlag: "条",
  stockOut: "项",
  promotion: "场",
  consumer: "人",
  photo: "张",
};

const shortDay = (day: string) => {
  const { m, d } = dayParts(day);
  return `${m}月${d}日`;
};

export const format: Formatter = {
  shortDay,
  day: (day) => `${shortDay(day)}（${WEEKDAYS[isoWeekday(day)]}）`,
  weekday: (n) => WEEKDAYS[n] ?? "",
  span(from, to) {
    if (from === to) return shortDay(from);
    const a = dayParts(from);
    const b = dayParts(to);
    return a.m === b.m ? `${a.m}月${a.d}日—${b.d}日` : `${a.m}月${a.d}日—${b.m}月${b.d}日`;
  },
  clock: (hour, minute) => `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
  list: (items) => items.join("、"),
  clauses: (items) => items.join("；"),
  count: (n, noun) => `${n}${MEASURE[noun]}`,
  quantity: (qty, unit) => `${qty}${UNITS[unit]}`,
  unitName: (unit) => UNITS[unit],
  minutes(minutes) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return `${h ? `${h}小时` : ""}${m ? `${m}分钟` : ""}` || "0分钟";
  },
  percent: percentOf,
  distance: (km) => `约 ${km.toFixed(1)} 公里`,
  quote: (text) => `「${text}」`,
  colon: "：",
};
