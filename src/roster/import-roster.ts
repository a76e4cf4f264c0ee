/**
 * `cli import DIR`: loads people.csv, retailers.csv and products.csv idempotently.
 * Each file is validated whole first (a bad row names file and line, and nothing of that file is written),
 * then written in one transaction: new rows created, changed rows updated, the rest left alone.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import { ROSTER_FILES, RosterRowError, readPeople, readProducts, readRetailers } from "./roster-files.js";
import { ensureTeams, savePeople, saveProducts, saveRetailers, storedPersonIds } from "./roster-queries.js";

export interface FileReport {
  file: string;
  created: number;
  updated: number;
  unchanged: number;
}

/** Told about each file's progress: rows written so far of a total. */
export type ProgressListener = (file: string, done: number, total: number) => void;

export interface ImportOptions {
  /** The zone of a person whose row names none (TZ_DEFAULT); default Asia/Shanghai. */
  defaultZone?: string;
  onProgress?: ProgressListener;
}

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
export async function importRoster(db: Db, dir: string, options: ImportOptions = {}): Promise<FileReport[]> {
  const present = Object.values(ROSTER_FILES).filter((f) => existsSync(join(dir, f)));
  if (present.length === 0) throw new MissingRosterFileError(join(dir, ROSTER_FILES.people));
  const reports: FileReport[] = [];
  if (present.includes(ROSTER_FILES.people)) reports.push(await importPeople(db, dir, options));
  if (present.includes(ROSTER_FILES.retailers)) reports.push(await importRetailers(db, dir, options));
  if (present.includes(ROSTER_FILES.products)) reports.push(await importProducts(db, dir, options));
  return reports;
}

async function importPeople(db: Db, dir: string, options: ImportOptions): Promise<FileReport> {
  const rows = readPeople(dir, options.defaultZone).map((l) => l.row);
  // A supervisor row must exist before the rows that point at it.
  const report = await savePeople(db, ROSTER_FILES.people, supervisorsFirst(rows), options.onProgress);
  await ensureTeams(db, teamZones(rows));
  return report;
}

async function importRetailers(db: Db, dir: string, options: ImportOptions): Promise<FileReport> {
  const rows = readRetailers(dir, await storedPersonIds(db)).map((l) => l.row);
  return saveRetailers(db, ROSTER_FILES.retailers, rows, options.onProgress);
}

async function importProducts(db: Db, dir: string, options: ImportOptions): Promise<FileReport> {
  const rows = readProducts(dir).map((l) => l.row);
  return saveProducts(db, ROSTER_FILES.products, rows, options.onProgress);
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

/** Every team named by a person gets a Team row, its time zone taken from its first member. */
function teamZones(people: Person[]): Map<string, string> {
  const zones = new Map<string, string>();
  for (const p of people) if (p.team && !zones.has(p.team)) zones.set(p.team, p.timezone);
  return zones;
}
