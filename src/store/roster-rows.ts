/** Roster rows as domain objects: JSON-valued columns (aliases) are decoded here and nowhere else. */
import type { Lang, Person, Product, Retailer, Role } from "../domain/roster.js";
import type {
  Person as PersonRow,
  Product as ProductRow,
  Retailer as RetailerRow,
} from "../generated/prisma/client.js";

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    team: row.team,
    supervisorId: row.supervisorId,
    lang: row.lang as Lang,
    timezone: row.timezone,
    email: row.email,
  };
}

export function toRetailer(row: RetailerRow): Retailer {
  return {
    id: row.id,
    name: row.name,
    aliases: JSON.parse(row.aliases) as string[],
    managerId: row.managerId,
    segment: row.segment,
    grade: row.grade,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    license: row.license,
  };
}

export function toProduct(row: ProductRow): Product {
  return {
    sku: row.sku,
    name: row.name,
    brand: row.brand,
    aliases: JSON.parse(row.aliases) as string[],
    category: row.category,
    perCase: row.perCase,
    priceBand: row.priceBand,
  };
}
