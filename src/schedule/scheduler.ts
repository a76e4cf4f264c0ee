/**
 * Fires the scheduled pushes in each team's own time zone (node-cron) and hands them to the outbox;
 * the deliverer sends them. Exactly-once comes from the outbox key (person, kind, day), not from the
 * timer: a restart, a catch-up racing the timer or a second instance all add nothing twice.
 *
 * On start, today's slots that were missed while the bot was down are run once, late — the morning
 * plan until the nudge time, the nudge and quiz until the digest time, the digest and Monday's
 * weekly summary until midnight — and never a past day's.
 */
import nodeCron, { type ScheduledTask } from "node-cron";
import { isoWeekday, localDay } from "../domain/calendar.js";
import type { Logger } from "../log.js";
import { createPlanCache } from "../plans/build-plan.js";
import { calendarOf, dayOff } from "../plans/team-calendar.js";
import type { Db } from "../store/database.js";
import { OutboxStore } from "../store/outbox-store.js";
import { type Clock, systemClock } from "./clock.js";
import { createDeliverer, type Deliverer, type DelivererOptions, type PushFn } from "./deliverer.js";
import { cronAt, localTime, normaliseTime } from "./local-time.js";
import { digest } from "./producers/digest.js";
import { morningPlan } from "./producers/morning-plan.js";
import { nudge } from "./producers/nudge.js";
import type { ProducerContext, ScheduledPush } from "./producers/producer.js";
import { quiz } from "./producers/quiz-push.js";
import { produceReminder } from "./producers/reminder-push.js";
import { weekly } from "./producers/weekly.js";
import { activeReminders, activeZones, allTeams, reminderById, teamNamed } from "./schedule-queries.js";

export interface SchedulerOptions {
  deliverer?: DelivererOptions;
  /** Local time of the daily quiz question (teams have no column for it). */
  quizAt?: string;
  /** How often team times and reminders are re-read so CLI changes take effect, ms. */
  refreshMs?: number;
  /** Run today's missed slots at start (default true). */
  catchUp?: boolean;
}

