/**
 * Real sign-in for the web server's tests: the real cookie sessions (web-sign-in.ts) on real
 * SQLite stores, in front of the fake roster of fake-web-deps.ts.
 */
import { randomBytes } from "node:crypto";
import { CookieSessions } from "../../../src/channels/web/web-sign-in.js";
import { type Database, openDatabase } from "../../../src/store/database.js";
import { SignInLinkStore } from "../../../src/store/sign-in-link-store.js";
import { WebSessionStore } from "../../../src/store/web-session-store.js";
import { type ScratchDatabase, scratchSqlite } from "../../support/databases.js";
import { PEOPLE } from "./fake-web-deps.js";

export interface SignInSetup {
  signIn: CookieSessions;
  /** A fresh one-time token for the person, valid `minutes`. */
  tokenFor(personId: string, minutes?: number): Promise<string>;
  sessions: WebSessionStore;
  database: Database;
  /** The fake roster's offboarding. */
  deactivate(personId: string): void;
  close(): Promise<void>;
}

export async function signInSetup(): Promise<SignInSetup> {
  const scratch: ScratchDatabase = scratchSqlite();
  const database: Database = await openDatabase(scratch.url);
  const deactivated = new Set<string>();
  const links = new SignInLinkStore(database.db);
  const sessions = new WebSessionStore(database.db);
  const signIn = new CookieSessions({
    sessions,
    links,
    roster: {
      person: async (id) => (deactivated.has(id) ? null : (PEOPLE.find((p) => p.id === id) ?? null)),
      isDeactivated: async (id) => deactivated.has(id),
    },
    secret: randomBytes(32),
    lifetimeDays: 30,
    secure: false,
  });
  return {
    signIn,
    sessions,
    database,
    tokenFor: (personId, minutes = 15) => links.create(personId, new Date(Date.now() + minutes * 60_000), new Date()),
    deactivate: (personId) => void deactivated.add(personId),
    async close() {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Opens the sign-in link the way a browser does; returns the session cookie to send back ("name=value"). */
export async function openSignInLink(
  base: string,
  token: string,
): Promise<{ status: number; cookie: string | null; location: string | null }> {
  const res = await fetch(`${base}/login/${token}`, { redirect: "manual" });
  const setCookie = res.headers.get("set-cookie");
  await res.arrayBuffer();
  return { status: res.status, cookie: setCookie?.split(";")[0] ?? null, location: res.headers.get("location") };
}
