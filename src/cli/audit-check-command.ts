/**
 * `cli audit-check [--database URL]`: replays every record's audit trail and reports records whose
 * stored state differs from what their creation and corrections produce, and messages that changed a
 * record they do not name. Exits 1 when it finds anything, so a cron job or CI step can alert on it.
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../config/config.js";
import { openDatabase } from "../store/database.js";
import { auditCheck } from "../visits/audit-check.js";

export async function runAuditCheck(
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const { values } = parseArgs({ args, options: { database: { type: "string" }, help: { type: "boolean" } } });
  if (values.help) {
    err.write("usage: cli audit-check [--database URL]   (default: DATABASE_URL)\n");
    return 0;
  }
  const database = await openDatabase(values.database ?? loadConfig().DATABASE_URL);
  try {
    const report = await auditCheck(database.db);
    for (const finding of report.findings) out.write(`${finding.kind} ${finding.record}: ${finding.detail}\n`);
    out.write(
      `${report.records} records, ${report.entries} audit entries checked: ${report.findings.length ? `${report.findings.length} problem(s)` : "all consistent"}\n`,
    );
    return report.findings.length ? 1 : 0;
  } finally {
    await database.close();
  }
}
