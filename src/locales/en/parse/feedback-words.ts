/** Where an English owner's words start and stop inside a report ("owner complained delivery was late again"). */
import type { FeedbackWords } from "../../../parse/locale.js";

export const feedbackWords: FeedbackWords = {
  // Run-on reports join clauses with "then": "…keeps showing up late then hit Joe's".
  clauseBreak: /[,:]|\s[-–—]\s|\bthen\b/g,
  speaker: /^(?:owner|manager|mgr|clerk|cashier|he|she|they|guy)\b/,
  // (a question asked, "owner's asking when…", is the owner's own: "asked for 3 cs" is caught by its count)
  plainSpeech: /\b(?:said|says|saying|told me|tells me|telling me|mentioned|wants?|wanted|would like)$/,
  // "I said I'd check with Maria", "told him we don't carry it": the rep speaking again (the text is lower-cased).
  selfSpeaker:
    /\b(?:i|we)\s+(?:said|told|will|explained|let|gave|helped|put|am|was)\b|\bi'(?:ll|d|m)\b|^\s*(?:told|explained to|showed) (?:him|her|them)\b/,
  // "owner wants out of the deal, says nobody buys Mountain Berry"
  goesOn: /^\s*(?:and\s+)?(?:says|said|saying)\b/,
  // "owner asked me to come back Friday"
  asksWriter: /\b(?:asked|wants|wanted|told|needs) (?:me|us) to\b/,
  // The follow words are the rep's own ("swing by", "back on"); the owner's plans are kept out by the cues themselves.
  writersVisit: /[\s\S]/,
  // English reports break the owner's words off with commas: a work word inside them is theirs.
  doneWork: /(?!)/,
  // "owner asked for a new scanner, got it set up"
  done: /^[\s,.;]*(?:so\s+|and\s+)?(?:i\s+)?(?:fixed|sorted|took care of|handled|set (?:it|that|him|her|them) up|did it|got it (?:done|working|fixed|set up))\b/,
  agrees:
    /^\s*(?:that's |it's )?(?:ok(?:ay)?|fine|got it|understood|no problem|sure|will do|makes sense|he'll fix it|she'll fix it)[.!,\s]*$/,
  ownPlans:
    /^\s*(?:that\s+)?(?:he|she|they)(?:'ll| will|'s| is|'re| are)? (?:be )?(?:out|away|off|gone|on vacation|closing|closed|back|going to be out)\b[^.;]*[.;]?\s*$/,
  leadingFiller: /^(?:\s|and\b|then\b|also\b|so\b|but\b|plus\b)+/,
};
