/**
 * Real databases for tests: a fresh SQLite file in a temp folder, or a fresh PostgreSQL database
 * on the server at PG_TEST_URL (default: the local server .ci/run makes sure is running).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function scratchSqlite(): ScratchDatabase {
  const dir = mkdtempSync(join(tmpdir(), "fieldmate-test-"));
  return { url: `file:${join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

export async function scratchPostgres(): Promise<ScratchDatabase> {
  const name = `fieldmate_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export const PROVIDERS = [
  { name: "SQLite", create: async () => scratchSqlite() },
  { name: "PostgreSQL", create: scratchPostgres },
] as const;
