/**
 * Replies as the browser receives them: the `Reply` objects of core/messages.ts, minus raw bytes.
 */
import type { Reply } from "../../domain/messages.js";

/**
 * Drops `png` and `bytes`: the page loads images and files by `url`, and a Uint8Array
 * would turn into a huge `{"0":…}` object in JSON.
 */
export function toWireReplies(replies: Reply[]): Reply[] {
  return replies.map((reply) => {
    if (reply.kind === "image") {
      const { png: _png, ...rest } = reply;
      return rest;
    }
    if (reply.kind === "file") {
      const { bytes: _bytes, ...rest } = reply;
      return rest;
    }
    return reply;
  });
}
