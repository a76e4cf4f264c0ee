/**
 * A WeCom voice note (AMR) or photo, fetched by its MediaId from media/get and checked by content;
 * a fetch that fails leaves the message without bytes, and the core says it did not come through.
 */
import type { Attachment, MediaBytes } from "../../domain/messages.js";
import { acceptedMedia } from "../../media/sniff.js";
import type { WecomApi } from "./wecom-api.js";

interface WarnLogger {
  warn(obj: object, msg?: string): void;
}

export async function wecomMedia(
  api: WecomApi,
  attachment: Attachment,
  logger: WarnLogger,
): Promise<MediaBytes | undefined> {
  if ((attachment.kind !== "voice" && attachment.kind !== "image") || !attachment.mediaId) return undefined;
  try {
    return await acceptedMedia(attachment.kind, await api.download(attachment.mediaId));
  } catch (error) {
    logger.warn({ err: error, kind: attachment.kind }, "WeCom media could not be fetched");
    return undefined;
  }
}
