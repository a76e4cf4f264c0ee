/**
 * The raw inbound log, and the queue messages are handled from. Every message is stored before
 * anything else happens (so it can be acknowledged), then handled under a lease: the instance that
 * stored it holds the lease while it handles it, and a row left `received` (a crash, a kill) is taken
 * by a sweeper once its lease has run out. Marking a row handled names the lease owner, so a row
 * whose lease passed to another instance cannot be finished twice. A platform's retry (same channel,
 * sender and message id) is recognised by the unique key, not by timing.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";
import type { Attachment, ChannelName, InboundMessage, MediaBytes } from "../domain/messages.js";
import { Prisma } from "../generated/prisma/client.js";
import type { Db } from "./database.js";
import { providerOfClient } from "./outbox-store.js";
import { plainExecute, plainQuery } from "./plain-statements.js";
import { originalText, storableText } from "./raw-text.js";
import { rawTime } from "./raw-time.js";

/** How long a stored message is its storer's to handle before a sweeper may take it over. */
export const DEFAULT_LEASE_MS = 60_000;

export type InboundStatus = "received" | "handled" | "failed" | "refused";

export type Recorded =
  | { duplicate: false; id: string; lease: string }
  | { duplicate: true; id: string; status: InboundStatus };

/** A `received` row leased for handling: `lease` names this one handling of it. */
export interface LeasedInbound {
  id: string;
  lease: string;
  message: InboundMessage;
  personId: string | null;
}

/** How a row was ended: its status and intent. */
export interface InboundEnding {
  status: InboundStatus;
  intent: string | null;
}

const endings = new AsyncLocalStorage<(ending: InboundEnding) => void>();

/**
 * Runs `work`, telling `listener` of every row ended within its async flow (the last is how the
 * message ended: a failure after "handled" rolls that back and ends it again). Ops metrics learn
 * each message's outcome this way instead of reading its row back.
 */
export function watchEndings<T>(listener: (ending: InboundEnding) => void, work: () => T): T {
  return endings.run(listener, work);
}

export class Inbox {
  private readonly provider: "sqlite" | "postgresql";

  constructor(private readonly db: Db) {
    this.provider = providerOfClient(db);
  }

  /** Stores the message leased to this instance; a second delivery of the same message is reported as a duplicate. */
  async record(message: InboundMessage, personId: string | null, leaseMs = DEFAULT_LEASE_MS): Promise<Recorded> {
    const id = randomUUID();
    const lease = randomUUID();
    const leaseUntil = new Date(Date.now() + leaseMs);
    if (!message.media) {
      if (await this.insert(id, message, personId, lease, leaseUntil)) return { duplicate: false, id, lease };
      const first = await this.first(message);
      if (!first) throw new Error(`inbound message ${message.externalMessageId} is neither new nor stored`);
      return first;
    }
    try {
      // The bytes go into their own row, written with this one.
      await this.db.inboundMessage.create({
        data: {
          id,
          channel: message.channel,
          externalMessageId: message.externalMessageId,
          externalUserId: message.externalUserId,
          personId,
          ...storableText(message.text),
          receivedAt: message.receivedAt,
          ...attachmentColumns(message),
          leaseOwner: lease,
          leaseUntil,
        },
      });
      return { duplicate: false, id, lease };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const first = await this.first(message);
      if (!first) throw error;
      return first;
    }
  }

  /**
   * A message without media as one plain INSERT, on SQLite's connection (plain-statements.ts): every
   * message is stored so before anything else. False when a row of the same (channel, sender, message
   * id) is there already: a platform's retry, known by the unique key as Prisma's P2002 knew it.
   */
  private async insert(
    id: string,
    message: InboundMessage,
    personId: string | null,
    lease: string,
    leaseUntil: Date,
  ): Promise<boolean> {
    const { text, rawEscaped } = storableText(message.text);
    const attachment = message.attachment ? JSON.stringify(message.attachment) : null;
    const time = (date: Date) => rawTime(this.provider, date);
    const stored = await plainExecute(
      this.db,
      Prisma.sql`
      INSERT INTO "InboundMessage" ("id", "channel", "externalMessageId", "externalUserId", "personId", "text",
        "rawEscaped", "receivedAt", "status", "attachment", "leaseOwner", "leaseUntil", "createdAt")
      VALUES (${id}, ${message.channel}, ${message.externalMessageId}, ${message.externalUserId}, ${personId}, ${text},
        ${rawEscaped}, ${time(message.receivedAt)}, 'received', ${attachment}, ${lease}, ${time(leaseUntil)},
        ${time(new Date())})
      ON CONFLICT ("channel", "externalUserId", "externalMessageId") DO NOTHING`,
    );
    return stored === 1;
  }

