/**
 * The owner's own words in a report: what a receipt quotes back as the feedback, and what is
 * stored as its text (not the whole message). From a feedback cue (老板说, "owner complained") to
 * the end of its clause, and on over the next clauses of the sentence while they go on with the
 * owner's words; a clause with another fact (a shop, a count, a stock-out, a promise to come back)
 * or the writer speaking again (我说, "I said") ends them.
 *   老板说利群最近走得快 让多给他分点货源 新华都帮着理了下烟柜 → 老板说利群最近走得快 让多给他分点货源
 *   Sunrise owner complained delivery was late again, told him I'd be back Tuesday → owner complained delivery was late again
 */
import { messagesFor } from "../../locales/index.js";
import type { Cue, CueKind } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import { firstFrom, firstIndex, type Span, startingIn } from "../common/spans.js";
import { type FeedbackWords, parseLocaleFor } from "../locale.js";
import type { Analysis } from "./analysis.js";
import type { Range } from "./segments.js";

/** Facts that are not the owner speaking: a clause holding one is the writer's own report. */
const OTHER_FACTS = new Set<CueKind>([
  "display",
  "price_check",
  "policy",
  "service",
  "stock_check",
  "order_act",
  "oos_back",
  "oos_fwd",
  "list_back",
  "list_fwd",
  "follow",
  "follow_vague",
  "follow_then",
  "visit_verb",
  "promo_tasting",
  "promo_in_store",
  "promo_demo",
  "promo_circle",
  "promo_gift",
  "promo_discount",
  "promo_display",
  "promo_other",
]);

/** Trailing separators trimmed from the owner's words. */
const TRAILING = /[\s,，、:：;；.。!！?？\-–—]+$/;

/** What the owner's words are told apart from, in text order. */
interface Around {
  /** Shops, products, amounts and other facts: what stands before the owner's words in their clause. */
  before: Span[];
  /** The same without products (the owner names products too): a clause holding one is not the owner's. */
  stop: Span[];
  feedback: Cue[];
  /** Clause breaks by sentence, found once per sentence and language. */
  breaks: Map<string, Span[]>;
}

function clauseBreaks(a: Analysis, from: number, to: number, cue: Cue, around: Around): Span[] {
  const key = `${cue.lang}:${from}:${to}`;
  let breaks = around.breaks.get(key);
  if (!breaks) {
    breaks = [];
    const re = parseLocaleFor(cue.lang).feedback.clauseBreak;
    for (const m of a.norm
      .slice(from, to)
      .matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))) {
      if (m[0]) breaks.push({ start: from + m.index, end: from + m.index + m[0].length });
    }
    around.breaks.set(key, breaks);
  }
  return breaks;
}

/** One stretch of the owner's words, in offsets of the normalised text. */
function ownerWords(a: Analysis, cue: Cue, range: Range, around: Around): Span | null {
  const words: FeedbackWords = parseLocaleFor(cue.lang).feedback;
  const [sStart, sEnd] = sentenceAround(a.sentenceEnds, cue.start);
  const lo = Math.max(sStart, range.start);
  const hi = Math.min(sEnd, range.end);
  const breaks = clauseBreaks(a, lo, hi, cue, around);
  const clauseEndAt = (from: number) => firstFrom(breaks, from)?.start ?? hi;

  // Where the owner's words start: at the speaker (老板说), else after the last other fact of the
  // clause (a shop's name, a product counted), past connectives and fillers.
  let start = cue.start;
  if (!words.speaker.test(a.norm.slice(cue.start, cue.end))) {
    start = breaks[firstIndex(breaks, (b) => b.end > cue.start) - 1]?.end ?? lo;
    // 我说会反映上去: the writer's own promise to pass it on, not the owner speaking.
    if (words.selfSpeaker.test(a.norm.slice(start, cue.start))) return null;
    for (const f of startingIn(around.before, start, cue.start)) if (f.end <= cue.start) start = Math.max(start, f.end);
    start += words.leadingFiller.exec(a.norm.slice(start, cue.start))?.[0].length ?? 0;
  }

  // Where they end: this clause, and each next clause of the sentence that goes on with them.
  let end = clauseEndAt(cue.end);
  for (let at = end; at < hi; ) {
    const from = firstFrom(breaks, at)?.end ?? hi;
    const to = clauseEndAt(from);
    at = to;
    if (to === from) continue;
    const clause = a.norm.slice(from, to);
    if (words.selfSpeaker.test(clause)) break;
    const ownerGoesOn = words.goesOn.test(clause) || startingIn(around.feedback, from, to).length > 0;
    if (!ownerGoesOn && startingIn(around.stop, from, to).length) break;
    end = to;
  }
  // …让我下次多给他调点货 我跟他说了要用统一的价签: the writer speaking again ends the owner's words.
  const self = words.selfSpeaker.exec(a.norm.slice(cue.end, end));
  if (self) end = cue.end + self.index;
  end = start + a.norm.slice(start, end).replace(TRAILING, "").length;
  return end > start ? { start, end } : null;
}

/** What bounds an owner's words in this message: other facts, products, feedback cues. */
function aroundOf(a: Analysis): Around {
  const stop = [...a.shops, ...a.amounts, ...a.cues.filter((q) => OTHER_FACTS.has(q.kind))].sort(
    (x, y) => x.start - y.start,
  );
  return {
    before: [...stop, ...a.products].sort((x, y) => x.start - y.start),
    stop,
    feedback: a.cues.filter((q) => q.kind === "feedback"),
    breaks: new Map(),
  };
}

/**
 * Where the owner is speaking (老板说扫码枪老是扫不出来, "owner said the tags are wrong"): from a cue
 * that names the speaker to the end of their words. Work words there are the owner's, not the visit's.
 */
export function ownerSpeech(a: Analysis, cues: Cue[], ranges: Range[]): Span[] {
  const spoken = cues.filter((cue) => parseLocaleFor(cue.lang).feedback.speaker.test(a.norm.slice(cue.start, cue.end)));
  if (!spoken.length) return [];
  const around = aroundOf(a);
  return spoken.flatMap((cue) => {
    const range = ranges.find((r) => cue.start >= r.start && cue.start < r.end) ?? { start: 0, end: a.norm.length };
    const run = ownerWords(a, cue, range, around);
    // 老板问能不能帮他开通云POS 我弄好了: what the owner asked for was done on the visit.
    if (!run || parseLocaleFor(cue.lang).feedback.done.test(a.norm.slice(run.end))) return [];
    return [run];
  });
}

/**
 * The clauses of one shop's stretch that carry the owner's feedback, as written (without the
 * shop's name and leading connectives), or null when no feedback was heard.
 */
export function feedbackText(a: Analysis, cues: Cue[], ranges: Range[]): string | null {
  if (!cues.length) return null;
  const around = aroundOf(a);
  const runs = cues
    .flatMap((cue) => {
      const range = ranges.find((r) => cue.start >= r.start && cue.start < r.end) ?? { start: 0, end: a.norm.length };
      const run = ownerWords(a, cue, range, around);
      return run ? [run] : [];
    })
    .sort((x, y) => x.start - y.start);
  // Only the writer's words around every cue: the first cue itself is what was heard.
  const first = cues[0];
  if (!runs.length && first) runs.push({ start: first.start, end: first.end });
  const merged: Span[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && run.start <= last.end) last.end = Math.max(last.end, run.end);
    else merged.push({ ...run });
  }
  return messagesFor(a.lang).format.clauses(merged.map((r) => a.text.slice(r.start, r.end).trim()));
}
