/**
 * The hot plain statements, run straight on SQLite's connection. Each `$executeRaw`/`$queryRaw` went
 * through Prisma's client — its request pipeline and its query compiler, even for a plain statement —
 * at several times the cost of the statement; a message runs about eight inside its transaction and
 * one, storing it, before. On SQLite there is one connection (sqlite-one-at-a-time.ts), so:
 * - a statement of a flow inside a transaction runs on the connection itself, as long as that very
 *   transaction is the open one: the flow's transaction is noted when it begins (`transactional`'s
 *   hook), and a statement checks, at the moment it runs, that this transaction is open and not
 *   committing or rolled back (a transaction Prisma timed out);
 * - a statement of a flow in no transaction waits for the connection's turn, as Prisma's queries
 *   outside a transaction do, so that it never becomes part of another message's transaction.
 * Anything else — PostgreSQL, a transaction that ended, a client this line does not serve — goes
 * through Prisma as before, which also raises Prisma's errors for it.
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
  outside?: <T>(work: () => T) => Promise<T>;

  constructor(private readonly observer?: QueryObserver) {}

  /** Plain statements sent through `db` (the app's client) outside a transaction run on this line. */
  serve(db: object): void {
    served.set(db, this);
  }

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
const served = new WeakMap<object, SqliteLine>();

/** Runs a statement on a line: now, inside the flow's open transaction, or in the connection's turn. */
type Way = <T>(statement: (line: SqliteLine) => T) => Promise<T>;

/** How `client` (the app's client or a transaction's) runs a plain statement on the connection; null: through Prisma. */
function wayFor(client: Client): Way | null {
  const scope = transactionScope(client);
  const flow = flows.get(client) ?? (typeof scope === "object" && scope !== null ? flows.get(scope) : undefined);
  if (flow) {
    const { line, transaction } = flow;
    if (transaction.closed || line.open !== transaction || !line.client) return null;
    return async (statement) => {
      const result = statement(line);
      await afterQuery();
      return result;
    };
  }
  // In a transaction this line was not told of: Prisma's.
  if (scope !== null) return null;
  const line = served.get(client);
  const outside = line?.outside;
  if (!line?.client || !outside) return null;
  return async (statement) => {
    const result = await outside(() => statement(line));
    await afterQuery();
    return result;
  };
}

/** A statement's count of changed rows, as `$executeRaw` answers. */
export async function plainExecute(client: Client, sql: Prisma.Sql): Promise<number> {
  const way = wayFor(client);
  if (!way) return (client as Db).$executeRaw(sql);
  const { changes } = await way((line) =>
    line.run(sql, (statement, values) => statement.run(...values), "$executeRaw (on the connection)"),
  );
  return changes;
}

/**
 * A query's rows as objects by column name. On SQLite's own path a boolean is 0 or 1 and a time is
 * its stored text: callers read such columns leniently (visit-rows.ts).
 */
export async function plainQuery<T>(client: Client, sql: Prisma.Sql): Promise<T[]> {
  const way = wayFor(client);
  if (!way) return (client as Db).$queryRaw<T[]>(sql);
  return way(
    (line) => line.run(sql, (statement, values) => statement.all(...values), "$queryRaw (on the connection)") as T[],
  );
}

/** A value as Prisma's SQLite adapter binds it. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqliteTime(value);
  return value;
}
