/** What the bot can do, and its short answers to chatter. */
export interface HelpMessages {
  manager: string;
  /** For supervisors and admins; `member` is a manager of their own team to use in an example, when there is one. */
  supervisor(member: string | null): string;
  thanks: string;
  greeting(name: string): string;
  acknowledged: string;
  /** A message that is neither a report nor a question: nothing was stored, say so and how to log one. */
  notUnderstood: string;
}
