/** `cli unlink --person ID --channel C`: the person's chat identities on that channel are no longer theirs. */
import { parseArgs } from "node:util";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { usageError } from "./cli-errors.js";

export async function runUnlink(
  db: Db,
  args: string[],
  channels: readonly string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  const usage = `usage: cli unlink --person ID --channel ${channels.join("|")}`;
  let values: { person?: string; channel?: string };
  try {
    ({ values } = parseArgs({ args, options: { person: { type: "string" }, channel: { type: "string" } } }));
  } catch (error) {
    return usageError(err, `${(error as Error).message}\n${usage}`);
  }
  if (!values.person || !values.channel) return usageError(err, `unlink needs --person and --channel\n${usage}`);
  if (!channels.includes(values.channel)) return usageError(err, `unknown channel ${values.channel}\n${usage}`);
  const removed = await new RosterStore(db).unlink(values.person, values.channel);
  if (removed === 0) {
    err.write(`${values.person} has no ${values.channel} identity\n`);
    return 1;
  }
  out.write(`unlinked ${removed} ${values.channel} identit${removed === 1 ? "y" : "ies"} from ${values.person}\n`);
  return 0;
}
