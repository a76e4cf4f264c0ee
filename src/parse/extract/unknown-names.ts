/**
 * Words that stand where a product name should be but name nothing in the catalogue:
 * 大重九5条, "3 cases of Dr Pepper", "Red Bull 2 cs". The amount is theirs, so it must not
 * drift to a product named elsewhere; the bot asks what they are instead.
 */
import { isHan } from "../common/normalize.js";
import type { Span } from "./price-over-tag.js";
import { EN_COMMON_WORDS, EN_SHORT_WORDS } from "../../locales/en/parse/shop-words.js";

/** Filler a Chinese name does not start or end with: stock verbs, adverbs, places (店里, 柜台上). */
const ZH_LEAD = /^(?:[的了也还都就才只又再先共约]|那边|这边|店里|现在|目前|总共|一共|大概|大约|差不多|估计|现场|当场|今天|昨天|一天)+/;
const ZH_TAIL = /(?:还有|还剩|剩下?|只剩|就剩|有|各|共|一共|总共|大概|大约|差不多|约|的|了|都|就|才|只|也|还|是)+$/;
/** Pronouns, demonstratives and verbs of talk: not in a product name. Places end in 里/上. */
const ZH_NOT_NAME = /[几这那每个他她我你们说想要让给帮问]|[里上内外边]$/;

const EN_STOP = new Set(
  ("of the a an some about around like maybe just only another more extra total and or with in at to from had has have got left still " +
    "also there they we he she i it its is are was were too now each per x approx each ea").split(" "),
);

const overlapsAny = (s: Span, spans: Span[]) => spans.some((x) => s.start < x.end && x.start < s.end);

/** A Chinese product-like word right before `at` (大重九 in 大重九5条), or null. */
function zhBefore(norm: string, at: number, blocked: Span[]): Span | null {
  let start = at;
  while (start > 0 && at - start < 8 && isHan(norm[start - 1]) && !overlapsAny({ start: start - 1, end: start }, blocked)) start--;
  let word = norm.slice(start, at);
  const tail = ZH_TAIL.exec(word);
  const end = at - (tail ? tail[0].length : 0);
  word = norm.slice(start, end);
  const lead = ZH_LEAD.exec(word);
  if (lead) start += lead[0].length;
  word = norm.slice(start, end);
  if (word.length < 2 || word.length > 6 || ZH_NOT_NAME.test(word)) return null;
  return { start, end };
}

const isNameWord = (w: string) => /^[a-z][a-z'.-]*$/.test(w) && !EN_STOP.has(w) && !EN_SHORT_WORDS.has(w) && !EN_COMMON_WORDS.has(w);

/** English words of an unknown product next to an amount: capitalised, or after "of". */
function enAround(norm: string, original: string, amount: Span & { of: boolean }, blocked: Span[]): Span | null {
  // After: "3 cases of Dr Pepper", "2 cs Red Bull".
  const after = /^\s*(?:of\s+)?(?:the\s+)?((?:[a-z][a-z'.-]*)(?:\s+[a-z][a-z'.-]*){0,2})/.exec(norm.slice(amount.end));
  if (after) {
    const start = amount.end + after[0].length - after[1].length;
    const words = after[1].split(/\s+/);
    let n = 0;
    while (n < words.length && isNameWord(words[n])) n++;
    const end = start + words.slice(0, n).join(" ").length;
    const capital = /[A-Z]/.test(original[start] ?? "");
    if (n && (amount.of || capital) && !overlapsAny({ start, end }, blocked)) return { start, end };
  }
  // Before: "Dr Pepper 3 cases" (capitalised, as brand names are written).
  const base = Math.max(0, amount.start - 40);
  const slice = norm.slice(base, amount.start).replace(/[\s:\-]*$/, "");
  const tokens = [...slice.matchAll(/[a-z][a-z'.-]*/g)];
  const run: RegExpMatchArray[] = [];
  for (let i = tokens.length - 1; i >= 0 && run.length < 3; i--) {
    const t = tokens[i];
    const next = run[0];
    const gapOk = next ? /^\s+$/.test(slice.slice(t.index! + t[0].length, next.index)) : t.index! + t[0].length === slice.length;
    if (!gapOk || !isNameWord(t[0])) break;
    run.unshift(t);
  }
  if (run.length) {
    const start = base + run[0].index!;
    const end = base + run[run.length - 1].index! + run[run.length - 1][0].length;
    if (/[A-Z]/.test(original[start] ?? "") && !overlapsAny({ start, end }, blocked)) return { start, end };
  }
  return null;
}

/** The product-like word an amount counts when no catalogue product stands beside it. */
export function unknownProductNear(
  norm: string,
  original: string,
  amount: Span & { of: boolean },
  lang: "zh" | "en",
  blocked: Span[],
): Span | null {
  if (lang === "zh" || isHan(norm[amount.start - 1])) return zhBefore(norm, amount.start, blocked);
  return enAround(norm, original, amount, blocked);
}
