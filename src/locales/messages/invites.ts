/**
 * The invites part of the message catalogue. A code's sender is not linked yet, so refusals go out
 * in every language (`inEveryLanguage`); the welcome is in the linked person's own.
 */
export interface InviteMessages {
  welcome(name: string): string;
  unknownCode(code: string): string;
  expiredCode(code: string, validDays: number): string;
  usedCode(code: string): string;
}
