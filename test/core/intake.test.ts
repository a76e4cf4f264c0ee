/**
 * Exactly-once intake through the inbox on both databases: a message is stored raw before it is
 * read, a row a crash left `received` is handled by the sweeper (its replies pushed through the
 * outbox) or by the client's retry, and hostile or over-long text is stored and answered, never lost.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Inbox } from "../../src/store/inbox.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";
import { PROVIDERS } from "../support/databases.js";

const REPORT = "今天去了张记便利店,红塔山还有12条,软中华断货了";
const AT = new Date("2026-11-25T17:40:00+08:00");

let world: ChatWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A message stored by an instance that died before handling it: its lease has already run out. */
async function leftReceived(w: ChatWorld, messageId: string, text = REPORT): Promise<string> {
  const recorded = await new Inbox(w.database.db).record(
    { channel: "web", externalUserId: "M02", externalMessageId: messageId, text, receivedAt: AT },
    "M02",
    0,
  );
  return recorded.id;
}

describe.each(PROVIDERS)("intake on $name", ({ create }) => {
  it("stores a message over the length cap and says so, without reading it", async () => {
    world = await chatWorld([], { database: create });
    const long = `${REPORT} `.repeat(200);
    expect(plain(await world.say("M02", long))).toContain("太长");
    const row = await world.database.db.inboundMessage.findFirstOrThrow();
    expect(row).toMatchObject({ text: long, status: "refused", intent: "too_long" });
    expect(await world.database.db.visit.count()).toBe(0);
  });

  it("stores NUL and half an emoji and still reads the report around them", async () => {
    world = await chatWorld([], { database: create });
    const replies = await world.say("M02", `${REPORT}\u0000 \ud83d`);
    expect(plain(replies)).toContain("已记录");
    expect((await world.database.db.inboundMessage.findFirstOrThrow()).status).toBe("handled");
    expect(await world.database.db.visit.count()).toBe(1);
  });

  it("handles a row a crash left received on the next sweep and pushes its reply", async () => {
    world = await chatWorld([], { database: create });
    const id = await leftReceived(world, "crashed-1");
    expect(await world.bot.sweep()).toBe(1);
    expect(await world.bot.sweep()).toBe(0);
    expect((await world.database.db.inboundMessage.findUniqueOrThrow({ where: { id } })).status).toBe("handled");
    expect(await world.database.db.visit.count()).toBe(1);
    const pushed = await world.database.db.outbox.findMany({ where: { personId: "M02" } });
    expect(pushed.map((p) => p.kind)).toEqual([`reply:${id}`]);
    expect(pushed[0]?.payload).toContain("已记录");
  });

  it("answers the client's retry of a row left received with its replies, not an empty list", async () => {
    world = await chatWorld([], { database: create });
    await leftReceived(world, "crashed-2");
    const replies = await world.say("M02", REPORT, { messageId: "crashed-2" });
    expect(plain(replies)).toContain("已记录");
    // Handled now: one more retry is a duplicate, and nothing is stored twice.
    expect(await world.say("M02", REPORT, { messageId: "crashed-2" })).toEqual([]);
    expect(await world.database.db.visit.count()).toBe(1);
    expect(await world.bot.sweep()).toBe(0);
  });

  it("gives a retry that arrives while the message is handled the same replies, and stores it once", async () => {
    world = await chatWorld([], { database: create });
    const [first, retry] = await Promise.all([
      world.say("M02", REPORT, { messageId: "twice" }),
      world.say("M02", REPORT, { messageId: "twice" }),
    ]);
    expect(plain(first)).toContain("已记录");
    expect(retry).toEqual(first);
    expect(await world.database.db.visit.count()).toBe(1);
  });

  it("rolls back the work of a handling whose lease was taken over", async () => {
    // A lease of 0 ms: the sweeper may take the message while the first handling still runs.
    world = await chatWorld([], { database: create, leaseMs: 0 });
    const [replies, swept] = await Promise.all([world.say("M02", REPORT, { messageId: "slow" }), world.bot.sweep()]);
    expect(swept + (replies.length ? 1 : 0)).toBeGreaterThanOrEqual(1);
    expect(await world.database.db.visit.count()).toBe(1);
    expect(await world.database.db.inboundMessage.count({ where: { status: "handled" } })).toBe(1);
  });
});
