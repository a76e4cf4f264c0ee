import type { HelpMessages } from "../messages/help.js";

export const help: HelpMessages = {
  manager: [
    "I'm Fieldmate, your visit assistant. Just text me what happened — no forms:",
    '· "Joe\'s OOS Coke Zero, 3 cs Sprite left, back Tue"',
    '· "Yesterday at Sunrise: 4 cases Dasani, owner ordered 2 cases Monster"',
    '· "Ran a Monster sampling at QS12, 42 people tried it, sold 9 cans"',
    'I\'ll show you what I understood; fix it with "no, 15 cases" or "remove Coke Zero from out of stock", and "undo" takes back the last change.',
    'Another message about the same store on the same day is added to that visit; say "went back" if it was a second visit.',
    'You can also ask: "what\'s my plan", "when did I last see Joe\'s".',
  ].join("\n"),
  supervisor: (member) =>
    [
      "I'm Fieldmate, your visit assistant. Ask me about your team:",
      '· "how\'s the team doing today", "who hasn\'t reported today?"',
      `· "which stores are out of Coke Zero this week"${member ? `, "how many stores did ${member} visit today"` : ""}`,
      "You can log visits yourself too, just like your reps.",
    ].join("\n"),
  thanks: "You're welcome! Send me your visits any time.",
  greeting: (name) => `Hi ${name}! Just text me your visits, or send "help" to see what I can do.`,
  acknowledged: "👌",
  notUnderstood:
    'That didn\'t look like a visit report, so nothing was logged. To log a visit just send the store and what happened, e.g. "Joe\'s OOS Coke Zero, 3 cs Sprite"; send "help" to see what I can do.',
};
