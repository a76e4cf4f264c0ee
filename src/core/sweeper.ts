/**
 * Messages a crash left `received` are handled by whichever instance looks first once their lease
 * ran out: once at start, then every interval. One sweep at a time per instance.
 */
import type { Logger } from "../log.js";
import type { CoreBot } from "./bot.js";

export interface Sweeper {
  stop(): Promise<void>;
}

export function startSweeper(bot: Pick<CoreBot, "sweep">, intervalMs: number, logger: Logger): Sweeper {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= bot
      .sweep()
      .then((handled) => {
        if (handled > 0) logger.info({ handled }, "messages left unhandled by a stopped instance handled now");
      })
      .catch((error: unknown) => logger.error({ err: error }, "inbox sweep failed"))
      .finally(() => {
        running = null;
      });
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
