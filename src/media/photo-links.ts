/**
 * Stored photos offered in answers: each copied behind a signed, expiring /files/ link (the link is
 * the permission, so Slack can fetch it and nobody can guess one), and shown as an image reply.
 */
import type { ImageReply } from "../domain/messages.js";
import type { FileSink } from "../store/file-store.js";

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heif",
  "image/gif": "gif",
};

export interface StoredPhoto {
  id: string;
  mime: string;
  body: Uint8Array;
}

/** A signed link to the photo. */
export function photoLink(files: FileSink, photo: StoredPhoto): Promise<string> {
  return files.put(`photo-${photo.id}.${EXTENSIONS[photo.mime] ?? "jpg"}`, photo.mime, photo.body);
}

export async function photoImage(files: FileSink, photo: StoredPhoto, title: string): Promise<ImageReply> {
  return { kind: "image", title, url: await photoLink(files, photo) };
}
