/**
 * Roster tables → validated rows. A row holds only the columns its file has: a column missing from
 * the file leaves that field as it is stored (`undefined` here), an empty cell of a present column
 * clears it (or gives its default). Every error names file, sheet, row and column; nothing is written here.
 */
import {
  LANGS,
  type Lang,
  type Person,
  type Product,
  type Retailer,
  ROLES,
  type Role,
  type Roster,
} from "../domain/roster.js";
import { type RosterKind, TABLES } from "./roster-columns.js";
import { placeOf, type RosterRow, RosterRowError, type RosterTable, readCsvTables } from "./roster-tables.js";

/** The zone of a person whose row names none, when the importer is not told one: TZ_DEFAULT's own default. */
const FALLBACK_ZONE = "Asia/Shanghai";

/** A cell that is not what its column holds. */
class CellProblem extends Error {}

type Parse<T> = (cell: string) => T;

const text: Parse<string | null> = (s) => (s === "" ? null : s);
const textOr =
  (fallback: string): Parse<string> =>
  (s) =>
    s === "" ? fallback : s;
const aliasList: Parse<string[]> = (s) =>
  s
    .split("|")
    .map((a) => a.trim())
    .filter(Boolean);

function number(min: number, max: number, what: string, whole = false): Parse<number | null> {
  return (s) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
      throw new CellProblem(`${what} must be a ${whole ? "whole " : ""}number from ${min} to ${max}, got "${s}"`);
    }
    return n;
  };
}

/** Values written in words a Chinese spreadsheet uses, besides the canonical ones. */
const ROLE_WORDS: Record<string, Role> = {
  客户经理: "manager",
  经理: "manager",
  主管: "supervisor",
  组长: "supervisor",
  管理员: "admin",
};
const LANG_WORDS: Record<string, Lang> = {
  中文: "zh",
  汉语: "zh",
  英文: "en",
  英语: "en",
  english: "en",
  chinese: "zh",
};
const TRUE_WORDS = new Set(["true", "1", "yes", "y", "是", "在职", "启用", "有效", "正常"]);
const FALSE_WORDS = new Set(["false", "0", "no", "n", "否", "离职", "停用", "无效", "禁用"]);

const role: Parse<Role> = (s) => {
  const value = ROLE_WORDS[s] ?? s.toLowerCase();
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new CellProblem(`role must be one of ${ROLES.join(", ")} (客户经理, 主管, 管理员), got "${s}"`);
  }
  return value as Role;
};

const lang: Parse<Lang> = (s) => {
  if (s === "") return "zh";
  const value = LANG_WORDS[s.toLowerCase()] ?? s.toLowerCase();
  if (!(LANGS as readonly string[]).includes(value)) throw new CellProblem(`lang must be zh or en, got "${s}"`);
  return value as Lang;
};

const flag: Parse<boolean> = (s) => {
  if (s === "") return true;
  const value = s.toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  throw new CellProblem(`active must be true or false (是/否), got "${s}"`);
};

/** Zones already checked: building an Intl formatter per row is most of a small import's time. */
const knownZones = new Set<string>();
const timeZone =
  (fallback: string): Parse<string> =>
  (s) => {
    const zone = s === "" ? fallback : s;
    if (knownZones.has(zone)) return zone;
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
    } catch {
      throw new CellProblem(`timezone is not a known IANA zone, got "${s}"`);
    }
    knownZones.add(zone);
    return zone;
  };

/** A column's stored field and how its cells read. */
type Fields = Record<string, { field: string; parse: Parse<unknown> }>;

const peopleFields = (defaultZone: string): Fields => ({
  name: { field: "name", parse: textOr("") },
  role: { field: "role", parse: role },
  team: { field: "team", parse: text },
  supervisor_id: { field: "supervisorId", parse: text },
  lang: { field: "lang", parse: lang },
  timezone: { field: "timezone", parse: timeZone(defaultZone) },
  email: { field: "email", parse: text },
  wecom_userid: { field: "wecomUserid", parse: text },
  active: { field: "active", parse: flag },
});

const retailerFields: Fields = {
  name: { field: "name", parse: textOr("") },
  aliases: { field: "aliases", parse: aliasList },
  manager_id: { field: "managerId", parse: text },
  segment: { field: "segment", parse: textOr("standard") },
  grade: { field: "grade", parse: number(0, 100, "grade", true) },
  address: { field: "address", parse: textOr("") },
  lat: { field: "lat", parse: number(-90, 90, "lat") },
  lng: { field: "lng", parse: number(-180, 180, "lng") },
  license: { field: "license", parse: text },
};

const productFields: Fields = {
  name: { field: "name", parse: textOr("") },
  brand: { field: "brand", parse: textOr("") },
  aliases: { field: "aliases", parse: aliasList },
  category: { field: "category", parse: textOr("") },
  per_case: { field: "perCase", parse: number(0, 100_000, "per_case", true) },
  price_band: { field: "priceBand", parse: text },
};

/** A person's columns: the roster's person, plus what the file also sets (the WeCom link, offboarding). */
export type PersonFields = Omit<Person, "id"> & {
  /** The WeCom userid linked as the person's "wecom" identity. */
  wecomUserid: string | null;
  active: boolean;
};
export type RetailerFields = Omit<Retailer, "id">;
export type ProductFields = Omit<Product, "sku">;

/**
 * One validated row: its key (id or sku) and the fields of the columns its file has. `defaults` is
 * what a new row gets for the columns the file lacks (what an empty cell would give).
 */
