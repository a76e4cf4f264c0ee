/**
 * The model-assisted parse (issue 8): `createUnderstand` is the core's `understand` dependency;
 * the structured-output methods are exported for the CLI.
 */

export { STRUCTURED_METHODS, type StructuredMethod } from "./chat-model.js";
export { createUnderstand, type Understand, type UnderstandOptions } from "./understand.js";
