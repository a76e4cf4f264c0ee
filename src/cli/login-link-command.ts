/** `cli login-link --person ID [--minutes 15]`: prints a one-time web chat sign-in link for the person. */
import { parseArgs } from "node:util";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { SignInLinkStore } from "../store/sign-in-link-store.js";
import { DEFAULT_LINK_MINUTES, MAX_LINK_MINUTES, SignInLinks } from "../web-login/sign-in-links.js";
import { usageError } from "./cli-errors.js";

const USAGE = `usage: cli login-link --person ID [--minutes ${DEFAULT_LINK_MINUTES}]`;

export async function runLoginLink(
  db: Db,
  baseUrl: string,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  now: Date = new Date(),
): Promise<number> {
  let values: { person?: string; minutes?: string };
  try {
    ({ values } = parseArgs({ args, options: { person: { type: "string" }, minutes: { type: "string" } } }));
  } catch (error) {
    return usageError(err, `${(error as Error).message}\n${USAGE}`);
  }
  if (!values.person) return usageError(err, `login-link needs --person ID\n${USAGE}`);
  const minutes = values.minutes === undefined ? DEFAULT_LINK_MINUTES : Number(values.minutes);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LINK_MINUTES) {
    return usageError(err, `--minutes must be a whole number from 1 to ${MAX_LINK_MINUTES} (got ${values.minutes})`);
  }
  const person = await new RosterStore(db).person(values.person);
  if (!person) {
    err.write(`unknown or deactivated person ${values.person}\n`);
    return 1;
  }
  const links = new SignInLinks(
    new SignInLinkStore(db),
    () => baseUrl,
    () => now,
  );
  const { url, expiresAt } = await links.create(person.id, minutes);
  // The link alone on the first line, so scripts can take it with `head -1`.
  out.write(`${url}\n`);
  out.write(
    `for ${person.id} ${person.name}, valid until ${expiresAt.toISOString()}, usable once. Send it to them privately.\n`,
  );
  return 0;
}
