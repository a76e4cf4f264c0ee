/**
 * CSV text → a header and records keyed by it, each with the line it starts on (csv-parse with `info`).
 * A malformed file (an unclosed quote, a stray quote) is an error naming its line, never rows
 * silently swallowed. Comma, tab (Excel's "Unicode text") and semicolon separators are recognised
 * from the header line.
 */
import { type CsvError, parse } from "csv-parse/sync";

interface CsvRecord {
  /** The 1-based line the record starts on. */
  line: number;
  values: Record<string, string>;
}

interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/** The text is not well-formed CSV; `line` is where the broken record starts. */
export class CsvFormatError extends Error {
  readonly code = "CSV_FORMAT";
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export function parseCsv(text: string): CsvTable {
  // One kind of line break: csv-parse counts a CRLF inside a quoted cell as two lines, which would
  // shift every line number after it (and Excel on Windows writes CRLF).
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let parsed: { record: string[]; info: { lines: number } }[];
  /** The line the last record read whole ends on: a broken record starts after it. */
  let lastEnd = 0;
  try {
    // With `info`, each record comes with where it was read (csv-parse's types do not say so).
    parsed = parse(body, {
      info: true,
      delimiter: delimiterOf(body),
      skip_empty_lines: true,
      // A short row reads as empty cells; a long one keeps what the header names (extra columns are ignored).
      relax_column_count: true,
      // No relax_quotes: leniency about quotes is how an unclosed one swallows the rows after it unnoticed.
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as typeof parsed;
  } catch (error) {
    throw toFormatError(error as CsvError, body, lastEnd);
  }
  const [head, ...rows] = parsed;
  if (!head) return { header: [], records: [] };
  const header = head.record.map((h) => h.trim());
  const records = rows
    .filter((row) => row.record.some((c) => c.trim() !== ""))
    .map(({ record, info }) => ({
      // info.lines is the line the record ends on; a quoted cell may span several.
      line: info.lines - record.reduce((n, cell) => n + lineBreaks(cell), 0),
      values: Object.fromEntries(header.map((name, i) => [name, (record[i] ?? "").trim()])),
    }));
  return { header, records };
}

/** The separator the header line uses most: comma unless tabs or semicolons clearly win. */
function delimiterOf(text: string): string {
  const first = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => first.split(c).length - 1;
  const [best] = [",", "\t", ";"].sort((a, b) => count(b) - count(a));
  return best && count(best) > 0 ? best : ",";
}

function lineBreaks(cell: string): number {
  return cell.split("\n").length - 1;
}

/**
 * csv-parse reports a broken quote where it gave up: the end of the text, or the next quote in the
 * file many rows later. The useful line is where the broken record starts: the first non-blank line
 * after the last record it read whole.
 */
function toFormatError(error: CsvError, text: string, lastEnd: number): Error {
  if (typeof error?.code !== "string") return error;
  const lines = text.split("\n");
  let start = lastEnd + 1;
  while (start <= lines.length && (lines[start - 1] ?? "").trim() === "") start++;
  const noticed = (error as { lines?: number }).lines ?? start;
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return new CsvFormatError(start, "a quote opened in this row is never closed");
  }
  if (noticed > start) {
    // The row it started in is what the analyst must fix, not where the parser gave up.
    return new CsvFormatError(start, "a quote opened in this row is not closed where its cell ends");
  }
  return new CsvFormatError(start, error.message.replace(/ at line \d+/, ""));
}
