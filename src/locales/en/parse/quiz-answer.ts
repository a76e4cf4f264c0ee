/** An English answer to the daily quiz: "B", "I pick B", "I'll go with c", "my answer is D", "answer: a", "option C"; the letter is group 1. */
export const EN_QUIZ_ANSWER =
  /^(?:i(?:'ll| will)?\s+(?:pick|choose|chose|go with|say|think it'?s)|my answer is|the answer is|answer\s*(?:is|:)?|option|it'?s)?\s*\(?([a-d])\)?\s*[.!]*$/i;
