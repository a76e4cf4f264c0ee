/** The short reference shown on receipts (#3f2a9c01): the first 8 hex digits of a record's id. */
export function shortReference(id: string): string {
  return `#${id.replace(/-/g, "").slice(0, 8)}`;
}

/** References quoted in a message ("撤销 #3f2a9c01"). */
export const REFERENCE_PATTERN = /#[0-9a-f]{6,12}\b/gi;
