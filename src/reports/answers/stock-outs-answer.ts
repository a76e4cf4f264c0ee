/**
 * "这周哪些店断软中华" / "any stores out of Coke Zero?": the shops that reported the product out of
 * stock, each with who reported it, when, and the record; a later visit that found it back on the
 * shelf is marked. Without a product, stock-outs are grouped by product.
 */
import type { Reply } from "../../domain/messages.js";
import { shortReference } from "../../domain/reference.js";
import { type StockOut, stockOuts } from "../figures/stock-outs.js";
import type { StatusQuery } from "../query/query-types.js";
import { productName } from "../render/record-words.js";
import { periodWords } from "../render/report-words.js";
import type { ReportEnv } from "../report-env.js";
import type { Scope } from "../scope.js";

export async function answerStockOuts(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const { t } = env;
  const words = t.reports.stockOuts;
  const rows = await stockOuts(
    env.db,
    scope.members.map((m) => m.id),
    query.period,
    query.skus,
  );
  const names = new Map(scope.members.map((m) => [m.id, m.name]));
  const when = periodWords(t, query.period, env.today);
  const what = query.skus.length ? t.format.list(query.skus.map((s) => productName(env, s))) : null;
  if (rows.length === 0) return [{ kind: "text", text: words.none(scope.subject, when, what) }];

  const line = (r: StockOut, withProduct: boolean) => {
    const product = withProduct ? `${productName(env, r.sku)} · ` : "";
    const back = r.restocked ? words.backInStock : "";
    return `· ${product}${r.shopName} — ${names.get(r.managerId) ?? r.managerId} ${t.format.day(r.date)} ${shortReference(r.visitId)}${back}`;
  };
  const out: string[] = [];
  if (what) {
    const shops = new Set(rows.map((r) => r.retailerId)).size;
    const restocked = rows.filter((r) => r.restocked).length;
    out.push(words.forProducts(scope.subject, when, what, shops, restocked));
    out.push(...rows.map((r) => line(r, query.skus.length > 1)));
  } else {
    const bySku = new Map<string, StockOut[]>();
    for (const r of rows) bySku.set(r.sku, [...(bySku.get(r.sku) ?? []), r]);
    const ordered = [...bySku.entries()].sort((a, b) => b[1].length - a[1].length);
    out.push(words.byProduct(scope.subject, when, rows.length));
    for (const [sku, list] of ordered)
      out.push("", words.productHeading(productName(env, sku), list.length), ...list.map((r) => line(r, false)));
  }
  return [{ kind: "text", text: out.join("\n") }];
}
