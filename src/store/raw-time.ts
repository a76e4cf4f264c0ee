/**
 * A DateTime as a value in raw SQL, stored as Prisma stores it: `timestamp(3)` in UTC on PostgreSQL,
 * ISO text ("2026-12-03T01:02:03.456+00:00") on SQLite, so that Prisma reads it back as the same Date
 * and text comparison orders it. For the few hot statements written by hand (one round trip, no
 * read back).
 */
import { Prisma } from "../generated/prisma/client.js";

export function rawTime(provider: "sqlite" | "postgresql", date: Date): Prisma.Sql {
  return provider === "postgresql" ? Prisma.sql`${date.toISOString()}::timestamp` : Prisma.sql`${sqliteTime(date)}`;
}

/** A DateTime as Prisma stores it in SQLite: "2026-12-03T01:02:03.456+00:00". */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
