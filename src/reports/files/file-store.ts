/**
 * Charts and exports waiting to be downloaded: kept in memory under an unguessable token for a
 * while, then forgotten. A URL is the only way to a file, so the token is the permission (like a
 * signed link); nothing is written to disk, and a restart simply expires every link.
 * One instance per process is enough: the answer and the download hit the same server.
 */
import { randomBytes } from "node:crypto";

export interface StoredFile {
  contentType: string;
  body: Uint8Array;
}

interface Entry extends StoredFile {
  filename: string;
  expiresAt: number;
}

export interface FileStoreOptions {
  /** How long a link works; an hour covers "open it after the meeting". */
  ttlMs?: number;
  /** Oldest files go first beyond this many, so a busy day cannot fill the memory. */
  maxFiles?: number;
  clock?: () => number;
}

export const CONTENT_TYPES = {
  png: "image/png",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxFiles: number;
  private readonly clock: () => number;

  constructor(options: FileStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 60_000;
    this.maxFiles = options.maxFiles ?? 500;
    this.clock = options.clock ?? Date.now;
  }

  /** Keeps a file and returns its URL path, /files/TOKEN/FILENAME. */
  put(filename: string, contentType: string, body: Uint8Array): string {
    this.sweep();
    // Maps iterate in insertion order: the oldest files go first.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.maxFiles) break;
      this.entries.delete(oldest);
    }
    const token = randomBytes(18).toString("base64url");
    this.entries.set(token, { filename, contentType, body, expiresAt: this.clock() + this.ttlMs });
    return `/files/${token}/${encodeURIComponent(filename)}`;
  }

  /** Matches WebChatDeps.files: `path` is "TOKEN/FILENAME", already decoded and checked. */
  async get(path: string): Promise<StoredFile | null> {
    const [token, filename, ...rest] = path.split("/");
    const entry = token ? this.entries.get(token) : undefined;
    if (!token || !entry || rest.length || filename !== entry.filename) return null;
    if (entry.expiresAt <= this.clock()) {
      this.entries.delete(token);
      return null;
    }
    return { contentType: entry.contentType, body: entry.body };
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(token);
  }
}

/** The process's store: answers put files here, the web server serves them through `files`. */
export const reportFiles = new FileStore();

/** For WebChatDeps.files. */
export const files = (path: string): Promise<StoredFile | null> => reportFiles.get(path);
