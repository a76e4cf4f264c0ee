/** "帮助" / "help": what the bot understands, with examples, for the asker's role. */
import type { Context } from "../core/context.js";
import type { RosterStore } from "../store/roster-store.js";

export async function helpText(ctx: Context, roster: RosterStore): Promise<string> {
  const { person, t } = ctx;
  if (person.role === "manager") return t.help.manager;
  // An example name from the asker's own team reads as theirs; a stranger's name would confuse.
  const teammate = person.team
    ? (await roster.people()).find((p) => p.role === "manager" && p.team === person.team)
    : undefined;
  return t.help.supervisor(teammate?.name ?? null);
}
