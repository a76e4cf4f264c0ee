import { afterEach, describe, expect, it } from "vitest";
import type { InboundMessage } from "../../src/domain/messages.js";
import { type Database, openDatabase } from "../../src/store/database.js";
import { Inbox } from "../../src/store/inbox.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";

const open: { database: Database; scratch: ScratchDatabase }[] = [];
afterEach(async () => {
  while (open.length) {
    const { database, scratch } = open.pop()!;
    await database.close();
    await scratch.drop();
  }
});

const message = (externalMessageId: string, channel: InboundMessage["channel"] = "slack"): InboundMessage => ({
  channel,
  externalUserId: "U123",
  externalMessageId,
  text: "张记 中华断货",
  receivedAt: new Date("2026-11-25T09:00:00Z"),
});

describe.each(PROVIDERS)("the inbound log on $name", ({ create }) => {
  it("stores a message once and recognises a retry of the same external id", async () => {
    const scratch = await create();
    const database = await openDatabase(scratch.url);
    open.push({ database, scratch });
    const inbox = new Inbox(database.db);
    const first = await inbox.record(message("Ev1"), null);
    expect(first.duplicate).toBe(false);
    await inbox.finish(first.id, "handled", { intent: "visit_log" });
    const retry = await inbox.record(message("Ev1"), null);
    expect(retry).toEqual({ duplicate: true, id: first.id, status: "handled" });
    // The same id on another channel is another message.
    expect((await inbox.record(message("Ev1", "wechat"), null)).duplicate).toBe(false);
    expect(await database.db.inboundMessage.count()).toBe(2);
    const stored = await database.db.inboundMessage.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({
      text: "张记 中华断货",
      status: "handled",
      intent: "visit_log",
      externalUserId: "U123",
    });
  });
});
