/**
 * Stock-outs reported across the members in a period, one row per shop and product, newest report
 * first, with the visit that reported it. A later visit to the same shop that counted the product
 * in stock marks it restocked, so "哪些店断软中华" does not send anyone to a shop already supplied.
 */
import type { Db } from "../../store/database.js";
import type { Period } from "../query/query-types.js";
import { type StockOutRow, stockOutRows } from "./figure-queries.js";

export type StockOut = StockOutRow;

export async function stockOuts(db: Db, memberIds: string[], period: Period, skus: string[]): Promise<StockOut[]> {
  // One row per shop and product: the latest report stands for the earlier ones.
  const seen = new Set<string>();
  const out: StockOut[] = [];
  for (const row of await stockOutRows(db, memberIds, period, skus)) {
    const key = `${row.retailerId}\u0000${row.sku}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(row);
  }
  return out;
}
