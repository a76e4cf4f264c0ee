/**
 * Charts and exports waiting to be fetched, kept in the database so any instance serves them (behind
 * a load balancer the download rarely hits the instance that drew the chart), reached only through
 * signed, expiring links (file-links.ts). Bounded: a file may be at most `maxFileBytes`, all files
 * together `maxTotalBytes` (the oldest go first), and expired files are deleted as new ones arrive.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "./database.js";
import { checkFileLink, signedFilePath } from "./file-links.js";

export const CONTENT_TYPES = {
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Where answers put the files they offer; returns the link to put in the reply. */
export interface FileSink {
  put(filename: string, contentType: string, body: Uint8Array): Promise<string>;
}

export class FileTooLargeError extends Error {
  readonly code = "FILE_TOO_LARGE";
}

interface StoredFileBody {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

export type FileLookup = { status: "ok"; file: StoredFileBody } | { status: "not_found" | "bad_signature" | "expired" };

export interface FileStoreOptions {
  /** Signs and checks the links (FILES_SECRET or the database's own, see server-secret-store.ts). */
  secret: Buffer;
  /** How long a link works (default a day: Slack fetches an image when the message is shown). */
  ttlMs?: number;
  maxFileBytes?: number;
  maxTotalBytes?: number;
  clock?: () => Date;
}

const DEFAULT_TTL_MS = 24 * 3_600_000;
/** A month's export for a large team is a few MB; a chart a few KB. */
const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
/** Rows examined per step when making room. */
const EVICTION_BATCH = 50;

export class FileStore implements FileSink {
  private readonly ttlMs: number;
  private readonly maxFileBytes: number;
  private readonly maxTotalBytes: number;
  private readonly clock: () => Date;

  constructor(
    private readonly db: Db,
    private readonly options: FileStoreOptions,
  ) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.maxTotalBytes = Math.max(options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES, this.maxFileBytes);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Stores a file; returns its signed link path. Throws FileTooLargeError beyond the per-file cap. */
  async put(filename: string, contentType: string, body: Uint8Array): Promise<string> {
    if (body.byteLength > this.maxFileBytes) {
      throw new FileTooLargeError(`${filename} is ${body.byteLength} bytes; files are capped at ${this.maxFileBytes}`);
    }
    const now = this.clock();
    await this.makeRoom(body.byteLength, now);
    const id = randomBytes(16).toString("base64url");
    // Whole seconds in the link; the row keeps the same instant so both agree.
    const expires = Math.floor((now.getTime() + this.ttlMs) / 1000);
    await this.db.storedFile.create({
      data: {
        id,
        filename,
        contentType,
        size: body.byteLength,
        body: new Uint8Array(body),
        expiresAt: new Date(expires * 1000),
        createdAt: now,
      },
    });
    return signedFilePath(this.options.secret, { id, filename, expires });
  }

  /** The file a link names, when its signature holds and it has not expired. */
  async open(relativePath: string, query: URLSearchParams): Promise<FileLookup> {
    const now = this.clock();
    const link = checkFileLink(this.options.secret, relativePath, query, now);
    if (link.status !== "ok") return link;
    const row = await this.db.storedFile.findUnique({ where: { id: link.id } });
    if (!row || row.filename !== link.filename) return { status: "not_found" };
    if (row.expiresAt <= now) return { status: "expired" };
    return { status: "ok", file: { filename: row.filename, contentType: row.contentType, body: row.body } };
  }

  /** Deletes expired files, then the oldest until `incoming` more bytes fit under the total cap. */
  private async makeRoom(incoming: number, now: Date): Promise<void> {
    await this.db.storedFile.deleteMany({ where: { expiresAt: { lte: now } } });
    let total = (await this.db.storedFile.aggregate({ _sum: { size: true } }))._sum.size ?? 0;
    while (total + incoming > this.maxTotalBytes) {
      const oldest = await this.db.storedFile.findMany({
        orderBy: { createdAt: "asc" },
        take: EVICTION_BATCH,
        select: { id: true, size: true },
      });
      if (oldest.length === 0) return;
      const doomed: string[] = [];
      for (const file of oldest) {
        if (total + incoming <= this.maxTotalBytes) break;
        doomed.push(file.id);
        total -= file.size;
      }
      await this.db.storedFile.deleteMany({ where: { id: { in: doomed } } });
    }
  }
}
