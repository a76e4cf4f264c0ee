// Prisma CLI configuration for the offline recipe (DESIGN.md): the JavaScript schema engine
// through a driver adapter, so no native engine is ever downloaded.
// FIELDMATE_PRISMA_TARGET=postgres points the CLI at the PostgreSQL schema.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const postgres = process.env.FIELDMATE_PRISMA_TARGET === "postgres";
// The schema reads env("DATABASE_URL"); without a value the CLI cannot read it and falls back to downloading engines.
process.env.DATABASE_URL ??= postgres ? "postgresql://postgres@127.0.0.1:5432/fieldmate" : "file:./data/fieldmate.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  adapter: async () => (postgres ? new PrismaPg({ connectionString: url }) : new PrismaBetterSQLite3({ url })),
});
