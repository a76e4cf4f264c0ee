/**
 * Acting on a correction: find the record (the one referenced, else the sender's latest), check the
 * sender may change it, apply, and answer with the updated receipt. Every change is audited by the store.
 */
import { formatOf, type StoredRecord } from "../store/record-store.js";
import { canActFor } from "./access.js";
import type { Context, DialogueState } from "../core/context.js";
import { amend, setLineQuantity, type Correction } from "./corrections.js";
import { loadNames, referencesOf } from "../store/name-book.js";
import { renderReceipt, shortReference } from "./receipt.js";

export async function handleCorrection(ctx: Context, state: DialogueState, correction: Correction): Promise<void> {
  ctx.intent = `correction:${correction.kind}`;
  const targets = await findTargets(ctx, correction.references);
  if (targets === "forbidden") {
    ctx.say("这条记录不是您的，不能修改。只能改自己（主管可改本组）的记录。", "That record isn't yours, so I can't change it. You can correct your own records (supervisors: their team's).");
    return;
  }
  if (targets.length === 0) {
    ctx.say("没有找到可以更正的记录。先发一条拜访记录，我记下后就能改了。", "There's no record to correct yet. Send me a visit first; once it's logged you can change it.");
    return;
  }
  if (correction.kind === "undo") {
    for (const record of targets) await ctx.records.undo(record, ctx.person.id);
    const names = await namesOf(ctx, targets);
    const what = targets.map((r) => describe(r, names, ctx.lang)).join(ctx.lang === "zh" ? "、" : ", ");
    ctx.say(`已撤销：${what}。`, `Undone: ${what}.`);
    return;
  }
  if (correction.kind === "edit") {
    const names = await namesOf(ctx, targets);
    ctx.reply(renderReceipt(targets, names, ctx.lang, "stored"));
    ctx.say(
      "要改哪里直接告诉我，例如「不对，是15条」「改成软中华」「不是张记，是旺旺」「下次周五去」「日期是昨天」。",
      'Tell me what to change, e.g. "no, 15 cases", "not Coke Zero, Diet Coke", "not Joe\'s, Sunrise", "follow-up Friday", "that was yesterday".',
    );
    return;
  }
  // Several records from one message: the correction names its shop, or we ask.
  const record = targets.length === 1 ? targets[0] : await pickByShop(ctx, targets, correction.text);
  if (!record) {
    const names = await namesOf(ctx, targets);
    ctx.reply({
      kind: "choices",
      text: ctx.lang === "zh" ? "要改哪一家的记录？" : "Which record should I change?",
      choices: targets.map((r) => ({ label: describe(r, names, ctx.lang), value: `${correction.text} ${shortReference(r.id)}` })),
    });
    return;
  }
  await applyAmendment(ctx, state, record, correction.text);
}

/** Continues a correction that asked which line it meant. Returns false when the reply is not an answer. */
export async function answerLineQuestion(ctx: Context, state: DialogueState): Promise<boolean> {
  const open = state.correction!;
  const pick = /^\s*(\d{1,2})\s*$/.exec(ctx.message.text);
  const line = pick ? open.lines[Number(pick[1]) - 1] : open.lines.find((l) => ctx.message.text.includes(l.sku));
  // Answered or not, the question lapses: a later "2" must not change a line by surprise.
  await ctx.dialogue.write(ctx.person.id, { ...state, correction: null });
  state.correction = null;
  if (!line) return false;
  const record = await ctx.records.get(open.recordKind, open.recordId);
  const after = record ? setLineQuantity(formatOf(record), line.list, line.index, open.text) : null;
  if (!record || !after) return false;
  await store(ctx, record, after);
  return true;
}

async function applyAmendment(ctx: Context, state: DialogueState, record: StoredRecord, text: string): Promise<void> {
  const names = await namesOf(ctx, [record]);
  const result = amend(formatOf(record), text, {
    parser: ctx.parser,
    senderId: ctx.person.id,
    now: ctx.now,
    shopName: record.type === "visit" ? names.shop(record.retailer) : null,
  });
  if (result.kind === "nothing") {
    ctx.say(
      "没看出要改什么。可以这样说：「不对，是15条」「改成软中华」「不是张记，是旺旺」「下次周五去」。",
      'I couldn\'t tell what to change. Try: "no, 15 cases", "not Coke Zero, Diet Coke", "not Joe\'s, Sunrise", "follow-up Friday".',
    );
    return;
  }
  if (result.kind === "which_line") {
    const lineNames = await loadNames(ctx.db, [], result.lines.map((l) => l.sku));
    await ctx.dialogue.write(ctx.person.id, { ...state, correction: { recordKind: record.type, recordId: record.id, text, lines: result.lines } });
    ctx.reply({
      kind: "choices",
      text: ctx.lang === "zh" ? "改哪一项？" : "Which line?",
      choices: result.lines.map((l, i) => ({ label: lineNames.product(l.sku), value: String(i + 1) })),
    });
    return;
  }
  await store(ctx, record, result.after);
}

async function store(ctx: Context, record: StoredRecord, after: ReturnType<typeof formatOf>): Promise<void> {
  const updated = await ctx.records.update(record, after, ctx.person.id);
  const names = await namesOf(ctx, [updated]);
  ctx.reply(renderReceipt([updated], names, ctx.lang, "updated"));
}

async function findTargets(ctx: Context, references: string[]): Promise<StoredRecord[] | "forbidden"> {
  if (references.length === 0) return ctx.records.latestOf(ctx.person.id);
  const found: StoredRecord[] = [];
  for (const reference of references) {
    const record = await ctx.records.byReference(reference);
    if (!record || record.status !== "active") continue;
    if (!(await canActFor(ctx.db, ctx.person, record.managerId))) return "forbidden";
    found.push(record);
  }
  return found;
}

async function pickByShop(ctx: Context, records: StoredRecord[], text: string): Promise<StoredRecord | null> {
  const mentioned = ctx.parser.parse({ text, senderId: ctx.person.id, now: ctx.now }).shops.map((s) => s.id);
  const hits = records.filter((r) => (r.type === "visit" ? mentioned.includes(r.retailer) : r.retailers.some((id) => mentioned.includes(id))));
  return hits.length === 1 ? hits[0] : null;
}

async function namesOf(ctx: Context, records: StoredRecord[]) {
  const { shops, skus } = referencesOf(records);
  return loadNames(ctx.db, shops, skus);
}

function describe(record: StoredRecord, names: Awaited<ReturnType<typeof loadNames>>, lang: "zh" | "en"): string {
  if (record.type === "visit") return lang === "zh" ? `${names.shop(record.retailer)} ${record.date} 的拜访` : `the ${record.date} visit to ${names.shop(record.retailer)}`;
  return lang === "zh" ? `${record.date} 的活动` : `the ${record.date} promotion`;
}
