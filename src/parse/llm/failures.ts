/**
 * What went wrong with a model call, in the few kinds the bot reacts to differently: a 429 is
 * worth waiting for (when its Retry-After fits the budget), everything else falls back to the
 * rules at once. Errors arrive from the OpenAI SDK, LangChain's wrappers and our own validation.
 */
import type { FailureKind } from "./metrics.js";
import { SchemaInvalidError } from "./model-schema.js";

/** Our own deadline passed: the call is abandoned and the rules answer. */
export class DeadlineError extends Error {
  readonly code = "LLM_DEADLINE";
  constructor(ms: number) {
    super(`no usable answer within ${ms} ms`);
    this.name = "DeadlineError";
  }
}

interface ErrorLike {
  name?: string;
  status?: number;
  constructor?: { name?: string };
  headers?: { get?: (name: string) => string | null } | Record<string, string>;
  lc_error_code?: string;
}

export function classifyFailure(error: unknown): FailureKind {
  const e = (error ?? {}) as ErrorLike;
  const name = `${e.name ?? ""} ${e.constructor?.name ?? ""}`;
  if (error instanceof DeadlineError || /Timeout|AbortError|UserAbort/.test(name)) return "timeout";
  if (error instanceof SchemaInvalidError || /ZodError/.test(name)) return "schema_invalid";
  if (error instanceof SyntaxError || /OutputParserException|LengthFinishReason/.test(name)) return "malformed_json";
  if (e.status === 429 || e.lc_error_code === "MODEL_RATE_LIMIT") return "rate_limited";
  if (typeof e.status === "number") return "http";
  if (/APIConnection|FetchError/.test(name)) return "network";
  return "other";
}

export function httpStatus(error: unknown): number | null {
  const status = (error as ErrorLike | null)?.status;
  return typeof status === "number" ? status : null;
}

function header(error: unknown, name: string): string | null {
  const headers = (error as ErrorLike | null)?.headers;
  if (!headers) return null;
  if (typeof headers.get === "function") return headers.get(name);
  const value = (headers as Record<string, string>)[name];
  return typeof value === "string" ? value : null;
}

/** How long the server asked us to wait (Retry-After in seconds or as a date, or retry-after-ms), or null. */
export function retryAfterMs(error: unknown, now = Date.now()): number | null {
  const ms = Number(header(error, "retry-after-ms"));
  if (header(error, "retry-after-ms") !== null && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = header(error, "retry-after");
  if (raw === null) return null;
  const seconds = Number(raw);
  if (raw.trim() !== "" && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}
