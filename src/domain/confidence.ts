/**
 * How sure a fact must be to be stored without showing it back: below this the bot asks "is that
 * right?" first. One number for the rule parser, the model path and the conversation.
 */
export const SURE_ENOUGH = 0.6;
