/**
 * Shared wording of the reports in each language: periods, times, segments, percentages and the
 * access notes. Chinese is written as a 营销部 supervisor would say it; English as a US lead would.
 */
import { addDays, isoWeekday } from "../../domain/calendar.js";
import type { Lang } from "../../domain/roster.js";
import { dayWords } from "../../core/wording.js";
import type { Period } from "../query/query-types.js";
import type { ScopeNote } from "../scope.js";

const SEGMENTS: Record<Lang, Record<string, string>> = {
  zh: { brand_store: "品牌店", premium_store: "精品店", standard: "普通店", rural: "农村店" },
  en: { brand_store: "Brand stores", premium_store: "Premium stores", standard: "Standard stores", rural: "Rural stores" },
};

export function segmentWords(segment: string, lang: Lang): string {
  return SEGMENTS[lang][segment] ?? segment;
}

/** 今天（11月25日） / 本周（11月23日—25日） / last week (Nov 16–22). */
export function periodWords(period: Period, today: string, lang: Lang): string {
  const zh = lang === "zh";
  if (period.kind === "day") {
    const date = dayWords(period.from, lang);
    if (period.from === today) return zh ? `今天（${date}）` : `today (${date})`;
    if (period.from === addDays(today, -1)) return zh ? `昨天（${date}）` : `yesterday (${date})`;
    return date;
  }
  const span = spanWords(period.from, period.to, lang);
  const monday = addDays(today, 1 - isoWeekday(today));
  if (period.kind === "week") {
    if (period.from === monday) return zh ? `本周（${span}）` : `this week (${span})`;
    if (period.from === addDays(monday, -7)) return zh ? `上周（${span}）` : `last week (${span})`;
    return span;
  }
  if (period.from === `${today.slice(0, 8)}01`) return zh ? `本月（${span}）` : `this month (${span})`;
  return span;
}

function spanWords(from: string, to: string, lang: Lang): string {
  const [, fm, fd] = from.split("-").map(Number);
  const [, tm, td] = to.split("-").map(Number);
  if (from === to) return lang === "zh" ? `${fm}月${fd}日` : `${MONTHS[fm - 1]} ${fd}`;
  if (lang === "zh") return fm === tm ? `${fm}月${fd}日—${td}日` : `${fm}月${fd}日—${tm}月${td}日`;
  return fm === tm ? `${MONTHS[fm - 1]} ${fd}–${td}` : `${MONTHS[fm - 1]} ${fd} – ${MONTHS[tm - 1]} ${td}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** 17:32 on the day asked about, else 11月24日 17:32 / Nov 24 5:32 pm, in the reader's zone. */
export function timeWords(at: Date, timeZone: string, lang: Lang, sameDay: string | null): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const hh = Number(parts.hour);
  const clock = lang === "zh" ? `${parts.hour}:${parts.minute}` : `${hh % 12 || 12}:${parts.minute} ${hh < 12 ? "am" : "pm"}`;
  if (day === sameDay) return clock;
  const [, m, d] = day.split("-").map(Number);
  return lang === "zh" ? `${m}月${d}日 ${clock}` : `${MONTHS[m - 1]} ${d} ${clock}`;
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? "—" : `${Math.round((100 * part) / whole)}%`;
}

/** Names joined the way each language lists them. */
export function listNames(names: string[], lang: Lang): string {
  return names.join(lang === "zh" ? "、" : ", ");
}

export function noteWords(note: ScopeNote, lang: Lang): string {
  const zh = lang === "zh";
  switch (note.kind) {
    case "own_only":
      return zh ? "（客户经理只能查看自己的数据，以下是你本人的情况。）" : "(Managers can only see their own figures, so these are yours.)";
    case "other_team":
      return zh ? `（只能查看本组数据，${note.team}的情况请找该组主任或管理员。以下是本组情况。）` : `(You can only see your own team; ask ${note.team}'s lead or an admin for theirs. Here is your team.)`;
    case "not_visible":
      return zh ? `（提到的${note.count}人不在你的组里，没有列出。）` : `(${note.count} of the people you named ${note.count === 1 ? "is" : "are"} not on your team and ${note.count === 1 ? "was" : "were"} left out.)`;
  }
}
