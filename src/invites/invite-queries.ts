/** The invite codes in the database: made by an admin, claimed once by a chat account. */
import type { ChannelName } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import { isUniqueViolation } from "../store/inbox.js";
import { rosterChanged, toPerson } from "../store/roster-store.js";

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return (await db.person.findUnique({ where: { id: personId }, select: { id: true } })) !== null;
}

/** Stores a new code; false when the code is taken already. */
export async function insertCode(
  db: Db,
  invite: { code: string; personId: string; expiresAt: Date; createdAt: Date },
): Promise<boolean> {
  try {
    await db.inviteCode.create({ data: invite });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Claims a valid, unused code and links the chat account to its person, in one transaction; the
 * claim is one conditional update, so two senders racing with the same code cannot both win.
 * Returns the linked person, or null when the code was not claimable.
 */
export async function claimCode(
  db: Db,
  code: string,
  channel: ChannelName,
  externalId: string,
  now: Date,
): Promise<Person | null> {
  const linked = await db.$transaction(async (tx) => {
    // A code made for someone deactivated since links nobody (and stays unused, should they return).
    const pending = await tx.inviteCode.findUnique({ where: { code }, select: { personId: true } });
    const owner = pending
      ? await tx.person.findUnique({ where: { id: pending.personId }, select: { active: true } })
      : null;
    if (!owner?.active) return null;
    const claimed = await tx.inviteCode.updateMany({
      where: { code, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const invite = await tx.inviteCode.findUniqueOrThrow({ where: { code } });
    await tx.identity.upsert({
      where: { channel_externalId: { channel, externalId } },
      create: { personId: invite.personId, channel, externalId },
      update: { personId: invite.personId, createdAt: now },
    });
    return tx.person.findUniqueOrThrow({ where: { id: invite.personId } });
  });
  if (linked) rosterChanged(db);
  return linked ? toPerson(linked) : null;
}

/** A stored code's state, or null when there is no such code. */
export function findCode(db: Db, code: string): Promise<{ usedAt: Date | null; expiresAt: Date } | null> {
  return db.inviteCode.findUnique({ where: { code }, select: { usedAt: true, expiresAt: true } });
}

/** Ends the person's unused codes (offboarding); returns how many there were. */
export async function expireCodesOf(db: Db, personId: string, now: Date): Promise<number> {
  const { count } = await db.inviteCode.updateMany({
    where: { personId, usedAt: null, expiresAt: { gt: now } },
    data: { expiresAt: now },
  });
  return count;
}
