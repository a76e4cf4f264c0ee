/**
 * How the load benchmarks print: percentiles of a list of times, the machine's load average beside
 * every figure (on a shared machine absolute figures move with it; ratios measured in the same run
 * move much less), and targets as pass/fail lines.
 */
import { loadavg } from "node:os";

export interface Spread {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function spread(ms: readonly number[]): Spread {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

export function showSpread(s: Spread): string {
  return `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;
}

/** "load 1.23 0.98 0.80": the 1, 5 and 15 minute load averages (2 cores here). */
export function load(): string {
  return `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

/** A target line: what was asked, what was measured, PASS or FAIL. */
export function target(name: string, measured: string, ok: boolean): string {
  return `  [${ok ? "PASS" : "FAIL"}] ${name.padEnd(52)} ${measured}`;
}
