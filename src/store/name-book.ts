/** Display names for the shop ids and SKUs a reply mentions, fetched in one query each. */
import type { Db } from "./database.js";

export interface NameBook {
  shop(id: string): string;
  product(sku: string): string;
  /** A product's name and aliases, the name first: the ways a manager (and the parser) may write it. */
  spellings(sku: string): string[];
}

export async function loadNames(db: Db, shopIds: Iterable<string>, skus: Iterable<string>): Promise<NameBook> {
  const [shops, products] = await Promise.all([
    db.retailer.findMany({ where: { id: { in: [...new Set(shopIds)] } }, select: { id: true, name: true } }),
    db.product.findMany({
      where: { sku: { in: [...new Set(skus)] } },
      select: { sku: true, name: true, aliases: true },
    }),
  ]);
  return nameBook(
    new Map(shops.map((s) => [s.id, s])),
    new Map(products.map((p) => [p.sku, { name: p.name, aliases: JSON.parse(p.aliases) as string[] }])),
  );
}

/** A name book over shops and products already in hand (the roster in memory). */
export function nameBook(
  shops: ReadonlyMap<string, { name: string }>,
  products: ReadonlyMap<string, { name: string; aliases: string[] }>,
): NameBook {
  return {
    shop: (id) => shops.get(id)?.name ?? id,
    product: (sku) => products.get(sku)?.name ?? sku,
    spellings: (sku) => [products.get(sku)?.name ?? sku, ...(products.get(sku)?.aliases ?? [])],
  };
}

/** Every shop id and SKU a FORMAT.md record refers to. */
export function referencesOf(records: Iterable<RecordLike>): { shops: string[]; skus: string[] } {
  const shops: string[] = [];
  const skus: string[] = [];
  for (const r of records) {
    if (r.type === "visit") {
      if (r.retailer) shops.push(r.retailer);
      shops.push(...(r.ambiguous ?? []));
      skus.push(...r.stock.map((l) => l.sku), ...r.outOfStock, ...r.listed, ...r.orders.map((l) => l.sku));
    } else {
      shops.push(...r.retailers);
      skus.push(...r.skus, ...r.sales.map((l) => l.sku));
    }
  }
  return { shops, skus };
}

type RecordLike =
  | {
      type: "visit";
      retailer: string | null;
      ambiguous: string[] | null;
      stock: { sku: string }[];
      outOfStock: string[];
      listed: string[];
      orders: { sku: string }[];
    }
  | { type: "promotion"; retailers: string[]; skus: string[]; sales: { sku: string }[] };
