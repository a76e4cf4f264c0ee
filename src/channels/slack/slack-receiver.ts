/**
 * Slack's Events API over HTTP on the web chat's own server (POST /slack/events): a Bolt `Receiver`
 * that verifies the v0 signature, acknowledges as soon as the message is stored (Slack wants an answer
 * within 3 seconds) and lets the app handle the event afterwards. Retries (`X-Slack-Retry-Num`) are passed on, not dropped:
 * the core's inbound log recognises them by the message's own id, which survives a crash between
 * the first delivery and its reply where an early "skip retries" rule would lose the message.
 */
import type http from "node:http";
import { type App, type Receiver, type ReceiverEvent, ReceiverMultipleAckError, verifySlackRequest } from "@slack/bolt";
import type { Logger } from "../../log.js";
import { HttpError, readCappedBody } from "../callback-http.js";
import { SLACK_EVENTS_PATH } from "./slack-config.js";

/** Slack's own limit is 5 minutes either way; requests outside it are replays or a wrong clock. */
const MAX_CLOCK_SKEW_SECONDS = 5 * 60;
/** Slack's payloads are small; this keeps an unauthenticated caller from making us buffer much. */
const BODY_LIMIT_BYTES = 1024 * 1024;
/** Slack gives up on a request after 3 s and retries it; answering before then avoids the retry. */
const DEFAULT_ACK_TIMEOUT_MS = 2_500;

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  path?: string;
  /** Answer 200 anyway if no listener acknowledged by then, so Slack does not retry (it gives up at 3 s). */
  ackTimeoutMs?: number;
  now?: () => number;
}

const STORED = Symbol("slack.stored");
type Stored = { [STORED]?: () => void };

/** A message listener's word that the event's message is stored: Slack is acknowledged now. */
export function markStored(body: unknown): void {
  if (typeof body === "object" && body !== null) (body as Stored)[STORED]?.();
}

export class SlackHttpReceiver implements Receiver {
  private app: App | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly path: string;
  private readonly ackTimeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SlackReceiverOptions) {
    this.path = options.path ?? SLACK_EVENTS_PATH;
    this.ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  /** The shared web server owns the port: nothing to open. */
  async start(): Promise<void> {}

  /** Waits for events still being handled, so a shutdown does not cut a reply in half. */
  async stop(): Promise<void> {
    await this.idle();
  }

  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** For the web server's `extraRoutes`: answers POST /slack/events, leaves every other path alone. */
  readonly route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== this.path) return false;
    try {
      await this.handle(req, res);
    } catch (error) {
      if (res.headersSent) return true;
      if (error instanceof HttpError) {
        if (error.status === 401) {
          this.options.logger.warn({ reason: error.message, ip: req.socket.remoteAddress }, "Slack request refused");
        }
        res.writeHead(error.status, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(error.status === 401 ? "invalid signature" : error.message);
        return true;
      }
      throw error;
    }
    return true;
  };

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      throw new HttpError(405, "Slack events are POSTed");
    }
    const raw = await readCappedBody(req, BODY_LIMIT_BYTES);
    this.verify(req, raw);
    const body = parseBody(raw, header(req, "content-type") ?? "");

    if (body.ssl_check === "1") return void respond(res, 200, "");
    if (body.type === "url_verification") return void respond(res, 200, { challenge: body.challenge });
    if (!this.app) throw new HttpError(503, "Slack app not ready");

    const retryNum = numberHeader(req, "x-slack-retry-num");
    const retryReason = header(req, "x-slack-retry-reason");
    if (retryNum !== undefined) {
      this.options.logger.info(
        { retryNum, retryReason, eventId: body.event_id },
        "Slack retry received; the inbound log decides if it is new",
      );
    }

    let acked = false;
    let answered!: () => void;
    const responded = new Promise<void>((resolve) => (answered = resolve));
    const answer = (status: number, payload: unknown = "") => {
      if (acked) return;
      acked = true;
      respond(res, status, payload);
      answered();
    };
    // Events API: Bolt acknowledges before any listener runs, but a message must be stored before
    // Slack hears "got it" (a crash in between would lose it: Slack does not resend what it saw
    // acknowledged). The message listener calls markStored(body); any other event is answered when
    // its listener ends; the timer answers in any case before Slack gives up.
    const deferred = body.type === "event_callback";
    let ackBody: unknown = "";
    if (deferred) (body as Stored)[STORED] = () => answer(200, ackBody);
    let boltAcked = false;
    const ack = async (response?: unknown) => {
      if (boltAcked) throw new ReceiverMultipleAckError();
      boltAcked = true;
      ackBody = response ?? "";
      if (!deferred) answer(200, ackBody);
    };
    const timer = setTimeout(() => {
      if (acked) return;
      this.options.logger.error(
        { type: body.type, command: body.command },
        "Slack request not acknowledged in time; answered empty",
      );
      answer(200, ackBody);
    }, this.ackTimeoutMs);

    const event: ReceiverEvent = { body, ack, retryNum, retryReason };
    const work = this.app
      .processEvent(event)
      .catch((error: unknown) => {
        this.options.logger.error({ err: error, type: body.type }, "Slack event handling failed");
        answer(500);
      })
      .finally(() => {
        clearTimeout(timer);
        // Nothing listened (an event type we do not handle), or the listener is done: tell Slack it arrived.
        answer(200, ackBody);
        this.inFlight.delete(work);
      });
    this.inFlight.add(work);
    // Return once Slack has its answer; the listener goes on in the background (processBeforeResponse: false).
    await responded;
  }

  private verify(req: http.IncomingMessage, raw: string): void {
    const signature = header(req, "x-slack-signature");
    const timestamp = Number(header(req, "x-slack-request-timestamp"));
    if (!signature || !Number.isFinite(timestamp)) throw new HttpError(401, "missing signature headers");
    // verifySlackRequest only refuses old timestamps; one far in the future is as suspicious.
    if (Math.abs(Math.floor(this.now() / 1000) - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      throw new HttpError(401, "request timestamp too far from now");
    }
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: raw,
        headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
        nowMilliseconds: this.now(),
      });
    } catch (error) {
      throw new HttpError(401, (error as Error).message);
    }
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function numberHeader(req: http.IncomingMessage, name: string): number | undefined {
  const value = header(req, name);
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isNaN(n) ? undefined : n;
}

/** Events come as JSON; slash commands as a form; interactions as a form with one JSON `payload`. Open-ended: Bolt reads them. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  try {
    if (contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(raw);
      const payload = form.get("payload");
      return payload !== null ? JSON.parse(payload) : Object.fromEntries(form);
    }
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, "malformed request body");
  }
}

function respond(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  if (body === "" || body === undefined) {
    res.writeHead(status);
    res.end();
  } else if (typeof body === "string") {
    res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(body);
  } else {
    res.writeHead(status, { "Content-Type": "application/json; charset=utf-8" });
    res.end(JSON.stringify(body));
  }
}
