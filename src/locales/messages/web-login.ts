/** The web-login part of the message catalogue: asking a chat for a one-time web chat sign-in link. */
export interface WebLoginMessages {
  /** What a person sends to ask for a link; compared without case, spaces or punctuation. */
  phrases: readonly string[];
  /** The link, how long it works, and not to pass it on. */
  link(url: string, minutes: number): string;
  /** Asked in the web chat itself. */
  alreadyHere: string;
}
