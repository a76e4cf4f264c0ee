/**
 * Who a web chat request comes from, outside demo mode: a one-time sign-in link opens a server-side
 * session, and the browser carries its id in a signed, HttpOnly cookie. The cookie is parsed and
 * written with `cookie` and signed with `cookie-signature` (Express's own), so none of that is
 * hand-rolled; the session row (store/web-session-store.ts) is what makes it revocable.
 */
import { parse as parseCookies, serialize as serializeCookie } from "cookie";
import { sign, unsign } from "cookie-signature";
import type { Person } from "../../domain/roster.js";
import type { RosterStore } from "../../store/roster-store.js";
import type { SignInLinkStore } from "../../store/sign-in-link-store.js";
import type { WebSessionStore } from "../../store/web-session-store.js";

export type SessionLookup =
  | { status: "signed_in"; sessionId: string; person: Person }
  /** No cookie, a bad signature, or a session that ended (signed out, revoked, expired). */
  | { status: "none" }
  /** The session's person was deactivated; the session has just been ended. */
  | { status: "deactivated" };

/** What the web server needs of sign-in; see `CookieSessions`. */
export interface WebSignIn {
  lookup(cookieHeader: string | undefined): Promise<SessionLookup>;
  /** Redeems a one-time link: a new session's Set-Cookie header, or null (unknown, used, expired, deactivated). */
  redeem(token: string): Promise<{ person: Person; setCookie: string } | null>;
  /** Ends a session; returns the Set-Cookie header that clears the cookie. */
  signOut(sessionId: string): Promise<string>;
  /** Whether the session still stands (open event streams ask now and then). */
  isLive(sessionId: string): Promise<boolean>;
}

export interface CookieSessionsOptions {
  sessions: WebSessionStore;
  links: SignInLinkStore;
  roster: Pick<RosterStore, "person" | "isDeactivated">;
  /** Signs the cookie (SESSION_SECRET, or the database's own). */
  secret: Buffer;
  /** WEB_SESSION_DAYS. */
  lifetimeDays: number;
  /** Under https (PUBLIC_URL): the cookie is Secure and named with the __Host- prefix (no subdomain can set it). */
  secure: boolean;
  clock?: () => Date;
}

const DAY_MS = 86_400_000;

export class CookieSessions implements WebSignIn {
  private readonly name: string;
  private readonly clock: () => Date;

  constructor(private readonly options: CookieSessionsOptions) {
    this.name = options.secure ? "__Host-fieldmate" : "fieldmate_session";
    this.clock = options.clock ?? (() => new Date());
  }

  async lookup(cookieHeader: string | undefined): Promise<SessionLookup> {
    const sessionId = this.sessionIdIn(cookieHeader);
    if (!sessionId) return { status: "none" };
    const now = this.clock();
    const personId = await this.options.sessions.personOf(sessionId, now);
    if (!personId) return { status: "none" };
    const person = await this.options.roster.person(personId);
    if (person) return { status: "signed_in", sessionId, person };
    // A person deactivated since signing in: the session ends here too (the CLI ends them all at once).
    await this.options.sessions.revoke(sessionId, now);
    return (await this.options.roster.isDeactivated(personId)) ? { status: "deactivated" } : { status: "none" };
  }

  async redeem(token: string): Promise<{ person: Person; setCookie: string } | null> {
    const now = this.clock();
    const personId = await this.options.links.redeem(token, now);
    const person = personId ? await this.options.roster.person(personId) : null;
    if (!person) return null;
    const expiresAt = new Date(now.getTime() + this.options.lifetimeDays * DAY_MS);
    const sessionId = await this.options.sessions.open(person.id, expiresAt, now);
    return {
      person,
      setCookie: this.cookie(sign(sessionId, this.options.secret), expiresAt, this.options.lifetimeDays * 86_400),
    };
  }

  async signOut(sessionId: string): Promise<string> {
    await this.options.sessions.revoke(sessionId, this.clock());
    return this.cookie("", new Date(0), 0);
  }

  async isLive(sessionId: string): Promise<boolean> {
    const personId = await this.options.sessions.personOf(sessionId, this.clock());
    return personId !== null && (await this.options.roster.person(personId)) !== null;
  }

  private sessionIdIn(cookieHeader: string | undefined): string | null {
    if (!cookieHeader) return null;
    const value = parseCookies(cookieHeader)[this.name];
    if (!value) return null;
    const id = unsign(value, this.options.secret);
    return id === false || id === "" ? null : id;
  }

  /** HttpOnly: no script reads it; SameSite=Lax: no other site's form or fetch sends it. */
  private cookie(value: string, expires: Date, maxAge: number): string {
    return serializeCookie(this.name, value, {
      httpOnly: true,
      sameSite: "lax",
      secure: this.options.secure,
      path: "/",
      expires,
      maxAge,
    });
  }
}
