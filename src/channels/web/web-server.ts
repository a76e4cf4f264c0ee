/**
 * The web chat's server: the page, a JSON API for the page and for tools (`POST /api/messages` is a
 * stable contract), a live stream of pushed messages, sign-in links, and charts and exports by signed
 * link. This is a receiver in the bolt-js sense: it checks who is calling, turns requests into
 * InboundMessages and renders replies; the core never sees HTTP.
 *
 * Who is calling: outside demo mode, the person of the session a one-time sign-in link opened (a
 * signed cookie, web-sign-in.ts), never the request body; in demo mode (loopback only, see
 * config/serving.ts) the body's `from`. A signed-in page may name only its own person.
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { hostAllowed } from "../../config/serving.js";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import type { Person } from "../../domain/roster.js";
import { inEveryLanguage } from "../../locales/index.js";
import { DEFAULT_MEDIA_MAX_BYTES } from "../../media/sniff.js";
import type { FileLookup } from "../../store/file-store.js";
import { type EventStream, openEventStream } from "./event-stream.js";
import { trackConnections } from "./graceful-close.js";
import {
  readJsonBody,
  requireMethod,
  sendError,
  sendJson,
  sendText,
  setSecurityHeaders,
  WebRequestError,
} from "./http-helpers.js";
import type { LiveFeed } from "./live-feed.js";
import { bodyLimitFor, checkedMedia, namesMedia } from "./media-request.js";
import { parseMessageRequest } from "./message-request.js";
import { PAGE_TEXTS_PATH, pageTextsScript } from "./page-texts.js";
import { type RateLimit, RateLimiter } from "./rate-limit.js";
import { openInBrowserPage, usedOrExpiredPage } from "./sign-in-page.js";
import { PUBLIC_DIR, safeRelativePath, serveStatic } from "./static-files.js";
import type { SessionLookup, WebSignIn } from "./web-sign-in.js";
import { toWireReplies } from "./wire-replies.js";

interface WebChatLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

interface WebLimits {
  /** API requests per signed-in (or demo) person. */
  perPerson: RateLimit;
  /** API requests per client address, before anyone is known. */
  perAddress: RateLimit;
  /** GET /login/TOKEN per client address: links are unguessable, but guessing should still be slow. */
  signInPerAddress: RateLimit;
  /** Open event streams per person (a phone and a laptop, a few tabs). */
  streamsPerPerson: number;
}

const DEFAULT_LIMITS: WebLimits = {
  perPerson: { perMinute: 120 },
  // Offices share one address behind NAT: generous, it only stops floods.
  perAddress: { perMinute: 600 },
  signInPerAddress: { perMinute: 10 },
  streamsPerPerson: 5,
};

export interface WebChatDeps {
  /** The core; receives channel "web" with externalUserId = the person id. */
  handle(message: InboundMessage): Promise<Reply[]>;
  /** An active person by id (deactivated people are nobody). */
  findPerson(id: string): Promise<Person | null>;
  /** For the demo mode's person picker. */
  listPeople(): Promise<Person[]>;
  /** Pushed messages to show live on open pages. */
  liveFeed: LiveFeed;
  /** true: the body's `from` says who is writing (loopback only); false: only signed-in people. */
  demoMode: boolean;
  /** Sign-in links and sessions; required outside demo mode. */
  signIn?: WebSignIn;
  /** Host names requests may name besides loopback ones (HOST, PUBLIC_URL's host); others get 421. */
  allowedHosts?: readonly string[];
  /** The caller's address for per-address limits (default: the socket's; see client-address.ts). */
  clientAddress?: (req: http.IncomingMessage) => string;
  limits?: Partial<WebLimits>;
  /** How often open event streams check their session still stands (default 30 s). */
  sessionCheckMs?: number;
  logger: WebChatLogger;
  /** Charts and exports by signed link; `relativePath` is "ID/NAME", decoded and checked for traversal. */
  files?: { open(relativePath: string, query: URLSearchParams): Promise<FileLookup> };
  /** Pushes already delivered to a person today (morning plan, reminders), shown when their page opens. */
  recentPushes?: (personId: string) => Promise<Reply[][]>;
  /** Other receivers on the same port (Slack events); returns true when it answered the request. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
  /** The largest voice note or photo a message may carry (MEDIA_MAX_BYTES; default 10 MB). */
  mediaMaxBytes?: number;
}

