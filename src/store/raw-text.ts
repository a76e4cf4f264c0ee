/**
 * Faithful raw storage of inbound text. A NUL (PostgreSQL refuses it in text columns) or a lone
 * surrogate (half an emoji cut by a client; SQLite's driver refuses to encode it) must not turn a
 * message into a 500 that is never stored. The readable column gets U+FFFD in their place, and the
 * exact original is kept beside it as a JSON string literal: JSON.stringify writes NUL and lone
 * surrogates as ASCII `\u` escapes (and everything else as it is), and JSON.parse restores them.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what must not reach the database.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export interface StorableText {
  /** Safe for every database; what handlers, audits and searches read. */
  text: string;
  /** The exact original, escaped; null when `text` is the original. */
  rawEscaped: string | null;
}

export function storableText(original: string): StorableText {
  const text = original.replace(UNSTORABLE, "\ufffd");
  return { text, rawEscaped: text === original ? null : JSON.stringify(original) };
}

/** The text exactly as it was received. */
export function originalText(row: StorableText): string {
  return row.rawEscaped === null ? row.text : (JSON.parse(row.rawEscaped) as string);
}
