/**
 * Logging a visit or promotion: parse and ground, then store at once when everything is certain,
 * or ask one question at a time, keeping the draft until the answers make it certain.
 */
import type { Context } from "../core/context.js";
import type { Reply } from "../domain/messages.js";
import type { Lang } from "../domain/roster.js";
import { messagesFor } from "../locales/index.js";
import type { ParseInput } from "../parse/index.js";
import { referencesOf } from "../store/name-book.js";
import { type NewRecord, type Snapshot, type StoredRecord, snapshotOf } from "../store/record-store.js";
import { applyAnswer, askQuestion } from "./questions.js";
import { type ReceiptRecord, renderReceipt } from "./receipt.js";
import { buildDraft, newPending, type PendingReport, recordsWithFeedback } from "./report-draft.js";
import { mergeVisit, saysSecondVisit } from "./same-visit.js";
import type { VisitDeps } from "./visit-deps.js";
import { EMPTY_DIALOGUE, HINTED_RECEIPTS, type VisitDialogue } from "./visit-dialogue.js";

/** After this many questions about one report, it is set aside rather than asked about forever. */
const MAX_QUESTIONS = 6;

/** The visits part of the sender's session. */
export function dialogueOf(ctx: Context): VisitDialogue {
  return ctx.session.visits ?? { ...EMPTY_DIALOGUE };
}

/** Keeps the dialogue in the session; nothing open and no hint count leaves no trace. */
export function saveDialogue(ctx: Context, state: VisitDialogue): void {
  const open = state.pending || state.parked.length || state.correction || state.choice;
  ctx.session.visits = open || state.hints ? state : undefined;
}

const reader = (ctx: Context, deps: VisitDeps) => (input: ParseInput) => deps.understand(input, ctx.parser);

/** What a report is read from: by default the message itself; after "新记录?" the message asked about. */
interface ReportSource {
  text: string;
  now: string;
  messageId: string;
  lang: Lang;
}

/** Starts a new report from the message (or from an earlier message the manager said is a new report). */
export async function startReport(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  source: ReportSource = { text: ctx.message.text, now: ctx.now, messageId: ctx.inboundId, lang: ctx.lang },
): Promise<void> {
  await advance(ctx, deps, state, newPending(source.text, source.now, source.messageId, source.lang));
}

/**
 * Treats the message as an answer to the open question. Returns false when it does not answer it,
 * so the caller can handle it as something new.
 */
export async function answerPending(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  pending: PendingReport,
): Promise<boolean> {
  const draft = await buildDraft(reader(ctx, deps), pending, ctx.person.id);
  if (!draft.question) {
    // Nothing left to ask (the roster changed meanwhile): store what we have.
    await advance(ctx, deps, state, pending);
    return true;
  }
  // The question was asked in the draft's language: its numbered options are read in that language.
  const offered = draft.question.kind === "product" ? draft.question.candidates.map((c) => c.sku) : [];
  const names = await deps.names([], offered);
  const outcome = applyAnswer(
    ctx.parser,
    draft.question,
    ctx.message.text,
    pending,
    ctx.person.id,
    messagesFor(pending.lang),
    (sku) => names.spellings(sku),
  );
  switch (outcome.kind) {
    case "answered":
      await advance(ctx, deps, state, outcome.pending);
      return true;
    case "cancelled":
      await resume(ctx, deps, { ...state, pending: null });
      ctx.reply({ kind: "text", text: ctx.t.visits.flow.cancelled });
      return true;
    case "rejected":
      await resume(ctx, deps, { ...state, pending: null });
      ctx.reply({ kind: "text", text: ctx.t.visits.flow.rejected });
      return true;
    case "unclear":
      return false;
  }
}

/** Asks the open question again (after a reply that did not answer it). */
export async function askAgain(
  ctx: Context,
  deps: VisitDeps,
  state: VisitDialogue,
  pending: PendingReport,
): Promise<void> {
  const draft = await buildDraft(reader(ctx, deps), pending, ctx.person.id);
  if (!draft.question) return advance(ctx, deps, state, pending);
  ctx.reply({ kind: "text", text: ctx.t.visits.flow.stillWaiting }, askQuestion(draft.question, ctx.t));
}

/** Sets the open question aside so a new report can be handled; it is asked again afterwards. */
export function park(state: VisitDialogue): VisitDialogue {
  if (!state.pending) return state;
  return { ...state, pending: null, parked: [state.pending, ...state.parked].slice(0, 3) };
}

