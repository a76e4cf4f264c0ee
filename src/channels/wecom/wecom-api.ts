/**
 * The WeCom server API a self-built app uses (https://qyapi.weixin.qq.com/cgi-bin/…): the access
 * token from gettoken, message/send, media/upload and message/update_template_card.
 *
 * The token is cached until shortly before WeCom's expires_in, in memory and in the shared values,
 * so every instance uses the one token (gettoken is itself rate-limited, and within its validity it
 * hands every caller the same token anyway). When WeCom answers that a token is invalid or expired
 * (40014, 42001), the token is fetched again once and the call repeated. Frequency limits (45009,
 * 45033) become RateLimitedError, which the outbox turns into a pause.
 *
 * WeCom takes the secret and the token in the query string; those URLs are never logged, and errors
 * name the API, never the URL.
 */
import type { Logger } from "../../log.js";
import type { SharedValues } from "../channel-plugin.js";
import { RateLimitedError } from "../outbound.js";

/** errcodes meaning "this access_token is not (or no longer) valid". */
const TOKEN_EXPIRED = new Set([40014, 42001]);
/** errcodes meaning "too many calls", with how long to hold off: 45009 counts per minute, 45033 is concurrency. */
const RATE_LIMITS = new Map([
  [45009, 60_000],
  [45033, 5_000],
]);
/** What an admin can do about the errcodes a misconfigured app meets first. */
const HINTS = new Map([
  [40001, "WECOM_SECRET is not this app's Secret"],
  [40013, "WECOM_CORP_ID is not a valid CorpID"],
  [40056, "WECOM_AGENT_ID is not this app's AgentId"],
  [60020, "this server's public IP is not in the app's trusted IPs (企业可信IP)"],
  [81013, "the userid is not in the app's visible range (可见范围)"],
]);
/** A token is used until this long before WeCom says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TOKEN_KEY = "access_token";
const DEFAULT_TIMEOUT_MS = 15_000;

export class WecomApiError extends Error {
  readonly code = "WECOM_API";
  constructor(
    readonly api: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    const hint = HINTS.get(errcode);
    super(`WeCom ${api} failed: ${errcode} ${errmsg}${hint ? ` (${hint})` : ""}`);
  }
}

export interface WecomApiOptions {
  baseUrl: string;
  corpId: string;
  secret: string;
  shared: SharedValues;
  logger: Logger;
  now?: () => number;
  timeoutMs?: number;
}

type Answer = Record<string, unknown> & { errcode?: number; errmsg?: string };

export class WecomApi {
  private cached: { token: string; expiresAt: number } | null = null;
  private fetching: Promise<string> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: WecomApiOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * A valid access token: this instance's, else the one another instance stored, else a new one
   * from gettoken. `stale` is a token WeCom just refused: never handed out again.
   */
  async accessToken(stale?: string): Promise<string> {
    const fresh = (t: { token: string; expiresAt: number } | null) =>
      t !== null && t.token !== stale && t.expiresAt > this.now();
    if (fresh(this.cached)) return (this.cached as { token: string }).token;
    const stored = await this.options.shared.get(TOKEN_KEY);
    const shared = stored && { token: stored.value, expiresAt: stored.expiresAt.getTime() };
    if (shared && fresh(shared)) {
      this.cached = shared;
      return shared.token;
    }
    // One gettoken at a time in this instance, however many sends wait for it.
    this.fetching ??= this.fetchToken().finally(() => (this.fetching = null));
    return this.fetching;
  }

  /** POSTs JSON to an API (e.g. "message/send") and returns WeCom's answer when errcode is 0. */
  async post(api: string, body: object): Promise<Answer> {
    return this.withToken(api, (url) =>
      this.request(api, url, {
        method: "POST",
        headers: { "Content-Type": "application/json; charset=utf-8" },
        body: JSON.stringify(body),
      }),
    );
  }

  /** Uploads a temporary media file (valid three days) and returns its media_id. */
  async upload(type: "image" | "file", file: { filename: string; bytes: Uint8Array; contentType: string }) {
    const answer = await this.withToken(
      "media/upload",
      (url) => {
        const form = new FormData();
        // A copy into a plain ArrayBuffer: Blob takes no view of a possibly shared buffer.
        form.append("media", new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.filename);
        return this.request("media/upload", url, { method: "POST", body: form });
      },
      { type },
    );
    if (typeof answer.media_id !== "string") throw new WecomApiError("media/upload", -1, "no media_id in the answer");
    return answer.media_id;
  }

  /** A temporary media file's bytes (a voice note or photo a member sent), by its media_id. */
  async download(mediaId: string): Promise<Uint8Array> {
    const answer = await this.withToken(
      "media/get",
      async (url) => {
        const response = await this.respond("media/get", url, { method: "GET" });
        // The file itself on success; a JSON errcode when the id is unknown or the token is refused.
        if ((response.headers.get("content-type") ?? "").includes("json")) return this.json("media/get", response);
        return { errcode: 0, bytes: new Uint8Array(await response.arrayBuffer()) };
      },
      { media_id: mediaId },
    );
    if (!(answer.bytes instanceof Uint8Array)) throw new WecomApiError("media/get", -1, "no file in the answer");
    return answer.bytes;
  }

  private async fetchToken(): Promise<string> {
    const url = this.url("gettoken", { corpid: this.options.corpId, corpsecret: this.options.secret });
    const answer = await this.request("gettoken", url, { method: "GET" });
    const { access_token: token, expires_in: expiresIn } = answer;
    if (answer.errcode || typeof token !== "string" || typeof expiresIn !== "number") {
      throw new WecomApiError("gettoken", answer.errcode ?? -1, answer.errmsg ?? "no access_token in the answer");
    }
    const expiresAt = this.now() + Math.max(expiresIn * 1000 - TOKEN_MARGIN_MS, expiresIn * 500);
    this.cached = { token, expiresAt };
    await this.options.shared.put(TOKEN_KEY, token, new Date(expiresAt));
    this.options.logger.info({ expiresInSeconds: expiresIn }, "WeCom access token fetched");
    return token;
  }

  /** Calls with the current token; once more with a new one when WeCom says the token expired. */
  private async withToken(
    api: string,
    call: (url: URL) => Promise<Answer>,
    query: Record<string, string> = {},
  ): Promise<Answer> {
    const token = await this.accessToken();
    let answer = await call(this.url(api, { ...query, access_token: token }));
    if (TOKEN_EXPIRED.has(answer.errcode ?? 0)) {
      this.options.logger.info({ api, errcode: answer.errcode }, "WeCom access token refused; fetching a new one once");
      const renewed = await this.accessToken(token);
      answer = await call(this.url(api, { ...query, access_token: renewed }));
    }
    const errcode = answer.errcode ?? 0;
    if (errcode === 0) return answer;
    const holdMs = RATE_LIMITS.get(errcode);
    if (holdMs !== undefined) throw new RateLimitedError(holdMs, `WeCom ${api} frequency limit (${errcode})`);
    throw new WecomApiError(api, errcode, answer.errmsg ?? "");
  }

  private url(api: string, query: Record<string, string>): URL {
    const url = new URL(
      `cgi-bin/${api}`,
      this.options.baseUrl.endsWith("/") ? this.options.baseUrl : `${this.options.baseUrl}/`,
    );
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return url;
  }

  private async request(api: string, url: URL, init: RequestInit): Promise<Answer> {
    return this.json(api, await this.respond(api, url, init));
  }

  private async respond(api: string, url: URL, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (error) {
      // The URL carries the secret or token: the error names the API only.
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
      throw new WecomApiError(api, -1, `request failed: ${reason}`);
    }
    if (!response.ok) throw new WecomApiError(api, -1, `HTTP ${response.status}`);
    return response;
  }

  private async json(api: string, response: Response): Promise<Answer> {
    try {
      return (await response.json()) as Answer;
    } catch {
      throw new WecomApiError(api, -1, "the answer is not JSON");
    }
  }
}
