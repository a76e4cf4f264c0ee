/**
 * One-time invite codes: an admin makes a code for a person (`cli invite --person ID`), the person
 * sends it to the bot from any chat account, and that account is linked to them. Channel-neutral:
 * the core calls `redeemInvite` (through `inviteRedeemer`) for senders it does not know.
 */
import { randomInt } from "node:crypto";
import type { Lang, Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { isUniqueViolation } from "../store/inbox.js";
import { toPerson } from "../store/roster-store.js";
import type { ChannelName, InboundMessage, Reply } from "../domain/messages.js";

export const INVITE_TTL_DAYS = 7;

/** No 0/O, 1/I/L: codes are read off a screen and typed on a phone. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 6;

/** "FM-7K3QX9", also typed as "fm 7k3qx9" or "FM7K3QX9", alone or inside a sentence ("我的邀请码 FM-7K3QX9"). */
const CODE_PATTERN = new RegExp(`(?:^|[^A-Za-z0-9])FM[-\\s_]?([${ALPHABET}]{${CODE_LENGTH}})(?![A-Za-z0-9])`, "i");

export interface Invite {
  code: string;
  personId: string;
  expiresAt: Date;
}

/** Creates a fresh code for a person; throws when the person does not exist. */
export async function createInvite(
  db: Db,
  personId: string,
  options: { now?: Date; ttlDays?: number } = {},
): Promise<Invite> {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (!person) throw new Error(`unknown person ${personId}`);
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlDays ?? INVITE_TTL_DAYS) * 86_400_000);
  // 31^6 ≈ 887 million codes: a collision is rare, and the primary key catches it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = `FM-${Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("")}`;
    try {
      await db.inviteCode.create({ data: { code, personId, expiresAt, createdAt: now } });
      return { code, personId, expiresAt };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error("could not find a free invite code");
}

/** The code a message carries, normalised to "FM-XXXXXX", or null. */
export function findInviteCode(text: string): string | null {
  const match = CODE_PATTERN.exec(text.trim());
  return match ? `FM-${match[1]!.toUpperCase()}` : null;
}

export type InviteRedemption =
  /** The message carries no code: go on with the usual unknown-sender answer. */
  | { status: "not_a_code" }
  | { status: "linked"; person: Person; replies: Reply[] }
  | { status: "unknown" | "expired" | "used"; code: string; replies: Reply[] };

/**
 * Links `externalUserId` on `channel` to the code's person when `text` carries a valid, unused code.
 * The claim is one conditional update, so two senders racing with the same code cannot both win.
 */
export async function redeemInvite(
  db: Db,
  channel: ChannelName,
  externalUserId: string,
  text: string,
  now: Date = new Date(),
): Promise<InviteRedemption> {
  const code = findInviteCode(text);
  if (!code) return { status: "not_a_code" };
  const linked = await db.$transaction(async (tx) => {
    const claimed = await tx.inviteCode.updateMany({
      where: { code, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return null;
    const invite = await tx.inviteCode.findUniqueOrThrow({ where: { code } });
    await tx.identity.upsert({
      where: { channel_externalId: { channel, externalId: externalUserId } },
      create: { personId: invite.personId, channel, externalId: externalUserId },
      update: { personId: invite.personId },
    });
    return tx.person.findUniqueOrThrow({ where: { id: invite.personId } });
  });
  if (linked) {
    const person = toPerson(linked);
    return { status: "linked", person, replies: [{ kind: "text", text: welcomeText(person) }] };
  }
  const invite = await db.inviteCode.findUnique({ where: { code } });
  const status = !invite ? "unknown" : invite.usedAt ? "used" : "expired";
  return { status, code, replies: [{ kind: "text", text: REFUSALS[status](code) }] };
}

function welcomeText(person: Person): string {
  const texts: Record<Lang, string> = {
    zh: `欢迎，${person.name}！这个账号已经和您在 Fieldmate 的名单关联好了。直接把拜访情况发给我就行，发「帮助」看看我能做什么。`,
    en: `Welcome, ${person.name}! This account is now linked to you on Fieldmate. Just text me your visits; send "help" to see what I can do.`,
  };
  return texts[person.lang];
}

// The sender is unknown, so we cannot tell their language: both, Chinese first.
const REFUSALS: Record<"unknown" | "expired" | "used", (code: string) => string> = {
  unknown: (code) =>
    `邀请码 ${code} 不存在，请核对后重新发送，或请管理员重新生成一个。\nThe invite code ${code} doesn't exist. Please check it and send it again, or ask your admin for a new one.`,
  expired: (code) =>
    `邀请码 ${code} 已过期（有效期 ${INVITE_TTL_DAYS} 天），请管理员重新生成一个。\nThe invite code ${code} has expired (codes last ${INVITE_TTL_DAYS} days). Please ask your admin for a new one.`,
  used: (code) =>
    `邀请码 ${code} 已经用过了，每个码只能用一次。请管理员重新生成一个。\nThe invite code ${code} has already been used; each code works once. Please ask your admin for a new one.`,
};

/**
 * The core's unknown-sender hook (`createBot({ ..., onUnknownSender: inviteRedeemer(db) })`): a message
 * carrying a code gets the welcome or a clear refusal; any other message gets null, so the core
 * answers with its usual "not linked yet" text.
 */
export function inviteRedeemer(db: Db, logger?: Logger): (message: InboundMessage) => Promise<Reply[] | null> {
  return async (message) => {
    if (message.channel === "web") return null;
    const result = await redeemInvite(db, message.channel, message.externalUserId, message.text, message.receivedAt);
    if (result.status === "not_a_code") return null;
    logger?.info(
      { channel: message.channel, status: result.status, person: result.status === "linked" ? result.person.id : null },
      "invite code presented",
    );
    return result.replies;
  };
}
