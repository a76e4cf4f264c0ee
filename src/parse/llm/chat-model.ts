/**
 * The model behind any OpenAI-compatible endpoint (OpenAI, DeepSeek, Qwen/DashScope, vLLM, Ollama),
 * asked for structured output in the FORMAT.md shape. LangChain's own retries are off: retries
 * (429 only) are ours, so they can honour Retry-After and stay inside the message's time budget.
 */
import { AIMessage, HumanMessage, SystemMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import type { FormatParse } from "../../domain/records.js";
import { modelJsonSchema, validateAnswer } from "./model-schema.js";

/**
 * How the schema is sent. `jsonSchema` (default): `response_format: json_schema` with strict on.
 * `functionCalling`: a forced tool call, for endpoints without json_schema (older vLLM, some DeepSeek
 * and Qwen deployments). `jsonMode`: `response_format: json_object`, the prompt alone describes the shape.
 */
export type StructuredMethod = "jsonSchema" | "functionCalling" | "jsonMode";
export const STRUCTURED_METHODS: readonly StructuredMethod[] = ["jsonSchema", "functionCalling", "jsonMode"];

export interface ModelSettings {
  baseURL: string;
  apiKey: string | null;
  model: string | null;
  timeoutMs: number;
  method?: StructuredMethod;
}

export interface ModelAnswer {
  answer: FormatParse;
  tokens: { input: number; output: number } | null;
}

export interface StructuredModel {
  readonly method: StructuredMethod;
  readonly model: string;
  /** One HTTP attempt; throws on HTTP errors, malformed JSON and answers outside the contract. */
  ask(system: string, message: string, signal: AbortSignal): Promise<ModelAnswer>;
}

/** A model name is needed by every endpoint; this one is only a placeholder that fails loudly at the server. */
const DEFAULT_MODEL = "gpt-4o-mini";
const SCHEMA_NAME = "fieldmate_parse";

export function createStructuredModel(settings: ModelSettings): StructuredModel {
  const method = settings.method ?? "jsonSchema";
  const model = settings.model ?? DEFAULT_MODEL;
  const chat = new ChatOpenAI({
    model,
    // Local servers (Ollama, vLLM) need no key, but the OpenAI client refuses to start without one.
    apiKey: settings.apiKey ?? "not-needed",
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    timeout: settings.timeoutMs,
    maxRetries: 0,
  });
  const schema = modelJsonSchema();
  const structured = chat.withStructuredOutput(schema, {
    name: SCHEMA_NAME,
    method,
    ...(method === "jsonMode" ? {} : { strict: true }),
    includeRaw: true,
  });
  return {
    method,
    model,
    async ask(system, message, signal) {
      const out = await structured.invoke([new SystemMessage(system), new HumanMessage(message)], { signal });
      const usage = AIMessage.isInstance(out.raw) ? out.raw.usage_metadata : undefined;
      if (out.parsed === null || out.parsed === undefined) {
        // includeRaw swallows the parser's error; the raw text says whether it was JSON at all.
        const text = typeof out.raw.content === "string" ? out.raw.content : "";
        JSON.parse(text);
      }
      return {
        answer: validateAnswer(out.parsed ?? JSON.parse(String(out.raw.content))),
        tokens: usage ? { input: usage.input_tokens, output: usage.output_tokens } : null,
      };
    },
  };
}
