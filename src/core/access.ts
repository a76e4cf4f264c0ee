/** Who may act on whose records: managers their own, supervisors their team's, admins everyone's. */
import type { Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";

export async function canActFor(db: Db, actor: Person, ownerId: string): Promise<boolean> {
  if (actor.id === ownerId || actor.role === "admin") return true;
  if (actor.role !== "supervisor") return false;
  const owner = await db.person.findUnique({ where: { id: ownerId }, select: { supervisorId: true, team: true } });
  return !!owner && (owner.supervisorId === actor.id || (!!actor.team && owner.team === actor.team));
}

/** The people whose shops and records a person may look at. */
export async function visiblePeople(db: Db, viewer: Person): Promise<string[] | "all"> {
  if (viewer.role === "admin") return "all";
  if (!viewer.team) return [viewer.id];
  const team = await db.person.findMany({ where: { team: viewer.team }, select: { id: true } });
  return team.map((p) => p.id);
}