  /** The row an earlier delivery of `message` stored, as a duplicate; null when there is none. */
  private async first(message: InboundMessage): Promise<Recorded | null> {
    const [row] = await plainQuery<{ id: string; status: string }>(
      this.db,
      Prisma.sql`
      SELECT "id", "status" FROM "InboundMessage"
      WHERE "channel" = ${message.channel} AND "externalUserId" = ${message.externalUserId}
        AND "externalMessageId" = ${message.externalMessageId}`,
    );
    return row ? { duplicate: true, id: row.id, status: row.status as InboundStatus } : null;
  }

  /** Takes over a `received` row whose lease ran out; null when it is handled or someone holds it. */
  async takeOver(id: string, leaseMs: number): Promise<LeasedInbound | null> {
    const now = new Date();
    const lease = randomUUID();
    const { count } = await this.db.inboundMessage.updateMany({
      where: { id, status: "received", OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }] },
      data: { leaseOwner: lease, leaseUntil: new Date(now.getTime() + leaseMs) },
    });
    if (count !== 1) return null;
    const row = await this.db.inboundMessage.findUniqueOrThrow({ where: { id }, include: { media: true } });
    return {
      id,
      lease,
      personId: row.personId,
      message: {
        channel: row.channel as ChannelName,
        externalUserId: row.externalUserId,
        externalMessageId: row.externalMessageId,
        text: originalText(row),
        receivedAt: row.receivedAt,
        // A photo or voice note left by a crash is handled as one, with the bytes stored beside it.
        ...(row.attachment ? { attachment: JSON.parse(row.attachment) as Attachment } : {}),
        ...(row.media ? { media: { mime: row.media.mime, data: new Uint8Array(row.media.body) } } : {}),
      },
    };
  }

  /** Stores the bytes a channel fetched after the row (InboundMessage.fetchMedia); false when it carries none. */
  async attachMedia(id: string, attachment: Attachment, media: MediaBytes): Promise<boolean> {
    const kind = mediaKind(attachment);
    if (!kind) return false;
    await this.db.inboundMedia.create({ data: { inboundId: id, ...mediaColumns(kind, media) } });
    return true;
  }

  /** Ids of `received` rows whose lease ran out, oldest first: what a sweeper should take over. */
  async abandoned(limit: number): Promise<string[]> {
    const rows = await this.db.inboundMessage.findMany({
      where: { status: "received", OR: [{ leaseUntil: null }, { leaseUntil: { lte: new Date() } }] },
      orderBy: { receivedAt: "asc" },
      take: limit,
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }

  async status(id: string): Promise<InboundStatus | null> {
    const row = await this.db.inboundMessage.findUnique({ where: { id }, select: { status: true } });
    return (row?.status as InboundStatus | undefined) ?? null;
  }

  /**
   * Ends a row under its lease; false when the lease is no longer this one's (already handled, or
   * taken over after it ran out): inside the message's transaction, false means roll back.
   */
  async finish(
    { id, lease }: Pick<LeasedInbound, "id" | "lease">,
    status: InboundStatus,
    details: { intent?: string; error?: string } = {},
  ): Promise<boolean> {
    // One plain statement: every message ends here, inside its transaction.
    const count = await plainExecute(
      this.db,
      Prisma.sql`
      UPDATE "InboundMessage" SET "status" = ${status}, "intent" = COALESCE(${details.intent ?? null}, "intent"),
        "error" = COALESCE(${details.error ?? null}, "error"), "handledAt" = ${rawTime(this.provider, new Date())},
        "leaseOwner" = NULL, "leaseUntil" = NULL
      WHERE "id" = ${id} AND "status" = 'received' AND "leaseOwner" = ${lease}`,
    );
    if (count !== 1) return false;
    endings.getStore()?.({ status, intent: details.intent ?? null });
    return true;
  }
}

/** Prisma's unique-constraint error (P2002, or a raw statement's P2010 naming one), whichever driver adapter raised it. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } };
  return (
    code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation")
  );
}

/** What a message carried besides text, stored in the same row write so nothing is half-stored. */
function attachmentColumns({ attachment, media }: InboundMessage) {
  if (!attachment) return {};
  const kind = mediaKind(attachment);
  return {
    attachment: JSON.stringify(attachment),
    media: media && kind ? { create: mediaColumns(kind, media) } : undefined,
  };
}

function mediaKind(attachment: Attachment): "voice" | "image" | null {
  return attachment.kind === "voice" || attachment.kind === "image" ? attachment.kind : null;
}

function mediaColumns(kind: "voice" | "image", media: MediaBytes) {
  return {
    kind,
    mime: media.mime,
    size: media.data.byteLength,
    sha256: createHash("sha256").update(media.data).digest("hex"),
    body: new Uint8Array(media.data),
  };
}
