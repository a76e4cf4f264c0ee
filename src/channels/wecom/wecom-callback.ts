/**
 * WeCom's callback URL on the shared web server (GET/POST /wecom/callback).
 * GET is the URL verification WeCom makes when the admin saves the callback settings: a signed,
 * encrypted `echostr` answered with its plaintext. POST is a message or event: the signature is
 * checked before anything else (a bad one gets 401 and nothing is stored), the ciphertext opened and
 * its receive id checked, and the callback handed on. WeCom waits five seconds for an answer, then
 * retries (three times): the answer, an empty 200, goes out as soon as the core has taken the
 * message, and at the latest after `ackTimeoutMs`; the reply itself goes out through message/send.
 */
import type http from "node:http";
import type { Logger } from "../../log.js";
import { HttpError, readCappedBody } from "../callback-http.js";
import type { HttpRoute } from "../channel-plugin.js";
import { type CallbackCipher, CallbackCipherError } from "./wecom-crypto.js";
import { CallbackXmlError, readCallback, readEnvelope, type WecomCallback } from "./wecom-xml.js";

/** WeCom's callbacks are a few hundred bytes; this keeps an unauthenticated caller from making us buffer much. */
const BODY_LIMIT_BYTES = 256 * 1024;
/** WeCom gives up after 5 s and retries; answer well before. */
const DEFAULT_ACK_TIMEOUT_MS = 3_000;

export interface CallbackOptions {
  path: string;
  cipher: CallbackCipher;
  /** The app's AgentId: a callback naming another app is acknowledged and dropped. */
  agentId: string;
  logger: Logger;
  /** Takes a callback; resolves once the core has taken it (stored it), while the reply may still be going out. */
  receive(callback: WecomCallback): Promise<void>;
  ackTimeoutMs?: number;
}

export function callbackRoute(options: CallbackOptions): HttpRoute {
  const { cipher, logger } = options;
  const ackTimeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;

  async function verifyUrl(query: URLSearchParams, res: http.ServerResponse): Promise<void> {
    const { signature, timestamp, nonce } = signed(query);
    // The echo string is base64: a "+" the sender did not percent-encode has been read as a space.
    const echo = query.get("echostr")?.replace(/ /g, "+");
    if (!echo) throw new HttpError(400, "echostr missing");
    if (!cipher.signed(signature, timestamp, nonce, echo)) throw new HttpError(401, "invalid signature");
    const plaintext = cipher.open(echo);
    logger.info("WeCom callback URL verified");
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(plaintext);
  }

  async function receive(req: http.IncomingMessage, query: URLSearchParams, res: http.ServerResponse): Promise<void> {
    const { signature, timestamp, nonce } = signed(query);
    const encrypted = readEnvelope(await readCappedBody(req, BODY_LIMIT_BYTES));
    if (!cipher.signed(signature, timestamp, nonce, encrypted)) throw new HttpError(401, "invalid signature");
    const callback = readCallback(cipher.open(encrypted));
    if (callback.agentId !== null && callback.agentId !== options.agentId) {
      logger.warn({ agentId: callback.agentId }, "WeCom callback for another app (AgentID) dropped");
    } else {
      const taken = options.receive(callback).catch((error: unknown) => {
        logger.error({ err: error }, "WeCom callback could not be handled");
      });
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          logger.warn(
            { afterMs: ackTimeoutMs },
            "WeCom callback still being handled; acknowledged before WeCom retries",
          );
          resolve();
        }, ackTimeoutMs);
      });
      await Promise.race([taken, deadline]).finally(() => clearTimeout(timer));
    }
    res.writeHead(200);
    res.end();
  }

  return async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== options.path) return false;
    try {
      if (req.method === "GET") await verifyUrl(url.searchParams, res);
      else if (req.method === "POST") await receive(req, url.searchParams, res);
      else {
        res.setHeader("Allow", "GET, POST");
        throw new HttpError(405, "WeCom callbacks are GET (verification) or POST");
      }
    } catch (error) {
      const refusal = asHttpError(error);
      if (!refusal) throw error;
      if (refusal.status === 401 || refusal.status === 400) {
        logger.warn(
          { status: refusal.status, reason: refusal.message, ip: req.socket.remoteAddress },
          "WeCom callback refused",
        );
      }
      if (!res.headersSent) {
        res.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(refusal.message);
      }
    }
    return true;
  };
}

function signed(query: URLSearchParams): { signature: string; timestamp: string; nonce: string } {
  const signature = query.get("msg_signature");
  const timestamp = query.get("timestamp");
  const nonce = query.get("nonce");
  if (!signature || !timestamp || !nonce) throw new HttpError(401, "msg_signature, timestamp and nonce are required");
  return { signature, timestamp, nonce };
}

/** What a failure means for the caller: a malformed or undecryptable callback is the sender's fault (400). */
function asHttpError(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof CallbackXmlError) return new HttpError(400, error.message);
  // Signed with our token but not decryptable with our key: a configuration mismatch, or a forgery.
  if (error instanceof CallbackCipherError) return new HttpError(400, error.message);
  return null;
}
