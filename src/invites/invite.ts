/**
 * One-time invite codes: an admin makes a code for a person (`cli invite --person ID`), the person
 * sends it to the bot from any chat account, and that account is linked to them. Channel-neutral:
 * the core calls `redeemInvite` (through `inviteRedeemer`) for senders it does not know.
 */
import { randomInt } from "node:crypto";
import type { ChannelName, InboundMessage, Reply } from "../domain/messages.js";
import type { Person } from "../domain/roster.js";
import { inEveryLanguage, messagesFor } from "../locales/index.js";
import type { Logger } from "../log.js";
import type { Db } from "../store/database.js";
import { InviteAttempts } from "./invite-attempts.js";
import { claimCode, findCode, insertCode, personExists } from "./invite-queries.js";

export const INVITE_TTL_DAYS = 7;
const DAY_MS = 86_400_000;
/** 31^6 ≈ 887 million codes: a collision is rare, and a few fresh draws get past it. */
const CODE_ATTEMPTS = 5;

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
  if (!(await personExists(db, personId))) throw new Error(`unknown person ${personId}`);
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.ttlDays ?? INVITE_TTL_DAYS) * DAY_MS);
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = `FM-${Array.from({ length: CODE_LENGTH }, () => ALPHABET.charAt(randomInt(ALPHABET.length))).join("")}`;
    if (await insertCode(db, { code, personId, expiresAt, createdAt: now })) return { code, personId, expiresAt };
  }
  throw new Error("could not find a free invite code");
}

/** The code a message carries, normalised to "FM-XXXXXX", or null. */
export function findInviteCode(text: string): string | null {
  const code = CODE_PATTERN.exec(text.trim())?.[1];
  return code ? `FM-${code.toUpperCase()}` : null;
}

type InviteRedemption =
  /** The message carries no code: go on with the usual unknown-sender answer. */
  | { status: "not_a_code" }
  | { status: "linked"; person: Person; replies: Reply[] }
  /** Why is for the log only: the sender gets one answer for all of them, so guessing learns nothing. */
  | { status: "unknown" | "expired" | "used" | "deactivated"; code: string; replies: Reply[] };

/** Links `externalUserId` on `channel` to the code's person when `text` carries a valid, unused code. */
export async function redeemInvite(
  db: Db,
  channel: ChannelName,
  externalUserId: string,
  text: string,
  now: Date = new Date(),
): Promise<InviteRedemption> {
  const code = findInviteCode(text);
  if (!code) return { status: "not_a_code" };
  const person = await claimCode(db, code, channel, externalUserId, now);
  if (person)
    return {
      status: "linked",
      person,
      replies: [{ kind: "text", text: messagesFor(person.lang).invites.welcome(person.name) }],
    };
  const invite = await findCode(db, code);
  const status = !invite ? "unknown" : invite.usedAt ? "used" : invite.expiresAt > now ? "deactivated" : "expired";
  // The sender is unknown, so we cannot tell their language: every language, Chinese first.
  return { status, code, replies: [{ kind: "text", text: inEveryLanguage((t) => t.invites.invalidCode(code)) }] };
}

/**
 * The core's unknown-sender hook (`createBot({ ..., onUnknownSender: inviteRedeemer(db) })`): a message
 * carrying a code gets the welcome or the one refusal; any other message gets null, so the core
 * answers with its usual "not linked yet" text. After a few wrong codes an account must wait.
 */
export function inviteRedeemer(
  db: Db,
  logger?: Logger,
  attempts: InviteAttempts = new InviteAttempts(),
): (message: InboundMessage) => Promise<Reply[] | null> {
  return async (message) => {
    if (message.channel === "web" || !findInviteCode(message.text)) return null;
    const sender = `${message.channel}:${message.externalUserId}`;
    const wait = attempts.waitMinutes(sender, message.receivedAt);
    if (wait > 0) {
      logger?.warn({ channel: message.channel, waitMinutes: wait }, "invite code refused: too many wrong codes");
      return [{ kind: "text", text: inEveryLanguage((t) => t.invites.tooManyAttempts(wait)) }];
    }
    const result = await redeemInvite(db, message.channel, message.externalUserId, message.text, message.receivedAt);
    if (result.status === "not_a_code") return null;
    if (result.status === "linked") attempts.succeeded(sender);
    else attempts.failed(sender, message.receivedAt);
    logger?.info(
      { channel: message.channel, status: result.status, person: result.status === "linked" ? result.person.id : null },
      "invite code presented",
    );
    return result.replies;
  };
}
