/** The invites part of the message catalogue. */
// biome-ignore lint/suspicious/noEmptyInterface: filled as the feature moves its wording here
export interface InviteMessages {}
