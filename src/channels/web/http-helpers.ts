/**
 * Small HTTP building blocks for the web chat: coded errors, JSON responses,
 * security headers and a size-limited JSON body reader. No framework, so these stay tiny.
 */
import type http from "node:http";

/** A request the web chat refuses; the one error handler turns it into `{error, message}`. */
export class WebRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "WebRequestError";
  }
}

/**
 * The page loads only its own script, styles and images, so a message that slips past the
 * renderer as markup still cannot run script or phone home.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    // API answers are per person and per moment: never let a proxy or the browser reuse them.
    "Cache-Control": "no-store",
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, err: WebRequestError): void {
  sendJson(res, err.status, { error: err.code, message: err.message }, err.headers);
}

export function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** Refuses any method but the listed ones with 405 and the Allow header clients expect. */
export function requireMethod(req: http.IncomingMessage, ...allowed: string[]): void {
  if (!allowed.includes(req.method ?? "")) {
    throw new WebRequestError(
      405,
      "method_not_allowed",
      `Method ${req.method} is not allowed here; use ${allowed.join(" or ")}.`,
      {
        Allow: allowed.join(", "),
      },
    );
  }
}

function bodyTooLarge(limitBytes: number): WebRequestError {
  return new WebRequestError(
    413,
    "body_too_large",
    `The request body is larger than ${Math.round(limitBytes / 1024)} KB.`,
    {
      // The rest of the body may not have been read, so the connection cannot carry another request.
      Connection: "close",
    },
  );
}

/** Bodies that may pass the usual limit (a voice note or photo), recognised by their first `limitBytes`. */
export interface LargerBodies {
  limitBytes: number;
  allowed(head: string): boolean;
}

/**
 * Reads a JSON body of at most `limitBytes` (or `larger.limitBytes` for the bodies it allows).
 * Requiring `application/json` also blocks cross-site form posts: a browser must ask (preflight)
 * before sending that content type to another origin, and this server never says yes.
 */
export async function readJsonBody(
  req: http.IncomingMessage,
  limitBytes: number,
  larger?: LargerBodies,
): Promise<unknown> {
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new WebRequestError(
      415,
      "unsupported_media_type",
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  const ceiling = Math.max(limitBytes, larger?.limitBytes ?? 0);
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > ceiling) {
    req.resume(); // discard, so the client finishes writing and can read our answer
    throw bodyTooLarge(ceiling);
  }

  const body = await readLimited(req, ceiling);
  if (body === null) throw bodyTooLarge(ceiling);
  if (body.length > limitBytes && !larger?.allowed(body.subarray(0, limitBytes).toString("utf8"))) {
    throw bodyTooLarge(limitBytes);
  }

  const text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new WebRequestError(400, "bad_json", `The request body is not valid JSON (${detail}).`);
  }
}

/**
 * Collects the body, or null once it passes the limit. Events rather than `for await`:
 * leaving an async iterator early destroys the socket, and the 413 could not be sent.
 */
function readLimited(req: http.IncomingMessage, limitBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off("data", onData);
        req.off("end", onEnd);
        req.resume(); // keep draining so the client can finish and read the 413
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", reject);
  });
}
