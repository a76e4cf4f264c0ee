/**
 * What the database keeps of a bearer secret (a sign-in token, a session id): its SHA-256, so a copy
 * of the tables, a backup or a log of queries opens nothing. The secrets are 256 random bits, so a
 * plain hash is enough: there is nothing to guess that a slow hash would protect.
 */
import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes as URL-safe text (43 characters). */
export function newBearerSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
