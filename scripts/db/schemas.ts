/**
 * The PostgreSQL schema is derived from the SQLite one (the source of truth):
 * same models, another provider and another client output.
 */
import { readFileSync } from "node:fs";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const POSTGRES_MIGRATIONS = "prisma/postgres/migrations";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const swapped = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output     = "../src/generated/prisma"', 'output     = "../../src/generated/prisma-pg"')
    .replace(
      /^\/\/ Fieldmate data model\.[^\n]*\n(\/\/[^\n]*\n)*/,
      "// GENERATED from prisma/schema.prisma by `npm run db:sync`: edit that file, not this one.\n",
    );
  if (swapped === sqliteSchema || !swapped.includes('"postgresql"') || !swapped.includes("prisma-pg")) {
    throw new Error("prisma/schema.prisma no longer has the provider or output lines db:sync rewrites");
  }
  return swapped;
}

export function expectedPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
}
