/** The quiz part of the message catalogue: the daily 应知应会 question and its verdict. */
export interface QuizMessages {
  /** The question with its lettered option lines ("A. …"), and how to answer. */
  question(question: string, options: string[]): string;
  /** `answer` is the right letter, `option` its text. */
  correct(answer: string, option: string): string;
  wrong(chosen: string, answer: string, option: string): string;
  /** The explanation under the verdict. */
  why(explanation: string): string;
}
