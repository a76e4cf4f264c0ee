/**
 * The flags and activities of one shop's stretch of text: which kinds of work were done,
 * whether the owner raised something, whether a forbidden practice shows.
 */

import type { Activity } from "../../domain/records.js";
import type { Cue, CueKind } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import { inSortedRanges as inRanges, type Span } from "../common/spans.js";
import { parseLocaleFor } from "../locale.js";
import type { Analysis } from "./analysis.js";
import { ownerSpeech } from "./feedback.js";
import type { BoundFacts } from "./lines.js";
import type { Range } from "./segments.js";

export interface VisitFlags {
  activities: Map<Activity, Cue | null>;
  feedback: Cue | null;
  /** Every cue of the owner's feedback in the stretch (the first is `feedback`). */
  feedbackCues: Cue[];
  compliance: { start: number; end: number } | null;
  /** Where the owner is speaking (their words are not the visit's work or the writer's promises). */
  speech: Span[];
}

const ACTIVITY_CUES: [CueKind, Activity][] = [
  ["display", "display"],
  ["price_check", "price_check"],
  ["policy", "policy"],
  ["service", "service"],
  ["stock_check", "stock_check"],
  ["order_act", "order"],
];

/** What makes an owner's words more than facts: an opinion, another feedback word, a practice. */
const OWNERS_OWN = new Set<CueKind>(["opinion", "feedback", "compliance"]);
/** How far after a request word or 想 its count may stand for it to be an order ("asked for 3 cs", 想再要五条). */
const COUNT_AFTER = 3;

/** Whether a count (not a vague amount) stands right after `at`. */
const countRightAfter = (a: Analysis, at: number) =>
  a.amounts.some((x) => x.qty !== null && x.start >= at && x.start - at <= COUNT_AFTER);
/** The writer's own work or plans: where an owner's words have ended at the latest. */
const WRITERS_OWN = new Set<CueKind>([
  "display",
  "price_check",
  "policy",
  "service",
  "follow",
  "follow_vague",
  "follow_then",
  "visit_verb",
]);

/**
 * "老板说下周家里办酒席 想订两件双喜", 老板说节前要二十条硬中华, "owner said they're out of Fanta 2L":
 * an owner's words that only carry an order, a count or a stock-out are those facts, not feedback
 * (FORMAT.md "Orders vs feedback").
 */
function onlyFacts(a: Analysis, cue: Cue, cues: Cue[]): boolean {
  // "asked for 3 cs topo", 要求两条: a request word with its count right after it is that order
  const countFollows = countRightAfter(a, cue.end);
  const said = a.norm.slice(cue.start, cue.end);
  const words = parseLocaleFor(cue.lang).feedback;
  // "owner loved it and ordered 5 more cases": a cue that is itself an opinion stays feedback
  if (!countFollows && !(words.speaker.test(said) && words.plainSpeech.test(said))) return false;
  // To the end of the sentence, or to the writer's own work or the next shop before it.
  const [, sentenceEnd] = sentenceAround(a.sentenceEnds, cue.end);
  const writer = cues.find((q) => q.start >= cue.end && WRITERS_OWN.has(q.kind));
  const shop = a.shops.find((s) => s.start >= cue.end);
  const end = Math.min(sentenceEnd, writer?.start ?? sentenceEnd, shop?.start ?? sentenceEnd);
  // 老板想多要点: an opinion word may share its first character with the cue (想多).
  const inside = cues.filter((q) => q.end > cue.end && q.start < end);
  const facts =
    a.amounts.some((x) => x.qty !== null && x.start >= cue.end && x.start < end) ||
    inside.some((q) => q.kind === "oos_back" || q.kind === "oos_fwd");
  const ownersOwn = (q: Cue) =>
    (OWNERS_OWN.has(q.kind) && !(q.kind === "compliance" && deniedCompliance(a, q))) ||
    // 想搞个买赠 is the owner's wish; 想再要五条 an order
    (q.kind === "wish" && !countRightAfter(a, q.end));
  return facts && !inside.some(ownersOwn);
}

/**
 * 宣传了超价销售的规定，老板说知道了 ("owner said ok"); 老板说下礼拜他要出门 ("said he's away next
 * week"): words that only take in the rules or tell of the owner's own plans are no opinion.
 */
function noOpinion(a: Analysis, cue: Cue): boolean {
  const said = a.norm.slice(cue.start, cue.end);
  const words = parseLocaleFor(cue.lang).feedback;
  if (!(words.speaker.test(said) && words.plainSpeech.test(said))) return false;
  const [, sentenceEnd] = sentenceAround(a.sentenceEnds, cue.end);
  const rest = a.norm.slice(cue.end, sentenceEnd);
  return words.agrees.test(rest) || words.ownPlans.test(rest);
}

/** The denial words looked for right before a practice: 不能, 没有人 (3 characters), "didn't " (10). */
const DENIAL_BEFORE = { han: 4, latin: 10 };
/** 没有强制上柜和压货: a denied practice covers the next one listed this close after it. */
const LISTED_PRACTICE_REACH = 6;

