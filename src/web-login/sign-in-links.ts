/**
 * Making one-time web chat sign-in links: for `cli login-link` and for a linked chat account that
 * asks ("网页登录"). The link is `BASE/login/TOKEN`; opening it once signs the browser in (web-sign-in.ts).
 */
import type { SignInLinkStore } from "../store/sign-in-link-store.js";

export const DEFAULT_LINK_MINUTES = 15;
/** A link is a password until it is used: a day at most. */
export const MAX_LINK_MINUTES = 24 * 60;

export class SignInLinks {
  constructor(
    private readonly store: SignInLinkStore,
    /** PUBLIC_URL, else this server's own address (config/serving.ts's publicBaseUrl). */
    private readonly baseUrl: () => string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(personId: string, minutes: number = DEFAULT_LINK_MINUTES): Promise<{ url: string; expiresAt: Date }> {
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + minutes * 60_000);
    const token = await this.store.create(personId, expiresAt, now);
    return { url: `${this.baseUrl().replace(/\/+$/, "")}/login/${token}`, expiresAt };
  }
}