async function advance(ctx: Context, deps: VisitDeps, state: VisitDialogue, pending: PendingReport): Promise<void> {
  const t = ctx.t;
  const draft = await buildDraft(reader(ctx, deps), pending, ctx.person.id);
  if (draft.records.length === 0) {
    await resume(ctx, deps, { ...state, pending: null });
    ctx.reply({ kind: "text", text: t.visits.flow.nothingFound });
    return;
  }
  if (draft.question && pending.asked < MAX_QUESTIONS) {
    saveDialogue(ctx, { ...state, pending });
    if (draft.question.kind === "confirm") {
      const shown = recordsWithFeedback(draft) as ReceiptRecord[];
      ctx.reply(renderReceipt(shown, await namesFor(deps, shown), t, "preview"));
    }
    ctx.reply(askQuestion(draft.question, t));
    ctx.intent = draft.result.intent.value;
    return;
  }
  if (draft.question) {
    await resume(ctx, deps, { ...state, pending: null });
    ctx.reply({ kind: "text", text: t.visits.flow.stillUnsure });
    return;
  }
  const storable = recordsWithFeedback(draft).filter((r) => r.type === "promotion" || r.retailer) as NewRecord[];
  const { created, merged } = await store(ctx, deps, storable, pending);
  const stored = [...merged, ...created];
  ctx.intent = draft.result.intent.value;
  const hints = state.hints ?? 0;
  const names = await namesFor(deps, stored);
  const mode = created.length ? "stored" : "merged";
  ctx.reply(renderReceipt(stored, names, t, mode, { hint: hints < HINTED_RECEIPTS }));
  for (const visit of merged) {
    if (visit.type !== "visit") continue;
    const day = visit.date === ctx.today ? null : t.format.day(visit.date);
    ctx.reply({ kind: "text", text: t.visits.flow.merged(names.shop(visit.retailer), day) });
  }
  // A merged visit is flagged again only when this report mentions the practice.
  const flagged = new Set(storable.flatMap((r) => (r.type === "visit" && r.compliance ? [r.retailer] : [])));
  await reportRedFlags(
    ctx,
    deps,
    stored.filter((r) => r.type === "visit" && flagged.has(r.retailer)),
    pending.text,
  );
  await resume(ctx, deps, { ...state, pending: null, hints: Math.min(hints + 1, HINTED_RECEIPTS) });
}

/**
 * Stores a report: a visit to a shop the manager already logged that day is added to that visit
 * (unless they say they went back), everything else becomes a new record.
 */
async function store(ctx: Context, deps: VisitDeps, records: NewRecord[], pending: PendingReport) {
  const fresh: NewRecord[] = [];
  const merges: { into: StoredRecord; after: Snapshot }[] = [];
  const secondVisit = saysSecondVisit(pending.text);
  for (const record of records) {
    const earlier =
      record.type === "visit" && record.retailer && !secondVisit
        ? await deps.records.sameDayVisit(ctx.person.id, record.retailer, record.date)
        : null;
    const snapshot = earlier ? snapshotOf(earlier) : null;
    if (record.type === "visit" && earlier && snapshot?.type === "visit")
      merges.push({ into: earlier, after: mergeVisit(snapshot, record, pending.text) });
    else fresh.push(record);
  }
  return deps.records.storeReport(fresh, merges, {
    managerId: ctx.person.id,
    messageId: pending.messageId,
    confirmedById: ctx.person.id,
    note: pending.text,
  });
}

/** Saves the state, bringing back a parked report's question if one is waiting. */
async function resume(ctx: Context, deps: VisitDeps, state: VisitDialogue): Promise<void> {
  const [next, ...rest] = state.parked;
  if (!next) {
    saveDialogue(ctx, state);
    return;
  }
  const draft = await buildDraft(reader(ctx, deps), next, ctx.person.id);
  saveDialogue(ctx, { ...state, pending: next, parked: rest });
  if (draft.question)
    ctx.reply({ kind: "text", text: ctx.t.visits.flow.alsoEarlier }, askQuestion(draft.question, ctx.t));
}

async function namesFor(deps: VisitDeps, records: Iterable<ReceiptRecord>) {
  const { shops, skus } = referencesOf(records);
  return deps.names(shops, skus);
}

/** Red flags go to the supervisor at once; the manager's receipt already says the practice is not allowed. */
async function reportRedFlags(ctx: Context, deps: VisitDeps, stored: StoredRecord[], text: string): Promise<void> {
  const flagged = stored.filter((r) => r.type === "visit" && r.compliance);
  const supervisorId = ctx.person.supervisorId;
  if (!flagged.length || !supervisorId || !deps.notify) return;
  const supervisor = await deps.roster.person(supervisorId);
  if (!supervisor) return;
  const t = messagesFor(supervisor.lang);
  const names = await namesFor(deps, flagged);
  const shops = t.format.list(flagged.map((r) => (r.type === "visit" ? names.shop(r.retailer) : "")));
  const alert: Reply = { kind: "text", text: t.visits.redFlagAlert(ctx.person.name, shops, text) };
  await deps
    .notify(supervisorId, [alert])
    .catch((error: unknown) => ctx.log.warn({ err: error }, "could not tell the supervisor of a red flag"));
}
