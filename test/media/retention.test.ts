/**
 * MEDIA_RETENTION_DAYS: voice notes and photos older than the retention are deleted with their photo
 * rows; the messages' text, the visits and the check-ins stay.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { purgeOldMedia, startMediaRetention } from "../../src/media/retention-job.js";
import { type ChatWorld, chatWorld } from "../support/chat.js";
import { PROVIDERS } from "../support/databases.js";
import { plainJpeg } from "../support/test-photos.js";

let world: ChatWorld;
afterEach(() => world.close());

const DAY_MS = 86_400_000;

describe.each(PROVIDERS)("media retention on $name", ({ create }) => {
  it("deletes voice notes and photos past the retention, and nothing else", async () => {
    world = await chatWorld([], { database: create });
    const { db } = world.database;
    await world.say("M02", "张记便利店 软中华断货");
    await world.send("M02", {
      attachment: { kind: "image", mediaId: "", url: null },
      media: { mime: "image/jpeg", data: plainJpeg() },
    });
    await world.send("M02", { attachment: { kind: "location", lat: 25.13482, lng: 117.04612, label: null } });
    const counts = async () => [
      await db.inboundMedia.count(),
      await db.photo.count(),
      await db.inboundMessage.count(),
      await db.visit.count(),
      await db.checkIn.count(),
    ];
    expect(await counts()).toEqual([1, 1, 3, 1, 1]);

    expect(await purgeOldMedia(db, 180, new Date(Date.now() + 179 * DAY_MS))).toBe(0);
    expect(await counts()).toEqual([1, 1, 3, 1, 1]);
    const job = startMediaRetention({ db, days: 180, timezone: "Asia/Shanghai", logger: createLogger("silent") });
    expect(await job.runNow(new Date(Date.now() + 181 * DAY_MS))).toBe(1);
    job.stop();
    expect(await counts()).toEqual([0, 0, 3, 1, 1]);
  });
});
