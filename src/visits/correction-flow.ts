/**
 * Acting on a correction: find the record (the one referenced, else the sender's latest), check the
 * sender may change it, apply, and answer with the updated receipt. Every change is audited by the store.
 */
import type { Context } from "../core/context.js";
import { mayReach } from "../core/visibility.js";
import { shortReference } from "../domain/reference.js";
import type { NameBook } from "../store/name-book.js";
import { referencesOf } from "../store/name-book.js";
import { formatOf, type StoredRecord } from "../store/record-store.js";
import { amend, type Correction, setLineQuantity } from "./corrections.js";
import { renderReceipt } from "./receipt.js";
import { saveDialogue } from "./report-flow.js";
import type { VisitDeps } from "./visit-deps.js";
import type { LineQuestion, VisitDialogue } from "./visit-dialogue.js";

const say = (ctx: Context, text: string) => ctx.reply({ kind: "text", text });

export async function handleCorrection(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  correction: Correction,
): Promise<void> {
  const c = ctx.t.visits.correction;
  ctx.intent = `correction:${correction.kind}`;
  const targets = await findTargets(ctx, deps, correction.references);
  if (targets === "forbidden") return say(ctx, c.notYours);
  if (targets.length === 0) return say(ctx, c.nothingToCorrect);
  if (correction.kind === "undo") {
    for (const record of targets) await deps.records.undo(record, ctx.person.id);
    const names = await namesOf(deps, targets);
    return say(ctx, c.undone(ctx.t.format.list(targets.map((r) => describe(ctx, r, names)))));
  }
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
  await applyAmendment(ctx, deps, state, record, correction.text);
}

/** Continues a correction that asked which line it meant. Returns false when the reply is not an answer. */
export async function answerLineQuestion(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  open: LineQuestion,
): Promise<boolean> {
  const pick = /^\s*(\d{1,2})\s*$/.exec(ctx.message.text);
  const line = pick ? open.lines[Number(pick[1]) - 1] : open.lines.find((l) => ctx.message.text.includes(l.sku));
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
  const updated = await deps.records.update(record, after, ctx.person.id);
  ctx.reply(renderReceipt([updated], await namesOf(deps, [updated]), ctx.t, "updated"));
}

async function findTargets(ctx: Context, deps: VisitDeps, references: string[]): Promise<StoredRecord[] | "forbidden"> {
  if (references.length === 0) return deps.records.latestOf(ctx.person.id);
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
