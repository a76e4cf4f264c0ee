import { execFileSync } from "node:child_process";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/database.js";
import { listMigrations, migrate, sqlitePath } from "../../src/store/migrate.js";
import { PROVIDERS, type ScratchDatabase, scratchPostgres, scratchSqlite } from "../support/databases.js";

const scratch: ScratchDatabase[] = [];
afterEach(async () => {
  while (scratch.length) await scratch.pop()!.drop();
});

describe.each(PROVIDERS)("migrations on $name", ({ create }) => {
  it("apply on a fresh database, once, and leave a working store", async () => {
    const database = await create();
    scratch.push(database);
    const first = await migrate(database.url);
    expect(first.length).toBeGreaterThan(0);
    expect(await migrate(database.url)).toEqual([]);
    const opened = await openDatabase(database.url);
    try {
      await opened.db.person.create({ data: { id: "P1", name: "测试", role: "manager" } });
      expect(await opened.db.person.count()).toBe(1);
    } finally {
      await opened.close();
    }
  });
});

/** Tables, columns and indexes of a SQLite file, normalised for comparison. */
function sqliteShape(path: string): string[] {
  const db = new Sqlite(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite%'`,
      )
      .pluck()
      .all() as string[];
    return tables
      .flatMap((t) => [
        ...(
          db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string; type: string; notnull: number; pk: number }[]
        ).map((c) => `${t}.${c.name} ${c.type} ${c.notnull} ${c.pk}`),
        ...(db.prepare(`PRAGMA index_list("${t}")`).all() as { name: string; unique: number }[]).map(
          (i) => `${t} index ${i.name} ${i.unique}`,
        ),
      ])
      .sort();
  } finally {
    db.close();
  }
}

async function postgresShape(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ s: string }>(
      `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable AS s
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const indexes = await client.query<{ s: string }>(
      `SELECT tablename || ' ' || indexdef AS s FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    return [...columns.rows, ...indexes.rows].map((r) => r.s).sort();
  } finally {
    await client.end();
  }
}

/**
 * Builds a SQLite database straight from the models: their full DDL (`migrate diff` from empty), applied.
 * Not `db push`: the JavaScript schema engine can leave a 60-second timer behind after pushing some
 * schemas (one model more than the first migration's is enough), holding the CLI past the test's timeout.
 */
function createFromModels(path: string): void {
  const ddl = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: { ...process.env, DATABASE_URL: `file:${path}` }, encoding: "utf8" },
  );
  const db = new Sqlite(path);
  try {
    db.exec(ddl);
  } finally {
    db.close();
  }
}

describe("the committed migrations match the models", () => {
  it("on SQLite: migrating gives the same tables, columns and indexes as the schema's full DDL", async () => {
    const migrated = scratchSqlite();
    const pushed = scratchSqlite();
    scratch.push(migrated, pushed);
    await migrate(migrated.url);
    createFromModels(sqlitePath(pushed.url));
    expect(sqliteShape(sqlitePath(migrated.url))).toEqual(sqliteShape(sqlitePath(pushed.url)));
  });

  it("on PostgreSQL: migrating gives the same tables, columns and indexes as the schema's full DDL", async () => {
    // `db push` cannot introspect PostgreSQL through the JavaScript engine, but `migrate diff` from empty works.
    const migrated = await scratchPostgres();
    const fromModels = await scratchPostgres();
    scratch.push(migrated, fromModels);
    await migrate(migrated.url);
    const ddl = execFileSync(
      "npx",
      [
        "prisma",
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema-datamodel",
        "prisma/postgres/schema.prisma",
        "--script",
      ],
      { env: { ...process.env, DATABASE_URL: fromModels.url, FIELDMATE_PRISMA_TARGET: "postgres" }, encoding: "utf8" },
    );
    const client = new pg.Client({ connectionString: fromModels.url });
    await client.connect();
    await client.query(ddl).finally(() => client.end());
    expect(await postgresShape(migrated.url)).toEqual(await postgresShape(fromModels.url));
  });

  it("both providers have a migration for every change, under the same names", () => {
    const names = (provider: "sqlite" | "postgresql") => listMigrations(provider).map((m) => m.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
