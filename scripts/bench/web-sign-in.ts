/**
 * What sign-in costs per request, and what serving a file from the database costs: the real app
 * (DEMO_MODE=false) on SQLite and PostgreSQL, measured over HTTP on this machine.
 *   - GET /api/session with a session cookie (signature check + one session row + one person row)
 *     against GET /healthz (the same server, no look-up);
 *   - POST /api/messages "帮助" signed in, against the same in demo mode with `from`;
 *   - FileStore.put and GET of a chart-sized (20 KB) and an export-sized (2 MB) file.
 * Prints p50/p95 in milliseconds.
 *
 *   npx tsx scripts/bench/web-sign-in.ts [--runs 200] [--providers sqlite,postgres]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { importRoster } from "../../src/roster/import-roster.js";
import { openDatabase } from "../../src/store/database.js";
import { FileStore } from "../../src/store/file-store.js";
import { serverSecret } from "../../src/store/server-secret-store.js";
import { SignInLinkStore } from "../../src/store/sign-in-link-store.js";
import { SignInLinks } from "../../src/web-login/sign-in-links.js";

const { values } = parseArgs({
  options: { runs: { type: "string" }, providers: { type: "string" } },
});
const RUNS = Number(values.runs ?? 200);
const PROVIDERS = (values.providers ?? "sqlite,postgres").split(",");
const ROSTER = join(import.meta.dirname, "../../test/fixtures/roster");
const PG_URL = process.env.PG_TEST_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function percentiles(ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return `p50 ${at(50).toFixed(2)} ms, p95 ${at(95).toFixed(2)} ms`;
}

async function timed(runs: number, call: () => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 5; i++) await call(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call();
    ms.push(performance.now() - started);
  }
  return percentiles(ms);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function scratch(provider: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "fieldmate-bench-"));
    return { url: `file:${join(dir, "bench.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `fieldmate_bench_${randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function bench(provider: string): Promise<void> {
  const db = await scratch(provider);
  const database = await openDatabase(db.url);
  await importRoster(database.db, ROSTER);
  await database.close();
  const common = { DATABASE_URL: db.url, PORT: "0", LOG_LEVEL: "silent", SCHEDULER: "false", LOAD_DEMO_DATA: "false" };
  const apps: App[] = [];
  try {
    const signedIn = await startApp(parseConfig({ ...common, DEMO_MODE: "false" }));
    apps.push(signedIn);
    const demo = await startApp(parseConfig(common));
    apps.push(demo);
    // The per-person limit (120 a minute) would stop a benchmark: one person per 100 requests.
    const people = ["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "S01", "S02"];
    const links = new SignInLinks(new SignInLinkStore(signedIn.database.db), () => signedIn.url);
    const cookies: string[] = [];
    for (const id of people) {
      const res = await fetch((await links.create(id)).url, { redirect: "manual" });
      cookies.push(res.headers.get("set-cookie")!.split(";")[0]!);
    }
    let n = 0;
    const cookie = () => cookies[Math.floor(n++ / 100) % cookies.length]!;
    const lines = [
      `healthz (no look-up)             ${await timed(RUNS, () => fetch(`${signedIn.url}/healthz`).then((r) => r.text()))}`,
      `GET /api/session (signed in)     ${await timed(RUNS, () => fetch(`${signedIn.url}/api/session`, { headers: { Cookie: cookie() } }).then((r) => r.json()))}`,
    ];
    const post = (app: App, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/messages`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    let m = 0;
    lines.push(
      `POST 帮助 signed in               ${await timed(RUNS, () => post(signedIn, { text: "帮助" }, { Cookie: cookie() }))}`,
      `POST 帮助 demo mode (from)        ${await timed(RUNS, () => post(demo, { from: people[Math.floor(m++ / 100) % people.length], text: "帮助" }))}`,
    );
    // The app's own signing key, as its answers use it.
    const files = new FileStore(signedIn.database.db, { secret: await serverSecret(signedIn.database.db, "files") });
    for (const [label, size] of [
      ["20 KB chart ", 20 * 1024],
      ["2 MB export ", 2 * 1024 * 1024],
    ] as const) {
      const body = randomBytes(size);
      // Put and fetch alternate, so the client's keep-alive socket never idles out between them.
      const puts: number[] = [];
      const gets: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 50); i++) {
        let started = performance.now();
        const link = await files.put("x.bin", "application/octet-stream", body);
        puts.push(performance.now() - started);
        started = performance.now();
        await fetch(`${signedIn.url}${link}`).then((r) => r.arrayBuffer());
        gets.push(performance.now() - started);
      }
      lines.push(
        `FileStore.put ${label}        ${percentiles(puts)}`,
        `GET signed file ${label}      ${percentiles(gets)}`,
      );
    }
    console.log(`\n${provider} (${RUNS} runs)\n${lines.map((l) => `  ${l}`).join("\n")}`);
  } finally {
    for (const app of apps) await app.stop();
    await db.drop();
  }
}

for (const provider of PROVIDERS) await bench(provider);
