/**
 * Every numbered choice the bot offers can be answered by typing its number ("2", "第二个", "the
 * second one") on any channel, not only by a button: the choices of the last answer are kept in the
 * session until the next message, and a reply that is only a pick is read as the chosen option's value.
 */
import type { Reply } from "../domain/messages.js";
import { ordinalOf } from "./picks.js";
import type { Session } from "./session.js";

declare module "./session.js" {
  interface Session {
    /** The values of the numbered options in the bot's last answer. */
    choices?: string[];
  }
}

/** The value a reply picks from the last offered choices, or null when it is not a pick of one of them. */
export function pickedChoice(session: Session, text: string): string | null {
  const values = session.choices;
  if (!values?.length) return null;
  const n = ordinalOf(text);
  if (n === null) return null;
  return values[n === -1 ? values.length - 1 : n - 1] ?? null;
}

/** Keeps the choices of this answer for the next message (and forgets older ones). */
export function rememberChoices(session: Session, replies: Reply[]): void {
  const offered = replies.filter((r) => r.kind === "choices").at(-1);
  session.choices = offered?.kind === "choices" ? offered.choices.map((c) => c.value) : undefined;
}
