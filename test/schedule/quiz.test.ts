import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../src/locales/index.js";
import {
  askQuiz,
  gradeQuizAnswer,
  importQuizCsv,
  parseQuizChoice,
  QuizImportError,
  quizHandlers,
  quizScores,
  readQuizCsv,
} from "../../src/quiz/index.js";
import { importRoster } from "../../src/roster/import-roster.js";
import type { Db } from "../../src/store/database.js";
import { OutboxStore } from "../../src/store/outbox-store.js";
import { chatOn } from "../plans/chat-context.js";
import { PROVIDERS } from "../support/databases.js";
import { REPO_ROOT, TEST_ROSTER } from "../support/fixtures.js";
import { closeDatabasesAfterEach, freshDatabase, ManualClock } from "./schedule-setup.js";

closeDatabasesAfterEach();

const BANK = join(REPO_ROOT, "prisma/demo/quiz.csv");
const zh = messagesFor("zh");
const en = messagesFor("en");
const M01 = { id: "M01", timezone: "Asia/Shanghai" };
const M07 = { id: "M07", timezone: "America/Chicago" };

describe("recognising a quiz answer", () => {
  it.each([
    ["C", "C"],
    ["c", "C"],
    ["选C", "C"],
    ["选 c", "C"],
    ["答案是C", "C"],
    ["我选B吧", "B"],
    ["应该选D", "D"],
    ["Ｃ", "C"],
    ["B。", "B"],
    ["选择A", "A"],
    ["I pick B", "B"],
    ["i choose a", "A"],
    ["I'll go with c", "C"],
    ["my answer is D", "D"],
    ["answer: a", "A"],
    ["Option C", "C"],
    ["(b)", "B"],
    ["d.", "D"],
  ])("reads %j as %s", (text, letter) => {
    expect(parseQuizChoice(text)).toBe(letter);
  });

  it.each([
    "老王烟酒店 C区货架",
    "E",
    "今天去哪几家",
    "CD",
    "a lot of Coke sold",
    "B栋2号",
    "选",
    "",
    "I pick up 3 cases at B",
  ])("does not read %j as an answer", (text) => {
    expect(parseQuizChoice(text)).toBeNull();
  });
});

describe("the question bank file", () => {
  it("ships a demo bank of Chinese and English questions that imports cleanly", () => {
    const rows = readQuizCsv(readFileSync(BANK, "utf8"));
    expect(rows.filter((r) => r.lang === "zh").length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => r.lang === "en").length).toBeGreaterThanOrEqual(6);
    expect(rows.every((r) => r.explanation.length > 0)).toBe(true);
  });

  it("reports a bad row by its line number", () => {
    const csv =
      "question,option_a,option_b,option_c,option_d,answer,explanation,lang\nQ1,a,b,c,d,B,,zh\nQ2,a,b,c,d,E,,zh\n";
    expect(() => readQuizCsv(csv)).toThrow(new QuizImportError(3, 'answer must be one of A, B, C, D (got "E")'));
    expect(() => readQuizCsv("question,option_a\nQ,a\n")).toThrow(
      /missing columns option_b, option_c, option_d, answer, lang/,
    );
    const unclosed =
      'question,option_a,option_b,option_c,option_d,answer,explanation,lang\nQ1,a,b,c,d,B,,zh\n"Q2,a,b,c,d,B,,zh\n';
    expect(() => readQuizCsv(unclosed)).toThrow(QuizImportError);
    expect(() => readQuizCsv(unclosed)).toThrow(/^line 3: /);
  });
});

