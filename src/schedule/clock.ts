/**
 * Time for the scheduler and deliverer, injectable so tests run on a fixed or fake clock.
 * Waiting goes through setTimeout, which vitest's fake timers control.
 */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
