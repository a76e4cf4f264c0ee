/**
 * One transaction per message without threading a client through every store: the client the app
 * holds is a proxy that, inside `db.$transaction(fn)`, sends every query of `fn`'s async flow to that
 * transaction (AsyncLocalStorage follows the flow across awaits). So a message's records, its
 * dialogue state and the mark that it was handled commit together or not at all, and a
 * `$transaction` nested in a store (record-store's) joins the outer one instead of opening another.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "../generated/prisma/client.js";

export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Transactions a driver opens itself instead of Prisma (sqlite-transactions.ts). */
export interface OwnTransactions {
  /** Opens one and runs `work` with its client: committed when `work` resolves, rolled back when it throws. */
  run<T>(work: (tx: Tx) => Promise<T>, options: { maxWait: number; timeout: number }): Promise<T>;
}

/** Long enough for a slow model call inside a message; a hung one still ends. */
const TRANSACTION_OPTIONS = { maxWait: 60_000, timeout: 120_000 };

const SCOPE = Symbol("the transaction of the current flow");

/**
 * The transaction the caller's async flow is in, or null outside one. Work shared between callers
 * (a cached look-up in flight) must not cross it: on SQLite a query outside the transaction waits
 * until the transaction ends, so a transaction waiting for an outside query waits for itself.
 */
export function transactionScope(db: object): unknown {
  return (db as { [SCOPE]?: unknown })[SCOPE] ?? null;
}

/**
 * `began(tx)` is told of each transaction Prisma opens, with its client for it, before its work
 * runs; `starting` runs each opening (so that a driver's line can tell which connection it took).
 * With `own`, the interactive form's transactions are the driver's own instead of Prisma's.
 */
export function transactional(
  base: PrismaClient,
  began: (tx: Tx) => void = () => {},
  starting: <T>(open: () => Promise<T>) => Promise<T> = (open) => open(),
  own?: OwnTransactions,
): PrismaClient {
  const current = new AsyncLocalStorage<Tx>();
  const transaction = (arg: unknown, options?: object): Promise<unknown> => {
    const tx = current.getStore();
    if (typeof arg === "function") {
      const fn = arg as (tx: Tx) => Promise<unknown>;
      if (tx) return fn(tx);
      if (own) return own.run((t) => current.run(t, () => fn(t)), { ...TRANSACTION_OPTIONS, ...options });
      return starting(() =>
        base.$transaction(
          (t) => {
            began(t);
            return current.run(t, () => fn(t));
          },
          { ...TRANSACTION_OPTIONS, ...options },
        ),
      );
    }
    // The batch form: its queries were built on this proxy, so inside a transaction they already belong to it.
    if (tx) return Promise.all(arg as Promise<unknown>[]);
    return base.$transaction(arg as Parameters<PrismaClient["$transaction"]>[0], options);
  };
  return new Proxy(base, {
    get(target, prop, receiver) {
      if (prop === "$transaction") return transaction;
      const tx = current.getStore();
      if (prop === SCOPE) return tx;
      const source = (tx && prop in tx ? tx : target) as Record<PropertyKey, unknown>;
      const value = Reflect.get(source, prop, tx && source === tx ? source : receiver);
      return typeof value === "function" ? value.bind(source) : value;
    },
  });
}
