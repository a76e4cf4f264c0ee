/**
 * People, chat identities, shops and products as domain objects, and the writes that link and
 * deactivate people. `RosterStore.shared(db)` (the running bot) answers reads from the in-memory
 * roster (roster-cache.ts), checked fresh per use; `new RosterStore(db)` (one-shot cli commands)
 * asks the database each time.
 */

import type { ChannelName } from "../domain/messages.js";
import type { Person, Roster } from "../domain/roster.js";
import type { Db } from "./database.js";
import { loadNames, type NameBook, nameBook } from "./name-book.js";
import { RosterCache, rosterVersion } from "./roster-cache.js";
import { toPerson, toProduct, toRetailer } from "./roster-rows.js";

export { toPerson } from "./roster-rows.js";

/** One cache per database client: every shared RosterStore of the process reads the same one. */
const caches = new WeakMap<Db, RosterCache>();

/** Tells the roster in memory that people, links, shops or products were written through `db` (imports, invites). */
export function rosterChanged(db: Db): void {
  caches.get(db)?.invalidate();
}

export class RosterStore {
  constructor(
    private readonly db: Db,
    private readonly cache: RosterCache | null = null,
  ) {}

  /** The store for a long-running process: reads from the roster in memory, shared by every caller on `db`. */
  static shared(db: Db): RosterStore {
    const cache = caches.get(db) ?? new RosterCache(db);
    caches.set(db, cache);
    return new RosterStore(db, cache);
  }

  /** An active person; a deactivated one is nobody to every channel, push and sign-in. */
  async person(id: string): Promise<Person | null> {
    if (this.cache) {
      const entry = (await this.cache.current()).people.get(id);
      return entry?.active ? entry.person : null;
    }
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
    rosterChanged(this.db);
    if (count === 0) return null;
    return toPerson(await this.db.person.findUniqueOrThrow({ where: { id } }));
  }

  async people(): Promise<Person[]> {
    if (this.cache) {
      const { people } = await this.cache.current();
      return [...people.values()].filter((p) => p.active).map((p) => p.person);
    }
    return (await this.db.person.findMany({ where: { active: true }, orderBy: { id: "asc" } })).map(toPerson);
  }

  async countPeople(): Promise<number> {
    return this.db.person.count();
  }

  /** The active person behind a chat identity, if linked. */
  async personByIdentity(channel: ChannelName, externalId: string): Promise<Person | null> {
    const person = await this.linkedPerson(channel, externalId);
    return person?.active ? withoutActive(person) : null;
  }

  /** The deactivated person a chat identity is linked to, or null (unlinked, or active). */
  async deactivatedByIdentity(channel: ChannelName, externalId: string): Promise<Person | null> {
    const person = await this.linkedPerson(channel, externalId);
    return person && !person.active ? withoutActive(person) : null;
  }

  private async linkedPerson(channel: ChannelName, externalId: string): Promise<(Person & { active: boolean }) | null> {
    if (this.cache) {
      const snapshot = await this.cache.current();
      const entry = snapshot.people.get(snapshot.identities.get(`${channel}:${externalId}`) ?? "");
      return entry ? { ...entry.person, active: entry.active } : null;
    }
    const identity = await this.db.identity.findUnique({
      where: { channel_externalId: { channel, externalId } },
      include: { person: true },
    });
    return identity?.person ? { ...toPerson(identity.person), active: identity.person.active } : null;
  }

  /** Links a chat identity to a person; re-linking an identity moves it. */
  async link(personId: string, channel: ChannelName, externalId: string): Promise<void> {
    await this.db.identity.upsert({
      where: { channel_externalId: { channel, externalId } },
      create: { personId, channel, externalId },
      // A moved link counts as a new one: the roster's version (roster-cache.ts) sees it by its time.
      update: { personId, createdAt: new Date() },
    });
    rosterChanged(this.db);
  }

  /** Removes the person's identities on a channel; returns how many there were. */
  async unlink(personId: string, channel: ChannelName): Promise<number> {
    const { count } = await this.db.identity.deleteMany({ where: { personId, channel } });
    rosterChanged(this.db);
    return count;
  }

  async identitiesOf(personId: string): Promise<{ channel: ChannelName; externalId: string }[]> {
    if (this.cache) return (await this.cache.current()).linked.get(personId) ?? [];
    const rows = await this.db.identity.findMany({ where: { personId }, orderBy: { id: "asc" } });
    return rows.map((r) => ({ channel: r.channel as ChannelName, externalId: r.externalId }));
  }

  /** Changes whenever people, shops, products or links change: cheap to ask often. */
  async version(): Promise<string> {
    return this.cache ? this.cache.versionNow() : rosterVersion(this.db);
  }

  /** The whole roster, for building a parser's indexes. */
  async roster(): Promise<Roster> {
    if (this.cache) return (await this.cache.current()).roster;
    const [people, retailers, products] = await Promise.all([
      this.db.person.findMany({ orderBy: { id: "asc" } }),
      this.db.retailer.findMany({ where: { active: true }, orderBy: { id: "asc" } }),
      this.db.product.findMany({ orderBy: { sku: "asc" } }),
    ]);
    return { people: people.map(toPerson), retailers: retailers.map(toRetailer), products: products.map(toProduct) };
  }

  /** Display names for the shops and products a reply mentions. */
  async names(shopIds: Iterable<string>, skus: Iterable<string>): Promise<NameBook> {
    if (!this.cache) return loadNames(this.db, shopIds, skus);
    const { retailers, products } = await this.cache.current();
    return nameBook(retailers, products);
  }
}

function withoutActive({ active: _, ...person }: Person & { active: boolean }): Person {
  return person;
}
