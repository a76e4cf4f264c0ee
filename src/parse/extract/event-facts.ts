/**
 * Promotion facts that are not products: how many consumers came and how long it ran.
 * 来了23个人, 接待了31个顾客, "42 people tried it"; 一个半小时, 下午2点到5点, "from 3 to 5", "2 hrs".
 */
import { EN_NUMBER_WORDS, isVagueChinese, parseChineseNumber, parseEnglishNumber } from "../common/numerals.js";

export interface Counted {
  start: number;
  end: number;
  /** null when the text gives only a vague number (十几个人, "a bunch of people"). */
  value: number | null;
  /** A clock range with no am/pm, colon or "from" ("11-2"): a count range too when a product stands before it. */
  bareHours?: true;
}

const CN = "[零〇一二两俩三四五六七八九十百几多来]+";
/** A Chinese count that starts with a digit word (差不多两个钟头: 多 belongs to 差不多). */
const CN_COUNT = "[零〇一二两俩三四五六七八九十百几][零〇一二两俩三四五六七八九十百几多来]*";

const ZH_CONSUMERS = new RegExp(
  `(\\d+[多来余]?|${CN})\\s*(?:个|位|名)?\\s*(?:左右|上下)?\\s*的?\\s*(?:人|顾客|消费者|客人|烟民|客户)(?!民|员|家)|(?<=来了|到了|接待了?|来|有)(\\d+多?|${CN})\\s*(?:位|名|个(?=$|[\\s,，。；;、!！]))(?![置次])` +
    // 覆盖消费者40名, 顾客人数25, 到场人数：20 (a note's field, the number alone)
    `|(?<=消费者|顾客|客人|人数|人次)\\s*[:：]?\\s*(?:有|约|共|达)?\\s*(\\d+多?|${CN})\\s*(?:名|位|个|人次?|(?=$|[\\s,，。；;、!！]))`,
  "g",
);
const EN_CONSUMERS = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS})(?:ish)?\\+?\\s+(?:people|ppl|consumers|customers|guests|folks|visitors|shoppers|adults|persons)\\b`,
  "g",
);

const num = (s = ""): number | null =>
  /^\d+$/.test(s) ? Number(s) : /^\d+[多来余]$/.test(s) || isVagueChinese(s) ? null : parseChineseNumber(s);

export function findConsumers(text: string): Counted[] {
  const out: Counted[] = [];
  for (const m of text.matchAll(ZH_CONSUMERS))
    out.push({ start: m.index, end: m.index + m[0].length, value: num(m[1] ?? m[2] ?? m[3]) });
  for (const m of text.matchAll(EN_CONSUMERS)) {
    // "maybe 60 people", "15-20 ppl", "40ish folks": a guess, as vague as 十几个人
    const guess =
      /\b(?:maybe|like|prob(?:ably)?)\s+$|\d\s*(?:-|–|or|to)\s*$/.test(text.slice(Math.max(0, m.index - 9), m.index)) ||
      /ish\b/.test(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, value: guess ? null : parseEnglishNumber(m[1] ?? "") });
  }
  return out.sort((a, b) => a.start - b.start);
}

const ZH_HOURS = new RegExp(
  `(\\d+(?:\\.\\d+)?|${CN_COUNT})?\\s*个?(半)?\\s*(?:小时|钟头|钟)(?!前)|半\\s*个?\\s*(?:小时|钟头)|(\\d+|${CN_COUNT})\\s*分钟`,
  "g",
);
const ZH_RANGE = new RegExp(
  `(?:上午|下午|晚上|早上|中午)?(\\d{1,2}|${CN_COUNT})\\s*点(半)?\\s*(?:(?:弄|搞|做|待|站|干|聊|忙)?到|至|-|~|—)\\s*(?:上午|下午|晚上|中午)?(\\d{1,2}|${CN})\\s*点(半)?`,
  "g",
);
const EN_HOURS = new RegExp(
  `\\b(\\d+(?:\\.\\d+)?|${EN_NUMBER_WORDS}|an?)(?:\\s+and\\s+a\\s+half)?\\s*(?:hours?|hrs?|h)\\b(?:\\s+and\\s+a\\s+half\\b)?|\\bhalf an hour\\b|\\b(\\d+)\\s*(?:minutes|mins?)\\b`,
  "g",
);
const EN_RANGE =
  /\b(?:from\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*(?:to|till|until|-|–)\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b/g;

/** 下午2点到5点 is written on a 12-hour clock; an event runs for half a day at most. */
const HALF_DAY_MINUTES = 12 * 60;

function spanMinutes(h1: number, m1: number, h2: number, m2: number): number | null {
  const a = h1 * 60 + m1;
  let b = h2 * 60 + m2;
  if (b <= a) b += HALF_DAY_MINUTES;
  const d = b - a;
  return d > 0 && d <= HALF_DAY_MINUTES ? d : null;
}

export function findDurations(text: string): Counted[] {
  const out: Counted[] = [];
  for (const m of text.matchAll(ZH_RANGE)) {
    const h1 = num(m[1]);
    const h2 = num(m[3]);
    if (h1 === null || h2 === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: spanMinutes(h1, m[2] ? 30 : 0, h2, m[4] ? 30 : 0) });
  }
  for (const m of text.matchAll(ZH_HOURS)) {
    if (out.some((o) => m.index < o.end && o.start < m.index + m[0].length)) continue;
    let minutes: number | null;
    if (m[3]) minutes = num(m[3]);
    else if (!m[1]) {
      if (!m[2] && !m[0].startsWith("半")) continue; // 钟 or 小时 with no number
      minutes = 30;
    } else {
      const h = num(m[1]);
      minutes = h === null ? null : (h + (m[2] ? 0.5 : 0)) * 60;
    }
    out.push({ start: m.index, end: m.index + m[0].length, value: minutes });
  }
  for (const m of text.matchAll(EN_RANGE)) {
    // "3 to 5" is a time range only with from/am/pm or in an event; a bare "2 to 3 cases" is not.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 8);
    if (/^\s*(?:cases?|cans?|bottles?|packs?|people|ppl|days?|weeks?)/.test(after)) continue;
    // "1-2:30": minutes on either side make it a clock time; so does a bare "11-2" closing its
    // phrase ("sampling 11-2, topo", "today 10-2 🎄") — not "2-3 cases", "15-20 ppl".
    const clock = m[0].startsWith("from") || m[3] || m[6] || m[2] || m[5];
    const bareHours = Number(m[1]) <= 12 && Number(m[4]) <= 12 && /^\s*(?:$|[,.;!)\-–—]|[^ -~])/.test(after);
    if (!clock && !bareHours) continue;
    const value = spanMinutes(Number(m[1]), Number(m[2] ?? 0), Number(m[4]), Number(m[5] ?? 0));
    out.push({ start: m.index, end: m.index + m[0].length, value, ...(clock ? {} : { bareHours: true as const }) });
  }
  for (const m of text.matchAll(EN_HOURS)) {
    // "sold 14 in the first two hours": a part of the event, not its length
    if (/\b(?:first|last|within)\s+$/.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    let minutes: number | null;
    if (m[2]) minutes = Number(m[2]);
    else if (m[0].startsWith("half an hour")) minutes = 30;
    else {
      const h = m[1] === "a" || m[1] === "an" ? 1 : parseEnglishNumber(m[1] ?? "");
      minutes = h === null ? null : (h + (/and a half/.test(m[0]) ? 0.5 : 0)) * 60;
    }
    out.push({ start: m.index, end: m.index + m[0].length, value: minutes });
  }
  return out.sort((a, b) => a.start - b.start);
}
