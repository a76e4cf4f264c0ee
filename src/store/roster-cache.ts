/**
 * The roster (people, chat identities, shops, products) held in memory for the running bot: every
 * message needs its sender and the names of what it mentions, and these change a few times a day.
 * Freshness is checked, not assumed: one cheap query reads a version of the four tables (row counts,
 * newest update, newest identity) at most once per `maxAgeMs`, and the roster is reloaded only when
 * it changed. A write made in this process (link, unlink, deactivate, import, invite; see
 * `rosterChanged`) makes the very next use check again; a write by another process (`cli link`,
 * `cli import`, a second instance on PostgreSQL) is seen within `maxAgeMs`.
 */
import type { ChannelName } from "../domain/messages.js";
import type { Person, Product, Retailer, Roster } from "../domain/roster.js";
import type { Db } from "./database.js";
import { toPerson, toProduct, toRetailer } from "./roster-rows.js";
import { transactionScope } from "./transactional.js";

export interface RosterSnapshot {
  /** Everyone, active or not (a deactivated person is told so rather than treated as unknown). */
  people: Map<string, { person: Person; active: boolean }>;
  /** `${channel}:${externalId}` → person id. */
  identities: Map<string, string>;
  /** Person id → their chat identities, oldest link first (every push asks). */
  linked: Map<string, { channel: ChannelName; externalId: string }[]>;
  /** Every shop, closed ones too (old records still name them). */
  retailers: Map<string, Retailer & { active: boolean }>;
  products: Map<string, Product>;
  /** What the parser indexes: active people and shops, every product. */
  roster: Roster;
}

/** One statement in both dialects: counts and newest changes of the roster's tables. */
const VERSION_SQL = `SELECT
  (SELECT COUNT(*) FROM "Person") AS people, (SELECT MAX("updatedAt") FROM "Person") AS people_at,
  (SELECT COUNT(*) FROM "Retailer") AS shops, (SELECT MAX("updatedAt") FROM "Retailer") AS shops_at,
  (SELECT COUNT(*) FROM "Product") AS products, (SELECT MAX("updatedAt") FROM "Product") AS products_at,
  (SELECT COUNT(*) FROM "Identity") AS links, (SELECT MAX("id") FROM "Identity") AS last_link,
  (SELECT MAX("createdAt") FROM "Identity") AS links_at`;

interface Check {
  generation: number;
  startedAt: number;
  /** The transaction it runs in (transactionScope). */
  scope: unknown;
  settled: boolean;
  done: Promise<RosterSnapshot>;
}

/** How long a version check holds: a message reads the roster several times (sender, names, parser). */
const MAX_AGE_MS = 1_000;

export class RosterCache {
  private snapshot: RosterSnapshot | null = null;
  private version = "";
  private checking: Check | null = null;
  /** Bumped by every write made in this process (rosterChanged). */
  private generation = 0;

  constructor(
    private readonly db: Db,
    private readonly maxAgeMs = MAX_AGE_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The roster, as of at most `maxAgeMs` ago and after every write made in this process. */
  current(): Promise<RosterSnapshot> {
    const last = this.checking;
    // A check still in flight is joined only from the transaction it runs in (or, outside any, from outside).
    const scope = transactionScope(this.db);
    const joinable = last?.generation === this.generation && (last.settled || last.scope === scope);
    if (last && joinable && this.clock() - last.startedAt < this.maxAgeMs) return last.done;
    const check: Check = {
      generation: this.generation,
      startedAt: this.clock(),
      scope,
      settled: false,
      done: this.check(),
    };
    check.done.then(
      () => {
        check.settled = true;
      },
      () => undefined,
    );
    this.checking = check;
    // A failed check is not kept: the next use asks again.
    check.done.catch(() => {
      if (this.checking === check) this.checking = null;
    });
    return check.done;
  }

  /** A write was made here: the next `current()` reads the version again. */
  invalidate(): void {
    this.generation++;
  }

  /** The version last read (changes whenever the roster does). */
  async versionNow(): Promise<string> {
    await this.current();
    return this.version;
  }

  private async check(): Promise<RosterSnapshot> {
    // Version first: a write landing during the load makes the next check load again, never miss it.
    const version = await rosterVersion(this.db);
    if (!this.snapshot || version !== this.version) {
      this.snapshot = await load(this.db);
      this.version = version;
    }
    return this.snapshot;
  }
}

/** Changes whenever people, shops, products or links change; one small query. */
export async function rosterVersion(db: Db): Promise<string> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(VERSION_SQL);
  return Object.values(rows[0] ?? {})
    .map((v) => (v instanceof Date ? v.getTime() : String(v)))
    .join("|");
}

async function load(db: Db): Promise<RosterSnapshot> {
  const [people, identities, retailers, products] = await Promise.all([
    db.person.findMany({ orderBy: { id: "asc" } }),
    db.identity.findMany({ select: { channel: true, externalId: true, personId: true }, orderBy: { id: "asc" } }),
    db.retailer.findMany({ orderBy: { id: "asc" } }),
    db.product.findMany({ orderBy: { sku: "asc" } }),
  ]);
  const shops = retailers.map((r) => ({ ...toRetailer(r), active: r.active }));
  const catalogue = products.map(toProduct);
  const linked = new Map<string, { channel: ChannelName; externalId: string }[]>();
  for (const { personId, channel, externalId } of identities) {
    linked.set(personId, [...(linked.get(personId) ?? []), { channel: channel as ChannelName, externalId }]);
  }
  return {
    people: new Map(people.map((p) => [p.id, { person: toPerson(p), active: p.active }])),
    identities: new Map(identities.map((i) => [`${i.channel}:${i.externalId}`, i.personId])),
    linked,
    retailers: new Map(shops.map((s) => [s.id, s])),
    products: new Map(catalogue.map((p) => [p.sku, p])),
    roster: {
      people: people.map(toPerson),
      retailers: shops.filter((s) => s.active).map(({ active: _, ...shop }) => shop),
      products: catalogue,
    },
  };
}
