/**
 * The media forms of `POST /api/messages`: `{"voice": {"mime", "data"}}`, `{"image": {"mime", "data"}}`
 * (base64) or `{"location": {"lat", "lng", "label"?}}` in place of `text`. Each mistake gets its own
 * 4xx; the bytes are checked by content (magic bytes), so nothing unreadable reaches the store.
 */
import type { Attachment, MediaBytes } from "../../domain/messages.js";
import { type MediaKind, sniffMedia } from "../../media/sniff.js";
import { WebRequestError } from "./http-helpers.js";

export interface MediaRequest {
  attachment: Attachment;
  /** Decoded bytes and the claimed type, before the content check. */
  claimed?: MediaBytes;
}

const MEDIA_FIELDS = ["voice", "image", "location"] as const;

/**
 * The largest request body read for media of at most `maxBytes`: twice that in base64, so a file
 * somewhat over the cap is read and answered with both sizes rather than a bare "body too large".
 */
export function bodyLimitFor(maxBytes: number): number {
  return Math.ceil((maxBytes * 8) / 3) + 64 * 1024;
}

/**
 * Whether a body's start names a voice note or photo: the field's name comes before its (large)
 * value, so a body that is large for any other reason is still refused at the usual limit.
 */
export function namesMedia(head: string): boolean {
  return /"(voice|image)"\s*:/.test(head);
}

/** The media field of a body without text, or null when it has none. */
export function parseMediaFields(body: Record<string, unknown>, maxBytes: number): MediaRequest | null {
  const present = MEDIA_FIELDS.filter((field) => body[field] !== undefined && body[field] !== null);
  if (present.length === 0) return null;
  if (present.length > 1 || (body.text !== undefined && body.text !== null)) {
    throw new WebRequestError(400, "one_kind", 'Send one of "text", "voice", "image" or "location" per message.');
  }
  const field = present[0] as (typeof MEDIA_FIELDS)[number];
  const value = body[field];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new WebRequestError(400, `bad_${field}`, `"${field}" must be an object.`);
  }
  const fields = value as Record<string, unknown>;
  return field === "location" ? { attachment: parseLocation(fields) } : parseBytes(field, fields, maxBytes);
}

function parseLocation({ lat, lng, label }: Record<string, unknown>): Attachment {
  const valid = (n: unknown, limit: number) => typeof n === "number" && Number.isFinite(n) && Math.abs(n) <= limit;
  if (!valid(lat, 90) || !valid(lng, 180)) {
    throw new WebRequestError(
      400,
      "bad_location",
      '"location" needs "lat" (-90..90) and "lng" (-180..180) as numbers.',
    );
  }
  if (label !== undefined && label !== null && typeof label !== "string") {
    throw new WebRequestError(400, "bad_location", '"location.label" must be a string.');
  }
  return { kind: "location", lat: lat as number, lng: lng as number, label: (label as string | undefined) || null };
}

function parseBytes(kind: MediaKind, { mime, data }: Record<string, unknown>, maxBytes: number): MediaRequest {
  if (typeof mime !== "string" || typeof data !== "string" || data === "") {
    throw new WebRequestError(400, `bad_${kind}`, `"${kind}" needs "mime" and base64 "data" strings.`);
  }
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(data)) {
    throw new WebRequestError(400, `bad_${kind}`, `"${kind}.data" is not base64.`);
  }
  const bytes = Buffer.from(data, "base64");
  if (bytes.byteLength > maxBytes) {
    throw new WebRequestError(
      413,
      "media_too_large",
      `The ${kind === "voice" ? "voice note" : "photo"} is ${megabytes(bytes.byteLength)}; the limit is ${megabytes(maxBytes)}.`,
    );
  }
  return {
    attachment: kind === "voice" ? { kind, mediaId: "", format: mime } : { kind, mediaId: "", url: null },
    claimed: { mime, data: new Uint8Array(bytes) },
  };
}

/** The bytes with their real type; 415 when they are not audio (voice) or a photo (image). */
export async function checkedMedia(request: MediaRequest): Promise<MediaBytes | undefined> {
  const { attachment, claimed } = request;
  if (!claimed || (attachment.kind !== "voice" && attachment.kind !== "image")) return undefined;
  const mime = await sniffMedia(attachment.kind, claimed.data);
  if (!mime) {
    throw new WebRequestError(
      415,
      "unsupported_media",
      attachment.kind === "voice"
        ? "The voice note is not audio we can read (WebM/Opus, Ogg, MP4, MP3, WAV, AMR or SILK)."
        : "The image is not a photo we can read (JPEG, PNG, WebP, HEIC or GIF).",
    );
  }
  return { mime, data: claimed.data };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
