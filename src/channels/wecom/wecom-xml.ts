/**
 * WeCom's callback XML, read with fast-xml-parser (validated, every value kept as its text: MsgId
 * is a 64-bit number a JS number would round) and checked with zod: first the envelope around the
 * ciphertext, then the decrypted message or event.
 */
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import type { Attachment } from "../../domain/messages.js";

const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, ignorePiTags: true });

export class CallbackXmlError extends Error {
  readonly code = "WECOM_XML";
}

/** `<xml><ToUserName/><AgentID/><Encrypt/></xml>`: what arrives before decryption. */
const envelopeSchema = z.object({ xml: z.object({ Encrypt: z.string().min(1) }) });

/** The ciphertext of a callback body. */
export function readEnvelope(body: string): string {
  return parseAs(envelopeSchema, body, "callback body").xml.Encrypt;
}

const text = z.string();
const optional = z.string().optional();

const messageSchema = z.object({
  xml: z.object({
    ToUserName: text,
    FromUserName: text.min(1),
    CreateTime: text.regex(/^\d+$/),
    MsgType: text.min(1),
    AgentID: optional,
    MsgId: optional,
    Content: optional,
    MediaId: optional,
    PicUrl: optional,
    Format: optional,
    Location_X: optional,
    Location_Y: optional,
    Label: optional,
    Event: optional,
    EventKey: optional,
    TaskId: optional,
    ResponseCode: optional,
  }),
});

interface Common {
  /** The sender's userid. */
  from: string;
  /** WeCom's CreateTime (seconds), as sent: part of an event's identity. */
  createTime: string;
  receivedAt: Date;
  /** The app it was sent to, when the callback names it. */
  agentId: string | null;
}

/** A decrypted callback: a message (text, or something the core cannot read yet) or an event. */
export type WecomCallback =
  | (Common & { type: "text"; msgId: string; text: string })
  | (Common & { type: "attachment"; msgId: string; attachment: Attachment })
  | (Common & {
      type: "event";
      /** enter_agent, template_card_event, click, subscribe, … */
      event: string;
      eventKey: string | null;
      /** template_card_event: the card's task_id and the one-time code to update it. */
      taskId: string | null;
      responseCode: string | null;
    });

/** Reads a decrypted callback; throws CallbackXmlError when it is not one. */
export function readCallback(plaintext: string): WecomCallback {
  const m = parseAs(messageSchema, plaintext, "decrypted callback").xml;
  const common: Common = {
    from: m.FromUserName,
    createTime: m.CreateTime,
    receivedAt: new Date(Number(m.CreateTime) * 1000),
    agentId: m.AgentID || null,
  };
  if (m.MsgType === "event") {
    return {
      ...common,
      type: "event",
      event: m.Event ?? "",
      eventKey: m.EventKey || null,
      taskId: m.TaskId || null,
      responseCode: m.ResponseCode || null,
    };
  }
  // Every message kind carries MsgId; WeCom's retries repeat it.
  if (!m.MsgId) throw new CallbackXmlError(`a ${m.MsgType} message without MsgId`);
  const msgId = m.MsgId;
  switch (m.MsgType) {
    case "text":
      return { ...common, type: "text", msgId, text: m.Content ?? "" };
    case "voice":
      return attachment({ kind: "voice", mediaId: m.MediaId ?? "", format: m.Format || null });
    case "image":
      return attachment({ kind: "image", mediaId: m.MediaId ?? "", url: m.PicUrl || null });
    case "location":
      return attachment({
        kind: "location",
        lat: Number(m.Location_X),
        lng: Number(m.Location_Y),
        label: m.Label || null,
      });
    default:
      return attachment({ kind: "other", type: m.MsgType });
  }

  function attachment(a: Attachment): WecomCallback {
    return { ...common, type: "attachment", msgId, attachment: a };
  }
}

function parseAs<T>(schema: z.ZodType<T>, xml: string, what: string): T {
  let parsed: unknown;
  try {
    parsed = parser.parse(xml, true);
  } catch (error) {
    throw new CallbackXmlError(`${what} is not well-formed XML`, { cause: error });
  }
  const result = schema.safeParse(parsed);
  if (!result.success)
    throw new CallbackXmlError(`${what} is not what WeCom sends: ${result.error.issues[0]?.message}`);
  return result.data;
}
