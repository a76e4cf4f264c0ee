import { describe, expect, it } from "vitest";
import { SessionStore } from "../../src/store/session-store.js";
import { PROVIDERS } from "../support/databases.js";
import { scratchDatabases } from "../support/scratch-databases.js";

const open = scratchDatabases();

describe.each(PROVIDERS)("sessions on $name", ({ create }) => {
  it("writes a session, replaces it, reads it back and deletes it when empty", async () => {
    const database = await open(create);
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
