/**
 * The organisation as the rest of Fieldmate sees it: people, shops and products,
 * independent of how they are stored (Prisma rows) or imported (CSV).
 */

export const ROLES = ["manager", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

export interface Person {
  id: string;
  name: string;
  role: Role;
  /** Team name, e.g. 新罗一组; admins may have none. */
  team: string | null;
  supervisorId: string | null;
  lang: Lang;
  /** IANA time zone, e.g. Asia/Shanghai. */
  timezone: string;
  email: string | null;
}

export interface Retailer {
  id: string;
  name: string;
  aliases: string[];
  managerId: string | null;
  /** Visit class: brand_store, premium_store, standard, rural (free text for other industries). */
  segment: string;
  grade: number | null;
  address: string;
  lat: number | null;
  lng: number | null;
  license: string | null;
}

export interface Product {
  sku: string;
  name: string;
  brand: string;
  aliases: string[];
  category: string;
  /** Units (cartons, packs, bottles) in one case; null when unknown. */
  perCase: number | null;
  priceBand: string | null;
}

/** Everything a parse needs to ground mentions: who exists, which shops, which products. */
export interface Roster {
  people: Person[];
  retailers: Retailer[];
  products: Product[];
}
