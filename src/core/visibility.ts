/**
 * Who may see and change whose records: the one rule, used by corrections, shop history and the
 * supervisors' answers alike (DOMAIN: a supervisor runs one team; managers are not compared).
 *
 * | viewer     | own | team's shops | team's figures and records | anyone's |
 * | manager    | yes | see          | no                         | no       |
 * | supervisor | yes | see          | see and change             | no       |
 * | admin      | yes | see          | see and change             | yes      |
 */
import type { Person } from "../domain/roster.js";

/** What is being reached: a shop's history, or a person's figures and records. */
export type Reach = "shop" | "records";

/** The part of the owner the rule looks at. */
export type Owner = Pick<Person, "id" | "team" | "supervisorId">;

export function mayReach(viewer: Pick<Person, "id" | "role" | "team">, owner: Owner, reach: Reach): boolean {
  if (viewer.id === owner.id || viewer.role === "admin") return true;
  const sameTeam = !!viewer.team && owner.team === viewer.team;
  if (viewer.role === "supervisor") return sameTeam || owner.supervisorId === viewer.id;
  return reach === "shop" && sameTeam;
}
