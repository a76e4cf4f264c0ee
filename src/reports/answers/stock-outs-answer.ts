/**
 * "这周哪些店断软中华" / "any stores out of Coke Zero?": the shops that reported the product out of
 * stock, each with who reported it, when, and the record; a later visit that found it back on the
 * shelf is marked. Without a product, stock-outs are grouped by product.
 */
import { shortReference } from "../../visits/receipt.js";
import { dayWords } from "../../core/wording.js";
import type { Reply } from "../../domain/messages.js";
import { stockOuts, type StockOut } from "../figures/stock-outs.js";
import type { StatusQuery } from "../query/query-types.js";
import type { ReportEnv } from "../report-env.js";
import { productName } from "../render/record-words.js";
import { listNames, periodWords } from "../render/report-words.js";
import { scopeLabel } from "../render/team-status-card.js";
import type { Scope } from "../scope.js";

export async function answerStockOuts(env: ReportEnv, query: StatusQuery, scope: Scope): Promise<Reply[]> {
  const zh = env.lang === "zh";
  const rows = await stockOuts(env.db, scope.members.map((m) => m.id), query.period, query.skus);
  const names = new Map(scope.members.map((m) => [m.id, m.name]));
  const when = periodWords(query.period, env.today, env.lang);
  const who = scopeLabel(env, scope);
  const products = query.skus.map((s) => productName(env, s));
  const what = products.length ? listNames(products, env.lang) : "";

  if (rows.length === 0) {
    const text = zh
      ? `${when}${who}没有店报告${what || "任何产品"}断货。`
      : `No store on ${who} reported ${what || "anything"} out of stock ${when}.`;
    return [{ kind: "text", text }];
  }
  const line = (r: StockOut, withProduct: boolean) => {
    const product = withProduct ? `${productName(env, r.sku)} · ` : "";
    const back = r.restocked ? (zh ? "（之后已有库存）" : " (back in stock since)") : "";
    return `· ${product}${r.shopName} — ${names.get(r.managerId) ?? r.managerId} ${dayWords(r.date, env.lang)} ${shortReference(r.visitId)}${back}`;
  };
  const open = rows.filter((r) => !r.restocked);
  const shops = new Set(rows.map((r) => r.retailerId)).size;
  const out: string[] = [];
  if (query.skus.length) {
    out.push(
      zh
        ? `${when}${who}报告${what}断货的店共 ${shops} 家${open.length < rows.length ? `（其中 ${rows.length - open.length} 条之后已有库存）` : ""}：`
        : `${shops} store${shops === 1 ? "" : "s"} on ${who} reported ${what} out of stock ${when}${open.length < rows.length ? ` (${rows.length - open.length} back in stock since)` : ""}:`,
    );
    out.push(...rows.map((r) => line(r, query.skus.length > 1)));
  } else {
    const bySku = new Map<string, StockOut[]>();
    for (const r of rows) bySku.set(r.sku, [...(bySku.get(r.sku) ?? []), r]);
    const ordered = [...bySku.entries()].sort((a, b) => b[1].length - a[1].length);
    out.push(zh ? `${when}${who}断货报告（按产品，共 ${rows.length} 条）：` : `Stock-outs on ${who} ${when}, by product (${rows.length}):`);
    for (const [sku, list] of ordered) {
      out.push(zh ? `\n${productName(env, sku)}（${list.length} 家）：` : `\n${productName(env, sku)} (${list.length}):`);
      out.push(...list.map((r) => line(r, false)));
    }
  }
  return [{ kind: "text", text: out.join("\n") }];
}
