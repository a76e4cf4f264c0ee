/** `cli backup FILE` and `cli restore FILE`: the SQLite database copied out while the bot runs, and back in while it is stopped. */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Config } from "../config/config.js";
import { BackupError, backupDatabase, restoreDatabase } from "../ops/backup.js";

type Out = NodeJS.WritableStream;

export async function runBackup(args: string[], config: Config, out: Out, err: Out): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  const [file] = positionals;
  if (!file) {
    err.write("usage: cli backup FILE [--force]\n");
    return 2;
  }
  if (existsSync(file) && !values.force) {
    err.write(`${file} already exists; --force replaces it\n`);
    return 1;
  }
  return reporting(err, async () => {
    const report = await backupDatabase(config.DATABASE_URL, file);
    out.write(`backed up to ${report.file} (${report.bytes} bytes)\n`);
    return 0;
  });
}

export async function runRestore(args: string[], config: Config, out: Out, err: Out): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [file] = positionals;
  if (!file) {
    err.write("usage: cli restore FILE   (stop Fieldmate first)\n");
    return 2;
  }
  return reporting(err, async () => {
    const { kept } = restoreDatabase(config.DATABASE_URL, file);
    out.write(`restored ${file}${kept ? `; the replaced database is kept as ${kept}` : ""}\n`);
    return 0;
  });
}

async function reporting(err: Out, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    err.write(`${error.message}\n`);
    return 1;
  }
}
