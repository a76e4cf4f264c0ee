/**
 * Metrics and log fields put around the core from outside it (app.ts wires them), so the core,
 * the inbox and the outbox code stay as they are:
 * - the Bot's `handle()`: messages by channel, intent and outcome, handling time, and a count of
 *   messages in flight that shutdown waits for (the outcome as the inbox ended the row in this
 *   message's flow; read back from the row only when it was ended elsewhere: a retry, a takeover);
 * - a first handler in the chain: the inbound id on every log line of a message's handling;
 * - the core's `understand`: each reading's confidence and whether it leaves a question;
 * - each running channel's outbound `send` (what pushes use): pushes and failures by channel and reason.
 */
import { ChannelRegistry, type OutboundChannel } from "../channels/outbound.js";
import type { Accepted, CoreBot, Understand } from "../core/bot.js";
import type { Handler } from "../core/handler.js";
import type { Logger } from "../log.js";
import { withLogFields } from "../log.js";
import type { Db } from "../store/database.js";
import { type InboundEnding, watchEndings } from "../store/inbox.js";
import type { OpsMetrics } from "./metrics.js";
import { inboundOutcome } from "./ops-queries.js";

export interface InstrumentedBot extends CoreBot {
  /** Resolves once every message being handled now has its replies (shutdown). */
  drain(): Promise<void>;
}

export function instrumentBot(bot: CoreBot, deps: { db: Db; metrics: OpsMetrics; logger: Logger }): InstrumentedBot {
  const inflight = new Set<Promise<unknown>>();

  async function measured(
    message: Parameters<CoreBot["handle"]>[0],
    accepted: Promise<Accepted>,
    ended: () => InboundEnding | null,
  ) {
    const since = new Date();
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    let replies: Awaited<ReturnType<CoreBot["handle"]>>;
    try {
      replies = await (await accepted).replies;
    } catch (error) {
      deps.metrics.message({ channel: message.channel, intent: "none", outcome: "error" }, seconds());
      throw error;
    }
    const elapsed = seconds();
    const ending = ended();
    const { intent, outcome } = ending
      ? { intent: ending.intent ?? "none", outcome: ending.status }
      : await outcomeOf(message, since);
    deps.metrics.message({ channel: message.channel, intent, outcome }, elapsed);
    return replies;
  }

  /** The inbound row says how it ended; a row handled before this call began was a platform retry. */
  async function outcomeOf(message: Parameters<CoreBot["handle"]>[0], since: Date) {
    try {
      const row = await inboundOutcome(deps.db, message);
      if (!row) return { intent: "none", outcome: "unknown" };
      const handledNow = row.handledAt !== null && row.handledAt.getTime() >= since.getTime();
      // A retry is not read again: counting its intent would count the message twice.
      return handledNow
        ? { intent: row.intent ?? "none", outcome: row.status }
        : { intent: "none", outcome: "duplicate" };
    } catch (error) {
      deps.logger.debug({ err: error }, "message outcome not readable for metrics");
      return { intent: "none", outcome: "unknown" };
    }
  }

  /** Stored first; the job (counted in flight until its replies) measures the handling. */
  function accept(message: Parameters<CoreBot["handle"]>[0]): Promise<Accepted> {
    let ending: InboundEnding | null = null;
    const accepted = watchEndings(
      (e) => {
        ending = e;
      },
      () => bot.accept(message),
    );
    const job = measured(message, accepted, () => ending);
    inflight.add(job);
    const forget = () => inflight.delete(job);
    job.then(forget, forget);
    return accepted.then(({ echo }) => ({ replies: job, echo }));
  }

  return {
    accept,
    async handle(message) {
      return (await accept(message)).replies;
    },
    sweep: () => bot.sweep(),
    warm: () => bot.warm(),
    async drain() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}

/** First in the chain: every line logged while a message is handled, by any logger, names its inbound id. */
export const inboundLogFields: Handler = {
  name: "ops.inbound-log-fields",
  handle: (ctx, next) => withLogFields({ inbound: ctx.inboundId, person: ctx.person.id }, next),
};

/** The core's reading of each message, counted on its way to the handlers. */
export function meteredUnderstand(understand: Understand, metrics: OpsMetrics): Understand {
  return async (input, rules) => {
    const result = await understand(input, rules);
    metrics.reading(result);
    return result;
  };
}

/** The running channels, each send counted: what pushes and notifications go through. */
export class MeteredChannelRegistry extends ChannelRegistry {
  constructor(private readonly metrics: OpsMetrics) {
    super();
  }

  override register(channel: OutboundChannel): void {
    const { metrics } = this;
    super.register({
      name: channel.name,
      addressing: channel.addressing,
      async send(to, replies) {
        try {
          await channel.send(to, replies);
        } catch (error) {
          metrics.pushFailed(channel.name, reasonOf(error));
          throw error;
        }
        metrics.pushSent(channel.name);
      },
    });
  }
}

/** A failure's reason as a small, fixed vocabulary: the error's code (RATE_LIMITED, a platform's), else its class. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const reason = typeof code === "string" && code ? code : error instanceof Error ? error.name : "unknown";
  return reason
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .slice(0, 40);
}
