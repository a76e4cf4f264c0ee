/**
 * Amounts with units: 12条, 两条半, 一百二十包, 半件, 十几条 (vague), "3 cases", "half a case",
 * "6 cans", "0 Gatorade" (a stock-out), and a bare number right after a product (a missing unit).
 * One concept: how much of something, never which product or what it means.
 */
import type { Unit } from "../../domain/records.js";
import { EN_NUMBER_WORDS, isVagueChinese, parseEnglishNumber, parseNumber } from "../common/numerals.js";

export interface Amount {
  start: number;
  end: number;
  qty: number | null;
  unit: Unit | null;
  /** The amount reads "of X" / "X各…": which side its product stands on, when the words say. */
  of: boolean;
  each: boolean;
  zero: boolean;
}

const ZH_UNITS: Record<string, Unit> = {
  条: "carton",
  包: "pack",
  盒: "pack",
  件: "case",
  箱: "case",
  瓶: "unit",
  罐: "unit",
  听: "unit",
};
const ZH_NUM = "\\d+(?:\\.\\d+)?|[零〇一二两俩三四五六七八九十百千几多来]+";
const ZH_AMOUNT = new RegExp(
  `(?<![第\\d.])(${ZH_NUM})\\s*个?\\s*([条包盒件箱瓶罐听])(半)?|半个?([条包盒件箱瓶罐听])`,
  "g",
);

const EN_UNITS: [RegExp, Unit][] = [
  [/^(?:cases?|cs|boxes?|box)$/, "case"],
  [/^cartons?$/, "carton"],
  [/^(?:packs?|pks?)$/, "pack"],
  [/^(?:bottles?|btls?|cans?|units?|singles?|ea)$/, "unit"],
];
const EN_AMOUNT = new RegExp(
  // "x4 cs", "x 4 cases": a times sign before the count
  `(?:\\bx\\s?|\\b)(\\d+(?:\\.\\d+)?|${EN_NUMBER_WORDS}|half an?|a half)\\s+(?:(?:extra|more|full|whole|additional|x)\\s+)?(cases?|cs|boxes|box|cartons?|packs?|pks?|bottles?|btls?|cans?|units?|singles?|ea)\\b(\\s+of\\b)?` +
    // "10cs", "24btls": digits glued to a unit (not to pk/pack, which name a pack size: "12pk").
    `|(?:\\bx\\s?|\\b)(\\d+)(cases?|cs|btls?|bottles?|cans?|ea)\\b(\\s+of\\b)?`,
  "g",
);

function chineseAmounts(text: string, out: Amount[]): void {
  for (const m of text.matchAll(ZH_AMOUNT)) {
    // Either a number and its unit (两条, 两条半) or 半 and a unit (半件).
    const [whole, numText = "", unitChar = "", half, halfUnit] = m;
    const start = m.index;
    const end = start + whole.length;
    if (halfUnit) {
      out.push({ start, end, qty: 0.5, unit: ZH_UNITS[halfUnit] ?? null, of: false, each: false, zero: false });
      continue;
    }
    const unit = ZH_UNITS[unitChar] ?? null;
    if (/^[\d.]+$/.test(numText) || !isVagueChinese(numText)) {
      const n = parseNumber(numText);
      if (n === null) continue;
      // 一条多, 两件多: more than the count said, as vague as 十几条.
      if (!half && /^多(?![拿进订要给配少买卖])/.test(text.slice(end))) {
        out.push({ start, end: end + 1, qty: null, unit: null, of: false, each: false, zero: false });
        continue;
      }
      const qty = half ? n + 0.5 : n;
      out.push({ start, end, qty, unit, of: false, each: false, zero: qty === 0 });
    } else {
      out.push({ start, end, qty: null, unit: null, of: false, each: false, zero: false });
    }
  }
}

/** "8 or 9 cans", "2-3 cs", "8 to 10 cases": a range is as vague as "a few". */
const EN_RANGE_AMOUNT = new RegExp(
  `\\b(?:\\d+|${EN_NUMBER_WORDS})\\s*(?:-|–|or|to)\\s*(?:\\d+|${EN_NUMBER_WORDS})\\s+(?:cases?|cs|boxes|box|cartons?|packs?|pks?|bottles?|btls?|cans?|units?|singles?|ea)\\b(\\s+of\\b)?`,
  "g",
);

