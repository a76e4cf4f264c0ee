/** Shared fixtures for parser tests: the test roster and one parser built once. */

import type { FormatParse, FormatVisit } from "../../src/domain/records.js";
import { createParser, type ParseResult, toFormat } from "../../src/parse/index.js";
import { readRosterDir } from "../../src/roster/roster-files.js";
import { TEST_ROSTER } from "../support/fixtures.js";

export { firstOf } from "./first.js";

export const roster = readRosterDir(TEST_ROSTER);
export const parser = createParser(roster);

/** A Wednesday, so "this week" and "next week" both have days on either side. */
export const WED = "2026-11-25T17:40:00+08:00";
export const WED_AUSTIN = "2026-11-25T17:40:00-06:00";

export function parse(text: string, sender = "M01", now = WED): { result: ParseResult; out: FormatParse } {
  const result = parser.parse({ text, senderId: sender, now });
  return { result, out: toFormat(result) };
}

export function visits(out: FormatParse): FormatVisit[] {
  return out.records.filter((r): r is FormatVisit => r.type === "visit");
}

/** The single visit record of a one-shop report. */
export function onlyVisit(text: string, sender = "M01", now = WED): FormatVisit {
  const [only, ...more] = visits(parse(text, sender, now).out);
  if (!only || more.length) throw new Error(`expected one visit: ${JSON.stringify([only, ...more])}`);
  return only;
}
