import type { InviteMessages } from "../messages/invites.js";

export const invites: InviteMessages = {
  welcome: (name) =>
    `Welcome, ${name}! This account is now linked to you on Fieldmate. Just text me your visits; send "help" to see what I can do.`,
  unknownCode: (code) =>
    `The invite code ${code} doesn't exist. Please check it and send it again, or ask your admin for a new one.`,
  expiredCode: (code, days) =>
    `The invite code ${code} has expired (codes last ${days} days). Please ask your admin for a new one.`,
  usedCode: (code) =>
    `The invite code ${code} has already been used; each code works once. Please ask your admin for a new one.`,
};
