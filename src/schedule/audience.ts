/** Who a reminder goes to: `team:NAME`, `role:manager|supervisor|admin` or `all` (active people only). */
import { ROLES, type Role } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import { activePeople, teamNamed, teamNames } from "./schedule-queries.js";

export type Audience = { kind: "all" } | { kind: "team"; team: string } | { kind: "role"; role: Role };

export class AudienceError extends Error {
  readonly code = "REMINDER_AUDIENCE";
}

export function parseAudience(text: string): Audience {
  const t = text.trim();
  if (t === "all") return { kind: "all" };
  const [, kind, rest] = /^(team|role):(.+)$/.exec(t) ?? [];
  const value = rest?.trim();
  if (!value) throw new AudienceError(`audience must be team:NAME, role:ROLE or all (got "${text}")`);
  if (kind === "team") return { kind: "team", team: value };
  if (!ROLES.includes(value as Role)) throw new AudienceError(`unknown role "${value}": use ${ROLES.join(", ")}`);
  return { kind: "role", role: value as Role };
}

export function formatAudience(a: Audience): string {
  return a.kind === "all" ? "all" : a.kind === "team" ? `team:${a.team}` : `role:${a.role}`;
}

/** Parses and checks the audience against the database (the team must exist). */
export async function validateAudience(db: Db, text: string): Promise<Audience> {
  const audience = parseAudience(text);
  if (audience.kind === "team" && !(await teamNamed(db, audience.team))) {
    const teams = await teamNames(db);
    throw new AudienceError(
      `unknown team "${audience.team}"${teams.length ? `: known teams are ${teams.join(", ")}` : ""}`,
    );
  }
  return audience;
}

export interface AudienceMember {
  id: string;
  lang: string;
  timezone: string;
}

/** The active people an audience names, optionally only those in one time zone. */
export async function selectAudience(db: Db, audience: Audience, timezone?: string): Promise<AudienceMember[]> {
  return activePeople(db, {
    ...(timezone ? { timezone } : {}),
    ...(audience.kind === "team" ? { team: audience.team } : audience.kind === "role" ? { role: audience.role } : {}),
  });
}
