/**
 * The roster for candidate gathering, either given outright (CLI, tests) or loaded from the store.
 * A loaded roster is kept for a short while: a whole-roster read per message would cost more than
 * the rules parse, and a shop added a few seconds ago can wait for the next reload.
 */
import type { Roster } from "../../domain/roster.js";

export type RosterSource = Roster | (() => Promise<Roster>);

export function rosterLoader(source: RosterSource | undefined, ttlMs = 30_000): () => Promise<Roster | null> {
  if (!source) return async () => null;
  if (typeof source !== "function") return async () => source;
  let cached: { at: number; roster: Promise<Roster> } | null = null;
  return async () => {
    if (!cached || Date.now() - cached.at > ttlMs) cached = { at: Date.now(), roster: source() };
    try {
      return await cached.roster;
    } catch {
      cached = null;
      return null;
    }
  };
}
