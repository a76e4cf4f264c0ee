/** Which language a message is written in, so replies can follow the sender. */
import type { Lang } from "../domain/roster.js";

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;
const OTHER_SCRIPT = /[\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\uac00-\ud7af]/g;

export type DetectedLanguage = Lang | "other" | null;

/**
 * zh when Han characters dominate, en when Latin words do, "other" for another script
 * (Cyrillic, Arabic, kana, Hangul…), null when there is nothing to judge (digits, emoji).
 */
export function detectLanguage(text: string): DetectedLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const latin = (text.match(LATIN_WORD) ?? []).join("").length;
  const other = text.match(OTHER_SCRIPT)?.length ?? 0;
  if (other > han && other > latin / 2) return "other";
  if (han === 0 && latin === 0) return null;
  // One Han character carries about as much as a short English word.
  return han * 3 >= latin ? "zh" : "en";
}

/** The language to answer in: the message's own, else the person's. */
export function replyLanguage(text: string, personLang: Lang): Lang {
  const detected = detectLanguage(text);
  return detected === null || detected === "other" ? personLang : detected;
}
