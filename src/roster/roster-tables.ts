/**
 * Where a roster comes from, read into plain tables: a folder of people/retailers/products files
 * (.csv in any of the encodings text-encoding.ts reads, or .xlsx), or one .xlsx workbook whose
 * sheets carry those names (人员/门店/商品 too). Headers become canonical column names
 * (roster-columns.ts); every cell keeps its file, sheet, row and column for error messages.
 * Nothing is validated or written here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { CellValue, Worksheet } from "exceljs";
import { CsvFormatError, parseCsv } from "./csv.js";
import { columnFor, kindNamed, ROSTER_KINDS, type RosterKind, TABLES } from "./roster-columns.js";
import { decodeText, TextEncodingError } from "./text-encoding.js";

/** A place in a roster file: what an error message points at. */
export interface RosterPlace {
  /** The file's name in its folder (people.csv, roster.xlsx). */
  file: string;
  path: string;
  /** The sheet, for a workbook. */
  sheet: string | null;
  /** The 1-based line (CSV) or row (sheet); 0 for the file as a whole. */
  line: number;
  /** The column's header as written, when one is at fault. */
  column: string | null;
  /** Where that column is: its letter in a sheet, its number in a CSV. */
  position: string | null;
}

export class RosterRowError extends Error {
  readonly code = "ROSTER_ROW";
  constructor(
    readonly place: RosterPlace,
    readonly reason: string,
  ) {
    super(`${describePlace(place)}: ${reason}`);
  }
  get file(): string {
    return this.place.file;
  }
  get line(): number {
    return this.place.line;
  }
  get sheet(): string | null {
    return this.place.sheet;
  }
  get column(): string | null {
    return this.place.column;
  }
}

/** `people.csv:8: role` for a CSV; `roster.xlsx, sheet 人员, row 8, column C (角色)` for a workbook. */
function describePlace(p: RosterPlace): string {
  if (p.sheet === null) return [`${p.path}:${p.line}`, p.column].filter(Boolean).join(": ");
  const column = p.column ? `, column ${p.position} (${p.column})` : "";
  return `${p.path}, sheet ${p.sheet}${p.line ? `, row ${p.line}` : ""}${column}`;
}

/** No roster file where one was expected. */
export class MissingRosterFileError extends Error {
  readonly code = "ROSTER_FILE";
}

export interface RosterRow {
  line: number;
  /** Cells of the columns the header names, by canonical column name. */
  values: Map<string, string>;
}

export interface RosterTable {
  kind: RosterKind;
  file: string;
  path: string;
  sheet: string | null;
  /** The text encoding a CSV was read in (utf8, gb18030, utf16le…); null for a workbook. */
  encoding: string | null;
  /** The columns present, by canonical name: the header as written and where it is. */
  columns: Map<string, { header: string; position: string }>;
  rows: RosterRow[];
}

export interface ReadOptions {
  /** Read CSV files in this encoding instead of detecting it (--encoding). */
  encoding?: string;
}

/** Where a table's cell is, for an error about it. */
export function placeOf(table: RosterTable, line: number, column?: string): RosterPlace {
  const where = column ? table.columns.get(column) : undefined;
  return {
    file: table.file,
    path: table.path,
    sheet: table.sheet,
    line,
    column: where?.header ?? column ?? null,
    position: where?.position ?? null,
  };
}

/** The roster's tables under `path`: a folder of files, or one workbook. At most one table per kind. */
export async function readRosterTables(path: string, options: ReadOptions = {}): Promise<RosterTable[]> {
  if (!existsSync(path)) throw new MissingRosterFileError(`${path}: no such file or folder`);
  if (!statSync(path).isDirectory()) {
    if (isWorkbook(path)) return onePerKind(await readWorkbook(path, null));
    const kind = kindNamed(basename(path, extname(path)));
    if (!kind || extname(path).toLowerCase() !== ".csv") throw new MissingRosterFileError(notRoster(path));
    return [readCsvTable(path, kind, options)];
  }
  const tables: RosterTable[] = [];
  for (const file of rosterFiles(path)) {
    if (isWorkbook(file.path)) tables.push(...(await readWorkbook(file.path, file.kind)));
    else tables.push(readCsvTable(file.path, file.kind, options));
  }
  if (tables.length === 0) throw new MissingRosterFileError(notRoster(path));
  return onePerKind(tables);
}

/** The CSV tables of a folder, read synchronously (tools and tests that parse without a database). */
export function readCsvTables(dir: string, options: ReadOptions = {}): RosterTable[] {
  const files = rosterFiles(dir).filter((f) => !isWorkbook(f.path));
  return files.map((f) => readCsvTable(f.path, f.kind, options));
}

function notRoster(path: string): string {
  return `${path}: no roster here — a folder with people, retailers and/or products (.csv or .xlsx), or a workbook with sheets of those names (人员, 门店, 商品)`;
}

const isWorkbook = (path: string) => extname(path).toLowerCase() === ".xlsx";

/** The files of a folder named for a table (people.csv, retailers.xlsx, 门店.csv), in import order. */
function rosterFiles(dir: string): { kind: RosterKind; path: string }[] {
  const found = readdirSync(dir)
    .filter((name) => !name.startsWith(".") && !name.startsWith("~$") && /\.(csv|xlsx)$/i.test(name))
    .flatMap((name) => {
      const kind = kindNamed(basename(name, extname(name)));
      return kind ? [{ kind, path: join(dir, name) }] : [];
    });
  for (const kind of ROSTER_KINDS) {
    const same = found.filter((f) => f.kind === kind);
    if (same.length > 1) {
      throw new MissingRosterFileError(
        `${dir}: ${same.map((f) => basename(f.path)).join(" and ")} both hold ${kind}; keep one`,
      );
    }
  }
  return ROSTER_KINDS.flatMap((kind) => found.filter((f) => f.kind === kind));
}

