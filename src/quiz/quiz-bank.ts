/**
 * The 应知应会 question bank, imported from CSV (question, option_a … option_d, answer, explanation, lang).
 * The file is validated whole before anything is written; re-importing updates a question's options
 * and answer in place (a question is identified by its language and wording).
 */
import { readFileSync } from "node:fs";
import { LANGS, type Lang } from "../domain/roster.js";
import { CsvFormatError, parseCsv } from "../roster/csv.js";
import type { Db } from "../store/database.js";
import { saveQuestions } from "./quiz-queries.js";

const QUIZ_COLUMNS = [
  "question",
  "option_a",
  "option_b",
  "option_c",
  "option_d",
  "answer",
  "explanation",
  "lang",
] as const;

export class QuizImportError extends Error {
  readonly code = "QUIZ_IMPORT";
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}

export interface QuizRow {
  lang: Lang;
  question: string;
  optionA: string;
  optionB: string;
  optionC: string;
  optionD: string;
  answer: "A" | "B" | "C" | "D";
  explanation: string;
}

/** The file as CSV; a broken record (an unclosed quote, say) is a bad row like any other, not a crash. */
function quizTable(text: string) {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new QuizImportError(error.line, error.reason);
    throw error;
  }
}

export function readQuizCsv(text: string): QuizRow[] {
  const { header, records } = quizTable(text);
  const missing = QUIZ_COLUMNS.filter((c) => c !== "explanation" && !header.includes(c));
  if (missing.length)
    throw new QuizImportError(1, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  const seen = new Set<string>();
  return records.map(({ line, values }) => {
    // Every column named in the header is in each record; a column the header lacks reads as empty.
    const v = (column: (typeof QUIZ_COLUMNS)[number]) => values[column] ?? "";
    const required = (column: (typeof QUIZ_COLUMNS)[number]) => {
      if (!v(column)) throw new QuizImportError(line, `${column} is empty`);
      return v(column);
    };
    const question = required("question");
    const options = {
      optionA: required("option_a"),
      optionB: required("option_b"),
      optionC: required("option_c"),
      optionD: required("option_d"),
    };
    const answer = v("answer")
      .toUpperCase()
      .replace(/[^A-D]/g, "");
    if (answer.length !== 1) throw new QuizImportError(line, `answer must be one of A, B, C, D (got "${v("answer")}")`);
    const lang = v("lang").toLowerCase();
    if (!isLang(lang)) throw new QuizImportError(line, `lang must be ${LANGS.join(" or ")} (got "${v("lang")}")`);
    const key = `${lang}\u0000${question}`;
    if (seen.has(key)) throw new QuizImportError(line, "the same question appears twice");
    seen.add(key);
    return {
      lang,
      question,
      ...options,
      answer: answer as QuizRow["answer"],
      explanation: v("explanation"),
    };
  });
}

export interface QuizImportReport {
  created: number;
  updated: number;
  unchanged: number;
}

export async function importQuizCsv(db: Db, file: string): Promise<QuizImportReport> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new QuizImportError(0, `${file}: file not found`);
  }
  return importQuizRows(db, readQuizCsv(text));
}

function importQuizRows(db: Db, rows: QuizRow[]): Promise<QuizImportReport> {
  return saveQuestions(db, rows);
}

function isLang(lang: string): lang is Lang {
  return (LANGS as readonly string[]).includes(lang);
}