export interface WebServer {
  server: http.Server;
  /** Starts listening (port 0 picks a free one); resolves to the base URL, e.g. http://localhost:3000. */
  listen(port: number, host?: string): Promise<string>;
  /** Ends open event streams and stops accepting connections. */
  close(): Promise<void>;
}

/** Room for a 4,000-character Chinese message (12 KB in UTF-8) and then some; more is refused unread. */
const BODY_LIMIT_BYTES = 64 * 1024;
const SIGN_IN_PATH = "/login/";
/** Probes from load balancers name the instance by address: they may skip the Host check. */
const PROBES = new Set(["/healthz", "/readyz"]);
/** Link-preview robots fetch every URL in a chat; a sign-in link must survive them. */
const LINK_PREVIEW_AGENTS = /bot\b|bot\/|crawler|spider|preview|facebookexternalhit|WhatsApp|Slack-ImgProxy/i;
const DEFAULT_SESSION_CHECK_MS = 30_000;

/** Shown on the page under the message that failed; the page cannot tell whose language to use. */
const INTERNAL_ERROR_MESSAGE = inEveryLanguage((t) => t.channels.failed);

/** Who a request acts as once checked: the session's person, or (demo mode) whoever the request names. */
type Caller = { kind: "session"; sessionId: string; person: Person } | { kind: "demo" };

interface OpenStream {
  stream: EventStream;
  personId: string;
  sessionId: string | null;
}

