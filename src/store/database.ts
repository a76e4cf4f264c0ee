/**
 * Opens the store: applies pending migrations, then returns a Prisma client on the right driver
 * adapter (better-sqlite3 for a file: URL, pg for postgresql://). Both clients are generated from the
 * same models, so the rest of the code sees one `Db` type.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { PrismaClient as PgPrismaClient } from "../generated/prisma-pg/client.js";
import { migrate, type Provider, providerOf, sqlitePath } from "./migrate.js";

export type Db = PrismaClient;

export interface Database {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Database> {
  if (options.migrate !== false) await migrate(url);
  const provider = providerOf(url);
  const db =
    provider === "sqlite"
      ? new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 10_000 }) })
      : // Same models, other provider: the generated APIs match, so the PostgreSQL client stands in for the SQLite type.
        (new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient);
  await db.$connect();
  return { db, provider, close: () => db.$disconnect() };
}
