/**
 * Opens the store: applies pending migrations, then returns a Prisma client on the right driver
 * adapter (better-sqlite3 for a file: URL, pg for postgresql://). Both clients are generated from the
 * same models, so the rest of the code sees one `Db` type.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client.js";
import { migrate, type Provider, providerOf, sqlitePath } from "./migrate.js";
import type { PgLine } from "./pg-line.js";
import { SqliteLine } from "./plain-statements.js";
import { checkpointInWorker } from "./sqlite-checkpoints.js";
import { insideOpenTransaction, oneAtATime } from "./sqlite-one-at-a-time.js";
import { keepingStatements } from "./sqlite-statements.js";
import { SqliteTransactions } from "./sqlite-transactions.js";
import { transactional } from "./transactional.js";

export type Db = PrismaClient;

export interface Database {
  db: Db;
  provider: Provider;
  close(): Promise<void>;
}

/** Sees every query (benchmarks count and time them per step): each Prisma call, and each SQL statement it sent. */
export interface QueryObserver {
  operation(model: string | undefined, operation: string, ms: number): void;
  statement(sql: string, ms: number): void;
}

export interface OpenOptions {
  migrate?: boolean;
  observer?: QueryObserver;
  /**
   * SQLite: WAL checkpoints in a worker thread instead of on the connection (sqlite-checkpoints.ts),
   * for the server; `failed` hears why the worker stopped, the connection's own checkpoints are back then.
   */
  checkpointsInWorker?: { failed(reason: string): void };
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  if (options.migrate !== false) await migrate(url);
  const provider = providerOf(url);
  // "minimal": Prisma's other error formats capture a stack trace for every call (a new Error per query,
  // 3% of the server's CPU under load) to point at the calling line; our errors are logged with their own stack.
  const clientOptions: { log?: [{ emit: "event"; level: "query" }]; errorFormat: "minimal" } = options.observer
    ? { log: [{ emit: "event", level: "query" }], errorFormat: "minimal" }
    : { errorFormat: "minimal" };
  // The connections as the hot plain statements use them (plain-statements.ts, pg-line.ts).
  const line = provider === "sqlite" ? new SqliteLine(options.observer) : null;
  const pgLine = provider === "sqlite" ? null : await postgresLine(options.observer);
  const sqliteAdapter = line
    ? keepingStatements(new PrismaBetterSQLite3({ url: `file:${sqlitePath(url)}`, timeout: 10_000 }), (connection) => {
        line.client = connection;
      })
    : null;
  const client =
    line && sqliteAdapter
      ? (new PrismaClient({ adapter: oneAtATime(sqliteAdapter, line), ...clientOptions }) as PrismaClient)
      : await postgresClient(url, clientOptions, pgLine as PgLine);
  await client.$connect();
  if (provider === "sqlite") await tuneSqlite(client);
  const checkpointer =
    provider === "sqlite" && options.checkpointsInWorker && sqlitePath(url) !== ":memory:"
      ? await checkpointInWorker(
          sqlitePath(url),
          (sql) => client.$queryRawUnsafe(sql),
          options.checkpointsInWorker.failed,
        )
      : null;
  const observedClient = options.observer ? observed(client, options.observer) : client;
  // SQLite's interactive transactions are opened on the connection itself, their Prisma calls run by a second client.
  const transactions = line && sqliteAdapter ? new SqliteTransactions(line) : null;
  const inner =
    line && sqliteAdapter && transactions
      ? (new PrismaClient({
          adapter: Object.assign(Object.create(sqliteAdapter) as PrismaBetterSQLite3, {
            connect: async () =>
              insideOpenTransaction(line.adapter as NonNullable<SqliteLine["adapter"]>, transactions.check),
          }),
          ...clientOptions,
        }) as PrismaClient)
      : null;
  if (inner && transactions) {
    await inner.$connect();
    transactions.use(options.observer ? observed(inner, options.observer) : inner);
  }
  const db = pgLine
    ? transactional(
        observedClient,
        (tx) => pgLine.began(tx),
        (open) => pgLine.start(open),
      )
    : transactional(observedClient, (tx) => line?.began(tx), undefined, transactions ?? undefined);
  (line ?? pgLine)?.serve(db);
  return {
    db,
    provider,
    close: async () => {
      // Before the connection: closing the last connection checkpoints and removes the log.
      await checkpointer?.stop();
      await inner?.$disconnect();
      await client.$disconnect();
    },
  };
}

/**
 * SQLite settings for a server writing a few rows per message, set on the adapter's one connection:
 * - journal_mode=WAL (also set by migrate; it stays with the file): readers (cli, backups) do not
 *   block the writer, and a commit appends to the log instead of rewriting pages;
 * - synchronous=NORMAL: in WAL mode, commits are not fsynced one by one, only at checkpoints. A
 *   power cut may lose the last commits before a checkpoint but never corrupts the file; a crash of
 *   the process alone loses nothing. FULL (the default) costs an fsync per message written;
 * - busy_timeout (the adapter's `timeout`, 10 s): a writer in another process (cli import, restore
 *   check) makes us wait instead of failing with SQLITE_BUSY;
 * - mmap_size=256 MB: reads come from the mapped file instead of read() calls per page;
 * - temp_store=MEMORY: sorts and temporary indexes stay off the disk;
 * - the server checkpoints in a worker thread (`checkpointsInWorker`, sqlite-checkpoints.ts), the
 *   connection itself only past BACKSTOP_PAGES; the CLI and tests keep SQLite's own, every 1,000 pages.
 */
async function tuneSqlite(client: PrismaClient): Promise<void> {
  for (const pragma of ["journal_mode = WAL", "synchronous = NORMAL", "mmap_size = 268435456", "temp_store = MEMORY"])
    await client.$queryRawUnsafe(`PRAGMA ${pragma}`);
}

/**
 * Same models, other provider: the generated APIs match, so the PostgreSQL client stands in for the
 * SQLite type. Loaded only for PostgreSQL, so a SQLite start (and the CLI) skips pg and its client.
 */
async function postgresClient(url: string, options: object, line: PgLine): Promise<PrismaClient> {
  const [{ PrismaPg }, { PrismaClient: PgPrismaClient }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../generated/prisma-pg/client.js"),
  ]);
  return new PgPrismaClient({
    adapter: line.watching(new PrismaPg({ connectionString: url })),
    ...options,
  }) as unknown as PrismaClient;
}

/** PostgreSQL's line for plain statements, loaded with the pg driver only for PostgreSQL. */
async function postgresLine(observer?: QueryObserver): Promise<PgLine> {
  const { PgLine } = await import("./pg-line.js");
  return new PgLine(observer);
}

/** The client with every call timed (a query extension) and every SQL statement reported (Prisma's query log). */
function observed(client: PrismaClient, observer: QueryObserver): Db {
  (client as PrismaClient<"query">).$on("query", (event) => observer.statement(event.query, event.duration));
  return client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now();
        try {
          return await query(args);
        } finally {
          observer.operation(model, operation, performance.now() - started);
        }
      },
    },
  }) as unknown as Db;
}
