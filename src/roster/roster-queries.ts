/**
 * The roster import's reads and writes: what is stored, and each table's rows written as a diff in
 * one transaction (new rows created, changed rows updated, the rest left alone). A row changes only
 * the fields its file has columns for; the others keep their stored values.
 */
import type { Db } from "../store/database.js";
import type { FileReport, ProgressListener } from "./import-roster.js";
import {
  completed,
  type PersonFields,
  type ProductFields,
  type RetailerFields,
  type RosterUpdate,
} from "./roster-files.js";

/** The channel a `wecom_userid` cell links, as `cli link --channel wecom` would. */
const WECOM = "wecom";
/** A big file's progress is told every this many rows (and at the end). */
const PROGRESS_EVERY_ROWS = 500;
/** One file is one transaction, however large: give it the time a 30,000-shop file takes. */
const TRANSACTION_TIMEOUT_MS = 600_000;
const TRANSACTION_MAX_WAIT_MS = 30_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Writers<F> {
  /** New rows, in file order, in one statement per chunk (a 30,000-shop file is a few queries, not 30,000). */
  createMany(tx: Tx, rows: { key: string; row: F }[]): Promise<unknown>;
  update(tx: Tx, key: string, row: F, before: F): Promise<unknown>;
}

/** Rows per INSERT: well inside SQLite's and PostgreSQL's limits on bound parameters. */
const CREATE_CHUNK = 500;

/** The stored people's fields (the WeCom userid from their "wecom" identity), by id. */
export async function storedPeople(db: Db): Promise<Map<string, PersonFields>> {
  const wecom = new Map<string, string[]>();
  for (const identity of await db.identity.findMany({ where: { channel: WECOM }, orderBy: { id: "asc" } })) {
    wecom.set(identity.personId, [...(wecom.get(identity.personId) ?? []), identity.externalId]);
  }
  const people = await db.person.findMany();
  return new Map(
    people.map((p) => [
      p.id,
      {
        name: p.name,
        role: p.role as PersonFields["role"],
        team: p.team,
        supervisorId: p.supervisorId,
        lang: p.lang as PersonFields["lang"],
        timezone: p.timezone,
        email: p.email,
        // Several linked userids read as one value no file row can equal: the row's one userid replaces them.
        wecomUserid: wecom.get(p.id)?.join(" ") ?? null,
        active: p.active,
      },
    ]),
  );
}

export async function savePeople(
  db: Db,
  file: string,
  updates: RosterUpdate<PersonFields>[],
  stored: Map<string, PersonFields>,
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const columns = ({ wecomUserid: _, ...rest }: PersonFields) => rest;
  const linkWecom = async (tx: Tx, personId: string, userid: string | null) => {
    await tx.identity.deleteMany({
      where: { personId, channel: WECOM, ...(userid ? { externalId: { not: userid } } : {}) },
    });
    if (userid) {
      // A userid linked to someone else moves to this person, as `cli link` moves an identity.
      await tx.identity.upsert({
        where: { channel_externalId: { channel: WECOM, externalId: userid } },
        create: { personId, channel: WECOM, externalId: userid },
        update: { personId, createdAt: new Date() },
      });
    }
  };
  return writeDiff(db, file, updates, stored, onProgress, {
    createMany: async (tx, rows) => {
      // In supervisor order: a row's supervisor is in an earlier chunk or earlier in the same statement.
      await tx.person.createMany({ data: rows.map(({ key, row }) => ({ id: key, ...columns(row) })) });
      for (const { key, row } of rows) if (row.wecomUserid) await linkWecom(tx, key, row.wecomUserid);
    },
    update: async (tx, id, p, before) => {
      await tx.person.update({ where: { id }, data: columns(p) });
      if (p.wecomUserid !== before.wecomUserid) await linkWecom(tx, id, p.wecomUserid);
    },
  });
}

async function storedRetailers(db: Db): Promise<Map<string, RetailerFields>> {
  const rows = await db.retailer.findMany();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name,
        aliases: JSON.parse(r.aliases) as string[],
        managerId: r.managerId,
        segment: r.segment,
        grade: r.grade,
        address: r.address,
        lat: r.lat,
        lng: r.lng,
        license: r.license,
      },
    ]),
  );
}

export async function saveRetailers(
  db: Db,
  file: string,
  updates: RosterUpdate<RetailerFields>[],
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const data = (r: RetailerFields) => ({ ...r, aliases: JSON.stringify(r.aliases) });
  return writeDiff(db, file, updates, await storedRetailers(db), onProgress, {
    createMany: (tx, rows) => tx.retailer.createMany({ data: rows.map(({ key, row }) => ({ id: key, ...data(row) })) }),
    update: (tx, id, r) => tx.retailer.update({ where: { id }, data: data(r) }),
  });
}

export async function saveProducts(
  db: Db,
  file: string,
  updates: RosterUpdate<ProductFields>[],
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const rows = await db.product.findMany();
  const stored = new Map<string, ProductFields>(
    rows.map((p) => [
      p.sku,
      {
        name: p.name,
        brand: p.brand,
        aliases: JSON.parse(p.aliases) as string[],
        category: p.category,
        perCase: p.perCase,
        priceBand: p.priceBand,
      },
    ]),
  );
  const data = (p: ProductFields) => ({ ...p, aliases: JSON.stringify(p.aliases) });
  return writeDiff(db, file, updates, stored, onProgress, {
    createMany: (tx, rows) => tx.product.createMany({ data: rows.map(({ key, row }) => ({ sku: key, ...data(row) })) }),
    update: (tx, sku, p) => tx.product.update({ where: { sku }, data: data(p) }),
  });
}

/** A Team row for each team name, with the given zone; a team already stored keeps its own. */
export async function ensureTeams(db: Db, zones: Map<string, string>): Promise<void> {
  for (const [name, timezone] of zones) {
    await db.team.upsert({ where: { name }, create: { name, timezone }, update: {} });
  }
}

/** Compares each row with what is stored and writes only the differences, all in one transaction. */
async function writeDiff<F extends object>(
  db: Db,
  file: string,
  updates: RosterUpdate<F>[],
  stored: Map<string, F>,
  onProgress: ProgressListener | undefined,
  writers: Writers<F>,
): Promise<FileReport> {
  const report: FileReport = { file, created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      let done = 0;
      let creates: { key: string; row: F }[] = [];
      const flush = async () => {
        if (creates.length) await writers.createMany(tx, creates);
        creates = [];
      };
      for (const update of updates) {
        const before = stored.get(update.key);
        if (!before) {
          creates.push({ key: update.key, row: completed(update) });
          report.created++;
          if (creates.length >= CREATE_CHUNK) await flush();
        } else {
          const after = completed(update, before);
          if (sameValues(before, after)) report.unchanged++;
          else {
            // A changed row may point at a new one (its new supervisor): that one is written first.
            await flush();
            await writers.update(tx, update.key, after, before);
            report.updated++;
          }
        }
        if (++done % PROGRESS_EVERY_ROWS === 0 || done === updates.length) onProgress?.(file, done, updates.length);
      }
      await flush();
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS },
  );
  return report;
}

function sameValues<T extends object>(stored: T, row: T): boolean {
  return (Object.keys(row) as (keyof T)[]).every((k) => JSON.stringify(stored[k]) === JSON.stringify(row[k]));
}
