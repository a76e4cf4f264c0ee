/**
 * The JSON schema the model is held to, derived from the one contract (formatParseSchema) so the
 * two can never drift. zod writes a discriminated union as `oneOf` and literals as `const`;
 * OpenAI's strict mode (and vLLM/Ollama grammars modelled on it) accept `anyOf` and `enum`, so
 * only those spellings are rewritten. The answer is validated against the zod schema itself.
 */
import { z } from "zod";
import { type FormatParse, formatParseSchema } from "../../domain/records.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rewrite(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewrite);
  if (node === null || typeof node !== "object") return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$schema") continue;
    if (key === "oneOf") out.anyOf = rewrite(value);
    else if (key === "const") out.enum = [value];
    else out[key] = rewrite(value);
  }
  // Strict mode wants every object closed, nested ones included.
  if (out.type === "object" && out.properties) out.additionalProperties = false;
  return out;
}

let cached: Record<string, unknown> | null = null;

/** The strict JSON schema sent as `response_format` (or as the tool's parameters). */
export function modelJsonSchema(): Record<string, unknown> {
  cached ??= rewrite(z.toJSONSchema(formatParseSchema) as Json) as Record<string, unknown>;
  return cached;
}

export class SchemaInvalidError extends Error {
  readonly code = "LLM_SCHEMA_INVALID";
}

/** Holds the model's answer to the contract; unknown keys (an "owner" the model made up) are stripped. */
export function validateAnswer(value: unknown): FormatParse {
  const result = formatParseSchema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new SchemaInvalidError(
      `answer does not fit the contract at ${first?.path.join(".") || "(root)"}: ${first?.message}`,
    );
  }
  return result.data;
}
