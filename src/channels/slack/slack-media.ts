/**
 * A Slack file shared in a DM (an audio clip recorded in Slack, a photo) as the core takes it: the
 * first audio or image file, downloaded from its private URL with the bot token (files:read) and
 * checked by content; other files are left alone and the message is read as its text. The download
 * is left to the core (fetchMedia), after the message is stored and Slack acknowledged.
 */
import type { InboundMessage, MediaBytes } from "../../domain/messages.js";
import { acceptedMedia, DEFAULT_MEDIA_MAX_BYTES } from "../../media/sniff.js";

export interface SlackFile {
  id?: string;
  mimetype?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

const DOWNLOAD_TIMEOUT_MS = 15_000;

interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

/** The voice note or photo among `files` and how to fetch its bytes, or null when there is none. */
export function slackFileContent(
  files: SlackFile[],
  token: string,
  logger: WarnLogger,
): Pick<InboundMessage, "attachment" | "fetchMedia"> | null {
  const file = files.find((f) => /^(audio|image)\//.test(f.mimetype ?? ""));
  if (!file) return null;
  const kind = file.mimetype?.startsWith("audio/") ? "voice" : "image";
  const mediaId = file.id ?? "";
  const attachment =
    kind === "voice"
      ? ({ kind, mediaId, format: file.mimetype ?? null } as const)
      : ({ kind, mediaId, url: null } as const);
  const url = file.url_private_download ?? file.url_private;
  if (!url || (file.size ?? 0) > DEFAULT_MEDIA_MAX_BYTES) return { attachment };
  return { attachment, fetchMedia: () => download(url, kind, token, file.id, logger) };
}

async function download(
  url: string,
  kind: "voice" | "image",
  token: string,
  fileId: string | undefined,
  logger: WarnLogger,
): Promise<MediaBytes | undefined> {
  try {
    const response = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await acceptedMedia(kind, new Uint8Array(await response.arrayBuffer()));
  } catch (error) {
    logger.warn({ err: error, file: fileId }, "Slack file could not be downloaded");
    return undefined;
  }
}
