/**
 * The only shops and products the model is shown. Shops: the candidates the rule extractors found
 * plausible, plus the sender's own shops whose name is written in the message. Products are not
 * private: a catalogue of at most CATALOGUE_IN_FULL SKUs is shown whole, so a paraphrase ("那个经典的
 * 红色包装的") can resolve to a real SKU; a larger one shows the rules' candidates and the products
 * written in the message. Other managers' shops and any person's data never leave the process; the
 * model can only choose among these, and grounding holds it to them.
 */
import type { Roster } from "../../domain/roster.js";
import { normalizeText } from "../common/normalize.js";
import type { ParseResult } from "../types.js";

export interface ModelShop {
  id: string;
  name: string;
  aliases: string[];
}

export interface ModelProduct {
  sku: string;
  name: string;
  aliases: string[];
}

export interface Candidates {
  shops: ModelShop[];
  products: ModelProduct[];
}

/** Caps keep the prompt small even for a message naming half the route. */
const MAX_SHOPS = 30;
const MAX_PRODUCTS = 40;
/** A catalogue this small goes to the model whole (a few thousand tokens at most). */
const CATALOGUE_IN_FULL = 400;

/** A name or alias short enough to occur by accident ("王", "Joe") does not count as written. */
const written = (norm: string, name: string) => {
  const key = normalizeText(name).trim();
  return key.length >= 2 && (/[a-z]/.test(key) ? key.length >= 3 : true) && norm.includes(key);
};

export function gatherCandidates(rules: ParseResult, roster: Roster | null): Candidates {
  const norm = normalizeText(rules.text);
  const retailers = new Map(roster?.retailers.map((r) => [r.id, r]));
  const catalogue = new Map(roster?.products.map((p) => [p.sku, p]));

  const shops = new Map<string, ModelShop>();
  for (const mention of rules.shops) {
    for (const c of mention.candidates)
      shops.set(c.id, { id: c.id, name: c.name, aliases: retailers.get(c.id)?.aliases ?? [] });
  }
  for (const r of roster?.retailers ?? []) {
    if (r.managerId !== rules.senderId || shops.has(r.id)) continue;
    if ([r.name, ...r.aliases].some((n) => written(norm, n)))
      shops.set(r.id, { id: r.id, name: r.name, aliases: r.aliases });
  }

  const products = new Map<string, ModelProduct>();
  for (const mention of rules.products) {
    for (const c of mention.candidates)
      products.set(c.sku, { sku: c.sku, name: c.name, aliases: catalogue.get(c.sku)?.aliases ?? [] });
  }
  const whole = (roster?.products.length ?? 0) <= CATALOGUE_IN_FULL;
  for (const p of roster?.products ?? []) {
    if (products.has(p.sku)) continue;
    if (whole || [p.name, ...p.aliases].some((n) => written(norm, n)))
      products.set(p.sku, { sku: p.sku, name: p.name, aliases: p.aliases });
  }
  const shown = [...products.values()];
  return { shops: [...shops.values()].slice(0, MAX_SHOPS), products: whole ? shown : shown.slice(0, MAX_PRODUCTS) };
}
