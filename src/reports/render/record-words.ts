/**
 * One record in one line, ending with its short reference (#3f2a9c01, as on the manager's receipt),
 * so a supervisor can quote it back ("#3f2a9c01 怎么回事") and anyone can find the row behind a figure.
 */
import { localDay } from "../../domain/calendar.js";
import type { PromotionFormat, Unit } from "../../domain/records.js";
import { UNITS } from "../../domain/records.js";
import { shortReference } from "../../domain/reference.js";
import type { PromotionRecord, VisitLineRecord, VisitRecord } from "../figures/figure-queries.js";
import type { ReportEnv } from "../report-env.js";
import { timeWords } from "./report-words.js";

/** The separator between the parts of a one-line record, in every language. */
const PARTS = " · ";

export function productName(env: ReportEnv, sku: string): string {
  return env.products.get(sku) ?? sku;
}

/** A stored unit, if it is one the domain knows. */
export function unitOf(unit: string | null): Unit | null {
  return (UNITS as readonly string[]).includes(unit ?? "") ? (unit as Unit) : null;
}

export function stockLineWords(env: ReportEnv, line: VisitLineRecord): string {
  return env.t.reports.stockLine(productName(env, line.sku), line.qty, unitOf(line.unit));
}

/** 王记小卖部（17:32） · 断货 中华(软) · ⚠️ 合规提示 #133a0a47 */
export function visitBrief(
  env: ReportEnv,
  v: VisitRecord,
  opts: { withManager?: boolean; withDate?: boolean } = {},
): string {
  const { t } = env;
  const of = (kind: string) => v.lines.filter((l) => l.kind === kind);
  const list = (items: string[]) => (items.length ? t.format.list(items) : null);
  const facts = t.reports.record.facts({
    outOfStock: list(of("out_of_stock").map((l) => productName(env, l.sku))),
    listed: list(of("listed").map((l) => productName(env, l.sku))),
    ordered: list(of("order").map((l) => stockLineWords(env, l))),
    feedback: v.feedback,
    redFlag: v.compliance,
  });
  const when = opts.withDate ? `${t.format.day(v.date)} ` : "";
  const who = opts.withManager ? `${v.managerName}${PARTS}` : "";
  const time = timeWords(t, v.reportedAt, env.viewer.timezone, v.date);
  // A report sent on a later day than the visit is shown as such: it explains a quiet day in the figures.
  const late = localDay(v.reportedAt, env.viewer.timezone) !== v.date;
  const tail = facts.length ? PARTS + facts.join(PARTS) : "";
  return `${when}${who}${v.shopName}${t.reports.record.reportedAt(time, late)}${tail} ${shortReference(v.id)}`;
}

/** 11月24日（周二） 林志强 品鉴会 @ 新华都超市 · 触达 12 人 · 售出 中华(软) 2条 #ab12cd34 */
export function promotionBrief(env: ReportEnv, p: PromotionRecord): string {
  const { t } = env;
  const r = t.reports.record;
  const kind = t.words.promotionFormat[p.format as PromotionFormat] ?? p.format;
  const parts = [
    `${t.format.day(p.date)} ${p.managerName} ${r.promotionAt(kind, p.shopNames.length ? t.format.list(p.shopNames) : null)}`,
  ];
  if (p.skus.length) parts.push(r.featuring(t.format.list(p.skus.map((s) => productName(env, s)))));
  if (p.consumers !== null) parts.push(r.consumersReached(p.consumers));
  if (p.sales.length) parts.push(r.sold(t.format.list(p.sales.map((l) => stockLineWords(env, l)))));
  return `${parts.join(PARTS)} ${shortReference(p.id)}`;
}
