/**
 * Decides what each date expression is: a promised follow-up (paired with a follow verb:
 * 下周三再去, 明天带给他, "back Tuesday", "check back in 2 weeks"), the day a visit happened
 * (昨天, 周六去了, "friday's visit"), or neither (明天送到, 他周一回来, 下周的货).
 */
import { daysBetween } from "../../domain/calendar.js";
import type { Cue } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import { firstFrom, firstIndex, lastUpTo, type Span } from "../common/spans.js";
import type { DateExpr } from "../extract/dates.js";
import { PARSE_LOCALES } from "../locale.js";
import type { Analysis } from "./analysis.js";

interface FollowUp {
  /** The follow verb. */
  cue: Cue;
  value: string; // YYYY-MM-DD or "unspecified"
  date: DateExpr | null;
}

export interface Dating {
  followUps: FollowUp[];
  /** Date expressions that say when a visit happened, in text order. */
  visitDates: DateExpr[];
}

/** 过两天再去: a vague time word this close before the follow verb (or within a clause after it) leaves the day unsaid. */
const VAGUE_BEFORE = 4;
const VAGUE_AFTER = 12;
/** 到时候再去: "then" right before the verb points back to the last date mentioned. */
const THEN_BEFORE = 3;
/** A bare weekday or day number is a visit day only this close to a visit verb after it (周六去了) or before it ("visited on the 3rd"). */
const VERB_AFTER_DATE = 8;
const VERB_BEFORE_DATE = 12;

const sameSentence = (a: Analysis, x: number, y: number) => {
  const [s, e] = sentenceAround(a.sentenceEnds, Math.min(x, y));
  return Math.max(x, y) < e && Math.min(x, y) >= s;
};

/** The first span (of spans in text order that do not overlap) ending in [from, to]. */
function endingIn<T extends Span>(sorted: readonly T[], from: number, to: number): T | undefined {
  const x = sorted[firstIndex(sorted, (s) => s.end >= from)];
  return x && x.end <= to ? x : undefined;
}

/**
 * The date a follow verb promises: the nearest future date on either side, in the order the
 * language says it. (Dates do not overlap; a farther date is never nearer nor in the verb's
 * sentence when the nearest one is not, so only the nearest on each side is looked at.)
 */
function pairDate(a: Analysis, cue: Cue, future: DateExpr[]): DateExpr | null {
  const reach = a.locale.followUpReach;
  const near = lastUpTo(future, cue.start + 1);
  const before =
    near && cue.start - near.end <= reach.before && sameSentence(a, near.start, cue.start) ? near : undefined;
  const next = firstFrom(future, cue.start);
  const after =
    next && next.start - cue.end <= reach.after && sameSentence(a, cue.start, next.start) ? next : undefined;
  return (reach.first === "before" ? (before ?? after) : (after ?? before)) ?? null;
}

/** How far before a date an event word is looked for ("delivered on Monday", 自从上周). */
const EVENT_BEFORE = 30;

/** 利群昨天到货, "got delivered yesterday": a date the goods' coming or running out owns, not the visit. */
function eventDate(a: Analysis, d: DateExpr): boolean {
  const [, sEnd] = sentenceAround(a.sentenceEnds, d.start);
  const after = a.norm.slice(d.end, sEnd);
  const before = a.norm.slice(Math.max(0, d.start - EVENT_BEFORE), d.start);
  return PARSE_LOCALES.some((l) => l.eventDay.after.test(after) || l.eventDay.before.test(before));
}

const nearerBehind = (today: string, past: string, ahead: string) =>
  daysBetween(past, today) < daysBetween(today, ahead);

/** The text of [from, to) with the date expressions in it taken out. */
function withoutDates(a: Analysis, from: number, to: number): string {
  let out = "";
  let at = from;
  for (const d of a.dates) {
    if (d.end <= at || d.start >= to) continue;
    out += a.norm.slice(at, Math.max(at, d.start));
    at = Math.max(at, d.end);
  }
  return out + a.norm.slice(at, Math.max(at, to));
}

