/**
 * SQLite through Prisma's better-sqlite3 adapter has one connection per process, and the adapter
 * serialises only transactions: a query sent outside a transaction runs on the same connection while
 * another message's transaction is open, and so becomes part of it. When that transaction rolls back,
 * the outside write goes with it — an inbound message already acknowledged, say — and outside reads
 * see rows that were never committed. This wrapper makes every query outside a transaction wait until
 * the open transaction, if any, has finished (queries inside it run at once, they hold the turn).
 */
import { setImmediate as nextTurnOfTheLoop } from "node:timers/promises";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/** A first-come turn: `take()` resolves when it is the caller's turn, with the function that ends it. */
class Turn {
  private last: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let end!: () => void;
    const mine = new Promise<void>((resolve) => {
      end = resolve;
    });
    const before = this.last;
    this.last = before.then(() => mine);
    return before.then(() => end);
  }

  async with<T>(work: () => Promise<T>): Promise<T> {
    const end = await this.take();
    try {
      return await work();
    } finally {
      end();
    }
  }
}

/**
 * better-sqlite3 answers synchronously, so a message's whole handling — every query of it — would
 * otherwise run as one unbroken stretch of promise callbacks, holding every other request (a health
 * probe, another sender) until it ends. So a query waits one turn of the event loop before answering
 * once the loop has not turned for `YIELD_AFTER_MS`, letting them in between, as a networked
 * database's replies would. Waiting after every query instead cost a turn of the loop per query
 * (ten or more a message) for stretches far shorter than anyone waiting would notice.
 */
export const YIELD_AFTER_MS = 5;

/** When the event loop last turned, as far as the queries know (reset by an immediate armed after a query). */
let turnedAt = performance.now();
let watching = false;

function watchForATurn(): void {
  if (watching) return;
  watching = true;
  setImmediate(() => {
    watching = false;
    turnedAt = performance.now();
  });
}

async function yielding<T>(work: Promise<T>): Promise<T> {
  const result = await work;
  await afterQuery();
  return result;
}

/** What every query on the connection does once answered: a turn of the loop when it is due. */
export async function afterQuery(): Promise<void> {
  watchForATurn();
  if (performance.now() - turnedAt >= YIELD_AFTER_MS) await nextTurnOfTheLoop();
}

/** The connection's transaction while one is open: `closed` turns true as its commit or rollback begins. */
export interface OpenTransaction {
  closed: boolean;
}

/** Where the wrapped connection says which transaction, if any, is open on it now. */
export interface TransactionWatch {
  open: OpenTransaction | null;
  /**
   * Set once connected: runs `work` in the connection's turn, when no transaction is open on it,
   * as a query outside a transaction runs (plain-statements.ts).
   */
  outside?: <T>(work: () => T) => Promise<T>;
  /** Set once connected: the connection's turn, held until the returned function is called (sqlite-transactions.ts). */
  hold?: () => Promise<() => void>;
  /** Set once connected: the adapter on the connection itself, for the client of those transactions. */
  adapter?: Adapter;
}

export function oneAtATime(
  factory: PrismaBetterSQLite3,
  watch: TransactionWatch = { open: null },
): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  return Object.assign(Object.create(factory) as PrismaBetterSQLite3, {
    connect: async () => serialised(await connect(), watch),
  });
}

function serialised(adapter: Adapter, watch: TransactionWatch): Adapter {
  const turn = new Turn();
  watch.outside = (work) => turn.with(async () => work());
  watch.hold = () => turn.take();
  watch.adapter = adapter;
  return Object.assign(Object.create(adapter) as Adapter, {
    queryRaw: (query: Parameters<Adapter["queryRaw"]>[0]) => turn.with(() => yielding(adapter.queryRaw(query))),
    executeRaw: (query: Parameters<Adapter["executeRaw"]>[0]) => turn.with(() => yielding(adapter.executeRaw(query))),
    executeScript: (script: string) => turn.with(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) => {
      const end = await turn.take();
      try {
        const transaction = await adapter.startTransaction(isolationLevel);
        const open: OpenTransaction = { closed: false };
        watch.open = open;
        return endingTurn(
          transaction,
          () => {
            open.closed = true;
            if (watch.open === open) watch.open = null;
          },
          end,
        );
      } catch (error) {
        end();
        throw error;
      }
    },
  });
}

/** The transaction, closed as its commit or rollback begins and giving the turn back once it ended. */
function endingTurn(transaction: Transaction, closing: () => void, end: () => void): Transaction {
  return Object.assign(Object.create(transaction) as Transaction, {
    queryRaw: (query: Parameters<Transaction["queryRaw"]>[0]) => yielding(transaction.queryRaw(query)),
    executeRaw: (query: Parameters<Transaction["executeRaw"]>[0]) => yielding(transaction.executeRaw(query)),
    commit: () => {
      closing();
      return transaction.commit().finally(end);
    },
    rollback: () => {
      closing();
      return transaction.rollback().finally(end);
    },
  });
}

/**
 * The adapter of the client that transactions opened on the connection itself use
 * (sqlite-transactions.ts): its queries run at once, inside the transaction open now, once
 * `check` (which throws otherwise) says the caller's transaction is that one. A transaction Prisma
 * starts for one of its calls (a batch, a write in several statements) joins the open one, as it
 * would inside Prisma's own transaction.
 */
export function insideOpenTransaction(adapter: Adapter, check: () => void): Adapter {
  const queryRaw = (query: Parameters<Adapter["queryRaw"]>[0]) => {
    check();
    return yielding(adapter.queryRaw(query));
  };
  const executeRaw = (query: Parameters<Adapter["executeRaw"]>[0]) => {
    check();
    return yielding(adapter.executeRaw(query));
  };
  // Phantom: Prisma sends no COMMIT or ROLLBACK of its own for it; the open transaction ends as its owner says.
  const joined = Object.assign(Object.create(adapter) as Transaction, {
    options: { usePhantomQuery: true },
    queryRaw,
    executeRaw,
    commit: async () => {},
    rollback: async () => {},
  });
  return Object.assign(Object.create(adapter) as Adapter, {
    queryRaw,
    executeRaw,
    executeScript: (script: string) => {
      check();
      return adapter.executeScript(script);
    },
    startTransaction: async () => {
      check();
      return joined;
    },
    // The connection is the app client's: it closes it.
    dispose: async () => {},
  });
}
