import { describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/domain/messages.js";
import { Inbox } from "../../src/store/inbox.js";
import { storableText } from "../../src/store/raw-text.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";
import { scratchDatabases } from "../support/scratch-databases.js";

const open = scratchDatabases();

const message = (
  externalMessageId: string,
  channel: InboundMessage["channel"] = "slack",
  externalUserId = "U123",
  text = "张记 中华断货",
): InboundMessage => ({
  channel,
  externalUserId,
  externalMessageId,
  text,
  receivedAt: new Date("2026-11-25T09:00:00Z"),
});

async function scratchInbox(create: () => Promise<ScratchDatabase>) {
  const { db } = await open(create);
  return { db, inbox: new Inbox(db) };
}

describe.each(PROVIDERS)("the inbound log on $name", ({ create }) => {
  it("stores a message once and recognises a retry of the same external id", async () => {
    const { db, inbox } = await scratchInbox(create);
    const first = await inbox.record(message("Ev1"), null);
    if (first.duplicate) throw new Error("first delivery seen as a retry");
    expect(await inbox.finish(first, "handled", { intent: "visit_log" })).toBe(true);
    const retry = await inbox.record(message("Ev1"), null);
    expect(retry).toEqual({ duplicate: true, id: first.id, status: "handled" });
    // The same id on another channel is another message.
    expect((await inbox.record(message("Ev1", "wechat"), null)).duplicate).toBe(false);
    expect(await db.inboundMessage.count()).toBe(2);
    const stored = await db.inboundMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({
      text: "张记 中华断货",
      status: "handled",
      intent: "visit_log",
      externalUserId: "U123",
    });
  });

  it("stores a text message as Prisma's own create did: every column read back the same", async () => {
    const { db, inbox } = await scratchInbox(create);
    const hostile = "张记\u0000中华断货 \ud83d 'quoted' \"double\" \\ 半个表情";
    const location = { kind: "location" as const, lat: 31.2, lng: 121.5, label: "张记" };
    const sent = { ...message("Ev30", "web", "M11", hostile), attachment: location };
    const plain = await inbox.record(sent, "M11", 60_000);
    if (plain.duplicate) throw new Error("first delivery seen as a retry");
    // What record() did before: Prisma's model create of the same message.
    const viaPrisma = await db.inboundMessage.create({
      data: {
        id: "prisma-row",
        channel: "web",
        externalMessageId: "Ev31",
        externalUserId: "M11",
        personId: "M11",
        ...storableText(hostile),
        receivedAt: sent.receivedAt,
        attachment: JSON.stringify(location),
        leaseOwner: "prisma-lease",
        leaseUntil: new Date(Date.now() + 60_000),
      },
    });
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: plain.id } });
    const varying = ({ id, externalMessageId, leaseOwner, leaseUntil, createdAt, ...rest }: typeof row) => ({
      rest,
      types: [
        typeof id,
        typeof externalMessageId,
        typeof leaseOwner,
        leaseUntil instanceof Date,
        createdAt instanceof Date,
      ],
    });
    expect(varying(row)).toEqual(varying(viaPrisma));
    expect(row).toMatchObject({ id: plain.id, externalMessageId: "Ev30", leaseOwner: plain.lease });
    // Prisma orders and compares the written times as its own (the sweeper's queries).
    expect(await inbox.abandoned(10)).toEqual([]);
  });

  it("recognises a retry whatever became of the first delivery, and of two deliveries at once stores one", async () => {
    const { db, inbox } = await scratchInbox(create);
    const first = await inbox.record(message("Ev40"), null);
    if (first.duplicate) throw new Error("first delivery seen as a retry");
    expect(await inbox.record(message("Ev40"), null)).toEqual({ duplicate: true, id: first.id, status: "received" });
    await inbox.finish(first, "refused", { intent: "too_long" });
    expect(await inbox.record(message("Ev40"), null)).toEqual({ duplicate: true, id: first.id, status: "refused" });

    const together = await Promise.all([1, 2, 3].map(() => inbox.record(message("Ev41"), null)));
    expect(together.filter((r) => !r.duplicate)).toHaveLength(1);
    const stored = together.find((r) => !r.duplicate)!;
    expect(together.filter((r) => r.duplicate)).toEqual([
      { duplicate: true, id: stored.id, status: "received" },
      { duplicate: true, id: stored.id, status: "received" },
    ]);
    expect(await db.inboundMessage.count({ where: { externalMessageId: { in: ["Ev40", "Ev41"] } } })).toBe(2);
  });

  it("keeps two senders' messages apart when their clients chose the same id", async () => {
    const { inbox } = await scratchInbox(create);
    expect((await inbox.record(message("x1", "web", "M11"), "M11")).duplicate).toBe(false);
    expect((await inbox.record(message("x1", "web", "M12"), "M12")).duplicate).toBe(false);
    expect((await inbox.record(message("x1", "web", "M12"), "M12")).duplicate).toBe(true);
  });

  it("stores NUL and lone surrogates without error and gives back the exact original", async () => {
    const { db, inbox } = await scratchInbox(create);
    const hostile = "张记\u0000中华断货 \ud83d 半个表情 \ude00";
    const first = await inbox.record(message("Ev9", "web", "M11", hostile), "M11", 0);
    if (first.duplicate) throw new Error("first delivery seen as a retry");
    const row = await db.inboundMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.text).toBe("张记\ufffd中华断货 \ufffd 半个表情 \ufffd");
    // Its lease (0 ms) ran out: the sweeper's take-over reads the original back.
    const taken = await inbox.takeOver(first.id, 60_000);
    expect(taken?.message.text).toBe(hostile);
  });

  it("lets a row's lease be taken over only once it ran out, and only its holder finish it", async () => {
    const { inbox } = await scratchInbox(create);
    const held = await inbox.record(message("Ev2"), null, 60_000);
    if (held.duplicate) throw new Error("first delivery seen as a retry");
    expect(await inbox.abandoned(10)).toEqual([]);
    expect(await inbox.takeOver(held.id, 60_000)).toBeNull();

    const lapsed = await inbox.record(message("Ev3"), null, 0);
    if (lapsed.duplicate) throw new Error("first delivery seen as a retry");
    expect(await inbox.abandoned(10)).toEqual([lapsed.id]);
    const sweeper = await inbox.takeOver(lapsed.id, 60_000);
    expect(sweeper).not.toBeNull();
    // The first holder's lease is stale: it cannot mark the row, the sweeper can, once.
    expect(await inbox.finish(lapsed, "handled")).toBe(false);
    expect(await inbox.finish(sweeper!, "handled")).toBe(true);
    expect(await inbox.finish(sweeper!, "handled")).toBe(false);
    expect(await inbox.status(lapsed.id)).toBe("handled");
  });

  it("gives a photo back to the sweeper as a photo, with bytes stored with the row or fetched after it", async () => {
    const { inbox } = await scratchInbox(create);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const photo = (id: string): InboundMessage => ({
      ...message(id, "wecom"),
      text: "",
      attachment: { kind: "image", mediaId: `media-${id}`, url: null },
    });
    const withBytes = await inbox.record({ ...photo("Ev20"), media: { mime: "image/jpeg", data: bytes } }, null, 0);
    const fetchedAfter = await inbox.record(photo("Ev21"), null, 0);
    if (withBytes.duplicate || fetchedAfter.duplicate) throw new Error("first delivery seen as a retry");
    expect(
      await inbox.attachMedia(fetchedAfter.id, photo("Ev21").attachment!, { mime: "image/jpeg", data: bytes }),
    ).toBe(true);
    for (const id of [withBytes.id, fetchedAfter.id]) {
      const taken = await inbox.takeOver(id, 60_000);
      expect(taken?.message.attachment).toMatchObject({ kind: "image" });
      expect(taken?.message.media?.mime).toBe("image/jpeg");
      expect([...(taken?.message.media?.data ?? [])]).toEqual([...bytes]);
    }
  });
});
