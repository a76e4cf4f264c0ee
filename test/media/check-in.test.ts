/**
 * Location check-ins in the core: at, near and far from the sender's shops (the test roster's
 * coordinates), with the one question when several shops are in range.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Attachment } from "../../src/domain/messages.js";
import { type ChatWorld, chatWorld, plain } from "../support/chat.js";

let world: ChatWorld;
afterEach(() => world.close());

/** 1° of latitude is 111.2 km: 45 m north of a shop is 0.000405° further. */
const location = (lat: number, lng: number): { attachment: Attachment } => ({
  attachment: { kind: "location", lat, lng, label: null },
});

describe("a shared location", () => {
  it("checks in at the sender's shop within the radius, naming the distance", async () => {
    world = await chatWorld();
    const replies = await world.send("M02", location(25.13482 + 0.000405, 117.04612));
    expect(plain(replies)).toBe("📍 已在张记便利店签到（约 45 米）");
    expect(await world.database.db.checkIn.findMany()).toMatchObject([
      { personId: "M02", retailerId: "R035", day: "2026-11-25", distanceM: 45 },
    ]);
  });

  it("far from every shop names the nearest, and checks in nowhere", async () => {
    world = await chatWorld();
    // 1.2 km south of 张记便利店, in open country.
    const replies = await world.send("M02", location(25.13482 - 0.0108, 117.04612));
    expect(plain(replies)).toBe("附近 300 米内没有您的门店，最近的是张记便利店（约 1.2 公里）。");
    expect(await world.database.db.checkIn.count()).toBe(0);
  });

  it("near two shops asks which, and the answer checks in there", async () => {
    world = await chatWorld([], { checkInRadiusM: 1500 });
    // Between 张记便利店 and 金穗烟酒行, 1.2 km apart, a little nearer 金穗.
    const question = await world.send("M02", location(25.1342, 117.0535));
    expect(plain(question)).toBe("附近有几家您的门店，您在哪一家？\n1) 金穗烟酒行\n2) 张记便利店\n回复 1 或 2");
    expect(plain(await world.say("M02", "张记便利店"))).toMatch(/^📍 已在张记便利店签到（约 \d+ 米）$/);
    expect(await world.database.db.checkIn.findMany()).toMatchObject([{ retailerId: "R035" }]);
  });

  it("is answered in English for an English speaker", async () => {
    world = await chatWorld();
    // Joe's Market (R151) is M07's; far from anything of theirs here.
    const replies = await world.send("M07", location(30.0, -97.0), { at: "2026-11-25T09:00:00-06:00" });
    expect(plain(replies, "en")).toMatch(
      /^None of your shops is within 300 m\. The nearest is .+ \(about [\d.]+ km\)\.$/,
    );
  });
});
