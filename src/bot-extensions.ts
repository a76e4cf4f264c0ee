/** The answers the rest of Fieldmate lends the chat core: plans, skips and quizzes, and the team reports. */
import type { BotExtensions } from "./core/context.js";
import { planExtensions } from "./plans/chat-extensions.js";
import { answerStatusQuery } from "./reports/index.js";

export const standardExtensions: BotExtensions = { ...planExtensions, answerStatus: answerStatusQuery };
