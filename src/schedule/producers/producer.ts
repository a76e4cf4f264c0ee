/** What every producer gets: the store, the outbox, a logger, and the team it produces for. */
import type { Team } from "../../generated/prisma/client.js";
import type { Logger } from "../../log.js";
import type { PlanCache } from "../../plans/build-plan.js";
import type { Db } from "../../store/database.js";
import type { OutboxStore } from "../outbox.js";

export interface ProducerContext {
  db: Db;
  outbox: OutboxStore;
  logger: Logger;
  /** Shared across one run so rules, targets and product names are read once. */
  cache: PlanCache;
  /** When the run happens: a catch-up after a restart words its message differently. */
  now: Date;
}

/** A team's scheduled push for one local day; returns how many pushes it added to the outbox. */
export type TeamProducer = (ctx: ProducerContext, team: Team, day: string) => Promise<number>;

export async function activeMembers(ctx: ProducerContext, team: string, role: "manager" | "supervisor") {
  return ctx.db.person.findMany({ where: { team, role, active: true }, orderBy: { id: "asc" } });
}

/** The given name to greet someone by: "Jake" of "Jake Miller"; Chinese names are used whole. */
export function callName(name: string, lang: string): string {
  return lang === "zh" ? name : (name.split(/\s+/)[0] ?? name);
}
