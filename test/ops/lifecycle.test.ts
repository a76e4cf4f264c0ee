/**
 * The real process (`node --import tsx src/main.ts`, what `npm start` runs) stopped by signals the
 * way systemd and Ctrl-C stop it: every message it acknowledged is stored and handled, a message
 * in flight is answered before it exits 0, and a second signal exits at once.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { demoShops } from "../../scripts/chaos/harness.js";
import { openDatabase } from "../../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";
import { REPO_ROOT } from "../support/fixtures.js";

let scratch: ScratchDatabase | null = null;
let child: ChildProcess | null = null;
let stub: http.Server | null = null;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  stub?.closeAllConnections();
  stub?.close();
  await scratch?.drop();
});

interface Running {
  url: string;
  exited: Promise<number | null>;
  /** Log lines so far (JSON, since stdout is not a terminal). */
  lines: Record<string, unknown>[];
}

/** Starts the bot on a scratch SQLite database and waits for its "ready" line. */
async function startBot(env: Record<string, string> = {}): Promise<Running> {
  scratch = scratchSqlite();
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: scratch.url, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr!.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = "";
    child!.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString("utf8");
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const part of parts) {
        try {
          const line = JSON.parse(part) as Record<string, unknown>;
          lines.push(line);
          if (line.msg === "Fieldmate is ready") resolve(line.url as string);
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { url, exited, lines };
}

async function post(url: string, from: string, text: string) {
  const messageId = randomUUID();
  try {
    const response = await fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from, text, messageId }),
    });
    return { messageId, status: response.status, body: (await response.json()) as { replies: unknown[] } };
  } catch {
    // Refused or cut: never acknowledged, so the sender knows to try again.
    return { messageId, status: 0, body: null };
  }
}

describe("stopping the bot with a signal", () => {
  it("loses no acknowledged message when SIGTERM lands in a burst of web messages, and exits 0", async () => {
    const bot = await startBot();
    const shops = demoShops();
    const managers = ["M11", "M12", "M13"];
    const answered: Awaited<ReturnType<typeof post>>[] = [];
    const sent: string[] = [];
    let signalled = false;
    // Four senders per manager: the core queues one person's messages, so several wait in flight.
    const streams = managers.flatMap((manager) =>
      [0, 1, 2, 3].map(async (stream) => {
        const mine = (shops.get(manager) ?? []).filter((_, i) => i % 4 === stream);
        for (const shop of mine) {
          const result = await post(bot.url, manager, `今天去了${shop},软中华断货了,帮老板理了柜台`);
          sent.push(result.messageId);
          if (result.status !== 0) answered.push(result);
          if (answered.length >= 12 && !signalled) {
            signalled = true;
            child!.kill("SIGTERM");
          }
        }
      }),
    );
    await Promise.all(streams);
    expect(signalled).toBe(true);
    expect(await bot.exited).toBe(0);
    expect(answered.every((r) => r.status === 200)).toBe(true);
    expect(answered.length).toBeLessThan(sent.length); // the signal came mid-burst

    const database = await openDatabase(scratch!.url);
    try {
      const rows = await database.db.inboundMessage.findMany({
        where: { channel: "web", externalMessageId: { in: answered.map((r) => r.messageId) } },
        select: { id: true, externalMessageId: true, status: true },
      });
      expect(rows).toHaveLength(answered.length);
      expect(rows.every((r) => r.status === "handled")).toBe(true);
      // A receipt promised a stored visit: each one is there.
      const receipts = answered.filter((r) => JSON.stringify(r.body).includes("已记录"));
      expect(receipts.length).toBeGreaterThan(0);
      const byMessage = new Map(rows.map((r) => [r.externalMessageId, r.id]));
      const visits = await database.db.visit.findMany({
        where: { messageId: { in: receipts.map((r) => byMessage.get(r.messageId)!) } },
        select: { messageId: true },
      });
      expect(new Set(visits.map((v) => v.messageId)).size).toBe(receipts.length);
      // Nothing that reached the core was left half-done.
      expect(await database.db.inboundMessage.count({ where: { status: "received" } })).toBe(0);
    } finally {
      await database.close();
    }
    expect(bot.lines.some((l) => l.msg === "Fieldmate stopped")).toBe(true);
  }, 90_000);

  /** An OpenAI-compatible endpoint that takes requests and never answers: the bot falls back on its own time limit. */
  async function silentModel(): Promise<{ url: string; asked: Promise<void> }> {
    let asked: () => void = () => {};
    const wasAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    stub = http.createServer(() => asked());
    await new Promise<void>((resolve) => stub!.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(stub.address() as AddressInfo).port}/v1`, asked: wasAsked };
  }

  const slowModel = (url: string) => ({
    LLM_BASE_URL: url,
    LLM_MODEL: "stub",
    PARSE_MODE: "llm",
    LLM_TIMEOUT_MS: "3000",
  });

  it("answers a message still in flight when SIGTERM arrives, then exits 0", async () => {
    const model = await silentModel();
    const bot = await startBot(slowModel(model.url));
    const reply = post(bot.url, "M11", "今天去了谢记便利店,软中华断货了");
    await model.asked;
    child!.kill("SIGTERM");
    const result = await reply;
    expect(result.status).toBe(200);
    expect(JSON.stringify(result.body)).toContain("谢记便利店");
    expect(await bot.exited).toBe(0);
  }, 60_000);

  it("exits at once on a second signal, without waiting for the message in flight", async () => {
    const model = await silentModel();
    const bot = await startBot(slowModel(model.url));
    const reply = post(bot.url, "M11", "今天去了谢记便利店,软中华断货了");
    await model.asked;
    child!.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 200));
    child!.kill("SIGTERM");
    expect(await bot.exited).toBe(143);
    expect((await reply).status).toBe(0);
  }, 60_000);
});
