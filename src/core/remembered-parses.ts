/**
 * A parser that remembers its last readings. One message is read several times while it is handled
 * (its intent, then its draft, corrections and look-ups), and an open draft is read again with every
 * answer; the rules are pure, so the same text, sender and `now` give the same reading. Each caller
 * gets its own copy (copy.ts): drafts are built by changing what the parser returned.
 */
import type { ParseInput, ParseResult, Parser } from "../parse/index.js";
import { copyOf } from "./copy.js";

/** Enough for the messages in hand at once and the drafts they answer. */
const REMEMBERED = 64;

export function rememberingParser(parser: Parser, size = REMEMBERED): Parser {
  const readings = new Map<string, ParseResult>();
  return {
    parse(input: ParseInput): ParseResult {
      const key = JSON.stringify([input.text, input.senderId, input.now]);
      let reading = readings.get(key);
      if (reading) {
        // Most recently used last: the oldest is the first key.
        readings.delete(key);
      } else {
        reading = parser.parse(input);
        if (readings.size >= size) readings.delete(readings.keys().next().value as string);
      }
      readings.set(key, reading);
      return copyOf(reading);
    },
  };
}