/** "sold 20 topo 12pks", "2 12-packs of coke": a count of multipacks, the pack size after it in the plural. */
const EN_MULTIPACKS = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS})\\s+(?!(?:cases?|cs|boxes|box|cartons?|packs?|pks?|bottles?|btls?|cans?|units?|singles?|ea)\\b)(?:[a-z']+\\s+){0,3}?(?:6|8|12|18|20|24|30|36)[- ]?(?:pks|packs)\\b`,
  "g",
);

/**
 * Voice-to-text hearing a count as another word ("too cases", "down to ate cans", "had for cases"):
 * only right before a unit, and "for" only after a word a count follows.
 */
const MISHEARD: Record<string, number> = { too: 2, ate: 8, won: 1, for: 4 };
const EN_MISHEARD =
  /\b(too|ate|won|(?<=\b(?:had|has|have|got|counted|showing|at|with|and) )for)\s+(cases?|cs|cans?|bottles?|btls?|packs?)\b(\s+of\b)?/g;

function englishAmounts(text: string, out: Amount[]): void {
  for (const m of text.matchAll(EN_MISHEARD)) {
    const qty = MISHEARD[m[1] ?? ""] ?? null;
    const unit = EN_UNITS.find(([re]) => re.test(m[2] ?? ""))?.[1] ?? null;
    out.push({ start: m.index, end: m.index + m[0].length, qty, unit, of: !!m[3], each: false, zero: false });
  }
  for (const m of text.matchAll(EN_MULTIPACKS)) {
    const n = parseEnglishNumber(m[1] ?? "");
    if (n === null) continue;
    const end = m.index + (m[1] ?? "").length;
    out.push({ start: m.index, end, qty: n, unit: "pack", of: true, each: false, zero: n === 0 });
  }
  const ranges: Amount[] = [];
  for (const m of text.matchAll(EN_RANGE_AMOUNT)) {
    const end = m.index + m[0].length;
    ranges.push({ start: m.index, end, qty: null, unit: null, of: !!m[1], each: false, zero: false });
  }
  out.push(...ranges);
  const inRange = (at: number) => ranges.some((r) => r.start <= at && at < r.end);
  for (const m of text.matchAll(EN_AMOUNT)) {
    if (inRange(m.index)) continue;
    // "3 cases of", or digits glued to their unit ("10cs"): one of the two alternatives matched.
    const numText = (m[1] ?? m[4] ?? "").replace(/\s+/g, " ");
    const n = numText.startsWith("half") || numText === "a half" ? 0.5 : parseEnglishNumber(numText);
    if (n === null) continue;
    const unitWord = m[2] ?? m[5] ?? "";
    const unit = EN_UNITS.find(([re]) => re.test(unitWord))?.[1] ?? null;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      qty: n,
      unit,
      of: !!(m[3] ?? m[6]),
      each: false,
      zero: n === 0,
    });
  }
  // "0 Gatorade", "zero monster": a count of nothing is a stock-out.
  for (const m of text.matchAll(/\b(?:0|zero)\s+(?=[a-z])/g)) {
    out.push({ start: m.index, end: m.index + m[0].length - 1, qty: 0, unit: null, of: true, each: false, zero: true });
  }
}

/** Amounts in normalised text, in order. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  chineseAmounts(text, out);
  englishAmounts(text, out);
  out.sort((a, b) => a.start - b.start);
  return [...out, ...moreOfTheSame(text, out)].sort((a, b) => a.start - b.start);
}

const EN_MORE = new RegExp(
  `\\b(\\d+|${EN_NUMBER_WORDS}) more\\b(?!\\s+(?:cases?|cs|btls?|bottles?|cans?|packs?|pks?)\\b)`,
  "g",
);

/** "counted 7 cases of Coke Zero and wrote an order for 5 more": the unit of the count just before, in its sentence. */
function moreOfTheSame(text: string, amounts: Amount[]): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(EN_MORE)) {
    const before = amounts
      .filter((x) => x.end <= m.index && x.unit && !/[.;!?\n]/.test(text.slice(x.end, m.index)))
      .pop();
    const qty = parseEnglishNumber(m[1] ?? "");
    if (!before || qty === null) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      qty,
      unit: before.unit,
      of: false,
      each: false,
      zero: false,
    });
  }
  return out;
}

