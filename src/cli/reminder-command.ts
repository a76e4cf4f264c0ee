/** `cli reminder add --cron "0 8 * * 1" --audience team:NAME|role:ROLE|all --text-zh … --text-en …`, `reminder list`, `reminder remove ID`. */
import { parseArgs } from "node:util";
import { addReminder, listReminders, removeReminder } from "../schedule/reminders.js";
import type { Db } from "../store/database.js";
import { reportingErrors, usageError } from "./cli-errors.js";

type Out = NodeJS.WritableStream;

export function runReminder(db: Db, args: string[], out: Out, err: Out): Promise<number> {
  return reportingErrors(err, async () => {
    const [action, ...rest] = args;
    if (action === "list" || action === undefined) {
      const reminders = await listReminders(db);
      for (const r of reminders)
        out.write(`${r.id}  "${r.cron}"  ${r.audience}\n    zh: ${r.textZh}\n    en: ${r.textEn}\n`);
      if (reminders.length === 0) out.write("no reminders\n");
      return 0;
    }
    if (action === "add") {
      const { values } = parseArgs({
        args: rest,
        options: {
          cron: { type: "string" },
          audience: { type: "string" },
          "text-zh": { type: "string" },
          "text-en": { type: "string" },
          by: { type: "string" },
        },
      });
      if (!values.cron || !values.audience)
        return usageError(
          err,
          'reminder add needs --cron "MIN HOUR DAY MONTH WEEKDAY" and --audience team:NAME|role:ROLE|all',
        );
      const r = await addReminder(db, {
        cron: values.cron,
        audience: values.audience,
        textZh: values["text-zh"],
        textEn: values["text-en"],
        createdById: values.by ?? null,
      });
      out.write(`reminder ${r.id}: "${r.cron}" to ${r.audience} (in each person's time zone)\n`);
      return 0;
    }
    if (action === "remove") {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id <= 0)
        return usageError(err, "reminder remove needs the reminder's id (see reminder list)");
      await removeReminder(db, id);
      out.write(`reminder ${id} removed\n`);
      return 0;
    }
    return usageError(err, `unknown reminder action ${action}: use add, list or remove`);
  });
}
