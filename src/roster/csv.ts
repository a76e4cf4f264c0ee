/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF, a BOM.
 * Each record keeps the 1-based line number it starts on, so import errors can point at it.
 */

interface CsvRecord {
  line: number;
  values: Record<string, string>;
}

interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export function parseCsv(text: string): CsvTable {
  const rows = splitRows(text.replace(/^\uFEFF/, ""));
  const headerRow = rows.shift();
  if (!headerRow) return { header: [], records: [] };
  const header = headerRow.cells.map((h) => h.trim());
  const records = rows
    .filter((row) => row.cells.some((c) => c.trim() !== ""))
    .map((row) => ({
      line: row.line,
      values: Object.fromEntries(header.map((name, i) => [name, (row.cells[i] ?? "").trim()])),
    }));
  return { header, records };
}

function splitRows(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      rows.push({ line: rowStart, cells });
      cells = [];
      cell = "";
      line++;
      rowStart = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== "" || cells.length) {
    cells.push(cell);
    rows.push({ line: rowStart, cells });
  }
  return rows;
}