describe.each(PROVIDERS)("quizzes on $name", ({ create }) => {
  async function organisation(): Promise<Db> {
    const { db } = await freshDatabase(create);
    await importRoster(db, TEST_ROSTER);
    return db;
  }

  /** Asks today's question and marks its push as sent, as the scheduler and deliverer would. */
  async function pushQuiz(db: Db, personId: string, lang: "zh" | "en", day: string) {
    const asked = (await askQuiz(db, personId, day, messagesFor(lang)))!;
    const outbox = new OutboxStore(db, new ManualClock(`${day}T04:00:00Z`));
    await outbox.enqueue({ personId, kind: "quiz", day, replies: asked.replies });
    await db.outbox.updateMany({ where: { personId, kind: "quiz", day }, data: { status: "sent" } });
    return asked;
  }

  it("imports the bank idempotently", async () => {
    const db = await organisation();
    const first = await importQuizCsv(db, BANK);
    expect(first.created).toBeGreaterThanOrEqual(18);
    expect(await importQuizCsv(db, BANK)).toEqual({ created: 0, updated: 0, unchanged: first.created });
  });

  it("grades a Chinese answer with the explanation, stores it, and grades it only once", async () => {
    const db = await organisation();
    await importQuizCsv(db, BANK);
    const asked = await pushQuiz(db, "M01", "zh", "2026-11-26");
    expect(asked.question.question).toBe("按分类拜访的要求，品牌店一般多久拜访一次？");
    expect(asked.replies[0]).toMatchObject({ kind: "text", text: expect.stringContaining("B. 每周1次") });
    const now = new Date("2026-11-26T05:00:00Z");
    const wrong = await gradeQuizAnswer(db, M01, "选C", now, zh);
    expect(wrong).toEqual([
      {
        kind: "text",
        text: "差一点。你选的是 C，正确答案是 B（每周1次）。\n解析：分类拜访：品牌店每周1次，精品店每两周1次，普通店和农村店每四周1次。",
      },
    ]);
    expect(await gradeQuizAnswer(db, M01, "B", now, zh)).toBeNull(); // already answered
    expect(await db.quizAnswer.findFirstOrThrow({ where: { personId: "M01" } })).toMatchObject({
      answer: "C",
      correct: false,
    });

    // The next day brings the next question; a right answer says so.
    await pushQuiz(db, "M01", "zh", "2026-11-27");
    expect((await gradeQuizAnswer(db, M01, "答案是B", new Date("2026-11-27T05:00:00Z"), zh))![0]).toMatchObject({
      text: expect.stringMatching(/^答对了！正确答案就是 B（每两周1次）。/),
    });
    expect((await quizScores(db, ["M01"], "2026-11-01", "2026-11-30")).get("M01")).toEqual({
      asked: 2,
      answered: 2,
      correct: 1,
    });
  });

  it("grades an English answer in English", async () => {
    const db = await organisation();
    await importQuizCsv(db, BANK);
    const asked = await pushQuiz(db, "M07", "en", "2026-11-26");
    expect(asked.question.lang).toBe("en");
    const reply = await gradeQuizAnswer(db, M07, "I pick B", new Date("2026-11-26T16:00:00Z"), en);
    expect(reply![0]).toMatchObject({
      text: expect.stringMatching(/^Correct! The answer is B \(An out-of-stock \(OOS\) for Diet Coke 2L.*\)\.\nWhy: /),
    });
  });

  it("is not an answer when nothing is open, the question was not sent yet, or it is two days old", async () => {
    const db = await organisation();
    await importQuizCsv(db, BANK);
    expect(await gradeQuizAnswer(db, M01, "C", new Date("2026-11-26T05:00:00Z"), zh)).toBeNull();
    await askQuiz(db, "M01", "2026-11-26", zh); // recorded, but its push has not gone out
    expect(await gradeQuizAnswer(db, M01, "C", new Date("2026-11-26T05:00:00Z"), zh)).toBeNull();
    await db.outbox.create({
      data: { personId: "M01", kind: "quiz", day: "2026-11-26", payload: "[]", status: "sent" },
    });
    expect(await gradeQuizAnswer(db, M01, "今天去哪几家", new Date("2026-11-26T05:00:00Z"), zh)).toBeNull();
    expect(await gradeQuizAnswer(db, M01, "C", new Date("2026-11-28T05:00:00Z"), zh)).toBeNull();
    expect(await gradeQuizAnswer(db, M01, "C", new Date("2026-11-27T05:00:00Z"), zh)).not.toBeNull(); // yesterday's still counts
  });

  it("as a chat handler: grades the answer to a pushed question, and passes anything else on", async () => {
    const db = await organisation();
    await importQuizCsv(db, BANK);
    const [grade] = quizHandlers({ db });
    if (!grade) throw new Error("quizHandlers lists the answer handler");
    const chat = await chatOn(db);
    const early = await chat.context("M01", "B");
    const beforePush = chat.next();
    await grade.handle(early, beforePush);
    expect(beforePush.calls).toBe(1); // nothing open yet: "B" is left to the rest of the bot

    await pushQuiz(db, "M01", "zh", "2026-11-25");
    const notAnAnswer = await chat.context("M01", "今天去哪几家");
    const next = chat.next();
    await grade.handle(notAnAnswer, next);
    expect(next.calls).toBe(1);
    expect(notAnAnswer.replies).toEqual([]);

    const answer = await chat.context("M01", "选B");
    const after = chat.next();
    await grade.handle(answer, after);
    expect(after.calls).toBe(0);
    expect(answer.intent).toBe("quiz_answer");
    expect(answer.replies[0]).toMatchObject({
      text: expect.stringMatching(/^答对了！正确答案就是 B（每周1次）。\n解析：/),
    });
  });

  it("asks the same question again only after the whole bank has been asked", async () => {
    const db = await organisation();
    const file = join(tmpdir(), `quiz-${Date.now()}.csv`);
    writeFileSync(
      file,
      "question,option_a,option_b,option_c,option_d,answer,explanation,lang\nQ1,a,b,c,d,A,,zh\nQ2,a,b,c,d,B,,zh\n",
    );
    await importQuizCsv(db, file);
    const asked = [];
    for (const day of ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"])
      asked.push((await askQuiz(db, "M01", day, zh))!.question.question);
    expect(asked).toEqual(["Q1", "Q2", "Q1", "Q2"]);
    // Asking twice on one day gives the same question.
    expect((await askQuiz(db, "M01", "2026-11-26", zh))!.question.question).toBe("Q2");
  });
});
