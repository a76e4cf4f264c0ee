/**
 * One model call inside a hard time budget. A 429 is retried after its Retry-After (or a short
 * exponential backoff) only while the wait still fits the budget; every other failure ends the
 * call. The budget is enforced twice: the request is aborted, and the promise is raced against a
 * timer, so a server that ignores the abort cannot hold the manager's answer.
 */
import type { ModelAnswer, StructuredModel } from "./chat-model.js";
import { classifyFailure, DeadlineError, httpStatus, retryAfterMs } from "./failures.js";
import type { FailureKind } from "./metrics.js";

export interface CallBudget {
  /** Everything, waits included, must end by this many ms after the start. */
  totalMs: number;
  /** At most this many HTTP attempts (429 retries included). */
  maxAttempts?: number;
  /** First backoff when a 429 carries no Retry-After; doubles per attempt. */
  backoffMs?: number;
}

export type CallOutcome =
  | { ok: true; answer: ModelAnswer; attempts: number; latencyMs: number }
  | { ok: false; kind: FailureKind; status: number | null; error: string; attempts: number; latencyMs: number };

/** A wait shorter than this is not worth starting: the retry would have no time to answer. */
const MIN_USEFUL_MS = 150;

export async function callModel(
  model: StructuredModel,
  system: string,
  message: string,
  budget: CallBudget,
): Promise<CallOutcome> {
  const started = Date.now();
  const deadline = started + budget.totalMs;
  const maxAttempts = budget.maxAttempts ?? 3;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new DeadlineError(budget.totalMs));
    }, budget.totalMs);
  });
  // Raced below; this only keeps an expiry nobody is awaiting from being reported as unhandled.
  expired.catch(() => undefined);
  let attempts = 0;
  try {
    for (;;) {
      attempts++;
      try {
        const answer = await Promise.race([model.ask(system, message, controller.signal), expired]);
        return { ok: true, answer, attempts, latencyMs: Date.now() - started };
      } catch (error) {
        const kind = controller.signal.aborted ? "timeout" : classifyFailure(error);
        const wait =
          kind === "rate_limited" ? (retryAfterMs(error) ?? (budget.backoffMs ?? 200) * 2 ** (attempts - 1)) : null;
        const fits = wait !== null && Date.now() + wait + MIN_USEFUL_MS < deadline;
        if (wait === null || !fits || attempts >= maxAttempts) {
          return {
            ok: false,
            kind,
            status: httpStatus(error),
            error: String((error as Error)?.message ?? error).slice(0, 300),
            attempts,
            latencyMs: Date.now() - started,
          };
        }
        await Promise.race([sleep(wait), expired]);
      }
    }
  } catch (error) {
    // Only the deadline lands here (during a backoff wait).
    return {
      ok: false,
      kind: classifyFailure(error),
      status: null,
      error: String((error as Error).message),
      attempts,
      latencyMs: Date.now() - started,
    };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
