/**
 * What the fault scripts share: scratch databases (a SQLite file, a fresh PostgreSQL database) loaded
 * with the demo roster, the real server process (`node --import tsx src/main.ts`) started with env
 * config and killed with SIGKILL, and small HTTP helpers. The fake Slack Web API and the signed
 * event requests are the tests' own (test/channels/slack).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { importRoster } from "../../src/roster/import-roster.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchPostgres, scratchSqlite } from "../../test/support/databases.js";
import { REPO_ROOT } from "../../test/support/fixtures.js";

const DEMO = join(REPO_ROOT, "prisma/demo");

export type ProviderName = "sqlite" | "postgresql";

export interface Scratch extends ScratchDatabase {
  provider: ProviderName;
}

/** A fresh database holding the demo roster; `slackUsers` links Slack ids to people (U-<person id>). */
export async function demoDatabase(provider: ProviderName, slack = false): Promise<Scratch> {
  const scratch = provider === "sqlite" ? scratchSqlite() : await scratchPostgres();
  const database = await openDatabase(scratch.url);
  try {
    await importRoster(database.db, DEMO);
    if (slack) {
      for (const manager of demoShops().keys()) {
        await database.db.identity.create({
          data: { personId: manager, channel: "slack", externalId: slackUser(manager) },
        });
      }
    }
  } finally {
    await database.close();
  }
  return { ...scratch, provider };
}

export const slackUser = (personId: string) => `U${personId}`;

/** Opens the scratch database for counting (its own connection, beside the server's). */
export async function inspect<T>(scratch: Scratch, look: (db: Database["db"]) => Promise<T>): Promise<T> {
  const database = await openDatabase(scratch.url, { migrate: false });
  try {
    return await look(database.db);
  } finally {
    await database.close();
  }
}

/** Each demo manager's own shops: reports the bot stores without asking. */
export function demoShops(): Map<string, string[]> {
  const rows = parse(readFileSync(join(DEMO, "retailers.csv")), { columns: true }) as {
    name: string;
    manager_id: string;
  }[];
  const shops = new Map<string, string[]>();
  for (const row of rows) shops.set(row.manager_id, [...(shops.get(row.manager_id) ?? []), row.name]);
  return shops;
}

export interface Server {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** kill -9: no shutdown code runs. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
}

const BASE_ENV = {
  PORT: "0",
  HOST: "127.0.0.1",
  LOG_LEVEL: "warn",
  BACKUP_KEEP: "0",
  SCHEDULER: "false",
  INBOX_LEASE_SECONDS: "2",
  INBOX_SWEEP_SECONDS: "1",
};

/** Starts the server on `scratch` and resolves once it listens. */
export async function startServer(scratch: Scratch, env: Record<string, string> = {}): Promise<Server> {
  // CHAOS_SERVER_NODE_ARGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see a stall.
  const nodeArgs = process.env.CHAOS_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...BASE_ENV, DATABASE_URL: scratch.url, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const url = await new Promise<string>((ready, fail) => {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const part of parts) {
        if (!part.includes("Fieldmate is ready")) continue;
        try {
          ready((JSON.parse(part) as { url: string }).url);
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => fail(new Error(`the server exited (${code}) before it was ready:\n${stderr}`)));
  });
  return {
    url,
    child,
    exited,
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export async function postJson(
  url: string,
  body: unknown,
  timeoutMs = 30_000,
): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, ms: performance.now() - started };
  } catch {
    // Refused, cut or timed out: never acknowledged.
    return { status: 0, body: null, ms: performance.now() - started };
  }
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits until `check` is true, or gives up after `ms`; returns whether it became true. */
export async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(250);
  }
  return check();
}

/** One line per figure, and whether the guarantee held. */
export class Verdict {
  private readonly broken: string[] = [];

  constructor(private readonly title: string) {
    console.log(`\n== ${title}`);
  }

  figure(label: string, value: number | string, ok = true): void {
    console.log(`${ok ? "  ok " : "  !! "} ${label.padEnd(58)} ${value}`);
    if (!ok) this.broken.push(`${this.title}: ${label} = ${value}`);
  }

  failures(): string[] {
    return this.broken;
  }
}
