/**
 * `cli import PATH`: loads a roster folder (people, retailers, products as .csv or .xlsx) or one
 * workbook, idempotently. Every table is read and validated before anything is written, so a bad
 * row or a malformed file (an unclosed quote, an unreadable encoding) names its file, sheet, row and
 * column and writes nothing at all; then each table is written in one transaction: new rows created,
 * changed rows updated, the rest left alone. A column the file lacks leaves that field as stored.
 */
import type { Db } from "../store/database.js";
import { rosterChanged } from "../store/roster-store.js";
import { completed, type PersonFields, type RosterUpdate, validateRoster } from "./roster-files.js";
import { ensureTeams, savePeople, saveProducts, saveRetailers, storedPeople } from "./roster-queries.js";
import {
  MissingRosterFileError,
  placeOf,
  RosterRowError,
  type RosterTable,
  readRosterTables,
} from "./roster-tables.js";

export interface FileReport {
  /** The file (and sheet) the table came from: people.csv, roster.xlsx (人员). */
  file: string;
  /** The encoding a CSV was read in, when it was not UTF-8. */
  encoding?: string;
  created: number;
  updated: number;
  unchanged: number;
}

/** Told about each file's progress: rows written so far of a total. */
export type ProgressListener = (file: string, done: number, total: number) => void;

export interface ImportOptions {
  /** The zone of a person whose row names none (TZ_DEFAULT); default Asia/Shanghai. */
  defaultZone?: string;
  /** Read CSV files in this encoding instead of detecting it (--encoding). */
  encoding?: string;
  onProgress?: ProgressListener;
}

export { MissingRosterFileError, RosterRowError };

/** Imports whichever tables `path` holds (people first, since shops name their managers). */
export async function importRoster(db: Db, path: string, options: ImportOptions = {}): Promise<FileReport[]> {
  const tables = await readRosterTables(path, { encoding: options.encoding });
  const stored = await storedPeople(db);
  const roster = validateRoster(tables, { people: new Set(stored.keys()) }, options.defaultZone);
  const table = (kind: RosterTable["kind"]) => tables.find((t) => t.kind === kind);
  const people = table("people");
  // Checked before the first write, like every other problem.
  const orderedPeople = people ? supervisorsFirst(people, roster.people, stored) : [];
  const reports: FileReport[] = [];
  if (people) {
    const report = await savePeople(db, labelOf(people), orderedPeople, stored, options.onProgress);
    await ensureTeams(db, teamZones(orderedPeople, stored));
    reports.push(withEncoding(report, people));
  }
  const shops = table("retailers");
  if (shops)
    reports.push(withEncoding(await saveRetailers(db, labelOf(shops), roster.retailers, options.onProgress), shops));
  const products = table("products");
  if (products) {
    reports.push(
      withEncoding(await saveProducts(db, labelOf(products), roster.products, options.onProgress), products),
    );
  }
  rosterChanged(db);
  return reports;
}

function labelOf(table: RosterTable): string {
  return table.sheet === null ? table.file : `${table.file} (${table.sheet})`;
}

function withEncoding(report: FileReport, table: RosterTable): FileReport {
  return table.encoding && table.encoding !== "utf8" ? { ...report, encoding: table.encoding } : report;
}

/** A supervisor's row is written before the rows that point at it; a cycle is an error on the row that closes it. */
function supervisorsFirst(
  table: RosterTable,
  updates: RosterUpdate<PersonFields>[],
  stored: Map<string, PersonFields>,
): RosterUpdate<PersonFields>[] {
  const byId = new Map(updates.map((u) => [u.key, u]));
  const bossOf = (u: RosterUpdate<PersonFields>) => completed(u, stored.get(u.key) ?? u.defaults).supervisorId;
  const placed = new Set<string>();
  const out: RosterUpdate<PersonFields>[] = [];
  const place = (u: RosterUpdate<PersonFields>, trail: Set<string>) => {
    if (placed.has(u.key)) return;
    if (trail.has(u.key)) {
      throw new RosterRowError(placeOf(table, u.line, "supervisor_id"), `supervisor cycle through ${u.key}`);
    }
    trail.add(u.key);
    const boss = bossOf(u);
    const bossRow = boss ? byId.get(boss) : undefined;
    if (bossRow) place(bossRow, trail);
    placed.add(u.key);
    out.push(u);
  };
  for (const u of updates) place(u, new Set());
  return out;
}

/** Every team named by a person gets a Team row, its time zone taken from its first member. */
function teamZones(updates: RosterUpdate<PersonFields>[], stored: Map<string, PersonFields>): Map<string, string> {
  const zones = new Map<string, string>();
  for (const u of updates) {
    const p = completed(u, stored.get(u.key) ?? u.defaults);
    if (p.team && !zones.has(p.team)) zones.set(p.team, p.timezone);
  }
  return zones;
}
