import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../src/app.js";
import { parseConfig } from "../src/config/config.js";
import { addDays, localDay } from "../src/domain/calendar.js";
import { importRoster } from "../src/roster/import-roster.js";
import { openDatabase } from "../src/store/database.js";
import { type ScratchDatabase, scratchSqlite } from "./support/databases.js";
import { TEST_ROSTER } from "./support/fixtures.js";

let app: App | null = null;
let scratch: ScratchDatabase | null = null;
afterEach(async () => {
  await app?.stop();
  app = null;
  await scratch?.drop();
});

const config = (url: string) => parseConfig({ DATABASE_URL: url, PORT: "0", LOG_LEVEL: "silent", SCHEDULER: "false" });

async function post(url: string, body: unknown) {
  const response = await fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { replies?: unknown[]; error?: string } };
}

describe("npm start on embedded defaults", () => {
  it("loads the demo organisation into an empty database once, and chats over HTTP", async () => {
    scratch = scratchSqlite();
    app = await startApp(config(scratch.url));
    const { db } = app.database;
    expect(await db.person.count()).toBe(8);
    expect(await db.retailer.count()).toBe(60);
    const visits = await db.visit.count();
    expect(visits).toBeGreaterThan(50);
    const reply = await post(app.url, { from: "M11", text: "帮助" });
    expect(reply.status).toBe(200);
    expect(JSON.stringify(reply.body.replies)).toContain("拜访");
    expect((await post(app.url, { from: "NOBODY", text: "hi" })).status).toBe(404);
    await app.stop();
    app = await startApp(config(scratch.url));
    expect(await app.database.db.person.count()).toBe(8);
    expect(await app.database.db.visit.count()).toBe(visits);
  });

  it("lists today's delivered pushes for the web page, not yesterday's or undelivered ones", async () => {
    scratch = scratchSqlite();
    app = await startApp(config(scratch.url));
    const today = localDay(new Date(), "Asia/Shanghai");
    const row = (kind: string, day: string, status: string, text: string) => ({
      personId: "M11",
      kind,
      day,
      status,
      payload: JSON.stringify([{ kind: "text", text }]),
    });
    await app.database.db.outbox.createMany({
      data: [
        row("morning_plan", today, "sent", "早上好，今天计划拜访 6 家"),
        row("nudge", today, "pending", "还没报"),
        row("morning_plan", addDays(today, -1), "sent", "昨天的计划"),
      ],
    });
    const response = await fetch(`${app.url}/api/pushes?person=M11`);
    expect(await response.json()).toEqual({
      pushes: [{ replies: [{ kind: "text", text: "早上好，今天计划拜访 6 家" }] }],
    });
  });

  it("never loads the demo into a database that already has people", async () => {
    scratch = scratchSqlite();
    const database = await openDatabase(scratch.url);
    await importRoster(database.db, TEST_ROSTER);
    await database.close();
    app = await startApp(config(scratch.url));
    expect(await app.database.db.person.count()).toBe(12);
    expect(await app.database.db.person.findUnique({ where: { id: "M11" } })).toBeNull();
  });
});
