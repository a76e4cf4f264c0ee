/**
 * One-time web chat sign-in links as rows. The token itself is handed out once and never stored;
 * redeeming is one conditional update, so two tabs opening the same link cannot both sign in.
 */
import type { Db } from "./database.js";
import { hashSecret, newBearerSecret } from "./secret-hash.js";

export class SignInLinkStore {
  constructor(private readonly db: Db) {}

  /** A fresh token for the person, valid until `expiresAt`; forgets links that ended a day ago. */
  async create(personId: string, expiresAt: Date, now: Date): Promise<string> {
    const token = newBearerSecret();
    await this.db.signInLink.create({ data: { tokenHash: hashSecret(token), personId, expiresAt, createdAt: now } });
    await this.db.signInLink.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } } });
    return token;
  }

  /** Marks the token used and returns its person id; null when it is unknown, used or expired. */
  async redeem(token: string, now: Date): Promise<string | null> {
    const tokenHash = hashSecret(token);
    const claimed = await this.db.signInLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const row = await this.db.signInLink.findUnique({ where: { tokenHash }, select: { personId: true } });
    return row?.personId ?? null;
  }

  /** Makes every unused link of the person unusable (offboarding); returns how many there were. */
  async revokeAll(personId: string, now: Date): Promise<number> {
    const { count } = await this.db.signInLink.updateMany({ where: { personId, usedAt: null }, data: { usedAt: now } });
    return count;
  }
}
