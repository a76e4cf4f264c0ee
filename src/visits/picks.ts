/**
 * Reading a reply to a question: "2", "第二个", "the second one", "选B", a candidate's name,
 * "忽略"/"skip", "取消"/"cancel". Pure functions over text; the dialogue decides what they mean.
 */
import type { Unit } from "../domain/records.js";

export type Answer =
  | { kind: "choice"; index: number }
  | { kind: "skip" }
  | { kind: "cancel" }
  | { kind: "text"; text: string };

const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  last: -1,
};

const SKIP = /^(忽略|跳过|不用了|都不是|没有|skip|ignore|none|neither|none of (them|these))[。.!！]?$/i;
const CANCEL = /^(取消|算了|不记了|不要了|撤销|cancel|never ?mind|forget it|stop|undo)[。.!！]?$/i;

/** The number a reply picks, 1-based, when it is only a pick ("2", "第2个", "选二", "the 2nd one", "#2"). */
export function ordinalOf(text: string): number | null {
  const t = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[。.!！,，]$/, "")
    .toLowerCase();
  const zh = t.match(/^(?:选|就|是)?\s*(?:第|#|no\.?)?\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*(?:个|家|号|项|条|吧)?$/);
  if (zh) return /\d/.test(zh[1]) ? Number(zh[1]) : ZH_DIGITS[zh[1]];
  const en = t.match(/^(?:(?:it'?s|i pick|pick|option|number|choose|the)\s+)*(?:#\s*)?(?:(\d{1,2})(?:st|nd|rd|th)?|([a-z]+))(?:\s+(?:one|option|shop|store))?$/);
  if (!en) return null;
  return en[1] ? Number(en[1]) : (EN_ORDINALS[en[2]] ?? null);
}

/** Interprets a reply to a question with `labels` as its numbered options (names match too). */
export function readAnswer(text: string, labels: string[]): Answer {
  const trimmed = text.trim();
  if (CANCEL.test(trimmed)) return { kind: "cancel" };
  if (SKIP.test(trimmed)) return { kind: "skip" };
  const n = ordinalOf(trimmed);
  if (n !== null && labels.length) {
    const index = n === -1 ? labels.length - 1 : n - 1;
    if (index >= 0 && index < labels.length) return { kind: "choice", index };
  }
  const named = matchLabel(trimmed, labels);
  if (named !== null) return { kind: "choice", index: named };
  return { kind: "text", text: trimmed };
}

/** The one option whose label the reply names (or that names the reply); null when none or several. */
function matchLabel(text: string, labels: string[]): number | null {
  const t = text.toLowerCase().replace(/\s+/g, "");
  if (t.length < 2) return null;
  const hits = labels
    .map((label, i) => ({ i, l: label.toLowerCase().replace(/\s+/g, "").replace(/[（(].*$/, "") }))
    .filter(({ l }) => l === t || l.includes(t) || t.includes(l));
  const exact = hits.filter(({ l }) => l === t);
  if (exact.length === 1) return exact[0].i;
  return hits.length === 1 ? hits[0].i : null;
}

const UNIT_WORDS: [RegExp, Unit][] = [
  [/^(条|carton|cartons|ctn)$/i, "carton"],
  [/^(包|盒|pack|packs|pk|box)$/i, "pack"],
  [/^(件|箱|case|cases|cs)$/i, "case"],
  [/^(瓶|罐|听|支|bottle|bottles|can|cans|unit|units|single|singles)$/i, "unit"],
];

/** A unit named by a reply ("条", "cases"); null when the reply names none. */
export function unitOf(text: string): Unit | null {
  const t = text.trim().replace(/^(是|按|都是|it'?s|in)\s*/i, "").replace(/[。.!！]$/, "");
  for (const [pattern, unit] of UNIT_WORDS) if (pattern.test(t)) return unit;
  return null;
}
