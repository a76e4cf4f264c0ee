import type { HistoryMessages } from "../messages/history.js";

export const history: HistoryMessages = {};