export interface RosterUpdate<F> {
  line: number;
  key: string;
  fields: Partial<F>;
  defaults: F;
}

export interface ValidatedRoster {
  people: RosterUpdate<PersonFields>[];
  retailers: RosterUpdate<RetailerFields>[];
  products: RosterUpdate<ProductFields>[];
}

/** What the tables may refer to that is already stored. */
export interface KnownIds {
  people: ReadonlySet<string>;
}

/**
 * Validates every table against the others and what is stored: a supervisor or a shop's manager
 * must be a person of the file or of the database. Throws RosterRowError at the first bad cell.
 */
export function validateRoster(
  tables: RosterTable[],
  known: KnownIds,
  defaultZone: string = FALLBACK_ZONE,
): ValidatedRoster {
  const table = (kind: RosterKind) => tables.find((t) => t.kind === kind);
  const people = readTable<PersonFields>(table("people"), "id", peopleFields(defaultZone));
  const personIds = new Set([...known.people, ...people.map((p) => p.key)]);
  const peopleTable = table("people");
  if (peopleTable) {
    for (const p of people) {
      const boss = p.fields.supervisorId;
      if (boss && !personIds.has(boss)) fail(peopleTable, p.line, "supervisor_id", `unknown supervisor ${boss}`);
    }
    unique(peopleTable, people, "email", (p) => p.fields.email?.toLowerCase());
    unique(peopleTable, people, "wecom_userid", (p) => p.fields.wecomUserid);
  }
  const retailers = readTable<RetailerFields>(table("retailers"), "id", retailerFields);
  const shops = table("retailers");
  if (shops) {
    for (const r of retailers) {
      const manager = r.fields.managerId;
      if (manager && !personIds.has(manager)) fail(shops, r.line, "manager_id", `unknown manager ${manager}`);
      if (shops.columns.has("lat") && shops.columns.has("lng") && (r.fields.lat === null) !== (r.fields.lng === null)) {
        fail(shops, r.line, r.fields.lat === null ? "lat" : "lng", "bad coordinates: lat and lng go together");
      }
    }
  }
  const products = readTable<ProductFields>(table("products"), "sku", productFields);
  return { people, retailers, products };
}

function readTable<F>(table: RosterTable | undefined, keyColumn: string, fields: Fields): RosterUpdate<F>[] {
  if (!table) return [];
  const spec = TABLES[table.kind];
  const defaults = Object.fromEntries(
    Object.values(fields).map(({ field, parse }) => [field, safeDefault(parse)]),
  ) as F;
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    for (const column of spec.columns.filter((c) => c.required)) {
      if (!row.values.get(column.name)) fail(table, row.line, column.name, `missing ${column.name}`);
    }
    const key = row.values.get(keyColumn) ?? "";
    const first = seen.get(key);
    if (first !== undefined) fail(table, row.line, keyColumn, `duplicate ${keyColumn} ${key} (first on row ${first})`);
    seen.set(key, row.line);
    return { line: row.line, key, fields: readFields<F>(table, row, fields), defaults };
  });
}

function readFields<F>(table: RosterTable, row: RosterRow, fields: Fields): Partial<F> {
  const out: Record<string, unknown> = {};
  for (const [column, cell] of row.values) {
    const spec = fields[column];
    if (!spec) continue;
    try {
      out[spec.field] = spec.parse(cell);
    } catch (error) {
      if (error instanceof CellProblem) fail(table, row.line, column, error.message);
      throw error;
    }
  }
  return out as Partial<F>;
}

/** What an empty cell gives; for a required column (never absent) any value will do. */
function safeDefault(parse: Parse<unknown>): unknown {
  try {
    return parse("");
  } catch {
    return null;
  }
}

function unique<F>(
  table: RosterTable,
  rows: RosterUpdate<F>[],
  column: string,
  cellOf: (row: RosterUpdate<F>) => string | null | undefined,
): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    const value = cellOf(row);
    if (!value) continue;
    const first = seen.get(value);
    if (first !== undefined) fail(table, row.line, column, `${value} is also on row ${first}`);
    seen.set(value, row.line);
  }
}

function fail(table: RosterTable, line: number, column: string, reason: string): never {
  throw new RosterRowError(placeOf(table, line, column), reason);
}

/** A row as a whole record: the file's fields over `base` (what is stored, or the defaults for a new row). */
export function completed<F>(update: RosterUpdate<F>, base: F = update.defaults): F {
  const defined = Object.entries(update.fields).filter(([, v]) => v !== undefined);
  return { ...base, ...Object.fromEntries(defined) } as F;
}

/** The whole roster of a folder of CSV files, validated; for tools and tests that need no database. */
export function readRosterDir(dir: string, defaultZone: string = FALLBACK_ZONE): Roster {
  const roster = validateRoster(readCsvTables(dir), { people: new Set() }, defaultZone);
  return {
    people: roster.people.map((u) => toPerson(u.key, completed(u))),
    retailers: roster.retailers.map((u) => ({ id: u.key, ...completed(u) })),
    products: roster.products.map((u) => ({ sku: u.key, ...completed(u) })),
  };
}

function toPerson(id: string, f: PersonFields): Person {
  return {
    id,
    name: f.name,
    role: f.role,
    team: f.team,
    supervisorId: f.supervisorId,
    lang: f.lang,
    timezone: f.timezone,
    email: f.email,
  };
}
