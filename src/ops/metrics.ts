/**
 * The Prometheus metrics (prom-client), one registry per app: messages by channel, intent and
 * outcome with their handling time; the parser's confidence and how often a reading leaves a
 * question to ask; pushes and push failures by channel and reason; and, read at scrape time, the
 * outbox's depth and oldest waiting push and the model path's counters. Plus Node's process metrics.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ParseResult } from "../parse/index.js";
import type { LlmMetricsSnapshot } from "../parse/llm/metrics.js";

export interface OutboxStats {
  /** Pushes not yet delivered (waiting or being sent). */
  pending: number;
  /** Age of the oldest of them, seconds; null when none waits. */
  oldestAgeSeconds: number | null;
}

export interface MetricSources {
  /** Read at each scrape (a database query). */
  outbox?: () => Promise<OutboxStats>;
  /** The model path's running totals, when a model is configured. */
  llm?: () => LlmMetricsSnapshot;
}

export interface OpsMetrics {
  readonly registry: Registry;
  /** One message handled (or refused, failed, recognised as a retry). */
  message(labels: { channel: string; intent: string; outcome: string }, seconds: number): void;
  /** One reading of a message by the parser (rules or model). */
  reading(result: ParseResult): void;
  pushSent(channel: string): void;
  pushFailed(channel: string, reason: string): void;
}

const PREFIX = "fieldmate_";

export function createMetrics(sources: MetricSources = {}): OpsMetrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const messages = new Counter({
    name: `${PREFIX}messages_total`,
    help: "Messages received, by channel, the intent read and the outcome (handled, refused, failed, duplicate, error).",
    labelNames: ["channel", "intent", "outcome"] as const,
    registers,
  });
  const handling = new Histogram({
    name: `${PREFIX}message_handling_seconds`,
    help: "Time from a message reaching the core to its replies, by channel and outcome.",
    labelNames: ["channel", "outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const confidence = new Histogram({
    name: `${PREFIX}parse_confidence`,
    help: "How sure the parser was of a message's intent (0–1), by intent.",
    labelNames: ["intent"] as const,
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers,
  });
  const readings = new Counter({
    name: `${PREFIX}parse_readings_total`,
    help: "Messages read by the parser, by intent.",
    labelNames: ["intent"] as const,
    registers,
  });
  const asks = new Counter({
    name: `${PREFIX}parse_asks_total`,
    help: "Readings that left something to ask (ambiguous or unknown shop, unknown product, missing unit), by intent. Ask rate = asks / readings.",
    labelNames: ["intent"] as const,
    registers,
  });
  const pushes = new Counter({
    name: `${PREFIX}pushes_total`,
    help: "Messages pushed to a channel (plans, reminders, notifications), by channel.",
    labelNames: ["channel"] as const,
    registers,
  });
  const pushFailures = new Counter({
    name: `${PREFIX}push_failures_total`,
    help: "Pushes a channel did not take, by channel and reason (error code).",
    labelNames: ["channel", "reason"] as const,
    registers,
  });

  new Gauge({
    name: `${PREFIX}outbox_pending`,
    help: "Pushes in the outbox not delivered yet (waiting, retrying or being sent).",
    registers,
    async collect() {
      if (sources.outbox) this.set((await sources.outbox()).pending);
    },
  });
  new Gauge({
    name: `${PREFIX}outbox_oldest_pending_age_seconds`,
    help: "Age of the oldest push not delivered yet; 0 when none waits.",
    registers,
    async collect() {
      if (sources.outbox) this.set((await sources.outbox()).oldestAgeSeconds ?? 0);
    },
  });
  if (sources.llm) llmMetrics(sources.llm, registers);

  return {
    registry,
    message(labels, seconds) {
      messages.inc(labels);
      handling.observe({ channel: labels.channel, outcome: labels.outcome }, seconds);
    },
    reading(result) {
      const intent = result.intent.value;
      readings.inc({ intent });
      confidence.observe({ intent }, result.intent.confidence);
      if (leavesQuestion(result)) asks.inc({ intent });
    },
    pushSent: (channel) => pushes.inc({ channel }),
    pushFailed: (channel, reason) => pushFailures.inc({ channel, reason }),
  };
}

/** Whether the reading carries something the bot must ask instead of guessing (the parser's own issue list). */
function leavesQuestion(result: ParseResult): boolean {
  return result.issues.length > 0 || result.records.some((r) => r.issues.length > 0);
}

/**
 * The model path keeps running totals (LlmMetrics); each scrape turns them into Prometheus
 * counters by adding what grew since the last scrape.
 */
function llmMetrics(snapshot: () => LlmMetricsSnapshot, registers: Registry[]): void {
  const seen = new Map<string, number>();
  /** Adds to `counter` what the running total `now` grew by since it was last seen. */
  const advance = (counter: Counter<string>, key: string, labels: Record<string, string>, now: number) => {
    const before = seen.get(key) ?? 0;
    if (now > before) counter.inc(labels, now - before);
    seen.set(key, now);
  };
  new Counter({
    name: `${PREFIX}llm_calls_total`,
    help: "Calls to the language model, by outcome (ok, timeout, rate_limited, http, network, malformed_json, schema_invalid, other).",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      const s = snapshot();
      advance(this, "calls:ok", { outcome: "ok" }, s.successes);
      for (const [kind, count] of Object.entries(s.failures)) advance(this, `calls:${kind}`, { outcome: kind }, count);
    },
  });
  new Counter({
    name: `${PREFIX}llm_tokens_total`,
    help: "Tokens the model endpoint reported, by direction (input, output).",
    labelNames: ["direction"] as const,
    registers,
    collect() {
      const { tokens } = snapshot();
      advance(this, "tokens:input", { direction: "input" }, tokens.input);
      advance(this, "tokens:output", { direction: "output" }, tokens.output);
    },
  });
  const totals: [string, string, (s: LlmMetricsSnapshot) => number][] = [
    ["llm_latency_seconds_total", "Time spent waiting for the model, all calls.", (s) => s.latencyMs.total / 1000],
    ["llm_retries_total", "HTTP attempts beyond the first (429 backoff).", (s) => s.retries],
    ["llm_skipped_total", "Messages the rules were sure about, so the model was not asked.", (s) => s.skipped],
    ["llm_dropped_facts_total", "Facts from the model that grounding dropped.", (s) => s.dropped],
    ["llm_cache_hits_total", "Readings served from the answer cache.", (s) => s.cached],
  ];
  for (const [name, help, pick] of totals) {
    new Counter({
      name: `${PREFIX}${name}`,
      help,
      registers,
      collect() {
        advance(this, name, {}, pick(snapshot()));
      },
    });
  }
  new Gauge({
    name: `${PREFIX}llm_latency_seconds_max`,
    help: "The slowest model call so far.",
    registers,
    collect() {
      this.set(snapshot().latencyMs.max / 1000);
    },
  });
}
