import type { InviteMessages } from "../messages/invites.js";

export const invites: InviteMessages = {
  welcome: (name) =>
    `Welcome, ${name}! This account is now linked to you on Fieldmate. Just text me your visits; send "help" to see what I can do.`,
  invalidCode: (code) =>
    `The invite code ${code} doesn't work: it may be mistyped, used already or expired. Please check it, or ask your admin for a new one.`,
  tooManyAttempts: (minutes) =>
    `Too many wrong invite codes. Please try again in ${minutes} minutes, or ask your admin.`,
};
