/**
 * A voice note is read as the text it says: transcribed, the transcript kept beside the audio, shown
 * to the sender ("🎤 「…」") and then handled exactly like typed text by the core.
 */
import type { Context } from "../core/context.js";
import type { Db } from "../store/database.js";
import { AsrError, type Transcribe } from "./asr-client.js";
import { saveTranscript } from "./media-queries.js";

/** The core's `hear` step (BotDeps.hear); `transcribe` null when no recogniser is configured. */
export function voiceHearing(db: Db, transcribe: Transcribe | null): (ctx: Context) => Promise<string | null> {
  return async (ctx) => {
    const { media } = ctx.message;
    if (!transcribe) {
      ctx.reply({ kind: "text", text: ctx.t.media.voiceOff });
      return null;
    }
    let heard = "";
    try {
      heard = media ? await transcribe(media) : "";
    } catch (error) {
      if (!(error instanceof AsrError)) throw error;
      ctx.log.warn({ err: error }, "voice note not transcribed");
    }
    if (!heard) {
      ctx.reply({ kind: "text", text: ctx.t.media.voiceUnheard });
      return null;
    }
    await saveTranscript(db, ctx.inboundId, heard);
    ctx.reply({ kind: "text", text: ctx.t.media.heard(heard) });
    return heard;
  };
}
