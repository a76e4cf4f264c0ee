/**
 * Text normalisation that keeps offsets: every output char stands for the input char at
 * the same index, so spans found on the normalised text slice the original directly.
 */
import { firstIndex } from "./spans.js";

/** Full-width ASCII to half-width, ideographic space to space, curly apostrophes to ', lower case. */
export function normalizeText(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      // ，！？：；（） stay Chinese punctuation: they are sentence and clause breaks we look for.
      const ch = text.charAt(i);
      if ("，！？：；（）".includes(ch)) out += ch;
      else out += String.fromCharCode(c - 0xfee0).toLowerCase();
    } else if (c === 0x3000) out += " ";
    else if (c === 0x2019 || c === 0x2018 || c === 0x02bc) out += "'";
    else out += text.charAt(i).toLowerCase();
  }
  return out;
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
