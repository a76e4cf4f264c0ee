/**
 * What a WeChat voice note (SILK), photo or shared location carries, as the core takes it: the
 * file fetched from the puppet and checked by content, or the location's point and name.
 */
import { type Message, types } from "wechaty";
import type { InboundMessage } from "../../domain/messages.js";
import { acceptedMedia } from "../../media/sniff.js";

export type WechatContent = Pick<InboundMessage, "text" | "attachment" | "media">;

/** The message types the bot reads; others (stickers, mini programs, transfers) are left alone. */
export const READ_TYPES: readonly types.Message[] = [
  types.Message.Text,
  types.Message.Audio,
  types.Message.Image,
  types.Message.Location,
];

/** The content of a voice, image or location message; a file that cannot be fetched comes without bytes. */
export async function wechatMediaContent(message: Message): Promise<WechatContent> {
  const type = message.type();
  if (type === types.Message.Location) {
    // Message.toLocation() throws in Wechaty 1.20 (it news up a user class directly): ask the puppet.
    const location = await message.wechaty.puppet.messageLocation(message.id);
    return {
      text: "",
      attachment: {
        kind: "location",
        lat: location.latitude,
        lng: location.longitude,
        label: location.name || null,
      },
    };
  }
  const kind = type === types.Message.Audio ? "voice" : "image";
  const box = await message.toFileBox();
  const data = new Uint8Array(await box.toBuffer());
  const attachment =
    kind === "voice"
      ? ({ kind, mediaId: message.id, format: box.mediaType ?? null } as const)
      : ({ kind, mediaId: message.id, url: null } as const);
  return { text: "", attachment, media: await acceptedMedia(kind, data) };
}
