/**
 * Numbers as field reports write them: 12, 2.5, 十二, 两条半's 两, 一百二, 二十, 半.
 * Vague amounts (十几, 二十多, 五六, 几) are recognised so callers can say "qty unknown".
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  俩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** Parses a whole Chinese numeral (十二, 一百二, 二十五, 两); null if it is not one. */
export function parseChineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastMultiplier = 1;
  for (const ch of s) {
    if (ch === "零" || ch === "〇") {
      // 一百零五: the zero only says the next digit is a unit, not a tenth of the hundred.
      lastMultiplier = 1;
      continue;
    }
    const value = DIGITS[ch];
    const mult = MULTIPLIERS[ch];
    if (value !== undefined) {
      if (digit !== null) return null; // 二三 is a vague range, not a number
      digit = value;
    } else if (mult !== undefined) {
      if (mult === 10000) {
        total = (total + section + (digit ?? 0)) * mult;
        section = 0;
      } else {
        section += (digit ?? 1) * mult;
      }
      lastMultiplier = mult;
      digit = null;
    } else return null;
  }
  if (digit !== null) {
    // 一百二 means 120: a trailing digit after 百/千 scales by the next lower unit.
    section += lastMultiplier >= 100 ? digit * (lastMultiplier / 10) : digit;
  }
  return total + section;
}

/** Parses Arabic or Chinese digits. */
export function parseNumber(s: string): number | null {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return parseChineseNumber(s);
}

/** 十几, 二十多, 五六, 几, 好几, 十来 — amounts that give qty null. */
export function isVagueChinese(s: string): boolean {
  return /几|多|来|数|[一二两三四五六七八九][一二两三四五六七八九]/.test(s);
}

const EN_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  half: 0.5,
  dozen: 12,
};

/** An English count word or digits. */
export function parseEnglishNumber(s: string): number | null {
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return EN_WORDS[s] ?? null;
}

export const EN_NUMBER_WORDS = Object.keys(EN_WORDS).join("|");
