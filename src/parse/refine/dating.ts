/**
 * Decides what each date expression is: a promised follow-up (paired with a follow verb:
 * 下周三再去, 明天带给他, "back Tuesday", "check back in 2 weeks"), the day a visit happened
 * (昨天, 周六去了, "friday's visit"), or neither (明天送到, 他周一回来, 下周的货).
 */
import type { Cue } from "../common/cues.js";
import { sentenceAround } from "../common/normalize.js";
import type { DateExpr } from "../extract/dates.js";
import type { Analysis } from "./analysis.js";

export interface FollowUp {
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

const sameSentence = (a: Analysis, x: number, y: number) => {
  const [s, e] = sentenceAround(a.sentenceEnds, Math.min(x, y));
  return Math.max(x, y) < e && Math.min(x, y) >= s;
};

function pairDate(a: Analysis, cue: Cue, future: DateExpr[]): DateExpr | null {
  const zh = a.lang === "zh";
  const before = future
    .filter((d) => d.end <= cue.start + 1 && cue.start - d.end <= (zh ? 16 : 25) && sameSentence(a, d.start, cue.start))
    .pop();
  const after = future.find((d) => d.start >= cue.start && d.start - cue.end <= (zh ? 8 : 25) && sameSentence(a, cue.start, d.start));
  return zh ? before ?? after ?? null : after ?? before ?? null;
}

export function dating(a: Analysis): Dating {
  const today = a.today;
  const future = a.dates.filter((d) => d.follow && d.follow > today);
  const used = new Set<DateExpr>();
  const followUps: FollowUp[] = [];
  const vague = a.cues.filter((c) => c.kind === "follow_vague");
  const then = a.cues.filter((c) => c.kind === "follow_then");
  for (const cue of a.cues.filter((c) => c.kind === "follow")) {
    // 过两天再去: a vague word right before the verb wins over any date further back.
    const vagueNear = vague.find((v) => v.end <= cue.start && cue.start - v.end <= 4) ?? vague.find((v) => v.start >= cue.end && v.start - cue.end <= 12 && sameSentence(a, cue.end, v.start));
    let date: DateExpr | null = null;
    if (!vagueNear) {
      // 到时候再去: "then" points back to the last date mentioned.
      const thenCue = then.find((t) => t.end <= cue.start && cue.start - t.end <= 3);
      date = thenCue ? future.filter((d) => d.end <= thenCue.start).pop() ?? null : pairDate(a, cue, future);
    }
    if (date) used.add(date);
    followUps.push({ cue, date, value: date?.follow ?? "unspecified" });
  }
  const verbs = a.cues.filter((c) => c.kind === "visit_verb");
  const visitDates = a.dates.filter((d) => {
    if (used.has(d) || !d.visit) return false;
    if (d.follow && d.follow > today && !d.needsVerb) return false;
    if (!d.needsVerb || d.visit === today) return true;
    // "Monday: Lone Star and Tech Ridge" — a day heading the report.
    if (/^\s*[:：]/.test(a.norm.slice(d.end))) return true;
    // A bare weekday or day number is a visit day only next to a visit verb (周六去了, "friday's visit").
    return verbs.some((v) => (v.start >= d.start && v.start - d.end <= 8) || (v.end <= d.start && d.start - v.end <= 12));
  });
  return { followUps, visitDates };
}

/** The visit day for facts around `mentionStart` within `ranges`: the last visit date said before, else today. */
export function visitDayFor(a: Analysis, d: Dating, mentionStart: number, rangeEnd: number): { day: string; said: boolean } {
  const before = d.visitDates.filter((x) => x.start < mentionStart).pop();
  const inside = d.visitDates.find((x) => x.start >= mentionStart && x.start < rangeEnd);
  const day = (before ?? inside ?? d.visitDates[0])?.visit;
  return day ? { day, said: true } : { day: a.today, said: false };
}
