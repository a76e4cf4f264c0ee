/**
 * Prepared statements kept for reuse on the SQLite connection. Prisma's better-sqlite3 adapter
 * prepares every statement it runs afresh, and Prisma's statements name every column: preparing
 * one costs more than running it on our small indexed lookups. The same few dozen statements serve
 * every message and every push, so the connection keeps them, by their SQL, and the adapter gets
 * each one back with its own parameters. better-sqlite3 runs one statement at a time on one
 * connection (nothing is iterated), and SQLite prepares a kept statement again by itself after a
 * schema change.
 */
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Sqlite from "better-sqlite3";

/** Distinct statements kept; the least recently used one goes beyond this. */
const KEPT = 500;

/** The adapter factory, its connection keeping prepared statements (left as it is if the adapter changed shape). */
export function keepingStatements(
  factory: PrismaBetterSQLite3,
  connected: (client: Sqlite.Database) => void = () => {},
): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  return Object.assign(Object.create(factory) as PrismaBetterSQLite3, {
    connect: async () => {
      const adapter = await connect();
      const client = (adapter as unknown as { client?: Sqlite.Database }).client;
      if (typeof client?.prepare === "function") {
        keepPreparedStatements(client);
        connected(client);
      }
      return adapter;
    },
  });
}

/** Makes `client.prepare` hand out kept statements (the adapter's only way in). */
function keepPreparedStatements(client: Sqlite.Database): void {
  const prepare = client.prepare.bind(client);
  const kept = new Map<string, Sqlite.Statement>();
  const reuse = (sql: string): KeptStatement => {
    let statement = kept.get(sql);
    if (statement) {
      kept.delete(sql);
    } else {
      statement = prepare(sql);
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
    }
    kept.set(sql, statement);
    return new KeptStatement(statement);
  };
  client.prepare = reuse as unknown as Sqlite.Database["prepare"];
}

/**
 * A kept statement's columns. Its SQL names them, so they change only with the schema, and the
 * schema is migrated before the connection is opened.
 */
const COLUMNS = new WeakMap<Sqlite.Statement, Sqlite.ColumnDefinition[]>();

/**
 * One use of a kept statement: what the adapter calls (`bind` then `run`, or `columns`, `raw`,
 * `all`), with this use's parameters and row mode; better-sqlite3's own `bind` would fix the
 * parameters on the statement for good.
 */
class KeptStatement {
  private parameters: unknown[] = [];
  private rows = false;

  constructor(private readonly statement: Sqlite.Statement) {}

  get reader(): boolean {
    return this.statement.reader;
  }

  bind(...parameters: unknown[]): this {
    this.parameters = parameters;
    return this;
  }

  raw(toggle = true): this {
    this.rows = toggle;
    return this;
  }

  /** The columns' declared types, read once per statement: the adapter asks on every query, and asking costs. */
  columns(): Sqlite.ColumnDefinition[] {
    let columns = COLUMNS.get(this.statement);
    if (!columns) {
      columns = this.statement.columns();
      COLUMNS.set(this.statement, columns);
    }
    return columns;
  }

  run(...parameters: unknown[]): Sqlite.RunResult {
    return this.statement.run(...this.with(parameters));
  }

  all(...parameters: unknown[]): unknown[] {
    return this.statement.raw(this.rows).all(...this.with(parameters));
  }

  get(...parameters: unknown[]): unknown {
    return this.statement.raw(this.rows).get(...this.with(parameters));
  }

  private with(parameters: unknown[]): unknown[] {
    return parameters.length > 0 ? parameters : this.parameters;
  }
}
