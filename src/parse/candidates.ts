/**
 * The plausible products of a parse, for building a small LLM prompt: only these
 * candidates are offered, never the whole roster.
 */
import type { ParseResult } from "./types.js";

export function candidateProducts(result: ParseResult): { sku: string; name: string }[] {
  const seen = new Map<string, { sku: string; name: string }>();
  for (const m of result.products) for (const c of m.candidates) seen.set(c.sku, c);
  return [...seen.values()];
}
