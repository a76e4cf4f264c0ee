/**
 * A person's conversation state between messages (stored by store/session-store.ts, so a restart
 * between a question and its answer loses nothing). Features add their own part to `Session`
 * (declaration merging, as grammY's session flavours), so the core needs no knowledge of them.
 */
/** Each feature declares its part: `declare module "../core/session.js" { interface Session { visits?: … } }`. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by features through declaration merging
export interface Session {}
