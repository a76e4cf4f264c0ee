import { formatVisit } from "../../../support/format-visit.js";

/** A visit record as the model answers it (the contract's shape), empty but for the facts given. */
export const modelVisit = (over: Record<string, unknown>) => ({ ...formatVisit(null, "2026-11-25"), ...over });
