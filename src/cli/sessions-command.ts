/** `cli sessions revoke --person ID`: signs the person out of the web chat on every browser. */
import { parseArgs } from "node:util";
import type { Db } from "../store/database.js";
import { WebSessionStore } from "../store/web-session-store.js";
import { usageError } from "./cli-errors.js";

const USAGE = "usage: cli sessions revoke --person ID";

export async function runSessions(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  now: Date = new Date(),
): Promise<number> {
  const [action, ...rest] = args;
  if (action !== "revoke") return usageError(err, USAGE);
  let values: { person?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { person: { type: "string" } } }));
  } catch (error) {
    return usageError(err, `${(error as Error).message}\n${USAGE}`);
  }
  if (!values.person) return usageError(err, `sessions revoke needs --person ID\n${USAGE}`);
  const ended = await new WebSessionStore(db).revokeAll(values.person, now);
  out.write(`ended ${ended} web session(s) of ${values.person}\n`);
  return 0;
}
