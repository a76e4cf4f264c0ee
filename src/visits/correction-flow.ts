/**
 * Acting on a correction: find the record (the one referenced, else the one the sender changed last),
 * check the sender may change it, apply, and answer with the updated receipt. Undo takes back the
 * last change from the audit trail. Every change is audited by the store, with the message that made it.
 */
import type { Context } from "../core/context.js";
import { ordinalOf, readAnswer } from "../core/picks.js";
import { mayReach } from "../core/visibility.js";
import { shortReference } from "../domain/reference.js";
import { messagesFor } from "../locales/index.js";
import type { NameBook } from "../store/name-book.js";
import { referencesOf } from "../store/name-book.js";
import { type Change, formatOf, type StoredRecord } from "../store/record-store.js";
import { amend, type Correction, readCorrection, removeFacts, setLineQuantity } from "./corrections.js";
import { renderReceipt } from "./receipt.js";
import { saveDialogue, startReport } from "./report-flow.js";
import type { VisitDeps } from "./visit-deps.js";
import type { CorrectionOrNew, LineQuestion, VisitDialogue } from "./visit-dialogue.js";

const say = (ctx: Context, text: string) => ctx.reply({ kind: "text", text });

/** Applies an edit, a removal or an amendment to `targets` (the records it may change). */
export async function handleCorrection(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  correction: Exclude<Correction, { kind: "undo" }>,
  targets: StoredRecord[],
): Promise<void> {
  const c = ctx.t.visits.correction;
  ctx.intent = `correction:${correction.kind}`;
  if (targets.length === 0) return say(ctx, c.nothingToCorrect);
  if (correction.kind === "edit") {
    ctx.reply(renderReceipt(targets, await namesOf(deps, targets), ctx.t, "stored"));
    return say(ctx, c.editHint);
  }
  // Several records from one message: the correction names its shop, or we ask.
  const [only] = targets;
  const record = only && targets.length === 1 ? only : pickByShop(ctx, targets, correction.text);
  if (!record) {
    const names = await namesOf(deps, targets);
    ctx.reply({
      kind: "choices",
      text: c.whichRecord,
      choices: targets.map((r) => ({
        label: describe(ctx, r, names),
        value: `${correction.text} ${shortReference(r.id)}`,
      })),
    });
    return;
  }
  if (correction.kind === "remove") {
    const result = removeFacts(formatOf(record), correction.text, {
      parser: ctx.parser,
      senderId: ctx.person.id,
      now: ctx.now,
    });
    if (result.kind !== "changed") return say(ctx, c.notUnderstood);
    return store(ctx, deps, record, result.after);
  }
  await applyAmendment(ctx, deps, state, record, correction.text);
}

/** "撤销" / "undo": takes back the sender's last change (or the referenced record's), newest first. */
export async function undoLastChange(ctx: Context, deps: VisitDeps, references: string[]): Promise<void> {
  const c = ctx.t.visits.correction;
  ctx.intent = "correction:undo";
  const changes: Change[] = [];
  if (references.length === 0) changes.push(...(await deps.records.lastChangeBy(ctx.person.id)));
  else {
    const targets = await findTargets(ctx, deps, references);
    if (targets === "forbidden") return say(ctx, c.notYours);
    for (const record of targets) {
      const change = await deps.records.lastChangeOf(record.type, record.id);
      if (change) changes.push(change);
    }
  }
  if (changes.length === 0) return say(ctx, c.nothingToUndo);
  const reverted = await deps.records.revert(changes, { actorId: ctx.person.id, messageId: ctx.inboundId });
  if (reverted === "changed_since") return say(ctx, c.changedSince);
  const names = await namesOf(
    deps,
    reverted.map((r) => r.record),
  );
  const withdrawn = reverted.filter((r) => r.withdrawn).map((r) => r.record);
  const restored = reverted.filter((r) => !r.withdrawn).map((r) => r.record);
  if (withdrawn.length) say(ctx, c.undone(ctx.t.format.list(withdrawn.map((r) => describe(ctx, r, names)))));
  if (restored.length) {
    say(ctx, c.reverted(ctx.t.format.list(restored.map((r) => describe(ctx, r, names)))));
    ctx.reply(renderReceipt(restored, names, ctx.t, "restored"));
  }
}

/** Asks whether a message corrects the last record or is a new report, keeping it until the answer. */
export async function askCorrectionOrNew(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  targets: StoredRecord[],
): Promise<void> {
  const c = ctx.t.visits.correction;
  ctx.intent = "correction:ask";
  const names = await namesOf(deps, targets);
  saveDialogue(ctx, {
    ...state,
    choice: { text: ctx.message.text, messageId: ctx.inboundId, now: ctx.now, lang: ctx.lang },
  });
  ctx.reply({
    kind: "choices",
    text: c.correctionOrNew(ctx.t.format.list(targets.map((r) => describe(ctx, r, names)))),
    choices: [c.asCorrection, c.asNew].map((label) => ({ label, value: label })),
  });
}

