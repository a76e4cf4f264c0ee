/** `cli import DIR`: the roster import with a report per file and a progress bar for large files. */
import { join } from "node:path";
import cliProgress from "cli-progress";
import { type FileReport, importRoster, MissingRosterFileError, RosterRowError } from "../roster/import-roster.js";
import type { Db } from "../store/database.js";

/** Files with more rows than this get a progress bar. */
const PROGRESS_THRESHOLD = 2000;

/** `defaultZone` is the zone of a person whose row names none (TZ_DEFAULT). */
export async function runImport(
  db: Db,
  dir: string,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  defaultZone?: string,
): Promise<number> {
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
    const reports = await importRoster(db, dir, { onProgress, ...(defaultZone ? { defaultZone } : {}) });
    for (const r of reports) out.write(`${formatReport(r)}\n`);
    return 0;
  } catch (error) {
    for (const bar of bars.values()) bar.stop();
    if (error instanceof RosterRowError) {
      err.write(`${join(dir, error.file)}:${error.line}: ${error.reason}\nNothing from ${error.file} was written.\n`);
      return 1;
    }
    if (error instanceof MissingRosterFileError) {
      err.write(`${error.message}: a roster folder holds people.csv, retailers.csv and/or products.csv\n`);
      return 1;
    }
    throw error;
  }
}

function formatReport(r: FileReport): string {
  return `${r.file}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`;
}