export function createWebServer(deps: WebChatDeps): WebServer {
  const { signIn } = deps;
  if (!deps.demoMode && !signIn) {
    // Failing here beats a chat that silently refuses everyone (or, worse, lets everyone in).
    throw new Error("The web chat needs sign-in (sessions) when demo mode is off.");
  }
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const perPerson = new RateLimiter(limits.perPerson);
  const perAddress = new RateLimiter(limits.perAddress);
  const signInPerAddress = new RateLimiter(limits.signInPerAddress);
  const addressOf = deps.clientAddress ?? ((req: http.IncomingMessage) => req.socket.remoteAddress ?? "unknown");
  const allowedHosts = deps.allowedHosts ?? [];
  const mediaMaxBytes = deps.mediaMaxBytes ?? DEFAULT_MEDIA_MAX_BYTES;
  const streams = new Set<OpenStream>();
  const pageTexts = pageTextsScript();

  function limit(limiter: RateLimiter, key: string): void {
    const decision = limiter.take(key);
    if (!decision.allowed) {
      throw new WebRequestError(429, "rate_limited", "Too many requests; please slow down.", {
        "Retry-After": String(decision.retryAfterSeconds),
      });
    }
  }

  /** The session the request's cookie names, or demo mode's anyone; 401/403 otherwise. */
  async function authenticate(req: http.IncomingMessage): Promise<Caller> {
    const session: SessionLookup = signIn ? await signIn.lookup(req.headers.cookie) : { status: "none" };
    if (session.status === "signed_in") {
      limit(perPerson, session.person.id);
      return { kind: "session", sessionId: session.sessionId, person: session.person };
    }
    if (session.status === "deactivated") {
      throw new WebRequestError(
        403,
        "deactivated",
        inEveryLanguage((t) => t.channels.deactivated),
      );
    }
    if (deps.demoMode) return { kind: "demo" };
    throw new WebRequestError(401, "sign_in_required", "Sign in first: open the one-time sign-in link you were sent.");
  }

  /** The person the request acts as: the session's (a different `claimed` id is 403), or in demo mode the one it names. */
  async function actAs(caller: Caller, claimed: string | null, missing: () => WebRequestError): Promise<Person> {
    if (caller.kind === "session") {
      if (claimed !== null && claimed !== caller.person.id) {
        throw new WebRequestError(
          403,
          "not_yours",
          `You are signed in as ${caller.person.id} and can act only as yourself.`,
        );
      }
      return caller.person;
    }
    if (claimed === null) throw missing();
    const person = await deps.findPerson(claimed);
    if (!person) throw new WebRequestError(404, "unknown_person", `Unknown person "${claimed}".`);
    limit(perPerson, person.id);
    return person;
  }

  /**
   * Refuses a state-changing request another site's page sent (SameSite already keeps the cookie back).
   * The page's origin must name this server as the Host check does: a proxy may rewrite Host, not Origin.
   */
  function requireSameOrigin(req: http.IncomingMessage): void {
    const origin = req.headers.origin;
    if (origin === undefined) return;
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (!hostAllowed(host, allowedHosts)) {
      throw new WebRequestError(403, "bad_origin", "Requests from other sites are not accepted.");
    }
  }

  async function postMessage(req: http.IncomingMessage, res: http.ServerResponse, caller: Caller): Promise<void> {
    requireMethod(req, "POST");
    requireSameOrigin(req);
    // Only a voice note or photo may make a body large; a text message keeps the small limit.
    const body = await readJsonBody(req, BODY_LIMIT_BYTES, {
      limitBytes: bodyLimitFor(mediaMaxBytes),
      allowed: namesMedia,
    });
    const request = parseMessageRequest(body, mediaMaxBytes);
    // Checked by content before the core stores anything: a bad file is a 4xx and nothing is half-stored.
    const media = request.media ? await checkedMedia(request.media) : undefined;
    const person = await actAs(
      caller,
      request.from,
      () => new WebRequestError(400, "missing_from", 'Say who is writing: "from" must be a person id.'),
    );
    const message: InboundMessage = {
      channel: "web",
      externalUserId: person.id,
      // The browser's id makes its retry a duplicate the core recognises; tools may omit it.
      externalMessageId: request.messageId ?? randomUUID(),
      text: request.text,
      receivedAt: new Date(),
      ...(request.media ? { attachment: request.media.attachment, media } : {}),
    };
    const started = Date.now();
    const replies = await deps.handle(message);
    deps.logger.info(
      { personId: person.id, messageId: message.externalMessageId, replies: replies.length, ms: Date.now() - started },
      "web chat message handled",
    );
    sendJson(res, 200, { replies: toWireReplies(replies) });
  }

  /** Who the page is: `{demoMode, person}`; never 401, so the page can decide what to show. */
  async function describeSession(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireMethod(req, "GET");
    const session: SessionLookup = signIn ? await signIn.lookup(req.headers.cookie) : { status: "none" };
    if (session.status === "signed_in") limit(perPerson, session.person.id);
    sendJson(res, 200, {
      demoMode: deps.demoMode,
      person: session.status === "signed_in" ? pickerEntry(session.person) : null,
      deactivated: session.status === "deactivated",
    });
  }

  async function signOut(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireMethod(req, "POST");
    requireSameOrigin(req);
    const session: SessionLookup = signIn ? await signIn.lookup(req.headers.cookie) : { status: "none" };
    if (session.status !== "signed_in" || !signIn) {
      sendJson(res, 200, { signedOut: true });
      return;
    }
    const clearing = await signIn.signOut(session.sessionId);
    closeStreams((s) => s.sessionId === session.sessionId);
    sendJson(res, 200, { signedOut: true }, { "Set-Cookie": clearing });
  }

  async function listPeople(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    requireMethod(req, "GET");
    if (!deps.demoMode) {
      throw new WebRequestError(403, "demo_only", "The list of people is shown in demo mode only.");
    }
    const people = await deps.listPeople();
    sendJson(res, 200, { people: people.map(pickerEntry) });
  }

  async function streamEvents(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    caller: Caller,
  ): Promise<void> {
    requireMethod(req, "GET");
    const person = await actAs(
      caller,
      url.searchParams.get("person"),
      () => new WebRequestError(400, "missing_person", "Say whose messages to follow: ?person=<person id>."),
    );
    const open = [...streams].filter((s) => s.personId === person.id).length;
    if (open >= limits.streamsPerPerson) {
      throw new WebRequestError(429, "too_many_streams", `At most ${limits.streamsPerPerson} open pages per person.`, {
        "Retry-After": "30",
      });
    }
    let unsubscribe = () => {};
    const entry: OpenStream = {
      personId: person.id,
      sessionId: caller.kind === "session" ? caller.sessionId : null,
      stream: openEventStream(req, res, {
        onClose: () => {
          unsubscribe();
          streams.delete(entry);
        },
      }),
    };
    streams.add(entry);
    unsubscribe = deps.liveFeed.subscribe(person.id, (replies) =>
      entry.stream.send({ replies: toWireReplies(replies) }),
    );
  }

  async function listPushes(req: http.IncomingMessage, res: http.ServerResponse, url: URL, caller: Caller) {
    requireMethod(req, "GET");
    const person = await actAs(
      caller,
      url.searchParams.get("person"),
      () => new WebRequestError(400, "missing_person", "Say whose pushes to list: ?person=<person id>."),
    );
    const pushes = deps.recentPushes ? await deps.recentPushes(person.id) : [];
    sendJson(res, 200, { pushes: pushes.map((replies) => ({ replies: toWireReplies(replies) })) });
  }

  /** GET /login/TOKEN: a one-time link opens a session and goes to the chat; used or late links get a page. */
  async function signInWithLink(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireMethod(req, "GET", "HEAD");
    limit(signInPerAddress, addressOf(req));
    const token = url.pathname.slice(SIGN_IN_PATH.length);
    // HEAD and link previews must not use the link up: only a person's browser opening it does.
    if (req.method === "HEAD" || LINK_PREVIEW_AGENTS.test(req.headers["user-agent"] ?? "")) {
      sendHtml(res, 200, openInBrowserPage(), req.method === "HEAD");
      return;
    }
    const signedIn = signIn && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await signIn.redeem(token) : null;
    if (!signedIn) {
      deps.logger.warn({ ip: addressOf(req) }, "sign-in link refused (unknown, used or expired)");
      sendHtml(res, 410, usedOrExpiredPage());
      return;
    }
    deps.logger.info({ personId: signedIn.person.id }, "signed in to the web chat with a link");
    res.writeHead(303, { Location: "/", "Set-Cookie": signedIn.setCookie, "Cache-Control": "no-store" });
    res.end();
  }

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    requireMethod(req, "GET", "HEAD");
    const relative = safeRelativePath(url.pathname.slice("/files/".length));
    const found: FileLookup =
      relative && deps.files ? await deps.files.open(relative, url.searchParams) : { status: "not_found" };
    if (found.status === "bad_signature")
      throw new WebRequestError(403, "bad_signature", "This file link is not valid.");
    if (found.status === "expired")
      throw new WebRequestError(410, "link_expired", "This file link has expired; ask again.");
    if (found.status !== "ok") throw new WebRequestError(404, "not_found", "No such file.");
    const { file } = found;
    const inline = file.contentType.startsWith("image/");
    res.writeHead(200, {
      "Content-Type": file.contentType,
      "Content-Length": file.body.byteLength,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      // The link is the permission and ends by itself; shared caches must not keep a copy.
      "Cache-Control": "private, max-age=3600",
    });
    res.end(req.method === "HEAD" ? undefined : file.body);
  }

  /** Answers the request; false when nothing here knows the path. */
  async function route(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const path = url.pathname;
    if (path === "/healthz") {
      requireMethod(req, "GET", "HEAD");
      sendText(res, 200, "ok");
      return true;
    }
    if (path.startsWith(SIGN_IN_PATH)) {
      await signInWithLink(req, res, url);
      return true;
    }
    if (path.startsWith("/api/")) {
      limit(perAddress, addressOf(req));
      if (path === "/api/session") return describeSession(req, res).then(() => true);
      if (path === "/api/sign-out") return signOut(req, res).then(() => true);
      const caller = await authenticate(req);
      if (path === "/api/messages") await postMessage(req, res, caller);
      else if (path === "/api/people") await listPeople(req, res);
      else if (path === "/api/events") await streamEvents(req, res, url, caller);
      else if (path === "/api/pushes") await listPushes(req, res, url, caller);
      else throw new WebRequestError(404, "not_found", `No API route ${path}.`);
      return true;
    }
    if (path.startsWith("/files/")) {
      await serveFile(req, res, url);
      return true;
    }
    if (path === PAGE_TEXTS_PATH) {
      requireMethod(req, "GET", "HEAD");
      res.writeHead(200, {
        "Content-Type": "text/javascript; charset=utf-8",
        "Content-Length": Buffer.byteLength(pageTexts),
        "Cache-Control": "no-cache",
      });
      res.end(req.method === "HEAD" ? undefined : pageTexts);
      return true;
    }
    // After our own API, so another receiver can never shadow the stable contract above.
    if (deps.extraRoutes && (await deps.extraRoutes(req, res))) return true;
    return serveStatic(req, res, PUBLIC_DIR, path);
  }

  /** The one error handler: coded errors become their 4xx, anything else a logged, generic 500. */
  async function onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
    } catch {
      sendError(res, new WebRequestError(400, "bad_url", "The request URL is not valid."));
      return;
    }
    // Sign-in tokens never reach the logs.
    const logPath = url.pathname.startsWith(SIGN_IN_PATH) ? `${SIGN_IN_PATH}…` : url.pathname;
    try {
      // DNS rebinding: a page on attacker.example resolving to this server still sends its own name.
      if (!PROBES.has(url.pathname) && !hostAllowed(req.headers.host, allowedHosts)) {
        throw new WebRequestError(
          421,
          "misdirected_request",
          "This server does not answer for that host name; use the address in PUBLIC_URL.",
        );
      }
      if (!(await route(req, res, url))) {
        sendText(res, 404, "Not found");
      }
    } catch (err) {
      if (res.headersSent) {
        // Too late for an error body (a stream was open): cut the connection so the client notices.
        deps.logger.error({ err, method: req.method, path: logPath }, "web chat response failed midway");
        res.destroy();
        return;
      }
      if (err instanceof WebRequestError) {
        if (err.status === 401 || err.status === 403 || err.status === 421 || err.status === 429)
          deps.logger.warn({ path: logPath, code: err.code, ip: addressOf(req) }, "web chat request refused");
        sendError(res, err);
        return;
      }
      // Never send the stack or the message of an unexpected error to the browser: only the log gets it.
      deps.logger.error({ err, method: req.method, path: logPath }, "web chat request failed");
      sendJson(res, 500, { error: "internal", message: INTERNAL_ERROR_MESSAGE });
    }
  }

  function closeStreams(which: (s: OpenStream) => boolean): void {
    for (const entry of [...streams]) if (which(entry)) entry.stream.close();
  }

  /** Streams outlive requests: sessions revoked elsewhere (another instance, the CLI, offboarding) end theirs here. */
  async function recheckSessions(): Promise<void> {
    if (!signIn) return;
    const sessionIds = new Set([...streams].flatMap((s) => (s.sessionId ? [s.sessionId] : [])));
    for (const id of sessionIds) {
      if (!(await signIn.isLive(id))) closeStreams((s) => s.sessionId === id);
    }
  }
  const sessionCheck = setInterval(() => {
    recheckSessions().catch((err: unknown) => deps.logger.warn({ err }, "web chat session re-check failed"));
  }, deps.sessionCheckMs ?? DEFAULT_SESSION_CHECK_MS);
  sessionCheck.unref();

  const server = http.createServer((req, res) => void onRequest(req, res));
  const closeServer = trackConnections(server);

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(baseUrl(server.address() as AddressInfo));
        });
      });
    },
    async close() {
      clearInterval(sessionCheck);
      // Pages would keep their streams open for ever; end them so the server can close.
      closeStreams(() => true);
      await closeServer();
    },
  };
}

/** Only what a page shows of a person: no e-mail addresses or supervisor links. */
function pickerEntry(p: Person) {
  return { id: p.id, name: p.name, role: p.role, team: p.team, lang: p.lang };
}

function sendHtml(res: http.ServerResponse, status: number, html: string, headOnly = false): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
  });
  res.end(headOnly ? undefined : html);
}

function baseUrl(address: AddressInfo): string {
  const wildcard = address.address === "::" || address.address === "0.0.0.0";
  const host = wildcard ? "localhost" : address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
