/**
 * The visits feature's part of a person's session: the report waiting for an answer, reports set
 * aside meanwhile, a correction asking which line it meant, a message asked about as correction or
 * new report, and how many receipts carried the how-to-correct hint.
 */
import type { Lang } from "../domain/roster.js";
import type { PendingReport } from "./report-draft.js";

export interface LineQuestion {
  recordKind: "visit" | "promotion";
  recordId: string;
  text: string;
  lines: { list: "stock" | "orders" | "sales"; index: number; sku: string }[];
}

/** A message that could be a correction of the last record or a new report, waiting for the answer. */
export interface CorrectionOrNew {
  text: string;
  /** The message's inbound id and local time: a new report keeps both. */
  messageId: string;
  now: string;
  lang: Lang;
}

export interface VisitDialogue {
  /** A report waiting for an answer to its question. */
  pending: PendingReport | null;
  /** Reports whose question was set aside when a new report came in; asked again afterwards. */
  parked: PendingReport[];
  /** A correction that needs to know which line it means. */
  correction: LineQuestion | null;
  /** A message asked about: a correction, or a new report? */
  choice?: CorrectionOrNew | null;
  /** Receipts shown with the how-to-correct hint so far. */
  hints?: number;
}

declare module "../core/session.js" {
  interface Session {
    visits?: VisitDialogue;
  }
}

export const EMPTY_DIALOGUE: VisitDialogue = { pending: null, parked: [], correction: null };

/** The number of receipts that show how to correct a record; after that the card's Edit button says enough. */
export const HINTED_RECEIPTS = 5;
