/** `cli import PATH [--encoding ENC]`: the roster import with a report per table and a progress bar for large ones. */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { type FileReport, importRoster, MissingRosterFileError, RosterRowError } from "../roster/import-roster.js";
import type { Db } from "../store/database.js";

/** Files with more rows than this get a progress bar. */
const PROGRESS_THRESHOLD = 2000;
const USAGE = "usage: cli import PATH [--encoding gbk|utf8|utf16le|…]   (PATH: a roster folder or an .xlsx workbook)";

/** `defaultZone` is the zone of a person whose row names none (TZ_DEFAULT). */
export async function runImport(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  defaultZone?: string,
): Promise<number> {
  let path: string | undefined;
  let encoding: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { encoding: { type: "string" } },
    });
    [path] = positionals;
    encoding = values.encoding;
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!path) {
    err.write(`import needs a folder or a workbook\n${USAGE}\n`);
    return 2;
  }
  const bars = new Map<string, cliProgress.SingleBar>();
  const onProgress = (file: string, done: number, total: number) => {
    if (total <= PROGRESS_THRESHOLD) return;
    let bar = bars.get(file);
    if (!bar) {
      bar = new cliProgress.SingleBar(
        { format: `${file} [{bar}] {value}/{total}`, stream: err as NodeJS.WriteStream, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0);
      bars.set(file, bar);
    }
    bar.update(done);
    if (done === total) bar.stop();
  };
  try {
    const reports = await importRoster(db, path, { onProgress, encoding, ...(defaultZone ? { defaultZone } : {}) });
    for (const r of reports) out.write(`${formatReport(r)}\n`);
    return 0;
  } catch (error) {
    for (const bar of bars.values()) bar.stop();
    if (error instanceof RosterRowError) {
      err.write(`${error.message}\nNothing from ${error.file} was written, nor from the other files.\n`);
      return 1;
    }
    if (error instanceof MissingRosterFileError) {
      err.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

function formatReport(r: FileReport): string {
  const read = r.encoding ? ` (read as ${r.encoding})` : "";
  return `${r.file}${read}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
}
