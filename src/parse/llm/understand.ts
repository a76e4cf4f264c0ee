/**
 * The model-assisted reading of a message (BotExtensions.understand): rules first, then, when the
 * mode calls for it, the model with a small prompt, its answer grounded and merged with the rules.
 * Whatever happens on the model side (timeout, HTTP error, 429 past the budget, bad JSON, an answer
 * outside the contract, a bug here) the rules' reading is returned, within LLM_TIMEOUT_MS.
 */
import type { Config } from "../../config/config.js";
import type { Logger } from "../../log.js";
import type { Parser } from "../index.js";
import type { ParseInput, ParseResult } from "../types.js";
import { AnswerCache } from "./answer-cache.js";
import { gatherCandidates } from "./candidates.js";
import { createStructuredModel, type StructuredMethod, type StructuredModel } from "./chat-model.js";
import { groundAnswer } from "./ground.js";
import { mergeParses } from "./merge.js";
import { LlmMetrics } from "./metrics.js";
import { callModel } from "./model-call.js";
import { buildSystemPrompt, PROMPT_VERSION } from "./prompt.js";
import { type ProvenanceEntry, provenanceOf } from "./provenance.js";
import { type RosterSource, rosterLoader } from "./roster-source.js";
import { readEvidence } from "./text-evidence.js";
import { whyUnsure } from "./unsure.js";

export type LlmConfig = Pick<Config, "LLM_BASE_URL" | "LLM_API_KEY" | "LLM_MODEL" | "LLM_TIMEOUT_MS" | "PARSE_MODE">;

export interface UnderstandOptions {
  /** How the schema is sent; `functionCalling` or `jsonMode` for endpoints without json_schema. */
  method?: StructuredMethod;
  metrics?: LlmMetrics;
  /** HTTP attempts per message, 429 retries included (default 3). */
  maxAttempts?: number;
  /** A model other than ChatOpenAI (tests of this module's own logic). */
  model?: StructuredModel;
}

/** A reading with where each fact came from, when the model took part. */
type UnderstoodResult = ParseResult & { provenance?: ProvenanceEntry[] };

export type Understand = ((input: ParseInput, rules: Parser) => Promise<UnderstoodResult>) & {
  readonly metrics: LlmMetrics;
  readonly mode: Config["PARSE_MODE"];
};

export function createUnderstand(
  config: LlmConfig,
  logger: Logger,
  roster?: RosterSource,
  options: UnderstandOptions = {},
): Understand {
  const metrics = options.metrics ?? new LlmMetrics();
  const baseURL = config.LLM_BASE_URL;
  const mode = baseURL ? config.PARSE_MODE : "rules";
  const log = logger.child({ component: "llm-parse" });
  const loadRoster = rosterLoader(roster);
  const cache = new AnswerCache();
  const model =
    !baseURL || mode === "rules"
      ? null
      : (options.model ??
        createStructuredModel({
          baseURL,
          apiKey: config.LLM_API_KEY,
          model: config.LLM_MODEL,
          timeoutMs: config.LLM_TIMEOUT_MS,
          method: options.method,
        }));

  async function withModel(
    input: ParseInput,
    rules: ParseResult,
    reason: string,
    model: StructuredModel,
  ): Promise<UnderstoodResult> {
    const candidates = gatherCandidates(rules, await loadRoster());
    const system = buildSystemPrompt({ lang: rules.lang, now: input.now, today: rules.today, candidates });
    const outcome = await callModel(model, system, input.text, {
      totalMs: config.LLM_TIMEOUT_MS,
      maxAttempts: options.maxAttempts,
    });
    for (let i = 1; i < outcome.attempts; i++) metrics.retried();
    if (!outcome.ok) {
      metrics.call(outcome.kind, outcome.latencyMs);
      log.warn(
        {
          failure: outcome.kind,
          status: outcome.status,
          error: outcome.error,
          attempts: outcome.attempts,
          latencyMs: outcome.latencyMs,
          reason,
        },
        "model failed; the rule parse is used",
      );
      return rules;
    }
    const { tokens } = outcome.answer;
    metrics.call("ok", outcome.latencyMs, tokens ?? undefined);
    log.info(
      {
        prompt: PROMPT_VERSION,
        model: model.model,
        method: model.method,
        reason,
        latencyMs: outcome.latencyMs,
        attempts: outcome.attempts,
        tokensIn: tokens?.input ?? null,
        tokensOut: tokens?.output ?? null,
        shops: candidates.shops.length,
        products: candidates.products.length,
      },
      "model answered",
    );
    const grounded = groundAnswer(outcome.answer.answer, {
      rules,
      candidates,
      evidence: readEvidence(input.text, rules.today),
    });
    metrics.dropped(grounded.drops.length);
    for (const drop of grounded.drops) log.warn(drop, "model fact dropped: not grounded in the roster or the message");
    const merged = mergeParses(rules, grounded, mode === "llm" ? "llm" : "hybrid");
    const provenance = provenanceOf(merged);
    for (const entry of provenance) if (entry.from === "model") log.info(entry, "fact from the model");
    return { ...merged, provenance };
  }

  const understand = async (input: ParseInput, parser: Parser): Promise<UnderstoodResult> => {
    const rules = parser.parse(input);
    if (!model) return rules;
    const reason = mode === "llm" ? "llm_mode" : whyUnsure(rules);
    if (!reason) {
      metrics.skipped();
      return rules;
    }
    const cached = cache.get(input);
    if (cached) {
      metrics.cachedHit();
      return cached;
    }
    let result: UnderstoodResult;
    try {
      result = await withModel(input, rules, reason, model);
    } catch (error) {
      // A bug on this side must cost the model's help, never the manager's report.
      log.error({ err: error }, "model-assisted parse failed; the rule parse is used");
      result = rules;
    }
    cache.set(input, result);
    return result;
  };
  return Object.assign(understand, { metrics, mode });
}
