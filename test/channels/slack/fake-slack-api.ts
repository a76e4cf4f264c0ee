/**
 * A local stand-in for Slack's Web API (https://slack.com/api/METHOD) and for response_url posts:
 * records every call with its decoded arguments and answers the methods Fieldmate uses. Files shared
 * in messages are served at `${filesUrl}/NAME` (url_private_download) to the bot token only. With
 * `limits` it enforces chat.postMessage's rate limits as Slack does: one message a second per
 * conversation with a small burst, a workspace-wide cap, and a 429 with Retry-After (whole seconds)
 * for a post over either; a refused post is recorded among `calls` with `refused: true`.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

interface RecordedCall {
  method: string;
  args: Record<string, any>;
  token: string | null;
  /** performance.now() when it arrived (benchmarks). */
  at: number;
  /** Answered 429 by the rate limits (nothing was posted). */
  refused?: boolean;
}

/** chat.postMessage's limits: per conversation and for the whole workspace, each a rate with a burst. */
export interface PostLimits {
  perChannelPerSecond: number;
  channelBurst: number;
  workspacePerSecond: number;
  workspaceBurst: number;
}

interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Only a call whose arguments match gets this answer (default: the next call). */
  when?: (args: Record<string, any>) => boolean;
}

export interface FakeSlackApi {
  /** Base URL for SLACK_API_URL, ending in /api/. */
  apiUrl: string;
  /** Base for response_url values: `${responseUrl}/anything`. */
  responseUrl: string;
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Base for shared files' private URLs; put the files in `files` by name. */
  filesUrl: string;
  files: Map<string, { bytes: Uint8Array; contentType: string; hold?: Promise<void> }>;
  /** Slack users by id, for users.info. */
  users: Map<string, { email?: string; is_bot?: boolean }>;
  /** Called as each call arrives (benchmarks time replies by it); returns a function that stops listening. */
  onCall(listener: (call: RecordedCall) => void): () => void;
  /** Posts answered 429 by `limits`. */
  refusals(): number;
  /** The most chat.postMessage calls that were being answered at once. */
  mostPostsAtOnce(): number;
  /** The next call to `method` gets this answer instead (e.g. a 429 with Retry-After). */
  failNext(method: string, answer: Scripted): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeSlackApi(
  options: { postDelayMs?: number; limits?: PostLimits } = {},
): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const limiter = options.limits ? postLimiter(options.limits) : null;
  let refusals = 0;
  let postsNow = 0;
  let mostPostsAtOnce = 0;
  const users = new Map<string, { email?: string; is_bot?: boolean }>();
  const files = new Map<string, { bytes: Uint8Array; contentType: string; hold?: Promise<void> }>();
  const scripted = new Map<string, Scripted[]>();
  const listeners = new Set<(call: RecordedCall) => void>();
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const listener of listeners) listener(call);
  };
  let ts = 1_764_000_000;

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    const token = (req.headers.authorization ?? "").replace(/^Bearer\s+/i, "") || null;

    if (url.pathname.startsWith("/files-pri/")) {
      record({ method: "file_download", args: { path: url.pathname }, token, at: performance.now() });
      const file = files.get(url.pathname.slice("/files-pri/".length));
      // Slack answers a request without a token with its sign-in page, not the file.
      if (!file || !token) return send(res, 200, "<html>sign in</html>", { "Content-Type": "text/html" });
      await file.hold;
      res.writeHead(200, { "Content-Type": file.contentType });
      res.end(file.bytes);
      return;
    }
    if (url.pathname.startsWith("/response/")) {
      record({
        method: "response_url",
        args: { path: url.pathname, ...JSON.parse(raw || "{}") },
        token,
        at: performance.now(),
      });
      return send(res, 200, "ok");
    }
    const method = url.pathname.replace(/^\/api\//, "");
    const args = decode(raw, req.headers["content-type"] ?? "");
    // A post to a user's id goes into the bot's DM with them, as on Slack: limited as that DM.
    const conversation = method === "chat.postMessage" ? dmOf(String(args.channel)) : "";
    const waitMs = method === "chat.postMessage" ? (limiter?.(conversation) ?? 0) : 0;
    record({ method, args, token, at: performance.now(), ...(waitMs > 0 ? { refused: true } : {}) });
    if (waitMs > 0) {
      refusals++;
      const seconds = String(Math.max(1, Math.ceil(waitMs / 1000)));
      return send(res, 429, { ok: false, error: "ratelimited" }, { "Retry-After": seconds });
    }

    const queue = scripted.get(method) ?? [];
    const at = queue.findIndex((s) => !s.when || s.when(args));
    const next = at >= 0 ? queue.splice(at, 1)[0] : undefined;
    if (next) return send(res, next.status, next.body ?? { ok: false, error: "ratelimited" }, next.headers);

    switch (method) {
      case "auth.test":
        return send(res, 200, {
          ok: true,
          url: "https://fieldmate-test.slack.com/",
          team: "Fieldmate Test",
          team_id: "T0TEST",
          user: "fieldmate",
          user_id: "UBOT",
          bot_id: "BBOT",
        });
      case "chat.postMessage":
        mostPostsAtOnce = Math.max(mostPostsAtOnce, ++postsNow);
        // A slow Slack (the chaos scripts): the post is taken at once, the answer comes late.
        if (options.postDelayMs) await new Promise((resolve) => setTimeout(resolve, options.postDelayMs));
        postsNow--;
        return send(res, 200, { ok: true, channel: conversation, ts: `${++ts}.000100`, message: { text: args.text } });
      case "chat.update":
        return send(res, 200, { ok: true, channel: args.channel, ts: args.ts });
      case "conversations.open":
        return send(res, 200, { ok: true, channel: { id: `D${String(args.users).replace(/^U/, "")}` } });
      case "users.info": {
        const user = users.get(String(args.user));
        if (!user) return send(res, 200, { ok: false, error: "user_not_found" });
        return send(res, 200, {
          ok: true,
          user: { id: args.user, is_bot: user.is_bot ?? false, deleted: false, profile: { email: user.email } },
        });
      }
      case "views.publish":
        return send(res, 200, { ok: true, view: { id: "V1", ...(args.view ?? {}) } });
      default:
        return send(res, 200, { ok: false, error: "unknown_method" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/response`,
    filesUrl: `${base}/files-pri`,
    files,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    refusals: () => refusals,
    mostPostsAtOnce: () => mostPostsAtOnce,
    users,
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failNext(method, answer) {
      scripted.set(method, [...(scripted.get(method) ?? []), answer]);
    },
    reset() {
      calls.length = 0;
      refusals = 0;
      mostPostsAtOnce = 0;
      scripted.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Admits a post to `channel` or says how long until it would be admitted: a token bucket (GCRA)
 * per conversation and one for the workspace; a refused post uses up neither.
 */
function postLimiter(limits: PostLimits): (channel: string) => number {
  const channelMs = 1000 / limits.perChannelPerSecond;
  const workspaceMs = 1000 / limits.workspacePerSecond;
  const channels = new Map<string, number>();
  let workspace = Number.NEGATIVE_INFINITY;
  return (channel) => {
    const now = performance.now();
    const tat = channels.get(channel) ?? Number.NEGATIVE_INFINITY;
    const wait = Math.max(
      tat - (limits.channelBurst - 1) * channelMs - now,
      workspace - (limits.workspaceBurst - 1) * workspaceMs - now,
    );
    if (wait > 0) return wait;
    channels.set(channel, Math.max(tat, now) + channelMs);
    workspace = Math.max(workspace, now) + workspaceMs;
    return 0;
  };
}

/** The bot's DM with a user (Slack's ids: U… or W… for users, D… for DMs); other conversations as they are. */
function dmOf(channel: string): string {
  return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
}

/** The Web API client posts forms whose nested values (blocks, view) are JSON strings. */
function decode(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith("application/json")) return JSON.parse(raw || "{}");
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
  res.end(text);
}
