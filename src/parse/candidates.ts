/**
 * The plausible shops and products of a parse, for building a small LLM prompt: only these
 * candidates are offered, never the whole roster.
 */
import type { ParseResult, ShopCandidate } from "./types.js";

export function candidateShops(result: ParseResult): ShopCandidate[] {
  const seen = new Map<string, ShopCandidate>();
  for (const m of result.shops) for (const c of m.candidates) seen.set(c.id, c);
  return [...seen.values()];
}

export function candidateProducts(result: ParseResult): { sku: string; name: string }[] {
  const seen = new Map<string, { sku: string; name: string }>();
  for (const m of result.products) for (const c of m.candidates) seen.set(c.sku, c);
  return [...seen.values()];
}
