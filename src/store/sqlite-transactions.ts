/**
 * SQLite's interactive transactions, opened on the connection itself. Prisma's `$transaction`
 * cost about 0.3 ms a message beyond its BEGIN and COMMIT (its transaction manager, a client made
 * for each transaction, its COMMIT sent through its request pipeline), on the only connection
 * every message waits for. Here a transaction takes the connection's turn (the one Prisma's
 * queries outside a transaction wait for, sqlite-one-at-a-time.ts), runs BEGIN, and gives its work
 * a client of its own: plain statements run on the connection (plain-statements.ts), and Prisma's
 * calls go to a second Prisma client whose queries run at once, inside this transaction — after
 * checking that the caller's transaction is still the open one, so that a call left over from an
 * ended transaction fails instead of running outside it. Prisma's options keep their meaning:
 * `maxWait` to get the connection, `timeout` after which the transaction is rolled back.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { SqliteLine } from "./plain-statements.js";
import type { OpenTransaction } from "./sqlite-one-at-a-time.js";
import type { OwnTransactions, Tx } from "./transactional.js";

/** Thrown for a transaction that could not start in `maxWait`, or ran past its `timeout`, or is over. */
class TransactionClosedError extends Error {}

export class SqliteTransactions implements OwnTransactions {
  /** The transaction each flow runs in. */
  private readonly within = new AsyncLocalStorage<OpenTransaction>();
  private inner: PrismaClient | null = null;

  constructor(private readonly line: SqliteLine) {}

  /** The client whose queries run on the connection at once (sqlite-one-at-a-time.ts#insideOpenTransaction). */
  use(inner: PrismaClient): void {
    this.inner = inner;
  }

  /** Throws unless the caller runs in the transaction open on the connection now: what the second client checks. */
  readonly check = (): void => {
    const transaction = this.within.getStore();
    if (!transaction || !this.line.holds(transaction))
      throw new TransactionClosedError("this transaction is over: its statement was not run");
  };

  async run<T>(work: (tx: Tx) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T> {
    const inner = this.inner;
    if (!inner) throw new Error("SQLite transactions have no client yet");
    const end = await this.take(options.maxWait);
    const transaction: OpenTransaction = { closed: false };
    let expired = false;
    const finish = (commit: boolean) => {
      if (transaction.closed) return;
      transaction.closed = true;
      if (this.line.open === transaction) this.line.open = null;
      try {
        if (commit) this.line.exec("COMMIT");
      } catch (error) {
        this.rollback();
        throw error;
      } finally {
        if (!commit) this.rollback();
        end();
      }
    };
    try {
      this.line.exec("BEGIN");
    } catch (error) {
      end();
      throw error;
    }
    this.line.open = transaction;
    // A client of this transaction's own: its identity is the transaction's (transactionScope, plain statements).
    const tx = clientOf(inner);
    this.line.began(tx);
    const timer = setTimeout(() => {
      expired = true;
      finish(false);
    }, options.timeout);
    try {
      const result = await this.within.run(transaction, () => work(tx));
      if (expired)
        throw new TransactionClosedError(`the transaction ran past its ${options.timeout} ms and was rolled back`);
      finish(true);
      return result;
    } catch (error) {
      finish(false);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The connection's turn within `maxWait`; a turn that comes later is given back at once. */
  private take(maxWait: number): Promise<() => void> {
    const hold = this.line.hold;
    if (!hold) throw new Error("the SQLite connection is not open");
    const turn = hold();
    return new Promise((resolve, reject) => {
      let waited = false;
      const timer = setTimeout(() => {
        waited = true;
        reject(new TransactionClosedError(`the connection was not free for a transaction within ${maxWait} ms`));
      }, maxWait);
      void turn.then((end) => {
        clearTimeout(timer);
        if (waited) end();
        else resolve(end);
      });
    });
  }

  /** Rolls back what is still open on the connection (SQLite may have rolled it back itself). */
  private rollback(): void {
    if (!this.line.client?.inTransaction) return;
    try {
      this.line.exec("ROLLBACK");
    } catch {
      // Nothing to roll back any more.
    }
  }
}

/** A client for one transaction: the second client, under an identity of its own. */
function clientOf(inner: PrismaClient): Tx {
  return new Proxy(inner, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  }) as unknown as Tx;
}
