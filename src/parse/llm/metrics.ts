/**
 * Counters for the model path, kept in process and logged: how often the model was asked, how often
 * it failed and why, how long it took, what it cost in tokens, and what grounding threw away.
 */

const FAILURE_KINDS = [
  "timeout",
  "rate_limited",
  "http",
  "network",
  "malformed_json",
  "schema_invalid",
  "other",
] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface LlmMetricsSnapshot {
  /** Messages the rules were sure about, so the model was not asked (hybrid). */
  skipped: number;
  calls: number;
  successes: number;
  failures: Record<FailureKind, number>;
  /** HTTP attempts beyond the first (429 backoff). */
  retries: number;
  latencyMs: { total: number; max: number };
  tokens: { input: number; output: number };
  /** Facts the model gave that grounding dropped (unknown ids, unsupported numbers or dates). */
  dropped: number;
  /** Answers served from the cache (a draft rebuilt while the manager answers a question). */
  cached: number;
}

export class LlmMetrics {
  private s: LlmMetricsSnapshot = {
    skipped: 0,
    calls: 0,
    successes: 0,
    failures: Object.fromEntries(FAILURE_KINDS.map((k) => [k, 0])) as Record<FailureKind, number>,
    retries: 0,
    latencyMs: { total: 0, max: 0 },
    tokens: { input: 0, output: 0 },
    dropped: 0,
    cached: 0,
  };

  skipped(): void {
    this.s.skipped++;
  }
  cachedHit(): void {
    this.s.cached++;
  }
  retried(): void {
    this.s.retries++;
  }
  dropped(n: number): void {
    this.s.dropped += n;
  }
  /** One finished model call (all its attempts): its outcome, wall time and tokens. */
  call(outcome: "ok" | FailureKind, latencyMs: number, tokens?: { input: number; output: number }): void {
    this.s.calls++;
    if (outcome === "ok") this.s.successes++;
    else this.s.failures[outcome]++;
    this.s.latencyMs.total += latencyMs;
    this.s.latencyMs.max = Math.max(this.s.latencyMs.max, latencyMs);
    if (tokens) {
      this.s.tokens.input += tokens.input;
      this.s.tokens.output += tokens.output;
    }
  }
  snapshot(): LlmMetricsSnapshot {
    return structuredClone(this.s);
  }
}
