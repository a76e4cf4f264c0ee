/**
 * What the bot reads in a reply, per language: picks from numbered choices, yes/no, skip and
 * cancel, units, the openings of corrections, removals and undo, and the few words that tell a
 * report from a correction or a question. A reply is read in every language the bot knows (a
 * Chinese speaker may well type "ok" or "undo").
 */
import type { Unit } from "../domain/records.js";

/** The facts of a record a removal can name: "去掉软中华的断货" / "remove Coke Zero from out of stock". */
export type FactList = "stock" | "outOfStock" | "listed" | "orders" | "sales" | "followUp";

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
  /** Take back the last change: 撤销 / undo (alone, or with a record's #reference). */
  undo: RegExp;
  edit: RegExp;
  /** Openings of a correction that takes a fact out: 去掉 / remove … */
  remove: RegExp;
  /** Which fact a removal names, by the words for it (断货 / out of stock). */
  factLists: [RegExp, FactList][];
  /** Openings of a correction: 不对 / not … (some of them also open ordinary reports). */
  amend: RegExp;
  /**
   * The openings of `amend` that say plainly the last record was wrong (不对, 改成 / wrong, make it);
   * the others (不是, 下次 / no, not, actually, back) also begin new reports.
   */
  plainlyAmends: RegExp;
  /** Words that make a date in a correction the follow-up rather than the visit's day. */
  followUp: RegExp;
  /** A headcount in a correction ("40人", "40 people"): the promotion's consumers, not a sales line; the number in the first group that matched. */
  headcount: RegExp;
  /** A duration in a correction, number in group 1, with the minutes one unit of it is. */
  durations: [RegExp, number][];
  /** A second visit to a shop the same day (又去了一趟 / went back): a new visit, not more of the first. */
  secondVisit: RegExp;
  /** A message asking something (…吗？ / when was …): a question, never a visit to log. */
  asks: RegExp;
}
