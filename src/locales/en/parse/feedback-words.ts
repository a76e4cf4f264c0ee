/** Where an English owner's words start and stop inside a report ("owner complained delivery was late again"). */
import type { FeedbackWords } from "../../../parse/locale.js";

export const feedbackWords: FeedbackWords = {
  clauseBreak: /[,:]|\s[-–—]\s/g,
  speaker: /^(?:owner|manager|mgr|clerk|cashier|he|she|they|guy)\b/,
  // "told him I'd be back", "I said I'd check with Maria": the rep speaking again (the text is lower-cased).
  selfSpeaker: /\b(?:i|we)\s+(?:said|told|will|explained|let|gave|helped|put|am|was)\b|\bi'(?:ll|d|m)\b/,
  leadingFiller: /^(?:\s|and\b|then\b|also\b|so\b|but\b|plus\b)+/,
};
