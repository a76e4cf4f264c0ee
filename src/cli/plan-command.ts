/**
 * `cli plan --person ID --date YYYY-MM-DD [--json]`: a manager's visit plan for a day.
 * `cli rules list | set --segment S --every N | reset --segment S`: visit frequencies by segment (分类拜访).
 * `cli target add|remove --team NAME --month YYYY-MM --sku SKU`, `cli target list [--team] [--month]`.
 */
import { parseArgs } from "node:util";
import { replyToPlainText } from "../core/plain-text.js";
import { LANGS, type Lang } from "../domain/roster.js";
import { messagesFor } from "../locales/index.js";
import { buildPlan, PlanError } from "../plans/build-plan.js";
import { renderPlan } from "../plans/render-plan.js";
import { addTarget, listTargets, removeTarget } from "../plans/targets.js";
import { listVisitRules, resetVisitRule, setVisitRule } from "../plans/visit-rules.js";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { reportingErrors, usageError } from "./cli-errors.js";

type Out = NodeJS.WritableStream;

export function runPlan(db: Db, args: string[], out: Out, err: Out): Promise<number> {
  return reportingErrors(err, async () => {
    const { values } = parseArgs({
      args,
      options: {
        person: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean" },
        lang: { type: "string" },
      },
    });
    if (!values.person || !values.date) return usageError(err, "plan needs --person ID and --date YYYY-MM-DD");
    if (values.lang !== undefined && !LANGS.includes(values.lang as Lang))
      return usageError(err, `--lang must be ${LANGS.join(" or ")} (got ${values.lang})`);
    const plan = await buildPlan(db, values.person, values.date);
    if (values.json) {
      out.write(`${JSON.stringify(plan, null, 2)}\n`);
      return 0;
    }
    const person = await new RosterStore(db).person(values.person);
    if (!person) throw new PlanError("PLAN_UNKNOWN_PERSON", `unknown person ${values.person}`);
    const t = messagesFor((values.lang as Lang | undefined) ?? person.lang);
    for (const reply of renderPlan(plan, t)) out.write(`${replyToPlainText(reply, t)}\n`);
    return 0;
  });
}

export function runRules(db: Db, args: string[], out: Out, err: Out): Promise<number> {
  return reportingErrors(err, async () => {
    const [action, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { segment: { type: "string" }, every: { type: "string" } } });
    if (action === "list" || action === undefined) {
      for (const r of await listVisitRules(db))
        out.write(
          `${r.segment.padEnd(16)} every ${String(r.everyDays).padStart(3)} days${r.source === "default" ? "  (default)" : ""}\n`,
        );
      return 0;
    }
    if (!values.segment) return usageError(err, `rules ${action} needs --segment SEGMENT`);
    if (action === "set") {
      if (!values.every)
        return usageError(err, "rules set needs --every DAYS, e.g. rules set --segment brand_store --every 7");
      await setVisitRule(db, values.segment, Number(values.every));
      out.write(`${values.segment}: visit every ${Number(values.every)} days\n`);
      return 0;
    }
    if (action === "reset") {
      out.write(
        (await resetVisitRule(db, values.segment))
          ? `${values.segment}: back to the default\n`
          : `${values.segment}: already on the default\n`,
      );
      return 0;
    }
    return usageError(err, `unknown rules action ${action}: use list, set or reset`);
  });
}

export function runTarget(db: Db, args: string[], out: Out, err: Out): Promise<number> {
  return reportingErrors(err, async () => {
    const [action, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: { team: { type: "string" }, month: { type: "string" }, sku: { type: "string" } },
    });
    if (action === "list" || action === undefined) {
      const targets = await listTargets(db, {
        ...(values.team ? { team: values.team } : {}),
        ...(values.month ? { month: values.month } : {}),
      });
      for (const t of targets) out.write(`${t.month}  ${t.team}  ${t.sku}\n`);
      if (targets.length === 0) out.write("no targets\n");
      return 0;
    }
    if (!values.team || !values.month || !values.sku)
      return usageError(err, `target ${action} needs --team NAME --month YYYY-MM --sku SKU`);
    const target = { team: values.team, month: values.month, sku: values.sku };
    if (action === "add") {
      out.write(
        (await addTarget(db, target))
          ? `added ${target.sku} for ${target.team} in ${target.month}\n`
          : `${target.sku} is already a target of ${target.team} in ${target.month}\n`,
      );
      return 0;
    }
    if (action === "remove") {
      out.write(
        (await removeTarget(db, target))
          ? `removed ${target.sku} from ${target.team} in ${target.month}\n`
          : "no such target\n",
      );
      return 0;
    }
    return usageError(err, `unknown target action ${action}: use add, remove or list`);
  });
}
