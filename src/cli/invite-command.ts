/** `cli invite --person ID [--days N]`: prints a one-time code the person sends to the bot to link their chat account. */
import { parseArgs } from "node:util";
import { createInvite, INVITE_TTL_DAYS } from "../invites/invite.js";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";

/** The longest an admin may let a code wait: a code is a password until it is used. */
const MAX_VALID_DAYS = 90;

export async function runInvite(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  now: Date = new Date(),
): Promise<number> {
  let values: { person?: string; days?: string };
  try {
    ({ values } = parseArgs({ args, options: { person: { type: "string" }, days: { type: "string" } } }));
  } catch (error) {
    err.write(`${(error as Error).message}\nusage: cli invite --person ID [--days ${INVITE_TTL_DAYS}]\n`);
    return 2;
  }
  if (!values.person) {
    err.write(`invite needs --person ID\nusage: cli invite --person ID [--days ${INVITE_TTL_DAYS}]\n`);
    return 2;
  }
  const days = values.days === undefined ? INVITE_TTL_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > MAX_VALID_DAYS) {
    err.write(`--days must be a whole number from 1 to ${MAX_VALID_DAYS} (got ${values.days})\n`);
    return 2;
  }
  const person = await new RosterStore(db).person(values.person);
  if (!person) {
    err.write(`unknown person ${values.person}\n`);
    return 1;
  }
  const invite = await createInvite(db, person.id, { now, ttlDays: days });
  // The code alone on the first line, so scripts can take it with `head -1`.
  out.write(`${invite.code}\n`);
  out.write(
    `for ${person.id} ${person.name}, valid until ${invite.expiresAt.toISOString()}, usable once.\n` +
      `Ask them to send the code to the Fieldmate bot on WeChat, WeCom or Slack; that account is then linked to them.\n`,
  );
  return 0;
}
