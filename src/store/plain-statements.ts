/**
 * The hot plain statements, run straight on the database connection. Each `$executeRaw`/`$queryRaw`
 * went through Prisma's client — its request pipeline and its query compiler, even for a plain
 * statement — at several times the cost of the statement; a message runs about eight inside its
 * transaction and one, storing it, before. So a plain statement runs on the driver's connection:
 * - a statement of a flow inside a transaction runs on that transaction's connection, as long as
 *   that very transaction is still open: the flow's transaction is noted when it begins
 *   (`transactional`'s hook), and a statement checks, at the moment it runs, that it is open and
 *   not committing or rolled back (a transaction Prisma timed out);
 * - a statement of a flow in no transaction runs as Prisma's queries outside a transaction do: on
 *   SQLite in the connection's turn (never inside another message's transaction), on PostgreSQL on
 *   a connection of the pool.
 * Anything else — a transaction that ended, a transaction or a client no line was told of — goes
 * through Prisma as before, which also raises Prisma's errors for it. SQLite's line is here,
 * PostgreSQL's in pg-line.ts (loaded with the pg driver, only for PostgreSQL).
 */
import type Sqlite from "better-sqlite3";
import type { Prisma } from "../generated/prisma/client.js";
import type { Db, QueryObserver } from "./database.js";
import { sqliteTime } from "./raw-time.js";
import { afterQuery, type OpenTransaction, type TransactionWatch } from "./sqlite-one-at-a-time.js";
import { transactionScope } from "./transactional.js";

type Client = object;

/** A connection a plain statement can run on now: its count of changed rows, or its rows by column name. */
export interface Way {
  execute(sql: Prisma.Sql): Promise<number>;
  query<T>(sql: Prisma.Sql): Promise<T[]>;
}

/** By a transaction's client: its connection's way while the transaction is open, null once it is not. */
const flows = new WeakMap<object, () => Way | null>();
/** By the app's client: the way of a statement outside any transaction. */
const served = new WeakMap<object, () => Way | null>();

/** The transaction whose client is `tx` runs its plain statements the way `way` says, while it gives one. */
export function joinTransaction(tx: object, way: () => Way | null): void {
  flows.set(tx, way);
}

/** Plain statements sent through `db` (the app's client) outside a transaction run the way `way` says. */
export function serveOutside(db: object, way: () => Way | null): void {
  served.set(db, way);
}

/** How `client` (the app's client or a transaction's) runs a plain statement on a connection; null: through Prisma. */
function wayFor(client: Client): Way | null {
  const scope = transactionScope(client);
  const flow = flows.get(client) ?? (typeof scope === "object" && scope !== null ? flows.get(scope) : undefined);
  if (flow) return flow();
  // In a transaction no line was told of: Prisma's.
  if (scope !== null) return null;
  return served.get(client)?.() ?? null;
}

/** A statement's count of changed rows, as `$executeRaw` answers. */
export function plainExecute(client: Client, sql: Prisma.Sql): Promise<number> {
  const way = wayFor(client);
  return way ? way.execute(sql) : (client as Db).$executeRaw(sql);
}

/**
 * A query's rows as objects by column name. On SQLite's own path a boolean is 0 or 1 and a time is
 * its stored text: callers read such columns leniently (visit-rows.ts).
 */
export function plainQuery<T>(client: Client, sql: Prisma.Sql): Promise<T[]> {
  const way = wayFor(client);
  return way ? way.query<T>(sql) : (client as Db).$queryRaw<T[]>(sql);
}

/** One SQLite connection as the plain statements see it: the driver's client and its open transaction. */
export class SqliteLine implements TransactionWatch {
  client: Sqlite.Database | null = null;
  open: OpenTransaction | null = null;
  outside?: <T>(work: () => T) => Promise<T>;
  hold?: TransactionWatch["hold"];
  adapter?: TransactionWatch["adapter"];
  /** Runs now: the caller's transaction is the one open on the connection. */
  private readonly now: Way = {
    execute: async (sql) => {
      const { changes } = this.run(sql, (statement, values) => statement.run(...values), "$executeRaw");
      await afterQuery();
      return changes;
    },
    query: async <T>(sql: Prisma.Sql) => {
      const rows = this.run(sql, (statement, values) => statement.all(...values), "$queryRaw") as T[];
      await afterQuery();
      return rows;
    },
  };
  /** Runs in the connection's turn, once no transaction is open on it; the turn is given back before yielding. */
  private readonly inTurn: Way = {
    execute: async (sql) => {
      const { changes } = await this.inItsTurn(() =>
        this.run(sql, (statement, values) => statement.run(...values), "$executeRaw"),
      );
      await afterQuery();
      return changes;
    },
    query: async <T>(sql: Prisma.Sql) => {
      const rows = await this.inItsTurn(
        () => this.run(sql, (statement, values) => statement.all(...values), "$queryRaw") as T[],
      );
      await afterQuery();
      return rows;
    },
  };

  constructor(private readonly observer?: QueryObserver) {}

  /** Plain statements sent through `db` (the app's client) outside a transaction run on this line. */
  serve(db: object): void {
    serveOutside(db, () => (this.client && this.outside ? this.inTurn : null));
  }

  /** Called as a transaction's work begins, with its client: that transaction is the open one. */
  began(tx: object): void {
    const transaction = this.open;
    if (!transaction) return;
    joinTransaction(tx, () => (this.holds(transaction) ? this.now : null));
  }

  /**
   * Whether `transaction` is the one open on the connection now. SQLite itself ends a transaction
   * on some errors (a full disk): the connection is then out of it, and its statements must not
   * run on their own.
   */
  holds(transaction: OpenTransaction): boolean {
    return !transaction.closed && this.open === transaction && this.client?.inTransaction === true;
  }

  /** A statement with no parameters, run now (BEGIN, COMMIT, ROLLBACK): benchmarks see it as Prisma's query log showed it. */
  exec(sql: string): void {
    const client = this.client as Sqlite.Database;
    const started = performance.now();
    client.prepare(sql).run();
    this.observer?.statement(sql, performance.now() - started);
  }

  private run<T>(sql: Prisma.Sql, work: (statement: Sqlite.Statement, values: unknown[]) => T, operation: string): T {
    const client = this.client as Sqlite.Database;
    const started = performance.now();
    const result = work(client.prepare(sql.sql), sql.values.map(sqliteValue));
    if (this.observer) {
      const ms = performance.now() - started;
      this.observer.statement(sql.sql, ms);
      this.observer.operation(undefined, `${operation} (on the connection)`, ms);
    }
    return result;
  }

  private inItsTurn<T>(work: () => T): Promise<T> {
    return (this.outside as <R>(run: () => R) => Promise<R>)(work);
  }
}

/** A value as Prisma's SQLite adapter binds it. */
function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof Date) return sqliteTime(value);
  return value;
}
