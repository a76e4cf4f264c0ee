/** What every producer gets: the store, the outbox, a logger, and the team it produces for. */
import type { Lang } from "../../domain/roster.js";
import type { Team } from "../../generated/prisma/client.js";
import { type Messages, messagesFor } from "../../locales/index.js";
import type { Logger } from "../../log.js";
import type { PlanCache } from "../../plans/build-plan.js";
import type { Db } from "../../store/database.js";
import type { OutboxStore } from "../../store/outbox-store.js";

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

/** Settings every push's timing may read (the quiz's time has no team column). */
interface PushTimes {
  quizAt: string;
}

/**
 * One kind of scheduled push: when it fires in the team's zone, until when a late start still sends
 * it, on which days, and what it writes to the outbox. The scheduler lists them (SCHEDULED_PUSHES).
 */
export interface ScheduledPush {
  /** The outbox kind of its rows: exactly-once per (person, kind, day). */
  kind: string;
  at(team: Team, times: PushTimes): string;
  /** A start after `at` still sends it until this local time ("24:00": the end of the day). */
  until(team: Team): string;
  /** ISO weekdays it fires on; every day when absent. */
  weekdays?: number[];
  /** Days off in the team's calendar skip it. */
  workdaysOnly: boolean;
  produce: TeamProducer;
}

/** The catalogue a push to this person is written from (the roster import only accepts known languages). */
export function messagesOf(person: { lang: string }): Messages {
  return messagesFor(person.lang as Lang);
}