/** 不搞强制, 不能超价销售, "not forced": a denial or a rule stated is not a red flag. */
function deniedCompliance(a: Analysis, cue: Cue, cues: Cue[] = a.cues): boolean {
  const before = a.norm.slice(Math.max(0, cue.start - DENIAL_BEFORE.han), cue.start);
  if (/(?:不(?:搞|能|会|许|得|要|允许|可以)?|没有?人?|没有?被|无人|禁止|严禁|不准|杜绝)$/.test(before)) return true;
  // 没有强制上柜和压货, 没有强制搭售: a denial covers the practices listed after it.
  const prev = cues
    .filter((q) => q.kind === "compliance" && q.end <= cue.start && cue.start - q.end <= LISTED_PRACTICE_REACH)
    .pop();
  if (
    prev &&
    /^(?:[^\s，。；,;]{0,4}?(?:和|或|、|及|跟|\bor\b|\band\b))?\s*$/u.test(a.norm.slice(prev.end, cue.start)) &&
    deniedCompliance(a, prev, cues)
  )
    return true;
  if (
    /\b(?:not|no|never|didn't|wasn't)\s*$/.test(a.norm.slice(Math.max(0, cue.start - DENIAL_BEFORE.latin), cue.start))
  )
    return true;
  const [s, e] = sentenceAround(a.sentenceEnds, cue.start);
  return /自愿/.test(a.norm.slice(s, e));
}

/** Wish words that only suggest or plan work (建议, 打算, "suggested"): the work after them is not done. */
const SUGGESTED = /建议|打算|准备|suggest|recommend|plan/;

/**
 * 下周再去理货, "back Friday to reset the cooler": work promised for the follow-up has not been done
 * yet; nor has work only suggested or wished for in its clause (我建议他把利群放到前面).
 */
function planned(a: Analysis, cue: Cue, cues: Cue[]): boolean {
  return cues.some(
    (f) =>
      (f.kind === "follow" || (f.kind === "wish" && SUGGESTED.test(a.norm.slice(f.start, f.end)))) &&
      f.start <= cue.start &&
      // 下礼拜帮他申请一下: the work word inside the promise itself
      (cue.start < f.end ||
        (cue.start - f.end <= a.locale.lines.clauseReach &&
          ![...a.norm.slice(f.end, cue.start)].some(
            (ch) => /[，,。；;!！?？\n]/.test(ch) || a.locale.lines.clauseBreak.test(ch),
          ))),
  );
}

/** Work the owner talks about (老板说扫码枪扫不出来, 他说有人让他把宽窄摆上柜) was not done on this visit. */
const SPOKEN_WORK = new Set<CueKind>(["display", "price_check", "policy", "service"]);

export function visitFlags(a: Analysis, ranges: Range[], bound: BoundFacts, inPromotion: boolean): VisitFlags {
  const cues = a.cues.filter((q) => inRanges(ranges, q.start));
  const feedbackCues = cues.filter((q) => q.kind === "feedback" && !onlyFacts(a, q, cues) && !noOpinion(a, q));
  const speech = ownerSpeech(a, feedbackCues, ranges);
  const inSpeech = (q: { start: number; end: number }) => speech.some((s) => q.start >= s.start && q.end <= s.end);
  const spoken = (q: Cue) =>
    SPOKEN_WORK.has(q.kind) &&
    inSpeech(q) &&
    !parseLocaleFor(q.lang).feedback.doneWork.test(a.norm.slice(q.start, q.end + 2));
  // 老板说有人让他必须把宽窄摆上柜: a listing the owner tells of as forced is that story, not this visit's listing.
  const forcedStory = speech.some((s) =>
    cues.some((q) => q.kind === "compliance" && q.start >= s.start && q.start < s.end && !deniedCompliance(a, q)),
  );
  if (forcedStory) bound.listed = bound.listed.filter((l) => !inSpeech(l.cue));
  const activities = new Map<Activity, Cue | null>();
  for (const [kind, activity] of ACTIVITY_CUES) {
    if (inPromotion && kind === "display") continue; // setting up the event is the event
    // 摆上了玉溪初心: the words that list a product are the listing, not a display.
    const cue = cues.find(
      (q) =>
        q.kind === kind &&
        !planned(a, q, cues) &&
        !spoken(q) &&
        !(kind === "display" && bound.listed.some((l) => l.cue.start < q.end && q.start < l.cue.end)),
    );
    if (cue) activities.set(activity, cue);
  }
  const lines = bound.lines;
  if (lines.some((l) => l.kind === "stock") || bound.outOfStock.length)
    activities.set("stock_check", activities.get("stock_check") ?? null);
  if (lines.some((l) => l.kind === "order")) activities.set("order", activities.get("order") ?? null);
  if (bound.listed.length) activities.set("listing", null);
  const feedback = feedbackCues[0] ?? null;
  const flagged =
    cues.find((q) => q.kind === "compliance" && !deniedCompliance(a, q)) ??
    a.priceOverTag.find((p) => inRanges(ranges, p.start) || inRanges(ranges, p.end - 1)) ??
    null;
  return { activities, feedback, feedbackCues, compliance: flagged, speech };
}
