/**
 * The invites part of the message catalogue. A code's sender is not linked yet, so refusals go out
 * in every language (`inEveryLanguage`); the welcome is in the linked person's own.
 */
export interface InviteMessages {
  welcome(name: string): string;
  /** One answer for a wrong, used or expired code, so guessing learns nothing. */
  invalidCode(code: string): string;
  /** Too many wrong codes from one account; `minutes` until it may try again. */
  tooManyAttempts(minutes: number): string;
}
