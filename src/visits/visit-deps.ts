/** What the visits feature needs besides the message: its stores, the reading of a draft, and a way to tell a supervisor. */
import type { Understand } from "../core/bot.js";
import type { Reply } from "../domain/messages.js";
import type { NameBook } from "../store/name-book.js";
import type { RecordStore } from "../store/record-store.js";
import type { RosterStore } from "../store/roster-store.js";

export interface VisitDeps {
  records: RecordStore;
  roster: RosterStore;
  names(shopIds: Iterable<string>, skus: Iterable<string>): Promise<NameBook>;
  /** The reading of a draft's text (rules, or rules with a model), as the core reads messages. */
  understand: Understand;
  /** Sends to another person now (a supervisor told of a red flag). */
  notify?: (personId: string, replies: Reply[]) => Promise<void>;
}
