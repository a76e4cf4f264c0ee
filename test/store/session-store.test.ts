import { afterEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/store/database.js";
import { SessionStore } from "../../src/store/session-store.js";
import { PROVIDERS, type ScratchDatabase } from "../support/databases.js";

const open: { database: Database; scratch: ScratchDatabase }[] = [];
afterEach(async () => {
  while (open.length) {
    const { database, scratch } = open.pop()!;
    await database.close();
    await scratch.drop();
  }
});

describe.each(PROVIDERS)("sessions on $name", ({ create }) => {
  it("writes a session, replaces it, reads it back and deletes it when empty", async () => {
    const scratch = await create();
    const database = await openDatabase(scratch.url);
    open.push({ database, scratch });
    const sessions = new SessionStore(database.db);
    expect(await sessions.read("M01")).toEqual({});
    await sessions.write("M01", { visits: { pending: null, draft: "张记 中华断货" } });
    const long = "张记便利店 中华断货 ".repeat(400);
    await sessions.write("M01", { visits: { draft: long }, quiz: { answered: 2 } });
    expect(await sessions.read("M01")).toEqual({ visits: { draft: long }, quiz: { answered: 2 } });
    const row = await database.db.dialogueState.findUniqueOrThrow({ where: { personId: "M01" } });
    expect(row.updatedAt).toBeInstanceOf(Date);
    expect(Math.abs(row.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
    await sessions.write("M01", { visits: undefined });
    expect(await database.db.dialogueState.count()).toBe(0);
  });
});
