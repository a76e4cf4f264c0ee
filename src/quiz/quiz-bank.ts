/**
 * The 应知应会 question bank, imported from CSV (question, option_a … option_d, answer, explanation, lang).
 * The file is validated whole before anything is written; re-importing updates a question's options
 * and answer in place (a question is identified by its language and wording).
 */
import { readFileSync } from "node:fs";
import { parseCsv } from "../roster/csv.js";
import type { Db } from "../store/database.js";

export const QUIZ_COLUMNS = ["question", "option_a", "option_b", "option_c", "option_d", "answer", "explanation", "lang"] as const;

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
  lang: "zh" | "en";
  question: string;
  optionA: string;
  optionB: string;
  optionC: string;
  optionD: string;
  answer: "A" | "B" | "C" | "D";
  explanation: string;
}

export function readQuizCsv(text: string): QuizRow[] {
  const { header, records } = parseCsv(text);
  const missing = QUIZ_COLUMNS.filter((c) => c !== "explanation" && !header.includes(c));
  if (missing.length) throw new QuizImportError(1, `missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  const seen = new Set<string>();
  return records.map(({ line, values: v }) => {
    for (const c of ["question", "option_a", "option_b", "option_c", "option_d"] as const) {
      if (!v[c]) throw new QuizImportError(line, `${c} is empty`);
    }
    const answer = v.answer.toUpperCase().replace(/[^A-D]/g, "");
    if (answer.length !== 1) throw new QuizImportError(line, `answer must be one of A, B, C, D (got "${v.answer}")`);
    const lang = v.lang.toLowerCase();
    if (lang !== "zh" && lang !== "en") throw new QuizImportError(line, `lang must be zh or en (got "${v.lang}")`);
    const key = `${lang}\u0000${v.question}`;
    if (seen.has(key)) throw new QuizImportError(line, "the same question appears twice");
    seen.add(key);
    return {
      lang,
      question: v.question,
      optionA: v.option_a,
      optionB: v.option_b,
      optionC: v.option_c,
      optionD: v.option_d,
      answer: answer as QuizRow["answer"],
      explanation: v.explanation ?? "",
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

export async function importQuizRows(db: Db, rows: QuizRow[]): Promise<QuizImportReport> {
  const report: QuizImportReport = { created: 0, updated: 0, unchanged: 0 };
  await db.$transaction(async (tx) => {
    for (const row of rows) {
      const existing = await tx.quizQuestion.findUnique({ where: { lang_question: { lang: row.lang, question: row.question } } });
      if (!existing) {
        await tx.quizQuestion.create({ data: row });
        report.created++;
      } else if ((Object.keys(row) as (keyof QuizRow)[]).some((k) => existing[k] !== row[k])) {
        await tx.quizQuestion.update({ where: { id: existing.id }, data: row });
        report.updated++;
      } else {
        report.unchanged++;
      }
    }
  });
  return report;
}