/** Continues after "更正 or 新记录?". Returns false when the reply is not an answer (the question lapses). */
export async function answerCorrectionOrNew(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  open: CorrectionOrNew,
): Promise<boolean> {
  const c = ctx.t.visits.correction;
  // The question was asked in the message's language: its options are read in that language.
  const asked = messagesFor(open.lang).visits.correction;
  const answer = readAnswer(ctx.message.text, [asked.asCorrection, asked.asNew]);
  const rest = { ...state, choice: null };
  saveDialogue(ctx, rest);
  if (answer.kind === "cancel") {
    say(ctx, ctx.t.visits.flow.cancelled);
    return true;
  }
  if (answer.kind !== "choice") return false;
  if (answer.index === 1) {
    await startReport(ctx, deps, rest, open);
    return true;
  }
  const correction = readCorrection(open.text);
  if (!correction || correction.kind === "undo") return false;
  const targets = await findTargets(ctx, deps, correction.references);
  if (targets === "forbidden") say(ctx, c.notYours);
  else await handleCorrection(ctx, deps, rest, correction, targets);
  return true;
}

/** Continues a correction that asked which line it meant. Returns false when the reply is not an answer. */
export async function answerLineQuestion(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  open: LineQuestion,
): Promise<boolean> {
  const pick = ordinalOf(ctx.message.text);
  const line =
    pick !== null
      ? open.lines[pick === -1 ? open.lines.length - 1 : pick - 1]
      : open.lines.find((l) => ctx.message.text.includes(l.sku));
  // Answered or not, the question lapses: a later "2" must not change a line by surprise.
  saveDialogue(ctx, { ...state, correction: null });
  if (!line) return false;
  const record = await deps.records.get(open.recordKind, open.recordId);
  const after = record ? setLineQuantity(formatOf(record), line.list, line.index, open.text) : null;
  if (!record || !after) return false;
  await store(ctx, deps, record, after);
  return true;
}

async function applyAmendment(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  record: StoredRecord,
  text: string,
): Promise<void> {
  const names = await namesOf(deps, [record]);
  const result = amend(formatOf(record), text, {
    parser: ctx.parser,
    senderId: ctx.person.id,
    now: ctx.now,
    shopName: record.type === "visit" ? names.shop(record.retailer) : null,
  });
  if (result.kind === "nothing") return say(ctx, ctx.t.visits.correction.notUnderstood);
  if (result.kind === "which_line") {
    const lineNames = await deps.names(
      [],
      result.lines.map((l) => l.sku),
    );
    saveDialogue(ctx, {
      ...state,
      correction: { recordKind: record.type, recordId: record.id, text, lines: result.lines },
    });
    ctx.reply({
      kind: "choices",
      text: ctx.t.visits.correction.whichLine,
      choices: result.lines.map((l, i) => ({ label: lineNames.product(l.sku), value: String(i + 1) })),
    });
    return;
  }
  await store(ctx, deps, record, result.after);
}

async function store(
  ctx: Context,
  deps: VisitDeps,
  record: StoredRecord,
  after: ReturnType<typeof formatOf>,
): Promise<void> {
  const updated = await deps.records.update(record, after, { actorId: ctx.person.id, messageId: ctx.inboundId });
  ctx.reply(renderReceipt([updated], await namesOf(deps, [updated]), ctx.t, "updated"));
}

/** The records a correction means: the referenced ones (if the sender may change them), else the ones they changed last. */
export async function findTargets(
  ctx: Context,
  deps: VisitDeps,
  references: string[],
): Promise<StoredRecord[] | "forbidden"> {
  if (references.length === 0) return deps.records.lastTouchedBy(ctx.person.id);
  const found: StoredRecord[] = [];
  for (const reference of references) {
    const record = await deps.records.byReference(reference);
    if (record?.status !== "active") continue;
    const owner = record.managerId === ctx.person.id ? ctx.person : await deps.roster.person(record.managerId);
    if (!owner || !mayReach(ctx.person, owner, "records")) return "forbidden";
    found.push(record);
  }
  return found;
}

function pickByShop(ctx: Context, records: StoredRecord[], text: string): StoredRecord | null {
  const mentioned = ctx.parser.parse({ text, senderId: ctx.person.id, now: ctx.now }).shops.map((s) => s.id);
  const hits = records.filter((r) =>
    r.type === "visit" ? mentioned.includes(r.retailer) : r.retailers.some((id) => mentioned.includes(id)),
  );
  return hits.length === 1 ? (hits[0] ?? null) : null;
}

async function namesOf(deps: VisitDeps, records: StoredRecord[]): Promise<NameBook> {
  const { shops, skus } = referencesOf(records);
  return deps.names(shops, skus);
}

function describe(ctx: Context, record: StoredRecord, names: NameBook): string {
  const c = ctx.t.visits.correction;
  return record.type === "visit" ? c.visit(names.shop(record.retailer), record.date) : c.promotion(record.date);
}
