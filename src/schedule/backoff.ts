/**
 * Retry delays for failed pushes: doubling from a base, capped. No jitter: one deliverer per
 * instance claims few rows at a time, so retries do not arrive in herds, and tests stay exact.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
