/**
 * People, chat identities, shops and products: reading them as domain objects and writing
 * them from an import. JSON-valued columns (aliases) are decoded here and nowhere else.
 */

import type { ChannelName } from "../domain/messages.js";
import type { Lang, Person, Product, Retailer, Role, Roster } from "../domain/roster.js";
import type {
  Person as PersonRow,
  Product as ProductRow,
  Retailer as RetailerRow,
} from "../generated/prisma/client.js";
import type { Db } from "./database.js";

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

function toRetailer(row: RetailerRow): Retailer {
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

function toProduct(row: ProductRow): Product {
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

export class RosterStore {
  constructor(private readonly db: Db) {}

  async person(id: string): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row ? toPerson(row) : null;
  }

  async people(): Promise<Person[]> {
    return (await this.db.person.findMany({ where: { active: true }, orderBy: { id: "asc" } })).map(toPerson);
  }

  async countPeople(): Promise<number> {
    return this.db.person.count();
  }

  /** The person behind a chat identity, if linked. */
  async personByIdentity(channel: ChannelName, externalId: string): Promise<Person | null> {
    const identity = await this.db.identity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { person: true },
    });
    return identity ? toPerson(identity.person) : null;
  }

  /** Links a chat identity to a person; re-linking an identity moves it. */
  async link(personId: string, channel: ChannelName, externalId: string): Promise<void> {
    await this.db.identity.upsert({
      where: { channel_externalId: { channel, externalId } },
      create: { personId, channel, externalId },
      update: { personId },
    });
  }

  async identitiesOf(personId: string): Promise<{ channel: ChannelName; externalId: string }[]> {
    const rows = await this.db.identity.findMany({ where: { personId }, orderBy: { id: "asc" } });
    return rows.map((r) => ({ channel: r.channel as ChannelName, externalId: r.externalId }));
  }

  /** Changes whenever people, shops or products change (counts and latest update times): cheap to ask often. */
  async version(): Promise<string> {
    const [people, retailers, products] = await Promise.all([
      this.db.person.aggregate({ _count: true, _max: { updatedAt: true } }),
      this.db.retailer.aggregate({ _count: true, _max: { updatedAt: true } }),
      this.db.product.aggregate({ _count: true, _max: { updatedAt: true } }),
    ]);
    return [people, retailers, products].map((a) => `${a._count}@${a._max.updatedAt?.getTime() ?? 0}`).join("|");
  }

  /** The whole roster, for building a parser's indexes. */
  async roster(): Promise<Roster> {
    const [people, retailers, products] = await Promise.all([
      this.db.person.findMany({ orderBy: { id: "asc" } }),
      this.db.retailer.findMany({ where: { active: true }, orderBy: { id: "asc" } }),
      this.db.product.findMany({ orderBy: { sku: "asc" } }),
    ]);
    return { people: people.map(toPerson), retailers: retailers.map(toRetailer), products: products.map(toProduct) };
  }
}
