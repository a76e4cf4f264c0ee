/**
 * Applies the committed Prisma migrations in order, in-process, and records them in Prisma's own
 * `_prisma_migrations` table, so `prisma migrate status` and this runner agree.
 * Done here rather than by spawning the Prisma CLI: start-up stays fast and works offline.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import Sqlite from "better-sqlite3";

export type Provider = "sqlite" | "postgresql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

const MIGRATION_DIRS: Record<Provider, URL> = {
  sqlite: new URL("../../prisma/migrations/", import.meta.url),
  postgresql: new URL("../../prisma/postgres/migrations/", import.meta.url),
};

export function providerOf(url: string): Provider {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}

/** The committed migrations for a provider, oldest first. */
export function listMigrations(provider: Provider): Migration[] {
  const dir = MIGRATION_DIRS[provider];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{14}_/.test(d.name))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(new URL(`${name}/migration.sql`, dir), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The SQLite file path of a file: URL, with its folder created. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^file:/, "");
  if (path !== ":memory:") mkdirSync(dirname(path.startsWith("/") ? path : `./${path}`), { recursive: true });
  return path;
}

/** Applies pending migrations; returns the names applied now. */
export async function migrate(url: string): Promise<string[]> {
  return providerOf(url) === "sqlite" ? migrateSqlite(url) : migratePostgres(url);
}

const SQLITE_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

function migrateSqlite(url: string): string[] {
  const db = new Sqlite(sqlitePath(url), { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_LEDGER);
    const applied = new Set(
      db
        .prepare(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .pluck()
        .all() as string[],
    );
    const done: string[] = [];
    for (const m of listMigrations("sqlite")) {
      if (applied.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name);
      }).immediate();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

const POSTGRES_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** An arbitrary constant: the advisory lock that makes instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_203_114;

async function migratePostgres(url: string): Promise<string[]> {
  // Loaded here only: a SQLite start (and the CLI on SQLite) does without pg.
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(POSTGRES_LEDGER);
    const { rows } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const done: string[] = [];
    for (const m of listMigrations("postgresql")) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}
