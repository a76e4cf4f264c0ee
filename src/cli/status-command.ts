/** `cli status --team NAME --date YYYY-MM-DD [--json] [--lang zh|en]`: a team's day, as the supervisor's chat answer or JSON. */
import { parseArgs } from "node:util";
import { LANGS, type Lang } from "../domain/roster.js";
import { TeamReportError, teamReport } from "../reports/index.js";
import type { Db } from "../store/database.js";

const USAGE = "usage: cli status --team NAME --date YYYY-MM-DD [--json] [--lang zh|en]";

export async function runStatus(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  let values: { team?: string; date?: string; json?: boolean; lang?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        team: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
      },
    }));
  } catch (error) {
    err.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (!values.team || !values.date) {
    err.write(`status needs --team and --date\n${USAGE}\n`);
    return 2;
  }
  if (values.lang && !LANGS.includes(values.lang as Lang)) {
    err.write(`--lang must be zh or en (got ${values.lang})\n`);
    return 2;
  }
  try {
    const report = await teamReport(db, values.team, values.date, values.lang as Lang | undefined);
    out.write(values.json ? `${JSON.stringify(report.json, null, 2)}\n` : `${report.text}\n`);
    return 0;
  } catch (error) {
    if (error instanceof TeamReportError) {
      err.write(`${error.message}\n`);
      return error.code === "REPORT_BAD_DAY" ? 2 : 1;
    }
    throw error;
  }
}
