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

  /** An active person; a deactivated one is nobody to every channel, push and sign-in. */
  async person(id: string): Promise<Person | null> {
    const row = await this.db.person.findUnique({ where: { id } });
    return row?.active ? toPerson(row) : null;
  }

  /** Whether the id names a person who has been deactivated (for a polite refusal rather than "unknown"). */
  async isDeactivated(id: string): Promise<boolean> {
    const row = await this.db.person.findUnique({ where: { id }, select: { active: true } });
    return row !== null && !row.active;
  }

  /** Deactivates or reactivates a person (offboarding); the person with the new state, null when unknown. */
  async setActive(id: string, active: boolean): Promise<Person | null> {
    const { count } = await this.db.person.updateMany({ where: { id }, data: { active } });
    if (count === 0) return null;
    return toPerson(await this.db.person.findUniqueOrThrow({ where: { id } }));
  }

  async people(): Promise<Person[]> {
    return (await this.db.person.findMany({ where: { active: true }, orderBy: { id: "asc" } })).map(toPerson);
  }

  async countPeople(): Promise<number> {
    return this.db.person.count();
  }

  /** The active person behind a chat identity, if linked. */
  async personByIdentity(channel: ChannelName, externalId: string): Promise<Person | null> {
    const person = await this.linkedPerson(channel, externalId);
    return person?.active ? toPerson(person) : null;
  }

  /** The deactivated person a chat identity is linked to, or null (unlinked, or active). */
  async deactivatedByIdentity(channel: ChannelName, externalId: string): Promise<Person | null> {
    const person = await this.linkedPerson(channel, externalId);
    return person && !person.active ? toPerson(person) : null;
  }

  private async linkedPerson(channel: ChannelName, externalId: string) {
    const identity = await this.db.identity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { person: true },
    });
    return identity?.person ?? null;
  }

  /** Links a chat identity to a person; re-linking an identity moves it. */
  async link(personId: string, channel: ChannelName, externalId: string): Promise<void> {
    await this.db.identity.upsert({
      where: { channel_externalId: { channel, externalId } },
      create: { personId, channel, externalId },
      update: { personId },
    });
  }

  /** Removes the person's identities on a channel; returns how many there were. */
  async unlink(personId: string, channel: ChannelName): Promise<number> {
    const { count } = await this.db.identity.deleteMany({ where: { personId, channel } });
    return count;
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
