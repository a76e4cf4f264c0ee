/**
 * The model-assisted parse (issue 8): `createUnderstand` is the BotExtensions.understand plug-in;
 * the rest is exported for the CLI, the docs and tests.
 */

export { STRUCTURED_METHODS, type StructuredMethod } from "./chat-model.js";
export { LlmMetrics, type LlmMetricsSnapshot } from "./metrics.js";
export { PROMPT_VERSION } from "./prompt.js";
export type { ProvenanceEntry } from "./provenance.js";
export type { RosterSource } from "./roster-source.js";
export {
  createUnderstand,
  type LlmConfig,
  type Understand,
  type UnderstandOptions,
  type UnderstoodResult,
} from "./understand.js";
