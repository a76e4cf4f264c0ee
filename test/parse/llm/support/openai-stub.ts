/**
 * A local OpenAI-compatible endpoint over real HTTP (127.0.0.1, a free port) for the real
 * @langchain/openai client: POST /v1/chat/completions answers from a queue of canned replies and
 * records every request body, so tests can assert on what a model would have been sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface CannedReply {
  status?: number;
  headers?: Record<string, string>;
  /** The assistant message content (a JSON string for a good answer, anything for a bad one). */
  content?: string;
  /** A forced tool call's arguments (method functionCalling). */
  toolArguments?: string;
  /** A raw error body for non-200 replies. */
  error?: string;
  delayMs?: number;
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

export interface OpenAiStub {
  /** The base URL to put in LLM_BASE_URL (ends in /v1). */
  baseURL: string;
  requests: Record<string, any>[];
  /** Replies in order; when the queue is empty the fallback answers. */
  queue(...replies: CannedReply[]): void;
  fallback: CannedReply;
  close(): Promise<void>;
}

/** A good answer in the contract's shape. */
export const answer = (value: unknown, usage = { prompt_tokens: 812, completion_tokens: 64 }): CannedReply => ({
  content: JSON.stringify(value),
  usage,
});

function completion(reply: CannedReply, body: Record<string, any>) {
  const toolName = body.tools?.[0]?.function?.name;
  const message =
    reply.toolArguments !== undefined
      ? {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "call_1", type: "function", function: { name: toolName, arguments: reply.toolArguments } },
          ],
        }
      : { role: "assistant", content: reply.content ?? "" };
  return {
    id: "chatcmpl-stub",
    object: "chat.completion",
    created: 1_764_000_000,
    model: body.model,
    choices: [{ index: 0, message, finish_reason: reply.toolArguments !== undefined ? "tool_calls" : "stop" }],
    ...(reply.usage === null
      ? {}
      : { usage: { ...(reply.usage ?? { prompt_tokens: 100, completion_tokens: 20 }), total_tokens: 0 } }),
  };
}

export async function startOpenAiStub(): Promise<OpenAiStub> {
  const pending: CannedReply[] = [];
  const requests: Record<string, any>[] = [];
  const stub = { fallback: { status: 500, error: "no canned reply" } as CannedReply };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = "";
    req.on("data", (chunk) => (raw += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw);
      requests.push(body);
      const reply = pending.shift() ?? stub.fallback;
      const send = () => {
        if (res.destroyed) return;
        const status = reply.status ?? 200;
        res.writeHead(status, { "content-type": "application/json", ...reply.headers });
        res.end(
          status === 200
            ? JSON.stringify(completion(reply, body))
            : JSON.stringify({ error: { message: reply.error ?? `status ${status}`, type: "stub" } }),
        );
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    queue: (...replies) => void pending.push(...replies),
    get fallback() {
      return stub.fallback;
    },
    set fallback(reply: CannedReply) {
      stub.fallback = reply;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
