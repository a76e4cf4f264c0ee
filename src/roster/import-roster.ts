/**
 * `cli import DIR`: loads people.csv, retailers.csv and products.csv idempotently.
 * Each file is validated whole first (a bad row names file and line, and nothing of that file is written),
 * then written in one transaction: new rows created, changed rows updated, the rest left alone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Person, Product, Retailer } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import { personColumns, productColumns, retailerColumns, toPerson, toProduct, toRetailer } from "../store/roster-store.js";
import { readPeople, readProducts, readRetailers, ROSTER_FILES, RosterRowError } from "./roster-files.js";

export interface FileReport {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
}

/** Told about each file's progress: rows written so far of a total. */
export type ProgressListener = (file: string, done: number, total: number) => void;

export { RosterRowError };

export class MissingRosterFileError extends Error {
  readonly code = "ROSTER_FILE";
  constructor(readonly file: string) {
    super(`${file}: file not found`);
  }
}

/**
 * Imports whichever of the three files the folder holds (people first, since shops name their managers).
 * Stops at the first bad file; files imported before it stay imported.
 */
export async function importRoster(db: Db, dir: string, onProgress?: ProgressListener): Promise<FileReport[]> {
  const present = Object.values(ROSTER_FILES).filter((f) => existsSync(join(dir, f)));
  if (present.length === 0) throw new MissingRosterFileError(join(dir, ROSTER_FILES.people));
  const reports: FileReport[] = [];
  if (present.includes(ROSTER_FILES.people)) reports.push(await importPeople(db, dir, onProgress));
  if (present.includes(ROSTER_FILES.retailers)) reports.push(await importRetailers(db, dir, onProgress));
  if (present.includes(ROSTER_FILES.products)) reports.push(await importProducts(db, dir, onProgress));
  return reports;
}

async function importPeople(db: Db, dir: string, onProgress?: ProgressListener): Promise<FileReport> {
  const rows = readPeople(dir).map((l) => l.row);
  const existing = new Map((await db.person.findMany()).map((p) => [p.id, toPerson(p)]));
  // A supervisor row must exist before the rows that point at it.
  const ordered = supervisorsFirst(rows);
  const report = await writeDiff(db, ROSTER_FILES.people, ordered, (p) => p.id, existing, onProgress, {
    create: (tx, p) => tx.person.create({ data: { id: p.id, ...personColumns(p) } }),
    update: (tx, p) => tx.person.update({ where: { id: p.id }, data: personColumns(p) }),
  });
  await ensureTeams(db, rows);
  return report;
}

async function importRetailers(db: Db, dir: string, onProgress?: ProgressListener): Promise<FileReport> {
  const people = new Set((await db.person.findMany({ select: { id: true } })).map((p) => p.id));
  const rows = readRetailers(dir, people).map((l) => l.row);
  const existing = new Map((await db.retailer.findMany()).map((r) => [r.id, toRetailer(r)]));
  return writeDiff(db, ROSTER_FILES.retailers, rows, (r) => r.id, existing, onProgress, {
    create: (tx, r) => tx.retailer.create({ data: { id: r.id, ...retailerColumns(r) } }),
    update: (tx, r) => tx.retailer.update({ where: { id: r.id }, data: retailerColumns(r) }),
  });
}

async function importProducts(db: Db, dir: string, onProgress?: ProgressListener): Promise<FileReport> {
  const rows = readProducts(dir).map((l) => l.row);
  const existing = new Map((await db.product.findMany()).map((p) => [p.sku, toProduct(p)]));
  return writeDiff(db, ROSTER_FILES.products, rows, (p) => p.sku, existing, onProgress, {
    create: (tx, p) => tx.product.create({ data: { sku: p.sku, ...productColumns(p) } }),
    update: (tx, p) => tx.product.update({ where: { sku: p.sku }, data: productColumns(p) }),
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Writers<T> {
  create(tx: Tx, row: T): Promise<unknown>;
  update(tx: Tx, row: T): Promise<unknown>;
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
        if (++done % 500 === 0 || done === rows.length) onProgress?.(file, done, rows.length);
      }
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  return report;
}

function sameValues<T extends object>(stored: T, row: T): boolean {
  return (Object.keys(row) as (keyof T)[]).every((k) => JSON.stringify(stored[k]) === JSON.stringify(row[k]));
}

function supervisorsFirst(people: Person[]): Person[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const out: Person[] = [];
  const place = (p: Person, trail: Set<string>) => {
    if (placed.has(p.id)) return;
    if (trail.has(p.id)) throw new RosterRowError(ROSTER_FILES.people, 0, `supervisor cycle through ${p.id}`);
    trail.add(p.id);
    const boss = p.supervisorId ? byId.get(p.supervisorId) : undefined;
    if (boss) place(boss, trail);
    placed.add(p.id);
    out.push(p);
  };
  for (const p of people) place(p, new Set());
  return out;
}

/** Every team named by a person gets a Team row (its time zone taken from its members). */
async function ensureTeams(db: Db, people: Person[]): Promise<void> {
  const zones = new Map<string, string>();
  for (const p of people) if (p.team && !zones.has(p.team)) zones.set(p.team, p.timezone);
  for (const [name, timezone] of zones) {
    await db.team.upsert({ where: { name }, create: { name, timezone }, update: {} });
  }
}
