/**
 * The one way a feature answers messages: an ordered list of handlers, each deciding whether a
 * message is its own (grammY's middleware, Hubot's listeners). A handler either answers or calls
 * `next()` to pass the message on; it may also act after `next()` returns (an open question asked
 * again once the rest has answered).
 */
import type { Intent } from "../domain/records.js";
import type { Context } from "./context.js";

type Next = () => Promise<void>;

export interface Handler {
  /** Shown in logs and tests: which handler answered. */
  readonly name: string;
  handle(ctx: Context, next: Next): Promise<void>;
}

/** Runs handlers in order; the first that does not call next() ends the chain. */
export function compose(handlers: readonly Handler[]): (ctx: Context) => Promise<void> {
  return (ctx) => {
    const run = async (index: number): Promise<void> => {
      const handler = handlers[index];
      if (!handler) return;
      let called = false;
      await handler.handle(ctx, async () => {
        // Calling next twice would run the rest of the chain twice: always a bug.
        if (called) throw new Error(`handler ${handler.name} called next() twice`);
        called = true;
        await run(index + 1);
      });
    };
    return run(0);
  };
}

/** A handler for messages the parser read as one of `intents`. */
export function onIntent(name: string, intents: readonly Intent[], answer: (ctx: Context) => Promise<void>): Handler {
  return {
    name,
    async handle(ctx, next) {
      const intent = (await ctx.reading()).intent.value;
      if (!intents.includes(intent)) return next();
      ctx.intent = intent;
      await answer(ctx);
    },
  };
}
