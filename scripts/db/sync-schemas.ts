/**
 * Keeps the two databases in step. Writes prisma/postgres/schema.prisma from prisma/schema.prisma and,
 * when the models changed since the last migration, a new migration for each provider:
 *   npm run db:sync -- NAME
 * Migrations are made with `prisma migrate diff` from the previous schema snapshot, because
 * `prisma migrate dev` does not work with the offline JavaScript engine (DESIGN.md).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  expectedPostgresSchema,
  POSTGRES_MIGRATIONS,
  POSTGRES_SCHEMA,
  SQLITE_MIGRATIONS,
  SQLITE_SCHEMA,
} from "./schemas.js";

const name = process.argv[2];
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync(POSTGRES_SCHEMA, expectedPostgresSchema());

// The diff needs no data, but the CLI's adapter opens a connection: a scratch SQLite file, a reachable PostgreSQL.
const pgUrl = process.env.FIELDMATE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const targets = [
  {
    schema: SQLITE_SCHEMA,
    migrations: SQLITE_MIGRATIONS,
    provider: "sqlite",
    env: { DATABASE_URL: `file:${join(tmpdir(), "fieldmate-diff.db")}` },
  },
  {
    schema: POSTGRES_SCHEMA,
    migrations: POSTGRES_MIGRATIONS,
    provider: "postgresql",
    env: { FIELDMATE_PRISMA_TARGET: "postgres", DATABASE_URL: pgUrl },
  },
];

// One timestamp for both providers' migration of one change.
const stamp = nextStamp([...listMigrations(SQLITE_MIGRATIONS), ...listMigrations(POSTGRES_MIGRATIONS)]);

for (const t of targets) {
  mkdirSync(t.migrations, { recursive: true });
  const snapshot = join(t.migrations, "schema.snapshot.prisma");
  const from = existsSync(snapshot) ? ["--from-schema-datamodel", snapshot] : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", t.schema, "--script"],
    { env: { ...process.env, ...t.env }, encoding: "utf8" },
  );
  if (!/^\s*(CREATE|ALTER|DROP|PRAGMA|INSERT|UPDATE|DELETE)/im.test(sql)) {
    console.log(`${t.provider}: no model changes`);
    continue;
  }
  if (!name) throw new Error("models changed: give the migration a name, e.g. npm run db:sync -- add_invites");
  const dir = join(t.migrations, `${stamp}_${name}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "migration.sql"), sql);
  writeFileSync(
    join(t.migrations, "migration_lock.toml"),
    `# Managed by npm run db:sync.\nprovider = "${t.provider}"\n`,
  );
  writeFileSync(snapshot, readFileSync(t.schema, "utf8"));
  console.log(`${t.provider}: wrote ${dir}`);
}

function listMigrations(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((d) => /^\d{14}_/.test(d)) : [];
}

/** Same timestamp for both providers' migration of one change: the next free one after the newest. */
function nextStamp(existing: string[]): string {
  const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const newest = existing
    .map((d) => d.slice(0, 14))
    .sort()
    .at(-1);
  return newest && newest >= now ? String(Number(newest) + 1) : now;
}
