/**
 * The web chat as a channel: its outbound side is the live feed of open pages (people are
 * addressed by person id, no link needed). Its HTTP server is not started here: it is the shared
 * server (web-server.ts) the app creates, where other channels mount their routes.
 */
import { z } from "zod";
import type { ChannelPlugin } from "../channel-plugin.js";
import type { OutboundChannel } from "../outbound.js";
import type { LiveFeed } from "./live-feed.js";

/** Pushes to a person's open pages; nobody watching is not an error (the page shows today's pushes when opened). */
export function webOutbound(liveFeed: LiveFeed): OutboundChannel {
  return {
    name: "web",
    addressing: "person",
    async send(personId, replies) {
      liveFeed.publish(personId, replies);
    },
  };
}

export const web: ChannelPlugin<Record<never, never>> = {
  name: "web",
  // Its settings (PORT, HOST, DEMO_MODE, PUBLIC_URL, the sign-in settings) belong to the shared server: config.ts.
  config: z.object({}),
  secrets: [],
  enabled: () => true,
  addressing: "person",
  capabilities: { images: true, files: true, buttons: true, maxTextLength: Number.POSITIVE_INFINITY },
  pacing: {},
  async start({ liveFeed }) {
    const outbound = webOutbound(liveFeed);
    return { send: (personId, replies) => outbound.send(personId, replies), stop: async () => undefined };
  },
};