export function dating(a: Analysis): Dating {
  const today = a.today;
  const future = a.dates.filter((d) => d.follow && (d.follow > today || (d.follow === today && d.laterToday)));
  const used = new Set<DateExpr>();
  const followUps: FollowUp[] = [];
  const vague = a.cues.filter((c) => c.kind === "follow_vague");
  const then = a.cues.filter((c) => c.kind === "follow_then");
  for (const cue of a.cues.filter((c) => c.kind === "follow")) {
    // 过两天再去: a vague word right before the verb wins over any date further back.
    const vagueAfter = firstFrom(vague, cue.end);
    const vagueNear =
      endingIn(vague, cue.start - VAGUE_BEFORE, cue.start) ??
      (vagueAfter && vagueAfter.start - cue.end <= VAGUE_AFTER && sameSentence(a, cue.end, vagueAfter.start)
        ? vagueAfter
        : undefined);
    let date: DateExpr | null = null;
    if (!vagueNear) {
      // 到时候再去: "then" points back to the last date mentioned.
      const thenCue = endingIn(then, cue.start - THEN_BEFORE, cue.start);
      date = thenCue ? (lastUpTo(future, thenCue.start) ?? null) : pairDate(a, cue, future);
    }
    if (date) used.add(date);
    followUps.push({ cue, date, value: date?.follow ?? "unspecified" });
  }
  const verbs = a.cues.filter((c) => c.kind === "visit_verb");
  // Visit words of two languages may overlap (在Joe's做), so by where they end is an order of its own.
  const verbsByEnd = [...verbs].sort((x, y) => x.end - y.end);
  const verbNear = (d: DateExpr) => {
    const after = firstFrom(verbs, d.start);
    const before = verbsByEnd[firstIndex(verbsByEnd, (v) => v.end >= d.start - VERB_BEFORE_DATE)];
    return (!!after && after.start - d.end <= VERB_AFTER_DATE) || (!!before && before.end <= d.start);
  };
  const visitDates = a.dates.filter((d) => {
    if (used.has(d) || !d.visit || eventDate(a, d)) return false;
    // "11/30" sent on 12/1 reads as yesterday where a bare weekday would (heading the report, by a
    // visit verb), not as next November.
    const lately = !!d.follow && d.follow > today && nearerBehind(today, d.visit, d.follow);
    const needsVerb = d.needsVerb || lately;
    if (d.follow && d.follow > today && !needsVerb) return false;
    if (!needsVerb || d.visit === today) return true;
    // "Monday: Lone Star and Tech Ridge" — a day heading the report; 周一 新华都 … — a day opening it
    // (or one of its sentences: "… joes monster oos. tue heb mueller"), then a shop.
    if (/^\s*[:：]/.test(a.norm.slice(d.end))) return true;
    // "forgot to send mon's": the day's report, closing its line.
    const rest = a.norm.slice(d.end, sentenceAround(a.sentenceEnds, d.start)[1]);
    if (/'s$/.test(a.norm.slice(d.start, d.end)) && !rest.trim()) return true;
    const next = firstFrom(a.shops, d.end);
    // "mon 11/30" heading the shops: the other date beside it is no word before or between.
    const opens = !withoutDates(a, sentenceAround(a.sentenceEnds, d.start)[0], d.start).trim();
    if (opens && next && /^[\s,，\-–—]*(?:在|at)?\s*$/.test(withoutDates(a, d.end, next.start))) return true;
    // "Joe's on Friday, coke zero oos": the day right after the shop it dates
    const shopBefore = lastUpTo(a.shops, d.start);
    if (shopBefore && /^\s*(?:on|last)\s*$/.test(a.norm.slice(shopBefore.end, d.start))) return true;
    // A bare weekday or day number is a visit day only next to a visit verb (周六去了, "friday's visit").
    return verbNear(d);
  });
  return { followUps, visitDates };
}

/** The visit day for facts around `mentionStart` within `ranges`: the last visit date said before, else today. */
export function visitDayFor(
  a: Analysis,
  d: Dating,
  mentionStart: number,
  rangeEnd: number,
): { day: string; said: boolean } {
  const from = firstIndex(d.visitDates, (x) => x.start >= mentionStart);
  const before = d.visitDates[from - 1];
  const next = d.visitDates[from];
  const inside = next && next.start < rangeEnd ? next : undefined;
  const day = (before ?? inside ?? d.visitDates[0])?.visit;
  return day ? { day, said: true } : { day: a.today, said: false };
}
