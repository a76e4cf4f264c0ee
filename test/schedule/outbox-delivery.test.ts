import { describe, expect, it } from "vitest";
import { RateLimitedError } from "../../src/channels/outbound.js";
import { createDeliverer } from "../../src/schedule/deliverer.js";
import type { Db } from "../../src/store/database.js";
import { OutboxStore } from "../../src/store/outbox-store.js";
import { PROVIDERS } from "../support/databases.js";
import {
  closeDatabasesAfterEach,
  freshDatabase,
  ManualClock,
  recordingPush,
  secondConnection,
  silent,
  text,
} from "./schedule-setup.js";

closeDatabasesAfterEach();

/** 09:00 in Shanghai on Thursday 26 November 2026. */
const NINE_AM = "2026-11-26T01:00:00Z";

async function people(db: Db, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(3, "0")}`);
  for (const id of ids) await db.person.create({ data: { id, name: id, role: "manager", timezone: "Asia/Shanghai" } });
  return ids;
}

describe.each(PROVIDERS)("outbox delivery on $name", ({ name, create }) => {
  it("enqueues a push once per person, kind and day", async () => {
    const { db } = await freshDatabase(create);
    const outbox = new OutboxStore(db, new ManualClock(NINE_AM));
    expect(
      await outbox.enqueue({ personId: "M01", kind: "morning_plan", day: "2026-11-26", replies: text("plan") }),
    ).toBe(true);
    expect(
      await outbox.enqueue({ personId: "M01", kind: "morning_plan", day: "2026-11-26", replies: text("plan again") }),
    ).toBe(false);
    expect(
      await outbox.enqueue({ personId: "M01", kind: "morning_plan", day: "2026-11-27", replies: text("tomorrow") }),
    ).toBe(true);
    expect(await outbox.enqueue({ personId: "M01", kind: "nudge", day: "2026-11-26", replies: text("nudge") })).toBe(
      true,
    );
    expect(await db.outbox.count()).toBe(3);
    expect(await outbox.has("M01", "morning_plan", "2026-11-26")).toBe(true);
    // Producers ask once for a whole team which pushes are still to make.
    expect(await outbox.withoutPush(["M03", "M01", "M02"], "morning_plan", "2026-11-26")).toEqual(["M03", "M02"]);
    expect(await outbox.withoutPush([], "nudge", "2026-11-26")).toEqual([]);
  });

  it("sends each due row once, and a restarted deliverer sends nothing again", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const ids = await people(db, 5);
    const outbox = new OutboxStore(db, clock);
    for (const id of ids)
      await outbox.enqueue({ personId: id, kind: "morning_plan", day: "2026-11-26", replies: text(`plan for ${id}`) });
    const first = recordingPush();
    expect(await createDeliverer({ db, push: first.push, logger: silent, clock }).deliverDue()).toMatchObject({
      sent: 5,
    });
    // Several rows are in flight at once: each arrives once, in whatever order their sends finish.
    expect(first.delivered.map((d) => d.personId).sort()).toEqual(ids);
    const afterRestart = recordingPush();
    clock.advance(10 * 60_000);
    expect(await createDeliverer({ db, push: afterRestart.push, logger: silent, clock }).deliverDue()).toMatchObject({
      sent: 0,
    });
    expect(afterRestart.calls()).toBe(0);
    expect(await db.outbox.count({ where: { status: "sent" } })).toBe(5);
  });

  it("after a crash mid-delivery, the restarted deliverer sends the rest once, and the row in flight never again", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const ids = await people(db, 6);
    const outbox = new OutboxStore(db, clock);
    for (const id of ids)
      await outbox.enqueue({ personId: id, kind: "morning_plan", day: "2026-11-26", replies: text(`plan for ${id}`) });
    // The first process sends two pushes, then hangs in the third (the process "dies" there). One
    // row in flight at a time here; with more, each of them would end as this one does.
    const crashed = recordingPush((_, __, call) => (call === 3 ? new Promise<void>(() => undefined) : undefined));
    createDeliverer({ db, push: crashed.push, logger: silent, clock, options: { lockMs: 120_000, concurrency: 1 } })
      .deliverDue()
      .catch(() => undefined);
    await expect.poll(() => crashed.calls()).toBe(3);
    expect(crashed.delivered.map((d) => d.personId)).toEqual(ids.slice(0, 2));

    // Restarted at once: the crashed claim still holds row 3 (and only it: rows are claimed one by one).
    const restarted = recordingPush();
    const deliverer = createDeliverer({
      db,
      push: restarted.push,
      logger: silent,
      clock,
      options: { lockMs: 120_000 },
    });
    await deliverer.deliverDue();
    expect(restarted.delivered.map((d) => d.personId)).toEqual(ids.slice(3));
    // Once the dead process's claim runs out, its row may or may not have reached the person: unknown, not resent.
    clock.advance(121_000);
    expect((await deliverer.deliverDue()).unknown).toBe(1);
    expect(restarted.delivered).toHaveLength(3);
    expect(await db.outbox.count({ where: { status: "sent" } })).toBe(5);
    expect(await db.outbox.findFirstOrThrow({ where: { personId: ids[2] } })).toMatchObject({ status: "unknown" });
  });

  it("records a send that times out as unknown and does not send it again", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const [id] = await people(db, 1);
    const outbox = new OutboxStore(db, clock);
    await outbox.enqueue({ personId: id!, kind: "morning_plan", day: "2026-11-26", replies: text("plan") });
    const hung = recordingPush(() => new Promise<void>(() => undefined));
    const deliverer = createDeliverer({ db, push: hung.push, logger: silent, clock, options: { sendTimeoutMs: 50 } });
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0, unknown: 1, retried: 0 });
    clock.advance(3_600_000);
    await deliverer.deliverDue();
    expect(hung.calls()).toBe(1);
    expect(await db.outbox.findFirstOrThrow()).toMatchObject({ status: "unknown", claimToken: null });
  });

  it("lets only the current claim change a row: a stale token cannot mark it sent", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const [id] = await people(db, 1);
    const outbox = new OutboxStore(db, clock);
    await outbox.enqueue({ personId: id!, kind: "morning_plan", day: "2026-11-26", replies: text("plan") });
    const first = await outbox.claimNext(1_000);
    if (!first) throw new Error("nothing claimed");
    // The claim is handed back (as by a rate limit) and taken again by another deliverer.
    expect(await outbox.release(first)).toBe(true);
    const second = await outbox.claimNext(1_000);
    if (!second) throw new Error("nothing claimed");
    expect(second.token).not.toBe(first.token);
    expect(await outbox.markSent(first)).toBe(false);
    expect(await outbox.renew(first, 60_000)).toBe(false);
    expect(await db.outbox.findFirstOrThrow()).toMatchObject({ status: "sending", claimToken: second.token });
    expect(await outbox.markSent(second)).toBe(true);
    expect(await db.outbox.findFirstOrThrow()).toMatchObject({ status: "sent", claimToken: null });
  });

  it("claims several due rows in one statement, earliest due first, each settled on its own", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const ids = await people(db, 3);
    const outbox = new OutboxStore(db, clock);
    // Queued last, due first.
    for (const id of [...ids].reverse()) {
      await outbox.enqueue({ personId: id, kind: "morning_plan", day: "2026-11-26", replies: text(id) });
      clock.advance(1_000);
    }
    const claimed = await outbox.claimDue(60_000, 2);
    expect(claimed.map((c) => c.personId)).toEqual(["P003", "P002"]);
    expect(claimed.map((c) => c.timezone)).toEqual(["Asia/Shanghai", "Asia/Shanghai"]);
    expect(await outbox.markSent(claimed[0]!)).toBe(true);
    expect(await outbox.release(claimed[1]!)).toBe(true);
    expect(await outbox.markSent(claimed[1]!)).toBe(false);
    const next = await outbox.claimDue(60_000, 5);
    expect(next.map((c) => c.personId)).toEqual(["P002", "P001"]);
    expect(await outbox.claimDue(60_000, 5)).toEqual([]);
    const rows = await db.outbox.findMany({ orderBy: { personId: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["sending", "sending", "sent"]);
  });

  it("drops yesterday's undelivered push instead of sending it late, and sends today's late", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    await people(db, 1);
    const outbox = new OutboxStore(db, clock);
    await outbox.enqueue({ personId: "P001", kind: "morning_plan", day: "2026-11-25", replies: text("yesterday") });
    await outbox.enqueue({ personId: "P001", kind: "morning_plan", day: "2026-11-26", replies: text("today") });
    const { push, delivered } = recordingPush();
    expect(await createDeliverer({ db, push, logger: silent, clock }).deliverDue()).toMatchObject({
      sent: 1,
      expired: 1,
    });
    expect(delivered).toEqual([{ personId: "P001", replies: text("today") }]);
    expect((await db.outbox.findFirst({ where: { day: "2026-11-25" } }))?.status).toBe("expired");
  });

  it("retries a failed push with exponential backoff, and gives up after the maximum attempts", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    await people(db, 2);
    const outbox = new OutboxStore(db, clock);
    await outbox.enqueue({ personId: "P001", kind: "nudge", day: "2026-11-26", replies: text("flaky") });
    await outbox.enqueue({ personId: "P002", kind: "nudge", day: "2026-11-26", replies: text("broken") });
    const { push, delivered } = recordingPush((personId, _, call) => {
      if (personId === "P002" || call <= 3) throw new Error("gateway timeout");
    });
    const options = { baseBackoffMs: 1_000, maxBackoffMs: 60_000, maxAttempts: 4 };
    const deliverer = createDeliverer({ db, push, logger: silent, clock, options });

    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0, retried: 2 });
    const row = await db.outbox.findFirstOrThrow({ where: { personId: "P001" } });
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "gateway timeout" });
    expect(row.nextAttemptAt.getTime() - clock.now().getTime()).toBe(1_000);

    clock.advance(999);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0, retried: 0 }); // not due yet
    clock.advance(1);
    expect(await deliverer.deliverDue()).toMatchObject({ retried: 2 }); // attempt 2 fails for both (calls 3 and 4)
    const second = await db.outbox.findFirstOrThrow({ where: { personId: "P001" } });
    expect(second.nextAttemptAt.getTime() - clock.now().getTime()).toBe(2_000);
    clock.advance(2_000);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 1, retried: 1 });
    expect(delivered).toEqual([{ personId: "P001", replies: text("flaky") }]);
    clock.advance(4_000);
    expect(await deliverer.deliverDue()).toMatchObject({ failed: 1 });
    expect(await db.outbox.findFirstOrThrow({ where: { personId: "P002" } })).toMatchObject({
      status: "failed",
      attempts: 4,
    });
  });

  it("holds a rate-limited push as long as the limit asks, without counting it as a failed attempt, and sends the others", async () => {
    const { db } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const ids = await people(db, 3);
    const outbox = new OutboxStore(db, clock);
    for (const id of ids) await outbox.enqueue({ personId: id, kind: "digest", day: "2026-11-26", replies: text(id) });
    let limitedOnce = false;
    const { push, delivered } = recordingPush((personId) => {
      if (personId !== "P002" || limitedOnce) return;
      limitedOnce = true;
      throw new RateLimitedError(30_000, "slow down", "recipient");
    });
    const deliverer = createDeliverer({ db, push, logger: silent, clock });
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 2, rateLimited: 1 });
    const limited = await db.outbox.findFirstOrThrow({ where: { personId: "P002" } });
    expect(limited).toMatchObject({ status: "pending", attempts: 0 });
    expect(limited.nextAttemptAt.getTime() - clock.now().getTime()).toBe(30_000);
    expect(await db.outbox.count({ where: { status: "sending" } })).toBe(0);
    clock.advance(29_000);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 0 });
    clock.advance(1_000);
    expect(await deliverer.deliverDue()).toMatchObject({ sent: 1 });
    expect(delivered.map((d) => d.personId)).toEqual(["P001", "P003", "P002"]);
  });

  it("two deliverers on one database send each of many rows exactly once", async () => {
    const { db, url } = await freshDatabase(create);
    const clock = new ManualClock(NINE_AM);
    const ids = await people(db, 80);
    const outbox = new OutboxStore(db, clock);
    for (const id of ids) {
      for (const kind of ["morning_plan", "nudge", "digest"] as const) {
        await outbox.enqueue({ personId: id, kind, day: "2026-11-26", replies: text(`${kind} ${id}`) });
      }
    }
    const sent: string[] = [];
    const slowPush = (who: string) => async (personId: string, replies: { kind: string }[]) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      sent.push(`${who}:${personId}:${JSON.stringify(replies)}`);
    };
    // On PostgreSQL two independent connections, as two instances would have. SQLite is one instance
    // by design (a second writer in one process would block the event loop on the file lock): two
    // deliverers share its connection.
    const other = name === "PostgreSQL" ? await secondConnection(url) : { db };
    const a = createDeliverer({ db, push: slowPush("a"), logger: silent, clock });
    const b = createDeliverer({ db: other.db, push: slowPush("b"), logger: silent, clock });
    const [ra, rb] = await Promise.all([a.deliverDue(), b.deliverDue()]);
    expect(ra.sent + rb.sent).toBe(240);
    // Both took part: the rows were really contended for.
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const payloads = sent.map((s) => s.slice(2));
    expect(new Set(payloads).size).toBe(240);
    expect(payloads).toHaveLength(240);
    expect(await db.outbox.count({ where: { status: "sent" } })).toBe(240);
  });
});
