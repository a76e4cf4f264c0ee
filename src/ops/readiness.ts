/**
 * `/readyz`: whether this instance can do its work — the database answers (and, for SQLite, its file
 * is still where it was opened), every committed migration is applied, every configured channel is
 * connected, and the process is not shutting down. Each check reports on its own, with a time limit,
 * so a hung database makes the probe fail rather than hang.
 */
import { existsSync } from "node:fs";
import type { Db } from "../store/database.js";
import { listMigrations, type Provider } from "../store/migrate.js";
import { appliedMigrations, ping } from "./ops-queries.js";

interface Check {
  ok: boolean;
  error?: string;
  [detail: string]: unknown;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, Check>;
}

export interface ReadinessDeps {
  db: Db;
  databaseUrl: string;
  provider: Provider;
  /** Channels the configuration turns on, and those running now. */
  channels: { configured(): string[]; started(): string[] };
  /** True once shutdown began: a load balancer should stop sending here. */
  stopping(): boolean;
}

/** The longest one check may take before it counts as failed. */
const CHECK_TIMEOUT_MS = 3000;

export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const [database, migrations] = await Promise.all([
    timed(() => databaseCheck(deps)),
    timed(() => migrationsCheck(deps)),
  ]);
  const started = new Set(deps.channels.started());
  const channels = Object.fromEntries(
    deps.channels
      .configured()
      .map((name) => [name, started.has(name) ? { ok: true } : { ok: false, error: "not connected" }]),
  );
  const checks: Record<string, Check> = {
    database,
    migrations,
    channels: { ok: Object.values(channels).every((c) => c.ok), ...channels },
  };
  if (deps.stopping()) checks.lifecycle = { ok: false, error: "shutting down" };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

async function databaseCheck(deps: ReadinessDeps): Promise<Check> {
  // A SQLite file deleted or moved under a running bot keeps answering from the open handle, and
  // everything written from then on is lost with it: not ready.
  // The path as written (sqlitePath would create a missing folder: a probe must not).
  if (deps.provider === "sqlite" && !existsSync(deps.databaseUrl.replace(/^file:/, ""))) {
    return { ok: false, error: "the database file is gone" };
  }
  const started = performance.now();
  await ping(deps.db);
  return { ok: true, ms: Math.round(performance.now() - started) };
}

async function migrationsCheck(deps: ReadinessDeps): Promise<Check> {
  const applied = new Set(await appliedMigrations(deps.db));
  const pending = listMigrations(deps.provider)
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
  return pending.length ? { ok: false, error: "migrations not applied", pending } : { ok: true, applied: applied.size };
}

async function timed(check: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Check>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, error: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({
        ok: false,
        error: error instanceof Error ? gist(error.message) : String(error),
      })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Prisma's messages run to many lines, the cause last; the probe shows that line. */
function gist(message: string): string {
  return message.trim().split("\n").at(-1)?.trim().slice(0, 300) ?? message;
}
