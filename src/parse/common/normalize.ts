/**
 * Text normalisation that keeps offsets: every output char stands for the input char at
 * the same index, so spans found on the normalised text slice the original directly.
 */
import * as OpenCC from "opencc-js/t2cn";
import { firstIndex } from "./spans.js";

/** ，！？：；（） stay Chinese punctuation: they are sentence and clause breaks we look for. */
const KEPT = "，！？：；（）";

/** Traditional to Simplified Chinese (OpenCC's Taiwan tables, then its character table). */
const toSimplified = [OpenCC.Converter({ from: "tw", to: "cn" }), OpenCC.Converter({ from: "t", to: "cn" })];

/**
 * Full-width and other compatibility forms to their plain ones (NFKC: １２条 → 12条, ＯＯＳ → oos),
 * ideographic space and circled item numbers to spaces, curly apostrophes to ', lower case, Traditional characters to
 * Simplified (趙軍煙酒店 → 赵军烟酒店). A character whose plain form is longer (㎏ → kg) stays as it is.
 */
export function normalizeText(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (KEPT.includes(ch)) out += ch;
    // ①–⑳ mark a note's items; NFKC would make them counts (① → 1).
    else if (c === 0x3000 || (c >= 0x2460 && c <= 0x2473)) out += " ";
    else if (c === 0x2019 || c === 0x2018 || c === 0x02bc) out += "'";
    else {
      const plain = ch.normalize("NFKC");
      out += (plain.length === ch.length ? plain : ch).toLowerCase();
    }
  }
  return simplified(out);
}

/** The text in Simplified characters, offsets kept: the first converter that keeps the length wins. */
function simplified(text: string): string {
  if (!/[\u3400-\u9fff]/.test(text)) return text;
  for (const convert of toSimplified) {
    const out = convert(text);
    if (out.length === text.length) return out;
  }
  return text;
}

export const isHan = (ch: string | undefined): boolean => !!ch && ch >= "\u4e00" && ch <= "\u9fff";
export const isAsciiWordChar = (ch: string | undefined): boolean => !!ch && /[a-z0-9]/.test(ch);

/** Is `lang` Chinese? More than a few Han characters decide it. */
export function detectLang(text: string): "zh" | "en" {
  let han = 0;
  for (const ch of text) if (isHan(ch)) han++;
  return han >= 2 ? "zh" : "en";
}

/** Characters that end a sentence: facts do not carry across them. */
const SENTENCE_BREAK = /[。；;!！?？\n]|\.(?=\s|$)/g;

/** Offsets where sentences end (exclusive), always including text.length. */
export function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(SENTENCE_BREAK)) ends.push(m.index + m[0].length);
  ends.push(text.length);
  return ends;
}

/** The [start, end) of the sentence holding offset `at` (past the last end: the empty span there). */
export function sentenceAround(ends: number[], at: number): [number, number] {
  const i = firstIndex(ends, (e) => at < e);
  const last = ends[ends.length - 1] ?? 0;
  if (i === ends.length) return [last, last];
  return [ends[i - 1] ?? 0, ends[i] ?? last];
}
