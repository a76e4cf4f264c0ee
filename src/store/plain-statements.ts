/**
 * The hot plain statements of a message's transaction, run straight on SQLite's connection. Each
 * `$executeRaw`/`$queryRaw` went through Prisma's client — its request pipeline and its query
 * compiler, even for a plain statement — at several times the cost of the statement; a message runs
 * about eight inside its transaction. On SQLite the transaction is the connection's (one connection,
 * one transaction at a time, sqlite-one-at-a-time.ts), so a statement of the flow that opened it can
 * run on the connection itself, as long as that transaction is still the open one: the flow's
 * transaction is noted when it begins (`transactional`'s hook), and a statement checks, at the moment
 * it runs, that this very transaction is open and not committing or rolled back (a transaction Prisma
 * timed out). Anything else — PostgreSQL, no transaction, a transaction that ended — goes through
 * Prisma as before, which also raises Prisma's errors for it.
 */
import type Sqlite from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.js";
import type { Db, QueryObserver } from "./database.js";
import { sqliteTime } from "./raw-time.js";
import { afterQuery, type OpenTransaction, type TransactionWatch } from "./sqlite-one-at-a-time.js";
import { transactionScope } from "./transactional.js";

type Client = object;

/** One SQLite connection as the plain statements see it: the driver's client and its open transaction. */
export class SqliteLine implements TransactionWatch {
  client: Sqlite.Database | null = null;
  open: OpenTransaction | null = null;

  constructor(private readonly observer?: QueryObserver) {}

  /** Called as a transaction's work begins, with Prisma's client for it: that transaction is the open one. */
  began(tx: object): void {
    if (this.open) flows.set(tx, { line: this, transaction: this.open });
  }

  run<T>(sql: Prisma.Sql, work: (statement: Sqlite.Statement, values: unknown[]) => T, operation: string): T {
    const client = this.client as Sqlite.Database;
    const started = performance.now();
    const result = work(client.prepare(sql.sql), sql.values.map(sqliteValue));
    if (this.observer) {
      const ms = performance.now() - started;
      this.observer.statement(sql.sql, ms);
      this.observer.operation(undefined, operation, ms);
    }
    return result;
  }
}

const flows = new WeakMap<object, { line: SqliteLine; transaction: OpenTransaction }>();

/** The line to run on when `client` (the app's client or a transaction's) is in a transaction still open on it. */
function directLine(client: Client): SqliteLine | null {
  const scope = transactionScope(client);
  const flow = flows.get(client) ?? (typeof scope === "object" && scope !== null ? flows.get(scope) : undefined);
  if (!flow || flow.transaction.closed || flow.line.open !== flow.transaction || !flow.line.client) return null;
  return flow.line;
}

/** A statement's count of changed rows, as `$executeRaw` answers. */
export async function plainExecute(client: Client, sql: Prisma.Sql): Promise<number> {
  const line = directLine(client);
  if (!line) return (client as Db).$executeRaw(sql);
  const { changes } = line.run(sql, (statement, values) => statement.run(...values), "$executeRaw (on the connection)");
  await afterQuery();
  return changes;
}

/**
 * A query's rows as objects by column name. On SQLite's own path a boolean is 0 or 1 and a time is
 * its stored text: callers read such columns leniently (visit-rows.ts).
 */
export async function plainQuery<T>(client: Client, sql: Prisma.Sql): Promise<T[]> {
  const line = directLine(client);
  if (!line) return (client as Db).$queryRaw<T[]>(sql);
  const rows = line.run(sql, (statement, values) => statement.all(...values), "$queryRaw (on the connection)") as T[];
  await afterQuery();
  return rows;
}

/** A value as Prisma's SQLite adapter binds it. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqliteTime(value);
  return value;
}
