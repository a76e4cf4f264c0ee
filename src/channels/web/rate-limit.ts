/**
 * Request rate limits as token buckets, one per key (a person, an address): `perMinute` requests a
 * minute on average, up to `burst` at once. In memory, per instance: a limit that several instances
 * each enforce is looser, never absent, and costs no database round trip per request.
 */

export interface RateLimit {
  perMinute: number;
  /** Requests allowed back to back; default `perMinute`. */
  burst?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Beyond this many keys, buckets that have refilled (idle callers) are forgotten. */
const MAX_KEYS = 10_000;

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    limit: RateLimit,
    private readonly clock: () => number = Date.now,
  ) {
    this.capacity = Math.max(1, limit.burst ?? limit.perMinute);
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes one request from the key's bucket, or says how long until one is free. */
  take(key: string): RateDecision {
    const now = this.clock();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(key, bucket);
      if (this.buckets.size > MAX_KEYS) this.forgetIdle(now);
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }

  private refilled(key: string, now: number): { tokens: number; at: number } {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.capacity, at: now };
    return { tokens: Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs), at: now };
  }

  private forgetIdle(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.capacity) this.buckets.delete(key);
    }
  }
}