function onePerKind(tables: RosterTable[]): RosterTable[] {
  for (const kind of ROSTER_KINDS) {
    const same = tables.filter((t) => t.kind === kind);
    if (same.length > 1) {
      throw new MissingRosterFileError(
        `${same.map((t) => (t.sheet ? `${t.file} sheet ${t.sheet}` : t.file)).join(" and ")} both hold ${kind}; keep one`,
      );
    }
  }
  return ROSTER_KINDS.flatMap((kind) => tables.filter((t) => t.kind === kind));
}

function readCsvTable(path: string, kind: RosterKind, options: ReadOptions): RosterTable {
  const file = basename(path);
  const place = (line: number): RosterPlace => ({ file, path, sheet: null, line, column: null, position: null });
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(readFileSync(path), options.encoding);
  } catch (error) {
    if (error instanceof TextEncodingError) throw new RosterRowError(place(0), error.message);
    throw error;
  }
  let csv: ReturnType<typeof parseCsv>;
  try {
    csv = parseCsv(decoded.text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new RosterRowError(place(error.line), error.reason);
    throw error;
  }
  const table = tableOf(kind, { file, path, sheet: null, encoding: decoded.encoding }, 1, csv.header, String);
  for (const record of csv.records) {
    const values = new Map<string, string>();
    for (const [canonical, where] of table.columns) values.set(canonical, record.values[where.header] ?? "");
    table.rows.push({ line: record.line, values });
  }
  return table;
}

/**
 * The table header: canonical columns by where they are. A header naming a column twice is an
 * error (which one would win?); so is a missing required column.
 */
function tableOf(
  kind: RosterKind,
  origin: Pick<RosterTable, "file" | "path" | "sheet" | "encoding">,
  headerLine: number,
  headers: readonly string[],
  positionOf: (index: number) => string,
): RosterTable {
  const spec = TABLES[kind];
  const table: RosterTable = { kind, ...origin, columns: new Map(), rows: [] };
  headers.forEach((header, i) => {
    const column = columnFor(spec, header);
    if (!column) return;
    const twice = table.columns.get(column.name);
    const place = { ...origin, line: headerLine, column: header, position: positionOf(i + 1) };
    if (twice) throw new RosterRowError(place, `the same column as "${twice.header}" (${column.name})`);
    table.columns.set(column.name, { header, position: positionOf(i + 1) });
  });
  const missing = spec.columns.filter((c) => c.required && !table.columns.has(c.name));
  if (missing.length) {
    const names = missing.map((c) => `${c.name} (${c.aliases[0]})`).join(", ");
    throw new RosterRowError(
      { ...origin, line: headerLine, column: null, position: null },
      `missing column${missing.length > 1 ? "s" : ""} ${names}`,
    );
  }
  return table;
}

/**
 * A workbook's tables: each sheet named for a table; a workbook named for one table (people.xlsx)
 * may instead hold it in its first sheet, whatever that sheet is called.
 */
async function readWorkbook(path: string, fileKind: RosterKind | null): Promise<RosterTable[]> {
  // Loaded only for workbooks: the CLI and a CSV import start without it.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new RosterRowError(
      { file: basename(path), path, sheet: null, line: 0, column: null, position: null },
      `not a readable .xlsx workbook (${(error as Error).message})`,
    );
  }
  const named = workbook.worksheets.flatMap((sheet) => {
    const kind = kindNamed(sheet.name);
    return kind && (fileKind === null || kind === fileKind) ? [{ kind, sheet }] : [];
  });
  const first = workbook.worksheets[0];
  const sheets = named.length === 0 && fileKind && first ? [{ kind: fileKind, sheet: first }] : named;
  if (sheets.length === 0) throw new MissingRosterFileError(notRoster(path));
  return sheets.map(({ kind, sheet }) => readSheet(path, kind, sheet));
}

function readSheet(path: string, kind: RosterKind, sheet: Worksheet): RosterTable {
  const origin = { file: basename(path), path, sheet: sheet.name, encoding: null };
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    if (cells.some((c) => c !== "")) rows.push({ line: row.number, cells: Array.from(cells, (c) => c ?? "") });
  });
  const [head, ...body] = rows;
  if (!head) throw new RosterRowError({ ...origin, line: 0, column: null, position: null }, "the sheet is empty");
  const table = tableOf(kind, origin, head.line, head.cells, columnLetter);
  const index = new Map([...table.columns].map(([name, where]) => [name, letterIndex(where.position)]));
  for (const { line, cells } of body) {
    table.rows.push({ line, values: new Map([...index].map(([name, i]) => [name, cells[i] ?? ""])) });
  }
  return table;
}

/** A cell as the text the analyst sees: numbers without Excel's float noise, rich text joined, formulas' results. */
function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(Number(value.toPrecision(15)));
  if (typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value)
    return value.richText
      .map((r) => r.text)
      .join("")
      .trim();
  if ("hyperlink" in value) return cellText(value.text as CellValue);
  if ("result" in value) return cellText(value.result as CellValue);
  if ("error" in value) return String(value.error);
  return "";
}

/** 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A → 0, AA → 26. */
function letterIndex(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 64), 0) - 1;
}
