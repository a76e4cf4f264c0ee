/**
 * What a voice note's or photo's bytes really are, read from their magic bytes (file-type), never
 * from the type the sender claimed: a "photo" that is a script is refused, a WebM called audio/ogg is
 * still WebM. SILK (WeChat's voice format) is not in file-type's list, so its header is checked here.
 */
import { fileTypeFromBuffer } from "file-type";
import { isSilk } from "silk-wasm";
import type { MediaBytes } from "../domain/messages.js";

export type MediaKind = "voice" | "image";

export const SILK_MIME = "audio/silk";

/** MEDIA_MAX_BYTES's default: a phone photo is 2–5 MB, a minute of voice well under 1 MB. */
export const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;

/** Photo formats people's phones send; anything else is refused, whatever it claims. */
const IMAGE_MIMES = new Set(["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif", "image/gif"]);
/** Audio the recogniser is sent as is; WebM and MP4 audio are sniffed as video containers. */
const VOICE_MIMES = new Set([
  "audio/webm",
  "video/webm",
  "audio/ogg",
  "audio/opus",
  "audio/mp4",
  "video/mp4",
  "audio/x-m4a",
  "audio/mpeg",
  "audio/wav",
  "audio/x-wav",
  "audio/wave",
  "audio/vnd.wave",
  "audio/amr",
  "audio/flac",
  "audio/aac",
]);

/**
 * Bytes a channel fetched, as the core takes them: within the size cap and of an accepted type,
 * else undefined (the core then answers that the voice note or photo did not come through).
 */
export async function acceptedMedia(
  kind: MediaKind,
  data: Uint8Array,
  maxBytes = DEFAULT_MEDIA_MAX_BYTES,
): Promise<MediaBytes | undefined> {
  if (data.byteLength === 0 || data.byteLength > maxBytes) return undefined;
  const mime = await sniffMedia(kind, data);
  return mime ? { mime, data } : undefined;
}

/** The content's real type when it is an accepted `kind`, else null. */
export async function sniffMedia(kind: MediaKind, data: Uint8Array): Promise<string | null> {
  if (kind === "voice" && isSilk(data)) return SILK_MIME;
  const found = await fileTypeFromBuffer(data);
  if (!found) return null;
  const accepted = kind === "image" ? IMAGE_MIMES : VOICE_MIMES;
  return accepted.has(found.mime) ? found.mime : null;
}
