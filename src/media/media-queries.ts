/** What src/media reads and writes: transcripts, photos, check-ins and the shops they point at. */
import type { Db } from "../store/database.js";

export async function saveTranscript(db: Db, inboundId: string, transcript: string): Promise<void> {
  await db.inboundMedia.updateMany({ where: { inboundId }, data: { transcript } });
}
