/**
 * `cli person deactivate ID` / `cli person activate ID`: offboarding. A deactivated person is nobody
 * to every channel (a polite refusal), gets no pushes, and is signed out of the web chat everywhere;
 * their unused sign-in links and invite codes stop working. Their records stay.
 */
import { expireCodesOf } from "../invites/invite-queries.js";
import type { Db } from "../store/database.js";
import { RosterStore } from "../store/roster-store.js";
import { SignInLinkStore } from "../store/sign-in-link-store.js";
import { WebSessionStore } from "../store/web-session-store.js";
import { usageError } from "./cli-errors.js";

const USAGE = "usage: cli person deactivate ID | cli person activate ID";

export async function runPerson(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  now: Date = new Date(),
): Promise<number> {
  const [action, id, ...rest] = args;
  if ((action !== "deactivate" && action !== "activate") || !id || rest.length) return usageError(err, USAGE);
  const person = await new RosterStore(db).setActive(id, action === "activate");
  if (!person) {
    err.write(`unknown person ${id}\n`);
    return 1;
  }
  if (action === "activate") {
    out.write(`activated ${person.id} ${person.name}; they sign in to the web chat again with a new link\n`);
    return 0;
  }
  const sessions = await new WebSessionStore(db).revokeAll(person.id, now);
  const links = await new SignInLinkStore(db).revokeAll(person.id, now);
  const codes = await expireCodesOf(db, person.id, now);
  out.write(
    `deactivated ${person.id} ${person.name}: ${sessions} web session(s) ended, ${links} sign-in link(s) and ${codes} invite code(s) cancelled\n`,
  );
  return 0;
}
