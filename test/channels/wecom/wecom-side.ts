/**
 * WeCom's side of a callback, written from WeCom's documentation with Node's own crypto only (no
 * @wecom/crypto): AES-256-CBC with the EncodingAESKey + "=" base64-decoded as the key and its first
 * 16 bytes as the IV, PKCS#7 padding to 32 bytes, plaintext = 16 random bytes + 4-byte big-endian
 * length + message + receive id; signature = SHA-1 of the sorted [token, timestamp, nonce, ciphertext].
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";

export const CORP_ID = "ww5f2a1c0e9b8d7c6a";
export const AGENT_ID = "1000002";
export const SECRET = "wecom-app-secret-for-tests";
export const TOKEN = "fieldmateCallbackToken";
/** 43 characters, as the admin console generates them. */
export const AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

/** The five variables of the app above (WECOM_API_URL is the fake's). */
export const WECOM_ENV = {
  WECOM_CORP_ID: CORP_ID,
  WECOM_AGENT_ID: AGENT_ID,
  WECOM_SECRET: SECRET,
  WECOM_TOKEN: TOKEN,
  WECOM_ENCODING_AES_KEY: AES_KEY,
};

export function wecomEncrypt(message: string, options: { key?: string; receiveId?: string; random?: Buffer } = {}) {
  const key = Buffer.from(`${options.key ?? AES_KEY}=`, "base64");
  const body = Buffer.from(message, "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  const plain = Buffer.concat([
    options.random ?? randomBytes(16),
    length,
    body,
    Buffer.from(options.receiveId ?? CORP_ID),
  ]);
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString("base64");
}

export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash("sha1").update([token, timestamp, nonce, encrypted].sort().join("")).digest("hex");
}

let nonceCounter = 0;

/** The query WeCom signs a callback with. */
function signedQuery(encrypted: string, token = TOKEN) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(1_000_000 + nonceCounter++);
  return { msg_signature: wecomSignature(token, timestamp, nonce, encrypted), timestamp, nonce };
}

/** The GET WeCom makes when the admin saves the callback URL. */
export function verificationUrl(endpoint: string, echo: string, options: { token?: string } = {}): string {
  const echostr = wecomEncrypt(echo);
  const query = new URLSearchParams({ ...signedQuery(echostr, options.token), echostr });
  return `${endpoint}?${query}`;
}

/** A callback POST as WeCom sends it: the plaintext XML encrypted into an envelope, the query signed. */
export function sealedCallback(
  plaintext: string,
  options: { token?: string; key?: string; receiveId?: string } = {},
): { query: string; body: string } {
  const encrypted = wecomEncrypt(plaintext, options);
  const query = new URLSearchParams(signedQuery(encrypted, options.token)).toString();
  const body = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><AgentID><![CDATA[${AGENT_ID}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>`;
  return { query, body };
}

const cdata = (value: string) => `<![CDATA[${value}]]>`;

let msgIds = 7_300_000_000_000_000_000n;
/** A fresh 64-bit MsgId, as WeCom numbers messages (beyond what a JS number holds exactly). */
export const nextMsgId = () => String(++msgIds);

/** Seconds since the epoch, WeCom's CreateTime. */
const createTime = (at = Date.now()) => String(Math.floor(at / 1000));

export function textXml(from: string, content: string, msgId = nextMsgId(), at = createTime()): string {
  return `<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${at}</CreateTime><MsgType>${cdata("text")}</MsgType><Content>${cdata(content)}</Content><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
}

export function voiceXml(from: string, msgId = nextMsgId(), mediaId = "media_voice_1"): string {
  return `<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime()}</CreateTime><MsgType>${cdata("voice")}</MsgType><MediaId>${cdata(mediaId)}</MediaId><Format>${cdata("amr")}</Format><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
}

export function imageXml(from: string, mediaId: string, msgId = nextMsgId()): string {
  return `<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime()}</CreateTime><MsgType>${cdata("image")}</MsgType><PicUrl>${cdata("https://wework.qpic.cn/fake.jpg")}</PicUrl><MediaId>${cdata(mediaId)}</MediaId><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
}

export function locationXml(from: string, msgId = nextMsgId()): string {
  return `<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${createTime()}</CreateTime><MsgType>${cdata("location")}</MsgType><Location_X>25.01913</Location_X><Location_Y>116.95139</Location_Y><Scale>15</Scale><Label>${cdata("龙岩市新罗区登高西路80号")}</Label><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`;
}

export function eventXml(
  from: string,
  event: string,
  fields: { eventKey?: string; taskId?: string; responseCode?: string; at?: string } = {},
): string {
  return (
    `<xml><ToUserName>${cdata(CORP_ID)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${fields.at ?? createTime()}</CreateTime>` +
    `<MsgType>${cdata("event")}</MsgType><Event>${cdata(event)}</Event>` +
    (fields.eventKey !== undefined ? `<EventKey>${cdata(fields.eventKey)}</EventKey>` : "") +
    (fields.taskId
      ? `<TaskId>${cdata(fields.taskId)}</TaskId><CardType>${cdata("button_interaction")}</CardType>`
      : "") +
    (fields.responseCode ? `<ResponseCode>${cdata(fields.responseCode)}</ResponseCode>` : "") +
    `<AgentID>${AGENT_ID}</AgentID></xml>`
  );
}

/** POSTs a sealed callback to the endpoint. */
export async function postCallback(endpoint: string, sealed: { query: string; body: string }) {
  const response = await fetch(`${endpoint}?${sealed.query}`, {
    method: "POST",
    headers: { "Content-Type": "text/xml" },
    body: sealed.body,
  });
  return { status: response.status, body: await response.text() };
}
