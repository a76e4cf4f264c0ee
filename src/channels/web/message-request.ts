/**
 * The body of `POST /api/messages`, checked field by field so each mistake gets its own clear answer.
 */
import { WebRequestError } from "./http-helpers.js";

const MAX_MESSAGE_ID_CHARS = 200;

export interface MessageRequest {
  /** Who the sender says they are: required in demo mode; when signed in, if given, it must be the session's person. */
  from: string | null;
  text: string;
  /** The browser's own id for this message, reused on retries so the core can drop duplicates. */
  messageId: string | null;
}

export function parseMessageRequest(body: unknown): MessageRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new WebRequestError(
      400,
      "bad_request",
      'The body must be a JSON object like {"text": "..."} ({"from": "<person id>", "text": "..."} in demo mode).',
    );
  }
  const { from, text, messageId } = body as Record<string, unknown>;

  if (from !== undefined && from !== null && typeof from !== "string") {
    throw new WebRequestError(400, "bad_from", '"from" must be a person id string.');
  }

  if (text === undefined || text === null) {
    throw new WebRequestError(400, "missing_text", '"text" is missing.');
  }
  if (typeof text !== "string") {
    throw new WebRequestError(400, "bad_text", '"text" must be a string.');
  }
  if (text.trim() === "") {
    throw new WebRequestError(400, "empty_text", "The message is empty.");
  }
  // No length check here: the core caps every channel alike (MESSAGE_CAP), storing and answering
  // a longer message; the body limit bounds what is read at all.

  if (messageId !== undefined && messageId !== null) {
    if (typeof messageId !== "string" || messageId.trim() === "" || messageId.length > MAX_MESSAGE_ID_CHARS) {
      throw new WebRequestError(
        400,
        "bad_message_id",
        `"messageId" must be a non-empty string of at most ${MAX_MESSAGE_ID_CHARS} characters.`,
      );
    }
  }

  return { from: from || null, text, messageId: typeof messageId === "string" ? messageId : null };
}
