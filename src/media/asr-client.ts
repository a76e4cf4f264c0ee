/**
 * Speech to text through any OpenAI-compatible `POST {base}/audio/transcriptions` (OpenAI, a
 * self-hosted Whisper, FunASR or SenseVoice server): multipart with the audio file and the model name,
 * answered with `{"text": "..."}`. SILK, which no such server reads, is decoded to WAV first.
 */
import { toRecognisableAudio } from "./audio.js";

export interface AsrSettings {
  baseUrl: string;
  apiKey: string | null;
  model: string;
  timeoutMs: number;
}

/** The ASR_* settings, once ASR_BASE_URL is known to be set. */
export function asrSettings(
  config: { ASR_API_KEY: string | null; ASR_MODEL: string; ASR_TIMEOUT_MS: number },
  baseUrl: string,
): AsrSettings {
  return { baseUrl, apiKey: config.ASR_API_KEY, model: config.ASR_MODEL, timeoutMs: config.ASR_TIMEOUT_MS };
}

export class AsrError extends Error {
  readonly code = "ASR_FAILED";
}

export type Transcribe = (audio: { mime: string; data: Uint8Array }) => Promise<string>;

/** A transcriber for the configured endpoint; throws AsrError on a failed or timed-out request. */
export function asrClient(settings: AsrSettings): Transcribe {
  const url = `${settings.baseUrl.replace(/\/+$/, "")}/audio/transcriptions`;
  return async (audio) => {
    const file = await toRecognisableAudio(audio);
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(file.data)], { type: file.mime }), file.filename);
    form.append("model", settings.model);
    form.append("response_format", "json");
    let response: Response;
    try {
      response = await fetch(url, {
        method: "POST",
        body: form,
        headers: settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {},
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      throw new AsrError(`speech recogniser unreachable: ${String(error)}`);
    }
    if (!response.ok) throw new AsrError(`speech recogniser answered ${response.status}`);
    const body = (await response.json().catch(() => null)) as { text?: unknown } | null;
    if (typeof body?.text !== "string") throw new AsrError("speech recogniser answered without text");
    return body.text.trim();
  };
}
