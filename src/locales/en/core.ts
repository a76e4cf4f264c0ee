import type { CoreMessages } from "../messages/core.js";

export const core: CoreMessages = {
  replyWithNumber: (n) => `Reply ${Array.from({ length: n }, (_, i) => i + 1).join(" or ")}`,
  noText: "I didn't get any text. Just type what happened at the visit.",
  nothingToRead:
    'There was no text in that, so nothing was logged. To log a visit, send the store and what happened, e.g. "Joe\'s OOS Coke Zero, 3 cs Sprite".',
  otherLanguage: "Sorry, I only understand Chinese and English. 抱歉，我目前只看得懂中文和英文。",
  failed: "Sorry, something went wrong with that message. It's saved; please try again shortly.",
  tooLong: (cap) =>
    `That message is too long for me (over ${cap} characters). It's saved, but I didn't read it. Please send it in a few parts, a store or two each.`,
  unknownSender:
    "Hello! This account isn't linked to anyone on the Fieldmate roster yet, so I can't record anything. Please ask your admin to link you (they run `cli link` or send you an invite code).",
  notAvailable: "That question isn't available here yet.",
};
