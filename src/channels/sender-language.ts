/** Which catalogue a channel uses for what it says itself around the core's replies. */
import { LANGS, type Person } from "../domain/roster.js";
import { type Messages, messagesFor } from "../locales/index.js";

/** The roster's default language (people.csv with an empty `lang`), for senders not linked yet. */
const DEFAULT_LANG = LANGS[0];

/** The person's own catalogue; the default language's for a sender we cannot place. */
export function catalogueFor(person: Pick<Person, "lang"> | null | undefined): Messages {
  return messagesFor(person?.lang ?? DEFAULT_LANG);
}
