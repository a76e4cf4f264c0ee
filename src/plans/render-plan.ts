/** A plan, or a plan with progress, as chat replies in the reader's language. */
import type { Reply } from "../domain/messages.js";
import type { Messages } from "../locales/index.js";
import type { PlanDay } from "../locales/messages/plans.js";
import type { PlanProgress, PlanStop, VisitPlan } from "./plan-types.js";
import { reasonsText } from "./plan-wording.js";

export interface RenderOptions {
  /** The person's today: the plan for it is called "今天" / "Today". */
  today?: string;
  /** A line before the plan (the morning greeting). */
  greeting?: string;
}

function planDay(plan: VisitPlan, today?: string): PlanDay {
  return { day: plan.day, isToday: plan.day === today };
}

function stopLine(stop: PlanStop, n: number, t: Messages): string {
  return `${n}. ${stop.name} — ${reasonsText(stop.reasons, t)}`;
}

const text = (lines: string[]): Reply[] => [{ kind: "text", text: lines.join("\n") }];

/** The day's plan: header with count and route length, one line per stop in route order. */
export function renderPlan(plan: VisitPlan, t: Messages, options: RenderOptions = {}): Reply[] {
  const day = planDay(plan, options.today);
  const lines: string[] = options.greeting ? [options.greeting] : [];
  if (plan.dayOff) return text([...lines, t.plans.dayOff(day, plan.dayOff)]);
  if (plan.stops.length === 0) return text([...lines, t.plans.nothingDue(day)]);
  lines.push(t.plans.heading(day, plan.stops.length, plan.totalKm));
  for (const [i, stop] of plan.stops.entries()) lines.push(stopLine(stop, i + 1, t));
  if (plan.deferred.length > 0) lines.push(t.plans.deferred(plan.deferred.length));
  return text(lines);
}

/** "今天还剩哪几家": what is left in route order, then what is done, skipped and visited off-plan. */
export function renderProgress(progress: PlanProgress, t: Messages, options: RenderOptions = {}): Reply[] {
  const { plan, done, skipped, remaining, extra } = progress;
  if (plan.dayOff || plan.stops.length === 0) return renderPlan(plan, t, options);
  const day = planDay(plan, options.today);
  const lines: string[] = [];
  if (remaining.length === 0) {
    lines.push(t.plans.allHandled(day, plan.stops.length, skipped.length));
  } else {
    lines.push(
      t.plans.progress(day, {
        planned: plan.stops.length,
        done: done.length,
        skipped: skipped.length,
        left: remaining.length,
      }),
    );
    for (const [i, stop] of remaining.entries()) lines.push(stopLine(stop, i + 1, t));
  }
  if (done.length) lines.push(t.plans.done(done.map((s) => s.name)));
  if (skipped.length) lines.push(t.plans.skippedShops(skipped.map((s) => ({ shop: s.stop.name, reason: s.reason }))));
  if (extra.length) lines.push(t.plans.offPlan(extra.map((s) => s.name)));
  return text(lines);
}
