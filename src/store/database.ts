/**
 * Opens the store: applies pending migrations, then returns a Prisma client on the right driver
 * adapter (better-sqlite3 for a file: URL, pg for postgresql://). Both clients are generated from the
 * same models, so the rest of the code sees one `Db` type.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrate, type Provider, providerOf, sqlitePath } from "./migrate.js";
import { transactional } from "./transactional.js";

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
      : await postgresClient(url);
  await db.$connect();
  return { db: transactional(db), provider, close: () => db.$disconnect() };
}

/**
 * Same models, other provider: the generated APIs match, so the PostgreSQL client stands in for the
 * SQLite type. Loaded only for PostgreSQL, so a SQLite start (and the CLI) skips pg and its client.
 */
async function postgresClient(url: string): Promise<PrismaClient> {
  const [{ PrismaPg }, { PrismaClient: PgPrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../generated/prisma-pg/client.js"),
  ]);
  return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
}
