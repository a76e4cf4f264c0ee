/**
 * One record in one line, ending with its short reference (#3f2a9c01, as on the manager's receipt),
 * so a supervisor can quote it back ("#3f2a9c01 怎么回事") and anyone can find the row behind a figure.
 */
import { shortReference } from "../../visits/receipt.js";
import { dayWords, FORMAT_WORDS, lineWords } from "../../core/wording.js";
import { localDay } from "../../domain/calendar.js";
import type { Lang } from "../../domain/roster.js";
import type { FormatStockLine, PromotionFormat } from "../../domain/records.js";
import type { PromotionRecord } from "../figures/promotion-records.js";
import type { VisitLineRecord, VisitRecord } from "../figures/visit-records.js";
import type { ReportEnv } from "../report-env.js";
import { listNames, timeWords } from "./report-words.js";

export function productName(env: ReportEnv, sku: string): string {
  return env.products.get(sku) ?? sku;
}

export function stockLineWords(env: ReportEnv, line: VisitLineRecord): string {
  return lineWords(line as FormatStockLine, productName(env, line.sku), env.lang);
}

/** 王记小卖部 17:32 · 断货 中华(软) · ⚠️ 合规 #133a0a47 */
export function visitBrief(env: ReportEnv, v: VisitRecord, opts: { withManager?: boolean; withDate?: boolean } = {}): string {
  const zh = env.lang === "zh";
  const of = (kind: string) => v.lines.filter((l) => l.kind === kind);
  const facts: string[] = [];
  const oos = of("out_of_stock").map((l) => productName(env, l.sku));
  if (oos.length) facts.push(`${zh ? "断货" : "out of"} ${listNames(oos, env.lang)}`);
  const listed = of("listed").map((l) => productName(env, l.sku));
  if (listed.length) facts.push(`${zh ? "新上柜" : "listed"} ${listNames(listed, env.lang)}`);
  const orders = of("order").map((l) => stockLineWords(env, l));
  if (orders.length) facts.push(`${zh ? "订货" : "order"} ${listNames(orders, env.lang)}`);
  if (v.feedback) facts.push(zh ? "有老板反馈" : "owner feedback");
  if (v.compliance) facts.push(zh ? "⚠️ 合规提示" : "⚠️ red flag");
  const when = opts.withDate ? `${dayWords(v.date, env.lang)} ` : "";
  const who = opts.withManager ? `${v.managerName} · ` : "";
  const time = timeWords(v.reportedAt, env.viewer.timezone, env.lang, v.date);
  // A report sent on a later day than the visit is shown as such: it explains a quiet day in the figures.
  const late = localDay(v.reportedAt, env.viewer.timezone) !== v.date;
  const reported = late ? (zh ? `补报于 ${time}` : `logged ${time}`) : time;
  const tail = facts.length ? " · " + facts.join(" · ") : "";
  return `${when}${who}${v.shopName}${zh ? `（${reported}）` : ` (${reported})`}${tail} ${shortReference(v.id)}`;
}

/** 11月24日 林志强 品鉴会 @ 新华都超市 · 触达 12 人 · 售出 中华(软) 2条 #ab12cd34 */
export function promotionBrief(env: ReportEnv, p: PromotionRecord): string {
  const zh = env.lang === "zh";
  const where = p.shopNames.length ? ` @ ${listNames(p.shopNames, env.lang)}` : "";
  const parts = [`${dayWords(p.date, env.lang)} ${p.managerName} ${FORMAT_WORDS[env.lang][p.format as PromotionFormat] ?? p.format}${where}`];
  if (p.skus.length) parts.push(`${zh ? "推" : "featuring"} ${listNames(p.skus.map((s) => productName(env, s)), env.lang)}`);
  if (p.consumers !== null) parts.push(zh ? `触达 ${p.consumers} 人` : `${p.consumers} consumers reached`);
  if (p.sales.length) parts.push(`${zh ? "售出" : "sold"} ${listNames(p.sales.map((l) => stockLineWords(env, l)), env.lang)}`);
  return `${parts.join(" · ")} ${shortReference(p.id)}`;
}
