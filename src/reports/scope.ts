/**
 * Whose figures an answer may show (DOMAIN: a supervisor runs one team and reports up):
 * a supervisor sees their team, a manager only themselves, an admin everyone or the team named.
 * What was asked beyond that is not silently dropped: the answer carries a note saying why.
 */
import type { Person } from "../domain/roster.js";
import type { Db } from "../store/database.js";
import type { StatusQuery } from "./query/query-types.js";

export interface Member {
  id: string;
  name: string;
  team: string | null;
}

export type ScopeNote =
  /** A manager asked a team question: they get their own figures. */
  | { kind: "own_only" }
  /** A supervisor named another team: they get their own. */
  | { kind: "other_team"; team: string }
  /** Names outside the asker's team were left out. */
  | { kind: "not_visible"; count: number };

export interface Scope {
  members: Member[];
  /** The team the answer is about; null for an admin's company-wide view or a manager's own. */
  team: string | null;
  notes: ScopeNote[];
}

export async function scopeFor(db: Db, viewer: Person, query: Pick<StatusQuery, "team" | "personIds">): Promise<Scope> {
  const notes: ScopeNote[] = [];
  let members: Member[];
  let team: string | null = null;
  if (viewer.role === "manager") {
    members = [{ id: viewer.id, name: viewer.name, team: viewer.team }];
    const onlySelf = query.personIds.length === 1 && query.personIds[0] === viewer.id;
    if (!onlySelf) notes.push({ kind: "own_only" });
    return { members, team: null, notes };
  }
  if (viewer.role === "admin") {
    team = query.team;
    members = await managers(db, team ? { team } : {});
  } else {
    team = viewer.team;
    if (query.team && query.team !== viewer.team) notes.push({ kind: "other_team", team: query.team });
    members = await managers(db, viewer.team ? { OR: [{ team: viewer.team }, { supervisorId: viewer.id }] } : { supervisorId: viewer.id });
  }
  if (query.personIds.length) {
    const named = members.filter((m) => query.personIds.includes(m.id));
    const hidden = query.personIds.length - named.length;
    if (hidden > 0) notes.push({ kind: "not_visible", count: hidden });
    // Naming only people one may not see falls back to the whole team rather than an empty answer.
    if (named.length) members = named;
  }
  return { members, team, notes };
}

async function managers(db: Db, where: object): Promise<Member[]> {
  return db.person.findMany({
    where: { ...where, role: "manager", active: true },
    select: { id: true, name: true, team: true },
    orderBy: { id: "asc" },
  });
}
