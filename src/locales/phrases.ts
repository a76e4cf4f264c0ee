/**
 * What the bot reads in a reply, per language: picks from numbered choices, yes/no, skip and
 * cancel, units, and the openings of corrections and undo. A reply is read in every language the
 * bot knows (a Chinese speaker may well type "ok" or "undo").
 */
import type { Unit } from "../domain/records.js";

export interface ReplyPhrases {
  /** The number a reply picks, 1-based (-1 for "the last"), when the reply is only a pick. */
  ordinal(text: string): number | null;
  /** Leave the asked-about item out: 忽略 / skip. */
  skip: RegExp;
  /** Drop the whole draft: 取消 / cancel. */
  cancel: RegExp;
  yes: RegExp;
  no: RegExp;
  /** A unit named alone ("条", "cases"). */
  units: [RegExp, Unit][];
  /** A unit right after a number inside a correction ("15条", "15 cases"), as a regex source fragment. */
  unitAfterNumber: string;
  undo: RegExp;
  edit: RegExp;
  /** Openings of a correction: 不对 / not … */
  amend: RegExp;
  /** Words that make a date in a correction the follow-up rather than the visit's day. */
  followUp: RegExp;
}
