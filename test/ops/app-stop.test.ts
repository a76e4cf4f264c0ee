/**
 * App.stop() with the outbox busy: the push being sent finishes, the rows the deliverer had claimed
 * but not sent go back to pending for the next start (or another instance), none is left locked.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type App, startApp } from "../../src/app.js";
import { parseConfig } from "../../src/config/config.js";
import { localDay } from "../../src/domain/calendar.js";
import { openDatabase } from "../../src/store/database.js";
import { rosterChanged } from "../../src/store/roster-store.js";
import { type ScratchDatabase, scratchSqlite } from "../support/databases.js";

let app: App | null = null;
let scratch: ScratchDatabase | null = null;
afterEach(async () => {
  await app?.stop();
  await scratch?.drop();
});

/** Starts the app, lets the deliverer claim three pushes and hang on the first send, stops the app, returns the rows. */
async function stopWhileSending() {
  scratch = scratchSqlite();
  app = await startApp(
    parseConfig({ DATABASE_URL: scratch.url, PORT: "0", LOG_LEVEL: "silent", BACKUP_KEEP: "0", SCHEDULER: "true" }),
  );
  const { db } = app.database;
  // A channel whose first send hangs until we let it go.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let sending: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    sending = resolve;
  });
  const sent: string[] = [];
  app.channels.register({
    name: "fax",
    async send(to) {
      sending();
      await held;
      sent.push(to);
    },
  });
  const people = ["M11", "M12", "M13"];
  for (const personId of people) await db.identity.create({ data: { personId, channel: "fax", externalId: personId } });
  // Written behind the app's back: tell its roster, as linking through the app does (the roster is loaded at start).
  rosterChanged(db);
  const today = localDay(new Date(), "Asia/Shanghai");
  await db.outbox.createMany({
    data: people.map((personId) => ({
      personId,
      kind: "reminder:ops-test",
      day: today,
      payload: JSON.stringify([{ kind: "text", text: "本周重点：明码标价" }]),
    })),
  });
  // The deliverer polls every few seconds; it claims the first row just before sending it, and hangs there.
  await started;
  expect(await db.outbox.count({ where: { kind: "reminder:ops-test", status: "sending" } })).toBe(1);
  const stopping = app.stop();
  release();
  await stopping;
  app = null;
  const database = await openDatabase(scratch.url);
  try {
    const rows = await database.db.outbox.findMany({
      where: { kind: "reminder:ops-test" },
      orderBy: { id: "asc" },
      select: { personId: true, status: true, lockedUntil: true },
    });
    return { sent, rows };
  } finally {
    await database.close();
  }
}

describe("stopping the app", () => {
  it("finishes the push in flight and sends nothing more; the rows after it stay pending", async () => {
    const { sent, rows } = await stopWhileSending();
    expect(sent).toEqual(["M11"]);
    expect(rows[0]).toEqual({ personId: "M11", status: "sent", lockedUntil: null });
    expect(rows[1]?.status).not.toBe("sent");
    expect(rows[2]).toEqual({ personId: "M13", status: "pending", lockedUntil: null });
  }, 30_000);

  // Rows are claimed one by one, right before their send, and a stop is noticed before each claim.
  it("also hands back the claimed row the deliverer stopped at", async () => {
    const { rows } = await stopWhileSending();
    expect(rows[1]).toEqual({ personId: "M12", status: "pending", lockedUntil: null });
  }, 30_000);
});