const STOCK_WORD = "还有|还剩|剩下?|只剩|就剩|库存";
const BARE_DIGITS = new RegExp(
  `^((?:\\s?[:：]?\\s?)(?:(?:${STOCK_WORD})\\s?)?)(\\d+(?:\\.\\d+)?)(?![\\d.]|\\s*(?:点|号|日|月|元|块|%|\\/\\s*\\d|:|am|pm|oz|l\\b|ml|pk|for|x\\b|[条包盒件箱瓶罐听个天年分钟小时人位名家店]))`,
);
const BARE_HAN = new RegExp(
  `^(\\s?(?:${STOCK_WORD})\\s?)([零〇一二两三四五六七八九十百千几多来]+)(?=$|[\\s,，。；;!！?？、])`,
);

/**
 * A bare number right after a product ("Monster 12", "软中华3", 红塔山还剩12, 红塔山还剩十二) is an
 * amount with its unit missing: the bot must ask, never guess. Times, dates, prices and sizes are
 * not amounts. A vague one (红塔山还剩十几) needs no unit: it is a vague amount.
 */
export function bareNumberAfter(text: string, at: number): Amount | null {
  const rest = text.slice(at);
  const m = BARE_DIGITS.exec(rest) ?? BARE_HAN.exec(rest);
  if (!m) return null;
  const [, lead = "", said = ""] = m;
  const start = at + lead.length;
  // "coke zero 2-3": a bare range is a vague count.
  const range = /^\d+(?:\.\d+)?\s*(?:-|–|or|to)\s*\d+(?![\d.:])/.exec(rest.slice(lead.length));
  if (range) return { start, end: start + range[0].length, qty: null, unit: null, of: false, each: false, zero: false };
  const end = start + said.length;
  const vague = !/^\d/.test(said) && isVagueChinese(said);
  const qty = vague ? null : parseNumber(said);
  if (!vague && qty === null) return null;
  return { start, end, qty, unit: null, of: false, each: false, zero: qty === 0 };
}

// 红塔山12条 不对是15条, "4 cases of Gatorade (actually 5)": the writer restates a count; the last one stands.
const RESTATE = new RegExp(
  "^(?:\\s*[,，(（]?\\s*(?:刚才|刚刚|哦|噢|啊|诶|额|呃)?\\s*(?:不对|说错了|打错了|写错了|更正一下|更正|纠正一下|应该是)[,，:：\\s]*(?:是|应该是|应为)?" +
    // "4 cs. scratch that, 3", "2 cs.. actually 2 and a half": the correction may open a sentence
    "|[.…]*[^\\d.;!?\\n]{0,16}?[(,\\s]\\s*(?:actually|no wait|correction:?|i mean|make (?:that|it)|scratch that,?)[,:\\s]*)" +
    "\\s*(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百]+)(?![\\d.])(\\s+and a half\\b)?",
);

/** Replaces counts the text corrects right after with the corrected value (a bare number keeps the first unit). */
export function applyRestatements(text: string, amounts: Amount[]): Amount[] {
  const out: Amount[] = [];
  let taken: Amount | null = null;
  amounts.forEach((x, i) => {
    if (x === taken) return;
    const m = x.qty === null ? null : RESTATE.exec(text.slice(x.end));
    const said = m?.[1] ?? "";
    const whole = m ? parseNumber(said) : null;
    const n = whole !== null && m?.[2] ? whole + 0.5 : whole;
    if (!m || n === null) {
      out.push(x);
      return;
    }
    // The corrected count stays where the first one stood, beside its product; the amount it was
    // written as (15条 of 不对是15条) is taken into it.
    const numAt = x.end + m[0].length - said.length - (m[2]?.length ?? 0);
    const next = amounts[i + 1];
    const restated = next && next.start <= numAt && numAt < next.end ? next : null;
    taken = restated;
    out.push({ ...x, qty: restated?.qty ?? n, unit: restated?.unit ?? x.unit, zero: (restated?.qty ?? n) === 0 });
  });
  return out;
}
