/**
 * PostgreSQL's connections as the plain statements see them (plain-statements.ts). Prisma's pg
 * adapter runs each transaction on one connection of its pool: the adapter is wrapped so that the
 * connection a transaction takes is known to the flow that started it (`start`, then `began`), and
 * so that a statement stops using it as Prisma ends the transaction — its COMMIT or ROLLBACK, a
 * timeout's included — before the connection goes back to the pool. Outside a transaction a
 * statement takes a connection of the same pool, as Prisma's own do. Rows come back as Prisma's
 * `$queryRaw` gives them: a timestamp as its UTC instant, a bigint as a BigInt.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { Prisma } from "../generated/prisma/client.js";
import type { QueryObserver } from "./database.js";
import { joinTransaction, serveOutside, type Way } from "./plain-statements.js";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Transaction["executeRaw"]>[0];

/** A transaction's connection, until Prisma ends the transaction. */
interface Open {
  client: pg.PoolClient;
  closed: boolean;
}

const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;

/** Prisma keeps DateTime as UTC in `timestamp(3)`: read as UTC, not as the process's local time (pg's default). */
const TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === TIMESTAMP) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === DATE) return (text: string) => new Date(`${text}T00:00:00Z`);
    if (oid === INT8) return (text: string) => BigInt(text);
    return pg.types.getTypeParser(oid, format ?? "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

export class PgLine {
  private pool: pg.Pool | null = null;
  private readonly starting = new AsyncLocalStorage<{ open?: Open }>();

  constructor(private readonly observer?: QueryObserver) {}

  /** The adapter factory, each transaction's connection made known to the flow that starts it. */
  watching(factory: PrismaPg): PrismaPg {
    const connect = factory.connect.bind(factory);
    return Object.assign(Object.create(factory) as PrismaPg, {
      connect: async () => {
        const adapter = await connect();
        this.pool = adapter.underlyingDriver();
        return Object.assign(Object.create(adapter) as Adapter, {
          startTransaction: async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) => {
            const transaction = await adapter.startTransaction(isolationLevel);
            const client = (transaction as unknown as { client?: pg.PoolClient }).client;
            const slot = this.starting.getStore();
            if (!client || typeof client.query !== "function" || !slot) return transaction;
            const open: Open = { client, closed: false };
            slot.open = open;
            return ending(transaction, open);
          },
        });
      },
    });
  }

  /** Runs Prisma's start of a transaction: the connection the adapter takes for it is the one `began` joins. */
  start<T>(begin: () => Promise<T>): Promise<T> {
    return this.starting.run({}, begin);
  }

  /** Called as a transaction's work begins, with Prisma's client for it. */
  began(tx: object): void {
    const open = this.starting.getStore()?.open;
    if (!open) return;
    const way = this.way(open.client);
    joinTransaction(tx, () => (open.closed ? null : way));
  }

  /** Plain statements sent through `db` (the app's client) outside a transaction take a connection of the pool. */
  serve(db: object): void {
    let outside: Way | null = null;
    serveOutside(db, () => {
      if (!this.pool) return null;
      outside ??= this.way(this.pool);
      return outside;
    });
  }

  private way(connection: pg.Pool | pg.PoolClient): Way {
    return {
      execute: async (sql) => (await this.run(connection, sql, "$executeRaw")).rowCount ?? 0,
      query: async <T>(sql: Prisma.Sql) => (await this.run(connection, sql, "$queryRaw")).rows as T[],
    };
  }

  private async run(connection: pg.Pool | pg.PoolClient, sql: Prisma.Sql, operation: string) {
    const started = performance.now();
    const result = await connection.query({ text: sql.text, values: sql.values.map(pgValue), types: TYPES });
    if (this.observer) {
      const ms = performance.now() - started;
      this.observer.statement(sql.text, ms);
      this.observer.operation(undefined, `${operation} (on the connection)`, ms);
    }
    return result;
  }
}

/** The transaction, closed for plain statements as Prisma sends its COMMIT or ROLLBACK, or ends it. */
function ending(transaction: Transaction, open: Open): Transaction {
  const close = (query: Query) => {
    if (/^\s*(COMMIT|ROLLBACK)\b/i.test(query.sql)) open.closed = true;
  };
  return Object.assign(Object.create(transaction) as Transaction, {
    executeRaw: (query: Query) => {
      close(query);
      return transaction.executeRaw(query);
    },
    queryRaw: (query: Query) => {
      close(query);
      return transaction.queryRaw(query);
    },
    commit: () => {
      open.closed = true;
      return transaction.commit();
    },
    rollback: () => {
      open.closed = true;
      return transaction.rollback();
    },
  });
}

/** A value as pg sends it and PostgreSQL reads it where Prisma's adapter bound it. */
function pgValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}
