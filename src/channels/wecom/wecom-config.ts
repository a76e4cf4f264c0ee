/** WeCom's environment variables: the five a self-built app (自建应用) gives, and an optional API base. */
import { z } from "zod";
import { optionalText } from "../../config/variables.js";

export const wecomVariables = z.object({
  /** The company's CorpID (我的企业 → 企业信息 → 企业ID), e.g. ww0123456789abcdef. */
  WECOM_CORP_ID: optionalText,
  /** The self-built app's AgentId (应用管理 → the app). */
  WECOM_AGENT_ID: optionalText,
  /** The app's Secret: gettoken exchanges it for the access token. */
  WECOM_SECRET: optionalText,
  /** The callback Token (接收消息 → API接收): callbacks are signed with it. */
  WECOM_TOKEN: optionalText,
  /** The callback EncodingAESKey (43 characters): callbacks are encrypted with it. */
  WECOM_ENCODING_AES_KEY: optionalText,
  /** The API's base URL: a proxy, or a local fake in tests. Default: https://qyapi.weixin.qq.com. */
  WECOM_API_URL: optionalText,
});

export type WecomConfig = z.output<typeof wecomVariables>;

/** The five variables that turn WeCom on, all or none. */
const REQUIRED = [
  "WECOM_CORP_ID",
  "WECOM_AGENT_ID",
  "WECOM_SECRET",
  "WECOM_TOKEN",
  "WECOM_ENCODING_AES_KEY",
] as const satisfies readonly (keyof WecomConfig)[];

type Variable = keyof WecomConfig & string;

/** Where WeCom sends callbacks on the shared web server (URL verification by GET, messages by POST). */
export const WECOM_CALLBACK_PATH = "/wecom/callback";

export const DEFAULT_WECOM_API_URL = "https://qyapi.weixin.qq.com";

/** The configuration once every required variable is known to be set. */
export type ReadyWecomConfig = { [K in (typeof REQUIRED)[number]]: string } & { WECOM_API_URL: string | null };

export function wecomEnabled(config: WecomConfig): config is WecomConfig & ReadyWecomConfig {
  return REQUIRED.every((variable) => config[variable] !== null);
}

/** Reports what is wrong with a WeCom configuration that is set at all. */
export function checkWecomConfig(config: WecomConfig, problem: (variable: Variable, message: string) => void): void {
  const missing = REQUIRED.filter((variable) => config[variable] === null);
  const [first] = missing;
  if (first && missing.length < REQUIRED.length) {
    problem(first, `is required with the other WeCom variables (${REQUIRED.join(", ")})`);
    return;
  }
  if (missing.length) return;
  if (!/^\d+$/.test(config.WECOM_AGENT_ID ?? "")) problem("WECOM_AGENT_ID", "must be the app's numeric AgentId");
  // WeCom's console takes at most 32 letters and digits here.
  if (!/^[A-Za-z0-9]{1,32}$/.test(config.WECOM_TOKEN ?? "")) {
    problem("WECOM_TOKEN", "must be the callback Token: letters and digits, at most 32");
  }
  if (!isEncodingAesKey(config.WECOM_ENCODING_AES_KEY ?? "")) {
    problem("WECOM_ENCODING_AES_KEY", "must be the 43-character EncodingAESKey from the app's callback settings");
  }
  if (config.WECOM_API_URL !== null && !/^https?:\/\/[^\s]+$/i.test(config.WECOM_API_URL)) {
    problem("WECOM_API_URL", "must be an http(s) URL");
  }
}

/** 43 base64 characters that, with the "=" WeCom leaves off, decode to a 32-byte AES key. */
function isEncodingAesKey(key: string): boolean {
  return /^[A-Za-z0-9+/]{43}$/.test(key) && Buffer.from(`${key}=`, "base64").length === 32;
}
