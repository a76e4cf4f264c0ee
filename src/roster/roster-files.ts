/**
 * Reads and validates the three roster files (people.csv, retailers.csv, products.csv)
 * into domain objects. Validation is per row and names file and line; nothing is written here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { LANGS, type Person, type Product, type Retailer, ROLES, type Roster } from "../domain/roster.js";
import { parseCsv } from "./csv.js";

export const ROSTER_FILES = { people: "people.csv", retailers: "retailers.csv", products: "products.csv" } as const;

export class RosterRowError extends Error {
  readonly code = "ROSTER_ROW";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

const aliasList = (s: string) =>
  s
    .split("|")
    .map((a) => a.trim())
    .filter(Boolean);

const optionalText = z.string().transform((s) => (s === "" ? null : s));

const optionalNumber = (min: number, max: number, what: string) =>
  z.string().transform((s, ctx) => {
    if (s === "") return null;
    const n = Number(s);
    if (!Number.isFinite(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${what} must be a number from ${min} to ${max}, got "${s}"` });
      return z.NEVER;
    }
    return n;
  });

const requiredId = z.string().min(1, "missing id");

/** The zone of a person whose row names none, when the importer is not told one: TZ_DEFAULT's own default. */
const FALLBACK_ZONE = "Asia/Shanghai";

/** A people.csv row; a person with no zone gets `defaultZone`. */
const personRow = (defaultZone: string) =>
  z.object({
    id: requiredId,
    name: z.string().min(1, "missing name"),
    role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(", ")}` }),
    team: optionalText,
    supervisor_id: optionalText,
    lang: z
      .string()
      .transform((s) => (s === "" ? "zh" : s))
      .pipe(z.enum(LANGS, { message: "lang must be zh or en" })),
    timezone: z
      .string()
      .transform((s) => (s === "" ? defaultZone : s))
      .refine(isTimeZone, { message: "timezone is not a known IANA zone" }),
    email: optionalText.optional(),
  });

const retailerRow = z.object({
  id: requiredId,
  name: z.string().min(1, "missing name"),
  aliases: z.string().default("").transform(aliasList),
  manager_id: optionalText,
  segment: z
    .string()
    .default("standard")
    .transform((s) => s || "standard"),
  grade: optionalNumber(0, 100, "grade").default(null),
  address: z.string().default(""),
  lat: optionalNumber(-90, 90, "lat").default(null),
  lng: optionalNumber(-180, 180, "lng").default(null),
  license: optionalText.default(null),
});

const productRow = z.object({
  sku: z.string().min(1, "missing sku"),
  name: z.string().min(1, "missing name"),
  brand: z.string().default(""),
  aliases: z.string().default("").transform(aliasList),
  category: z.string().default(""),
  per_case: optionalNumber(0, 100000, "per_case").default(null),
  price_band: optionalText.default(null),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** One validated row with the line it came from. */
interface Lined<T> {
  line: number;
  row: T;
}

function readRows<S extends z.ZodType>(dir: string, file: string, schema: S): Lined<z.output<S>>[] {
  const table = parseCsv(readFileSync(join(dir, file), "utf8"));
  const seen = new Map<string, number>();
  return table.records.map(({ line, values }) => {
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const field = issue?.path.join(".");
      const reason = issue?.message ?? "not a valid row";
      throw new RosterRowError(file, line, field ? `${field}: ${reason}` : reason);
    }
    const key = String((parsed.data as { id?: string; sku?: string }).id ?? (parsed.data as { sku?: string }).sku);
    const first = seen.get(key);
    if (first !== undefined) throw new RosterRowError(file, line, `duplicate id ${key} (first on line ${first})`);
    seen.set(key, line);
    return { line, row: parsed.data };
  });
}

/** People; a row with no timezone gets `defaultZone`. */
export function readPeople(dir: string, defaultZone: string = FALLBACK_ZONE): Lined<Person>[] {
  const rows = readRows(dir, ROSTER_FILES.people, personRow(defaultZone)).map(({ line, row }) => ({
    line,
    row: {
      id: row.id,
      name: row.name,
      role: row.role,
      team: row.team,
      supervisorId: row.supervisor_id,
      lang: row.lang,
      timezone: row.timezone,
      email: row.email ?? null,
    } satisfies Person,
  }));
  const ids = new Set(rows.map((r) => r.row.id));
  for (const { line, row } of rows) {
    if (row.supervisorId && !ids.has(row.supervisorId)) {
      throw new RosterRowError(ROSTER_FILES.people, line, `unknown supervisor ${row.supervisorId}`);
    }
  }
  return rows;
}

/** Retailers; `knownManagers` is every person id the manager_id column may name. */
export function readRetailers(dir: string, knownManagers: ReadonlySet<string>): Lined<Retailer>[] {
  return readRows(dir, ROSTER_FILES.retailers, retailerRow).map(({ line, row }) => {
    if (row.manager_id && !knownManagers.has(row.manager_id)) {
      throw new RosterRowError(ROSTER_FILES.retailers, line, `unknown manager ${row.manager_id}`);
    }
    if ((row.lat === null) !== (row.lng === null)) {
      throw new RosterRowError(ROSTER_FILES.retailers, line, "bad coordinates: lat and lng go together");
    }
    return {
      line,
      row: {
        id: row.id,
        name: row.name,
        aliases: row.aliases,
        managerId: row.manager_id,
        segment: row.segment,
        grade: row.grade,
        address: row.address,
        lat: row.lat,
        lng: row.lng,
        license: row.license,
      } satisfies Retailer,
    };
  });
}

export function readProducts(dir: string): Lined<Product>[] {
  return readRows(dir, ROSTER_FILES.products, productRow).map(({ line, row }) => ({
    line,
    row: {
      sku: row.sku,
      name: row.name,
      brand: row.brand,
      aliases: row.aliases,
      category: row.category,
      perCase: row.per_case,
      priceBand: row.price_band,
    } satisfies Product,
  }));
}

/** The whole roster of a directory, validated; for tools and tests that need no database. */
export function readRosterDir(dir: string, defaultZone: string = FALLBACK_ZONE): Roster {
  const people = readPeople(dir, defaultZone).map((l) => l.row);
  const ids = new Set(people.map((p) => p.id));
  return {
    people,
    retailers: readRetailers(dir, ids).map((l) => l.row),
    products: readProducts(dir).map((l) => l.row),
  };
}
