/**
 * What every handler gets: the message, the sender, the language to answer in, the local `now`,
 * the stores it may use, and `reply()` to add to the answer (grammY's context, without the network).
 */
import type { Lang, Person } from "../domain/roster.js";
import type { Logger } from "../log.js";
import type { Parser } from "../parse/index.js";
import type { ParseInput, ParseResult } from "../parse/types.js";
import type { Db } from "../store/database.js";
import type { RecordStore } from "../store/record-store.js";
import type { RosterStore } from "../store/roster-store.js";
import type { DialogueStore } from "./dialogue-store.js";
import type { InboundMessage, Reply } from "./messages.js";
import type { PendingReport } from "./report-draft.js";

/** What is open in a person's conversation between messages. */
export interface DialogueState {
  /** A report waiting for an answer to its question. */
  pending: PendingReport | null;
  /** Reports whose question was set aside when a new report came in; asked again afterwards. */
  parked: PendingReport[];
  /** A correction that needs to know which line it means. */
  correction: { recordKind: "visit" | "promotion"; recordId: string; text: string; lines: { list: "stock" | "orders" | "sales"; index: number; sku: string }[] } | null;
}

export const EMPTY_DIALOGUE: DialogueState = { pending: null, parked: [], correction: null };

/** Optional answers other parts of Fieldmate provide (plans, team status, quizzes, push to a supervisor). */
export interface BotExtensions {
  answerPlan?: (ctx: Context) => Promise<Reply[]>;
  answerStatus?: (ctx: Context) => Promise<Reply[]>;
  /** Sets a shop aside for today's plan with a reason. */
  skipShop?: (ctx: Context, retailerId: string, reason: string) => Promise<Reply[]>;
  /** Returns the grading of a quiz answer, or null when the text is not one. */
  gradeQuiz?: (ctx: Context) => Promise<Reply[] | null>;
  /**
   * Reads a message for its intent and records in place of the rule parser alone (PARSE_MODE=llm|hybrid).
   * Mention look-ups (answers, corrections) stay with the rules.
   */
  understand?: (input: ParseInput, rules: Parser) => Promise<ParseResult>;
  /** Sends to another person now (a supervisor told of a red flag). */
  notify?: (personId: string, replies: Reply[]) => Promise<void>;
}

export interface Context {
  message: InboundMessage;
  /** The raw inbound log row this message was stored as. */
  inboundId: string;
  person: Person;
  lang: Lang;
  /** When the message arrived, as ISO 8601 in the sender's zone. */
  now: string;
  /** The sender's local calendar day. */
  today: string;
  db: Db;
  roster: RosterStore;
  records: RecordStore;
  dialogue: DialogueStore<DialogueState>;
  /** The rule parser: fast, for shop and product look-ups. */
  parser: Parser;
  /** The full reading of a report (rules, or rules with a model). */
  understand(input: ParseInput): Promise<ParseResult>;
  logger: Logger;
  extensions: BotExtensions;
  replies: Reply[];
  reply(...replies: Reply[]): void;
  /** Short text in the answer language. */
  say(zh: string, en: string): void;
  /** The intent the message was handled as, for the inbound log. */
  intent: string | null;
}
