/**
 * Whose figures an answer may show. Who may see whose records is the one rule in
 * core/visibility.ts (a supervisor their team and the people they supervise, a manager only
 * themselves, an admin anyone); this module decides whom a question is about and keeps those the
 * rule lets the asker reach. What was asked beyond that is not silently dropped: the answer carries
 * a note saying why.
 */
import { mayReach, type Owner } from "../core/visibility.js";
import type { Person } from "../domain/roster.js";
import type { Subject } from "../locales/messages/reports.js";
import type { Db } from "../store/database.js";
import type { StatusQuery } from "./query/query-types.js";
import { managersAbout } from "./report-queries.js";

export interface Member {
  id: string;
  name: string;
  team: string | null;
  supervisorId: string | null;
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
  /** Whom the answer is about, as its wording names them. */
  subject: Subject;
  notes: ScopeNote[];
}

/** Someone on `team`, or (team null) outside any team: what the rule says about reaching people in general. */
const someoneOn = (team: string | null, supervisorId: string | null = null): Owner => ({ id: "", team, supervisorId });

export async function scopeFor(db: Db, viewer: Person, query: Pick<StatusQuery, "team" | "personIds">): Promise<Scope> {
  const notes: ScopeNote[] = [];
  const reach = (owner: Owner) => mayReach(viewer, owner, "records");
  const everyone = reach(someoneOn(null));
  const supervises = reach(someoneOn(null, viewer.id));

  // Whoever reaches neither everyone nor the people they supervise (a manager) sees their own figures alone.
  if (!everyone && !supervises) {
    const onlySelf = query.personIds.length === 1 && query.personIds[0] === viewer.id;
    if (!onlySelf) notes.push({ kind: "own_only" });
    const self: Member = { id: viewer.id, name: viewer.name, team: viewer.team, supervisorId: viewer.supervisorId };
    return { members: [self], team: null, subject: { kind: "self", name: viewer.name }, notes };
  }

  // The team named, else the asker's own; someone who reaches everyone and names no team asks about all.
  let team = query.team ?? (everyone ? null : viewer.team);
  if (team !== null && !reach(someoneOn(team))) {
    notes.push({ kind: "other_team", team });
    team = viewer.team;
  }
  // The read narrows to that team and the people the asker supervises; the rule decides whom they see.
  const candidates = await managersAbout(db, { team, supervisorId: everyone ? null : viewer.id });
  let members = candidates.filter(reach);

  if (query.personIds.length) {
    const named = members.filter((m) => query.personIds.includes(m.id));
    const hidden = query.personIds.length - named.length;
    if (hidden > 0) notes.push({ kind: "not_visible", count: hidden });
    // Naming only people one may not see falls back to the whole team rather than an empty answer.
    if (named.length) members = named;
  }
  return { members, team, subject: team ? { kind: "team", team } : { kind: "all" }, notes };
}
