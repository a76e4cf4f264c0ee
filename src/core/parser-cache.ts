/**
 * One parser for the running bot, rebuilt when the roster changes (an import in another process):
 * building indexes is costly, checking for a change is one cheap query, done at most every few seconds.
 */
import { createParser, type Parser } from "../parse/index.js";
import type { RosterStore } from "../store/roster-store.js";
import { rememberingParser } from "./remembered-parses.js";

const CHECK_EVERY_MS = 5_000;

export class ParserCache {
  private parser: Parser | null = null;
  private version = "";
  private checkedAt = 0;

  constructor(
    private readonly roster: RosterStore,
    private readonly clock: () => number = Date.now,
  ) {}

  async get(): Promise<Parser> {
    if (this.parser && this.clock() - this.checkedAt < CHECK_EVERY_MS) return this.parser;
    const version = await this.roster.version();
    this.checkedAt = this.clock();
    if (!this.parser || version !== this.version) {
      this.parser = rememberingParser(createParser(await this.roster.roster()));
      this.version = version;
    }
    return this.parser;
  }
}
