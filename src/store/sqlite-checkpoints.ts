/**
 * SQLite's WAL checkpoints in a worker thread. A commit appends its pages to the log; every 1,000
 * pages the committing connection copied the log back into the database file and synced both, on
 * the event loop: a report writes about 20 pages, so every 50th message paid 5–20 ms for everyone
 * else's (half the time SQLite spent on commits, and most of their slowest). The worker opens its
 * own connection to the file and runs a PASSIVE checkpoint every `everyMs` — it never waits for the
 * writer nor makes it wait — and the server's connection keeps its own checkpoint only as a
 * backstop, for when the worker falls far behind. Not more often than SQLite's own came: after a
 * complete checkpoint the next commit starts the log over and syncs its header, on the event loop.
 * Durability is unchanged: a commit is in the log either way, and the log is synced before each
 * checkpoint, as before.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the worker copies the log into the database file (a report a second writes ~20 pages). */
const EVERY_MS = 1000;
/** The server connection's own checkpoint while the worker runs: only this far behind (pages, ~40 MB). */
export const BACKSTOP_PAGES = 10_000;
/** SQLite's default, back in force when the worker fails. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;

/** Plain CommonJS, so that it runs the same from src/ under tsx, from dist/ and under vitest. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const reason = (error) => String((error && error.message) || error);
const open = () => {
  try {
    const Database = require(workerData.driver);
    const db = new Database(workerData.path, { fileMustExist: true, timeout: 0 });
    db.pragma("synchronous = NORMAL");
    return db;
  } catch (error) {
    parentPort.postMessage({ failed: reason(error) });
    parentPort.close();
    return null;
  }
};
const db = open();
const stop = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};
const checkpoint = () => {
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ log: Number(result.log), checkpointed: Number(result.checkpointed) });
  } catch (error) {
    // Another checkpoint (a backup, the backstop) holds the log: the next turn tries again.
    if (error && error.code === "SQLITE_BUSY") return;
    parentPort.postMessage({ failed: reason(error) });
    stop();
  }
};
const timer = db ? setInterval(checkpoint, workerData.everyMs) : null;
if (db) parentPort.on("message", stop);
`;

/** What one checkpoint did: frames in the log, and how many of them are now in the database file. */
export interface CheckpointResult {
  log: number;
  checkpointed: number;
}

export interface Checkpointer {
  stop(): Promise<void>;
}

export interface CheckpointerOptions {
  everyMs?: number;
  /** The worker stopped for good (its error): the caller puts the connection's own checkpoints back. */
  failed(reason: string): void;
  /** Tests: each checkpoint's result. */
  checkpointed?(result: CheckpointResult): void;
}

/** Starts checkpointing the SQLite file at `path` in a worker thread; it never keeps the process alive. */
export function startCheckpointer(path: string, options: CheckpointerOptions): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { driver, path, everyMs: options.everyMs ?? EVERY_MS },
  });
  worker.unref();
  let stopping = false;
  let failed = false;
  const fail = (reason: string) => {
    if (stopping || failed) return;
    failed = true;
    options.failed(reason);
  };
  worker.on("message", (message: CheckpointResult | { failed: string }) => {
    if ("failed" in message) fail(message.failed);
    else options.checkpointed?.(message);
  });
  // An error thrown in the worker arrives cloned, not always as an Error.
  worker.on("error", (error: unknown) => fail(String((error as { message?: unknown } | null)?.message ?? error)));
  worker.on("exit", (code) => fail(`the checkpoint worker exited (${code})`));
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  return {
    async stop() {
      stopping = true;
      // Held until it has closed its connection: unreferenced, the process could end in this wait.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}

/**
 * Checkpoints the file at `path` in a worker, the connection (whose statements `pragma` runs) keeping
 * its own only as a backstop; when the worker stops on its own, `failed` hears why and the
 * connection checkpoints as SQLite does by default again.
 */
export async function checkpointInWorker(
  path: string,
  pragma: (sql: string) => Promise<unknown>,
  failed: (reason: string) => void,
  everyMs?: number,
): Promise<Checkpointer> {
  await pragma(`PRAGMA wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  return startCheckpointer(path, {
    everyMs,
    failed: (reason) => {
      void pragma(`PRAGMA wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`)
        .catch(() => undefined)
        .then(() => failed(reason));
    },
  });
}
