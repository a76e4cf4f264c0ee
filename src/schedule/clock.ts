/** Time for the scheduler and deliverer, injectable so tests run on a fixed or fake clock. */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
