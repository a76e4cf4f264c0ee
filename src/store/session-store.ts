/** Sessions (core/session.ts) as rows: one JSON document of named parts per person, read and written whole. */
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { providerOfClient } from "./outbox-store.js";
import { plainExecute, plainQuery } from "./plain-statements.js";
import { rawTime } from "./raw-time.js";

export type SessionDocument = Record<string, unknown>;

export class SessionStore {
  private readonly provider: "sqlite" | "postgresql";

  constructor(private readonly db: Db) {
    this.provider = providerOfClient(db);
  }

  async read(personId: string): Promise<SessionDocument> {
    // A plain SELECT: every message reads its sender's session.
    const [row] = await plainQuery<{ state: string }>(
      this.db,
      Prisma.sql`SELECT "state" FROM "DialogueState" WHERE "personId" = ${personId}`,
    );
    if (!row) return {};
    const state = JSON.parse(row.state) as Record<string, unknown>;
    // Rows written before sessions had parts held the report dialogue alone.
    return "pending" in state ? { visits: state } : state;
  }

  /** Saves the session; an empty one is deleted. */
  async write(personId: string, session: SessionDocument): Promise<void> {
    const parts = Object.entries(session).filter(([, value]) => value !== undefined && value !== null);
    if (parts.length === 0) {
      await this.db.dialogueState.deleteMany({ where: { personId } });
      return;
    }
    const state = JSON.stringify(Object.fromEntries(parts));
    // A plain upsert: Prisma's query compiler works through every parameter, and a draft of a long
    // message makes a document of tens of kilobytes, compiled on the event loop for each message.
    await plainExecute(
      this.db,
      Prisma.sql`
      INSERT INTO "DialogueState" ("personId", "state", "updatedAt")
      VALUES (${personId}, ${state}, ${rawTime(this.provider, new Date())})
      ON CONFLICT ("personId") DO UPDATE SET "state" = excluded."state", "updatedAt" = excluded."updatedAt"`,
    );
  }
}
