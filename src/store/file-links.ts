/**
 * Signed, expiring links to stored files: `/files/ID/NAME?expires=UNIX&sig=HMAC`. The id is random
 * (unguessable on its own); the HMAC-SHA256 over id, name and expiry, with a server secret, lets any
 * instance check a link without asking anyone, and makes a changed expiry or name worthless. No
 * session or token is needed, so Slack can fetch a chart, and no secret of a person's is in the URL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

const FILES_PATH = "/files/";

interface LinkParts {
  id: string;
  filename: string;
  /** Unix seconds. */
  expires: number;
}

function signature(secret: Buffer, { id, filename, expires }: LinkParts): Buffer {
  return createHmac("sha256", secret).update(`${id}\n${filename}\n${expires}`).digest();
}

/** The URL path (with query) of a file, valid until `expires`. */
export function signedFilePath(secret: Buffer, parts: LinkParts): string {
  const sig = signature(secret, parts).toString("base64url");
  return `${FILES_PATH}${parts.id}/${encodeURIComponent(parts.filename)}?expires=${parts.expires}&sig=${sig}`;
}

export type LinkCheck = { status: "ok"; id: string; filename: string } | { status: "bad_signature" | "expired" };

/**
 * Checks a link: `relativePath` is "ID/NAME" (decoded, as the web server hands it over), `query` its
 * search parameters. The signature is checked before the expiry, so a forged link learns nothing.
 */
export function checkFileLink(secret: Buffer, relativePath: string, query: URLSearchParams, now: Date): LinkCheck {
  const [id, filename, ...rest] = relativePath.split("/");
  const expires = Number(query.get("expires"));
  const given = Buffer.from(query.get("sig") ?? "", "base64url");
  if (!id || !filename || rest.length > 0 || !Number.isSafeInteger(expires)) return { status: "bad_signature" };
  const expected = signature(secret, { id, filename, expires });
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { status: "bad_signature" };
  if (expires * 1000 <= now.getTime()) return { status: "expired" };
  return { status: "ok", id, filename };
}
