/**
 * A person's conversation state between messages, kept in the database so a restart between a
 * question and its answer loses nothing. Features add their own part to `Session` (declaration
 * merging, as grammY's session flavours), so the core needs no knowledge of them.
 */
import type { Db } from "../store/database.js";

/** Each feature declares its part: `declare module "../core/session.js" { interface Session { visits?: … } }`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by features through declaration merging
export interface Session {}

export class SessionStore {
  constructor(private readonly db: Db) {}

  async read(personId: string): Promise<Session> {
    const row = await this.db.dialogueState.findUnique({ where: { personId } });
    if (!row) return {};
    const state = JSON.parse(row.state) as Record<string, unknown>;
    // Rows written before sessions had parts held the report dialogue alone.
    return ("pending" in state ? { visits: state } : state) as Session;
  }

  /** Saves the session; an empty one is deleted. */
  async write(personId: string, session: Session): Promise<void> {
    const parts = Object.entries(session).filter(([, value]) => value !== undefined && value !== null);
    if (parts.length === 0) {
      await this.db.dialogueState.deleteMany({ where: { personId } });
      return;
    }
    const state = JSON.stringify(Object.fromEntries(parts));
    await this.db.dialogueState.upsert({ where: { personId }, create: { personId, state }, update: { state } });
  }
}
