/** What the platforms' callback endpoints (Slack events, WeCom callbacks) share: a status-carrying error and a capped body. */
import type http from "node:http";

/** A refusal with the HTTP status the endpoint answers. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request body as text; past `limitBytes` it is refused (413) rather than held in memory. */
export async function readCappedBody(req: http.IncomingMessage, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new HttpError(413, "request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
