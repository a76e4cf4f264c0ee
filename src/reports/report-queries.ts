/**
 * The reports' database reads outside the figures (the database rule: Prisma only in `store/` and
 * `*-queries.ts`): the managers a question may be about, a team's calendar row and the product names.
 */

import type { Lang } from "../domain/roster.js";
import type { Team } from "../generated/prisma/client.js";
import type { Db } from "../store/database.js";
import type { Member } from "./scope.js";

/**
 * Active managers on `team` or supervised by `supervisorId`; with neither, every active manager.
 * A narrowing read only: scope.ts applies the visibility rule to what comes back.
 */
export function managersAbout(db: Db, about: { team: string | null; supervisorId: string | null }): Promise<Member[]> {
  const or = [
    ...(about.team ? [{ team: about.team }] : []),
    ...(about.supervisorId ? [{ supervisorId: about.supervisorId }] : []),
  ];
  return db.person.findMany({
    where: { role: "manager", active: true, ...(or.length ? { OR: or } : {}) },
    select: { id: true, name: true, team: true, supervisorId: true },
    orderBy: { id: "asc" },
  });
}

export function teamNamed(db: Db, name: string): Promise<Team | null> {
  return db.team.findUnique({ where: { name } });
}

/** Someone on a team, supervisors first: whose language and zone a team's CLI report is read in. */
export async function someoneOn(db: Db, team: string): Promise<{ lang: Lang; timezone: string } | null> {
  const person = await db.person.findFirst({
    where: { team },
    orderBy: [{ role: "desc" }, { id: "asc" }],
    select: { lang: true, timezone: true },
  });
  return person ? { lang: person.lang as Lang, timezone: person.timezone } : null;
}

/** Product names by SKU (the catalogue is small). */
export async function productNames(db: Db): Promise<Map<string, string>> {
  return new Map((await db.product.findMany({ select: { sku: true, name: true } })).map((p) => [p.sku, p.name]));
}
