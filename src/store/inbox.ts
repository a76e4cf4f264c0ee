/**
 * The raw inbound log: every message is stored before anything else happens, and a platform's retry
 * (same channel and external message id) is recognised by the unique key, not by timing.
 */
import { createHash, randomUUID } from "node:crypto";
import type { InboundMessage } from "../domain/messages.js";
import type { Db } from "./database.js";

export type InboundStatus = "received" | "handled" | "failed" | "refused";

export type Recorded = { duplicate: false; id: string } | { duplicate: true; id: string; status: InboundStatus };

export class Inbox {
  constructor(private readonly db: Db) {}

  /** Stores the message; a second delivery of the same external id is reported as a duplicate and not stored again. */
  async record(message: InboundMessage, personId: string | null): Promise<Recorded> {
    const key = { channel: message.channel, externalMessageId: message.externalMessageId };
    const id = randomUUID();
    try {
      await this.db.inboundMessage.create({
        data: {
          id,
          ...key,
          externalUserId: message.externalUserId,
          personId,
          text: message.text,
          receivedAt: message.receivedAt,
          ...attachmentColumns(message),
        },
      });
      return { duplicate: false, id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.db.inboundMessage.findUnique({ where: { channel_externalMessageId: key } });
      if (!first) throw error;
      return { duplicate: true, id: first.id, status: first.status as InboundStatus };
    }
  }

  async finish(id: string, status: InboundStatus, details: { intent?: string; error?: string } = {}): Promise<void> {
    await this.db.inboundMessage.update({
      where: { id },
      data: { status, intent: details.intent, error: details.error, handledAt: new Date() },
    });
  }
}

/** Prisma's unique-constraint error (P2002), whichever driver adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** What a message carried besides text, stored in the same row write so nothing is half-stored. */
function attachmentColumns({ attachment, media }: InboundMessage) {
  if (!attachment) return {};
  const kind = attachment.kind === "voice" || attachment.kind === "image" ? attachment.kind : null;
  return {
    attachment: JSON.stringify(attachment),
    media:
      media && kind
        ? {
            create: {
              kind,
              mime: media.mime,
              size: media.data.byteLength,
              sha256: createHash("sha256").update(media.data).digest("hex"),
              body: new Uint8Array(media.data),
            },
          }
        : undefined,
  };
}
