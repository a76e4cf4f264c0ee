/**
 * Signed-in web chat browsers as rows (named apart from the core's per-person conversation state,
 * DialogueState / core/session.ts). The session id travels in a signed cookie; the row holds its hash,
 * the person and when it ends, so a session can be revoked from any instance or from the command line.
 */
import type { Db } from "./database.js";
import { hashSecret, newBearerSecret } from "./secret-hash.js";

export class WebSessionStore {
  constructor(private readonly db: Db) {}

  /** Opens a session for the person; returns its id (only the caller ever sees it). */
  async open(personId: string, expiresAt: Date, now: Date): Promise<string> {
    const id = newBearerSecret();
    await this.db.webSession.create({ data: { idHash: hashSecret(id), personId, expiresAt, createdAt: now } });
    // Old rows are of no use to anyone: ended a day ago, they go.
    await this.db.webSession.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
    return id;
  }

  /** The person of a live session (not revoked, not expired), or null. */
  async personOf(id: string, now: Date): Promise<string | null> {
    const row = await this.db.webSession.findUnique({ where: { idHash: hashSecret(id) } });
    if (!row || row.revokedAt !== null || row.expiresAt <= now) return null;
    return row.personId;
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.db.webSession.updateMany({
      where: { idHash: hashSecret(id), revokedAt: null },
      data: { revokedAt: now },
    });
  }

  /** Ends every live session of the person (sign-out everywhere, offboarding); returns how many. */
  async revokeAll(personId: string, now: Date): Promise<number> {
    const { count } = await this.db.webSession.updateMany({
      where: { personId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    return count;
  }
}
