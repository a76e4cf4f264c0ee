/**
 * /healthz, /readyz and /metrics on a running app: answered without a session (demo mode off, so
 * the chat API would refuse us), readiness failing when the database goes away or a configured
 * channel is not connected, and the counters moving as messages are handled.
 */
import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { RateLimitedError } from "../../src/channels/outbound.js";
import { parseConfig } from "../../src/config/config.js";
import { sqlitePath } from "../../src/store/migrate.js";
import { PG_ADMIN_URL, type ScratchDatabase, scratchPostgres, scratchSqlite } from "../support/databases.js";

/** Every migration the repository ships (the folders named by their timestamp). */
const MIGRATIONS = readdirSync(join(import.meta.dirname, "../../prisma/migrations")).filter((d) =>
  /^\d{14}_/.test(d),
).length;

let app: App | null = null;
let scratch: ScratchDatabase | null = null;
const servers: http.Server[] = [];
afterEach(async () => {
  await app?.stop().catch(() => undefined);
  app = null;
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
  await scratch?.drop();
  scratch = null;
});

const config = (url: string, extra: Record<string, string> = {}) =>
  parseConfig({
    DATABASE_URL: url,
    PORT: "0",
    LOG_LEVEL: "silent",
    SCHEDULER: "false",
    // Demo mode on loopback: the tests name the sender with `from` (sign-in has its own tests).
    DEMO_MODE: "true",
    BACKUP_KEEP: "0",
    ...extra,
  });

async function get(url: string) {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type"), text };
}

async function say(from: string, text: string, messageId: string = randomUUID()) {
  const response = await fetch(`${app!.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from, text, messageId }),
  });
  expect(response.status).toBe(200);
  return response.json();
}

/** The value of one sample line of Prometheus text, or null when absent. */
function sample(metrics: string, name: string): number | null {
  const line = metrics.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : null;
}

/** An OpenAI-compatible endpoint that fails every call with a 500. */
async function failingModel(): Promise<string> {
  const server = http.createServer((_, res) => {
    res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: "model is down" } }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("/healthz and /readyz", () => {
  it("say alive and ready, without a session, with the detail of each check", async () => {
    scratch = scratchSqlite();
    app = await startApp(config(scratch.url, { DEMO_MODE: "false" }));
    expect((await fetch(`${app.url}/api/people`)).status).toBe(401);
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
    const ready = await get(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toMatchObject({
      status: "ready",
      checks: {
        database: { ok: true },
        migrations: { ok: true, applied: MIGRATIONS },
        channels: { ok: true, web: { ok: true } },
      },
    });
  });

  it("goes 503 when the PostgreSQL database is gone", async () => {
    scratch = await scratchPostgres();
    app = await startApp(config(scratch.url));
    expect((await get(`${app.url}/readyz`)).status).toBe(200);
    const name = new URL(scratch.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
    const ready = await get(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    const body = JSON.parse(ready.text);
    expect(body.status).toBe("not ready");
    expect(body.checks.database.ok).toBe(false);
    expect(body.checks.database.error).toBeTruthy();
    // Still alive: a restart is not what fixes a missing database.
    expect((await get(`${app.url}/healthz`)).status).toBe(200);
  });

  it("goes 503 when the SQLite file is deleted under the running bot", async () => {
    scratch = scratchSqlite();
    app = await startApp(config(scratch.url));
    rmSync(sqlitePath(scratch.url));
    const ready = await get(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).checks.database).toEqual({ ok: false, error: "the database file is gone" });
  });

  it("goes 503 while a configured channel is not connected", async () => {
    scratch = scratchSqlite();
    // Slack configured, but its Web API (auth.test at start-up) is unreachable: the channel fails to start.
    const closed = await freePort();
    app = await startApp(
      config(scratch.url, {
        DEMO_MODE: "false",
        SLACK_BOT_TOKEN: "xoxb-test",
        SLACK_SIGNING_SECRET: "secret",
        SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      }),
    );
    const ready = await get(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).checks.channels).toEqual({
      ok: false,
      web: { ok: true },
      slack: { ok: false, error: "not connected" },
    });
  });
});

describe("/metrics", () => {
  it("exposes message, parse, push, outbox and model counters after a few messages", async () => {
    scratch = scratchSqlite();
    app = await startApp(
      config(scratch.url, {
        LOAD_DEMO_DATA: "true",
        PARSE_MODE: "hybrid",
        LLM_BASE_URL: await failingModel(),
        LLM_MODEL: "stub",
        LLM_TIMEOUT_MS: "2000",
      }),
    );
    await say("M11", "今天去了谢记便利店,软中华断货了,帮老板理了柜台");
    await say("M11", "今天去了胡记 软中华断货了");
    const retry = randomUUID();
    await say("M12", "帮助", retry);
    await say("M12", "帮助", retry);
    // A push through a channel that says "slow down".
    app.channels.register({
      name: "fax",
      send: async () => {
        throw new RateLimitedError(1000);
      },
    });
    await expect(app.channels.get("fax")!.send("someone", [{ kind: "text", text: "hi" }])).rejects.toThrow();
    await app.database.db.outbox.create({
      data: {
        personId: "M11",
        kind: "nudge",
        day: "2026-12-03",
        payload: "[]",
        createdAt: new Date(Date.now() - 60_000),
      },
    });

    const { status, type, text } = await get(`${app.opsUrl}/metrics`);
    expect(status).toBe(200);
    expect(type).toContain("text/plain");
    expect(sample(text, 'fieldmate_messages_total{channel="web",intent="visit_log",outcome="handled"}')).toBe(2);
    expect(sample(text, 'fieldmate_messages_total{channel="web",intent="help",outcome="handled"}')).toBe(1);
    expect(sample(text, 'fieldmate_messages_total{channel="web",intent="none",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'fieldmate_message_handling_seconds_count{channel="web",outcome="handled"}')).toBe(3);
    expect(sample(text, 'fieldmate_parse_readings_total{intent="visit_log"}')).toBe(2);
    // No shop of M11's is called 胡记: that reading asks which shop.
    expect(sample(text, 'fieldmate_parse_asks_total{intent="visit_log"}')).toBe(1);
    expect(sample(text, 'fieldmate_parse_confidence_count{intent="visit_log"}')).toBe(2);
    expect(sample(text, 'fieldmate_push_failures_total{channel="fax",reason="rate_limited"}')).toBe(1);
    expect(sample(text, "fieldmate_outbox_pending")).toBe(1);
    expect(sample(text, "fieldmate_outbox_oldest_pending_age_seconds")).toBeGreaterThanOrEqual(60);
    // The unsure report went to the (failing) model and fell back on the rules.
    expect(sample(text, 'fieldmate_llm_calls_total{outcome="http"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "fieldmate_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("moves to METRICS_PORT when set, leaving /healthz and /readyz on the public port", async () => {
    scratch = scratchSqlite();
    app = await startApp(config(scratch.url, { METRICS_PORT: String(await freePort()), HOST: "127.0.0.1" }));
    expect(app.opsUrl).not.toBe(app.url);
    expect((await get(`${app.opsUrl}/metrics`)).text).toContain("fieldmate_messages_total");
    expect((await get(`${app.opsUrl}/readyz`)).status).toBe(200);
    expect((await get(`${app.url}/metrics`)).status).toBe(404);
    expect((await get(`${app.url}/readyz`)).status).toBe(200);
  });
});
