/**
 * Secrets the server needs but an operator need not set (the key that signs file links, the one that
 * signs session cookies): made once, kept in the database, so every instance on it signs alike and a
 * restart does not break links or sign everyone out. A configured value (FILES_SECRET, SESSION_SECRET) wins.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "./database.js";
import { isUniqueViolation } from "./inbox.js";

/** The named secret: `configured` when given, else the stored one, made now when there is none. */
export async function serverSecret(db: Db, name: string, configured: string | null = null): Promise<Buffer> {
  if (configured) return Buffer.from(configured, "utf8");
  const stored = await db.serverSecret.findUnique({ where: { name } });
  if (stored) return Buffer.from(stored.value, "base64");
  const value = randomBytes(32).toString("base64");
  try {
    await db.serverSecret.create({ data: { name, value } });
    return Buffer.from(value, "base64");
  } catch (error) {
    // Another instance starting at the same moment made it first: use theirs.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.serverSecret.findUniqueOrThrow({ where: { name } });
    return Buffer.from(winner.value, "base64");
  }
}
