/** A plan, or a plan with progress, as chat replies in the person's language. */
import type { Reply } from "../domain/messages.js";
import type { Lang } from "../domain/roster.js";
import type { PlanProgress, PlanStop, VisitPlan } from "./plan-types.js";
import { count, dateWithWeekday, distanceText, reasonsText } from "./plan-wording.js";

export interface RenderOptions {
  /** The person's today: the plan for it is called "今天" / "Today". */
  today?: string;
  /** A line before the plan (the morning greeting). */
  greeting?: string;
}

function dayLabel(plan: VisitPlan, lang: Lang, today?: string): string {
  if (plan.day === today) return lang === "zh" ? "今天" : "today";
  return dateWithWeekday(plan.day, lang);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stopLine(stop: PlanStop, n: number, lang: Lang): string {
  return `${n}. ${stop.name} — ${reasonsText(stop.reasons, lang)}`;
}

/** The day's plan: header with count and route length, one line per stop in route order. */
export function renderPlan(plan: VisitPlan, lang: Lang, options: RenderOptions = {}): Reply[] {
  const zh = lang === "zh";
  const label = dayLabel(plan, lang, options.today);
  const lines: string[] = options.greeting ? [options.greeting] : [];
  if (plan.dayOff) {
    lines.push(
      zh
        ? `${label}${plan.dayOff === "holiday" ? "是节假日" : "休息"}，没有拜访计划。`
        : `${capitalised(label)} is ${plan.dayOff === "holiday" ? "a holiday" : "a day off"}: no visit plan.`,
    );
    return [{ kind: "text", text: lines.join("\n") }];
  }
  if (plan.stops.length === 0) {
    lines.push(zh ? `${label}没有到期或待跟进的店，可以机动安排。` : `Nothing is due or waiting for ${label}: your day is free to plan.`);
    return [{ kind: "text", text: lines.join("\n") }];
  }
  const n = plan.stops.length;
  const route = plan.totalKm > 0 ? (zh ? `（路线${distanceText(plan.totalKm, lang)}）` : `, route ${distanceText(plan.totalKm, lang)}`) : "";
  const heading = plan.day === options.today ? "Today's plan" : `Plan for ${label}`;
  lines.push(zh ? `${label}计划拜访 ${n} 家${route}：` : `${heading}: ${count(n, lang, ["store", "stores"])}${route}:`);
  plan.stops.forEach((stop, i) => lines.push(stopLine(stop, i + 1, lang)));
  if (plan.deferred.length > 0) {
    lines.push(
      zh
        ? `另有 ${plan.deferred.length} 家到期的店今天排不下，会顺延到之后的计划。`
        : `${count(plan.deferred.length, lang, ["more store is", "more stores are"])} due but over today's capacity; they move to the next plans.`,
    );
  }
  return [{ kind: "text", text: lines.join("\n") }];
}

/** "今天还剩哪几家": what is left in route order, then what is done, skipped and visited off-plan. */
export function renderProgress(progress: PlanProgress, lang: Lang, options: RenderOptions = {}): Reply[] {
  const { plan } = progress;
  if (plan.dayOff || plan.stops.length === 0) return renderPlan(plan, lang, options);
  const zh = lang === "zh";
  const label = dayLabel(plan, lang, options.today);
  const names = (items: { name: string }[]) => items.map((s) => s.name).join(zh ? "、" : ", ");
  const total = plan.stops.length;
  const done = progress.done.length;
  const skipped = progress.skipped.length;
  const left = progress.remaining.length;
  const lines: string[] = [];
  if (left === 0) {
    lines.push(
      zh
        ? `${label}计划的 ${total} 家都处理完了${skipped ? `（其中跳过 ${skipped} 家）` : ""}，辛苦了！`
        : `All ${total} planned stores for ${label} are handled${skipped ? ` (${skipped} skipped)` : ""}. Nice work!`,
    );
  } else {
    lines.push(
      zh
        ? `${label}计划 ${total} 家，已完成 ${done} 家${skipped ? `，跳过 ${skipped} 家` : ""}，还剩 ${left} 家：`
        : `${capitalised(label)}: ${total} planned, ${done} done${skipped ? `, ${skipped} skipped` : ""}, ${left} to go:`,
    );
    progress.remaining.forEach((stop, i) => lines.push(stopLine(stop, i + 1, lang)));
  }
  if (done) lines.push(zh ? `已完成：${names(progress.done)}` : `Done: ${names(progress.done)}`);
  if (skipped) {
    const list = progress.skipped.map((s) => (s.reason ? (zh ? `${s.stop.name}（${s.reason}）` : `${s.stop.name} (${s.reason})`) : s.stop.name));
    lines.push(zh ? `跳过：${list.join("、")}` : `Skipped: ${list.join(", ")}`);
  }
  if (progress.extra.length) lines.push(zh ? `计划外拜访：${names(progress.extra)}` : `Off-plan visits: ${names(progress.extra)}`);
  return [{ kind: "text", text: lines.join("\n") }];
}
