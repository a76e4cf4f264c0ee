/**
 * The roster import's reads and writes: what is stored, and each file's rows written as a diff in
 * one transaction (new rows created, changed rows updated, the rest left alone).
 */
import type { Person, Product, Retailer } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import {
  personColumns,
  productColumns,
  retailerColumns,
  toPerson,
  toProduct,
  toRetailer,
} from "../store/roster-store.js";
import type { FileReport, ProgressListener } from "./import-roster.js";

/** A big file's progress is told every this many rows (and at the end). */
const PROGRESS_EVERY_ROWS = 500;
/** One file is one transaction, however large: give it the time a 30,000-shop file takes. */
const TRANSACTION_TIMEOUT_MS = 600_000;
const TRANSACTION_MAX_WAIT_MS = 30_000;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Writers<T> {
  create(tx: Tx, row: T): Promise<unknown>;
  update(tx: Tx, row: T): Promise<unknown>;
}

export async function storedPersonIds(db: Db): Promise<Set<string>> {
  return new Set((await db.person.findMany({ select: { id: true } })).map((p) => p.id));
}

export async function savePeople(
  db: Db,
  file: string,
  rows: Person[],
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const existing = new Map((await db.person.findMany()).map((p) => [p.id, toPerson(p)]));
  return writeDiff(db, file, rows, (p) => p.id, existing, onProgress, {
    create: (tx, p) => tx.person.create({ data: { id: p.id, ...personColumns(p) } }),
    update: (tx, p) => tx.person.update({ where: { id: p.id }, data: personColumns(p) }),
  });
}

export async function saveRetailers(
  db: Db,
  file: string,
  rows: Retailer[],
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const existing = new Map((await db.retailer.findMany()).map((r) => [r.id, toRetailer(r)]));
  return writeDiff(db, file, rows, (r) => r.id, existing, onProgress, {
    create: (tx, r) => tx.retailer.create({ data: { id: r.id, ...retailerColumns(r) } }),
    update: (tx, r) => tx.retailer.update({ where: { id: r.id }, data: retailerColumns(r) }),
  });
}

export async function saveProducts(
  db: Db,
  file: string,
  rows: Product[],
  onProgress?: ProgressListener,
): Promise<FileReport> {
  const existing = new Map((await db.product.findMany()).map((p) => [p.sku, toProduct(p)]));
  return writeDiff(db, file, rows, (p) => p.sku, existing, onProgress, {
    create: (tx, p) => tx.product.create({ data: { sku: p.sku, ...productColumns(p) } }),
    update: (tx, p) => tx.product.update({ where: { sku: p.sku }, data: productColumns(p) }),
  });
}

/** A Team row for each team name, with the given zone; a team already stored keeps its own. */
export async function ensureTeams(db: Db, zones: Map<string, string>): Promise<void> {
  for (const [name, timezone] of zones) {
    await db.team.upsert({ where: { name }, create: { name, timezone }, update: {} });
  }
}

/** Compares each row with what is stored and writes only the differences, all in one transaction. */
async function writeDiff<T extends Person | Retailer | Product>(
  db: Db,
  file: string,
  rows: T[],
  keyOf: (row: T) => string,
  existing: Map<string, T>,
  onProgress: ProgressListener | undefined,
  writers: Writers<T>,
): Promise<FileReport> {
  const report: FileReport = { file, created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(
    async (tx) => {
      let done = 0;
      for (const row of rows) {
        const stored = existing.get(keyOf(row));
        if (!stored) {
          await writers.create(tx, row);
          report.created++;
        } else if (!sameValues(stored, row)) {
          await writers.update(tx, row);
          report.updated++;
        } else {
          report.unchanged++;
        }
        if (++done % PROGRESS_EVERY_ROWS === 0 || done === rows.length) onProgress?.(file, done, rows.length);
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_MAX_WAIT_MS },
  );
  return report;
}

function sameValues<T extends object>(stored: T, row: T): boolean {
  return (Object.keys(row) as (keyof T)[]).every((k) => JSON.stringify(stored[k]) === JSON.stringify(row[k]));
}