export interface Scheduler {
  deliverer: Deliverer;
  /** Produces one team slot for the current local day now (catch-up, operations, tests). */
  runSlot(team: string, slot: Slot): Promise<number>;
  /** Re-reads teams and reminders and re-arms the timers if anything changed. */
  refresh(): Promise<void>;
  /** Resolves once no scheduled run or delivery is in progress (tests on fake timers wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/** The daily quiz question's local time unless configured: the lunch break, between visits. */
const DEFAULT_QUIZ_AT = "12:00";
/** How often team times and reminders are re-read: a CLI change takes effect within a minute. */
const DEFAULT_REFRESH_MS = 60_000;

/** Every scheduled push, each in its own file under producers/: a new push is one file and one line here. */
const SCHEDULED_PUSHES: readonly ScheduledPush[] = [morningPlan, nudge, quiz, digest, weekly];
/** A scheduled push's kind ("morning_plan", "nudge", …). */
type Slot = string;

export async function startScheduler(deps: {
  db: Db;
  logger: Logger;
  push: PushFn;
  clock?: Clock;
  options?: SchedulerOptions;
}): Promise<Scheduler> {
  const { db, push } = deps;
  const logger = deps.logger.child({ module: "scheduler" });
  const clock = deps.clock ?? systemClock;
  const quizAt = normaliseTime(deps.options?.quizAt ?? DEFAULT_QUIZ_AT);
  const outbox = new OutboxStore(db, clock);
  const deliverer = createDeliverer({ db, push, logger, clock, options: deps.options?.deliverer });
  let tasks: ScheduledTask[] = [];
  let signature = "";
  let stopped = false;

  const context = (): ProducerContext => ({ db, outbox, logger, cache: createPlanCache(), now: clock.now() });

  async function runSlot(teamName: string, slot: Slot): Promise<number> {
    const team = await teamNamed(db, teamName);
    if (!team || stopped) return 0;
    const spec = SCHEDULED_PUSHES.find((p) => p.kind === slot);
    if (!spec) throw new Error(`no scheduled push is called ${slot}`);
    const day = localDay(clock.now(), team.timezone);
    if (spec.weekdays && !spec.weekdays.includes(isoWeekday(day))) return 0;
    if (spec.workdaysOnly && dayOff(calendarOf(team), day)) return 0;
    const added = await spec.produce(context(), team, day);
    if (added > 0) {
      logger.info({ team: team.name, slot, day, added }, "scheduled pushes added to the outbox");
      deliverer.kick();
    }
    return added;
  }

  async function runReminder(reminderId: number, timezone: string): Promise<number> {
    const reminder = await reminderById(db, reminderId);
    if (!reminder?.active || stopped) return 0;
    const added = await produceReminder(context(), reminder, timezone, localDay(clock.now(), timezone));
    if (added > 0) {
      logger.info({ reminder: reminderId, timezone, added }, "reminder added to the outbox");
      deliverer.kick();
    }
    return added;
  }

  const inflight = new Set<Promise<void>>();
  const guarded = (what: object, run: () => Promise<unknown>) => (): Promise<void> => {
    const job = run().then(
      () => undefined,
      (error: unknown) => logger.error({ err: error, ...what }, "scheduled run failed"),
    );
    inflight.add(job);
    return job.finally(() => inflight.delete(job));
  };

  async function idle(): Promise<void> {
    do {
      await Promise.allSettled([...inflight]);
      await deliverer.idle();
    } while (inflight.size > 0);
  }

  async function load() {
    return { teams: await allTeams(db), reminders: await activeReminders(db), zones: await activeZones(db) };
  }

  function arm(state: Awaited<ReturnType<typeof load>>): {
    reminderTasks: { id: number; zone: string; task: ScheduledTask }[];
  } {
    for (const t of tasks) t.destroy();
    tasks = [];
    for (const team of state.teams) {
      for (const spec of SCHEDULED_PUSHES) {
        const slot = spec.kind;
        try {
          const expression = cronAt(spec.at(team, { quizAt }), spec.weekdays);
          tasks.push(
            nodeCron.schedule(
              expression,
              guarded({ team: team.name, slot }, () => runSlot(team.name, slot)),
              { timezone: team.timezone, noOverlap: true },
            ),
          );
        } catch (error) {
          // One team's bad time must not stop everyone else's pushes.
          logger.error({ err: error, team: team.name, slot }, "team push time is invalid; slot not scheduled");
        }
      }
    }
    const reminderTasks: { id: number; zone: string; task: ScheduledTask }[] = [];
    for (const r of state.reminders) {
      for (const zone of state.zones) {
        try {
          const task = nodeCron.schedule(
            r.cron,
            guarded({ reminder: r.id, zone }, () => runReminder(r.id, zone)),
            { timezone: zone, noOverlap: true },
          );
          tasks.push(task);
          reminderTasks.push({ id: r.id, zone, task });
        } catch (error) {
          logger.error({ err: error, reminder: r.id }, "reminder cron is invalid; not scheduled");
        }
      }
    }
    return { reminderTasks };
  }

  const signatureOf = (s: Awaited<ReturnType<typeof load>>) =>
    JSON.stringify([
      s.teams.map((t) => [t.name, t.timezone, t.morningPlanAt, t.nudgeAt, t.digestAt]),
      s.reminders.map((r) => [r.id, r.cron]),
      s.zones,
    ]);

  async function catchUp(
    state: Awaited<ReturnType<typeof load>>,
    reminderTasks: { id: number; zone: string; task: ScheduledTask }[],
  ) {
    const now = clock.now();
    for (const team of state.teams) {
      const local = localTime(now, team.timezone);
      for (const spec of SCHEDULED_PUSHES) {
        const slot = spec.kind;
        try {
          if (normaliseTime(spec.at(team, { quizAt })) <= local && local < untilOf(spec.until(team))) {
            await guarded({ team: team.name, slot, catchUp: true }, () => runSlot(team.name, slot))();
          }
        } catch (error) {
          logger.error({ err: error, team: team.name, slot }, "catch-up skipped: bad team time");
        }
      }
    }
    for (const { id, zone, task } of reminderTasks) {
      if (firedEarlierToday(task, now, zone))
        await guarded({ reminder: id, zone, catchUp: true }, () => runReminder(id, zone))();
    }
  }

  async function refresh() {
    if (stopped) return;
    const state = await load();
    const next = signatureOf(state);
    if (next === signature) return;
    signature = next;
    arm(state);
    logger.info({ teams: state.teams.length, reminders: state.reminders.length }, "schedules armed");
  }

  const initial = await load();
  signature = signatureOf(initial);
  const { reminderTasks } = arm(initial);
  logger.info({ teams: initial.teams.length, reminders: initial.reminders.length }, "schedules armed");
  // In the background: start-up is not held up by a company's worth of late plans.
  if (deps.options?.catchUp !== false) void guarded({ catchUp: true }, () => catchUp(initial, reminderTasks))();
  deliverer.start();
  deliverer.kick();
  const refresher = setInterval(
    () => void refresh().catch((error: unknown) => logger.error({ err: error }, "schedule refresh failed")),
    deps.options?.refreshMs ?? DEFAULT_REFRESH_MS,
  );

  return {
    deliverer,
    runSlot,
    refresh,
    idle,
    async stop() {
      stopped = true;
      clearInterval(refresher);
      for (const t of tasks) t.destroy();
      tasks = [];
      await deliverer.stop();
    },
  };
}

function untilOf(time: string): string {
  return time === "24:00" ? "24:00" : normaliseTime(time);
}

/** Did the cron match a minute earlier today (in its zone)? Walks back minute by minute to local midnight. */
function firedEarlierToday(task: ScheduledTask, now: Date, zone: string): boolean {
  const today = localDay(now, zone);
  const minute = 60_000;
  for (let t = Math.floor(now.getTime() / minute) * minute; localDay(new Date(t), zone) === today; t -= minute) {
    if (task.match(new Date(t))) return true;
  }
  return false;
}
