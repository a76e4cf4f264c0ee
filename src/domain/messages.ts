/**
 * Channel-neutral message types: what adapters hand to the core and what the core answers.
 * Each channel renders replies in its own idiom (Block Kit, numbered WeChat text, web cards).
 */
/** A channel's name ("web", "slack", "wechat", …): the channel list in `channels/index.ts` says which exist. */
export type ChannelName = string;

/** What a channel can show; handlers read it so a chart is not drawn for a channel that shows text only. */
export interface ChannelCapabilities {
  /** Pictures inline (charts, photos). */
  images: boolean;
  /** Files to download (exports). */
  files: boolean;
  /** Tappable choice buttons; without them choices are numbered text. */
  buttons: boolean;
}

/**
 * What a message carried instead of (or besides) text, as the platform named it: a voice note, a
 * photo, a shared location, or another kind (video, link, file). src/media gives voice, image and
 * location their meaning; other kinds are stored and answered as having no text.
 */
export type Attachment =
  | { kind: "voice"; mediaId: string; format: string | null }
  | { kind: "image"; mediaId: string; url: string | null }
  | { kind: "location"; lat: number; lng: number; label: string | null }
  | { kind: "other"; type: string };

/** A voice note's or photo's bytes, fetched by the channel before the core sees the message. */
export interface MediaBytes {
  /** The type the content was found to be (magic bytes), not the one the sender claimed. */
  mime: string;
  data: Uint8Array;
}

export interface InboundMessage {
  channel: ChannelName;
  /** The sender as the platform knows them (Slack user id, WeChat contact id, person id on the web). */
  externalUserId: string;
  /** The platform's own message id; a second delivery with the same id is a retry. */
  externalMessageId: string;
  text: string;
  receivedAt: Date;
  /** The platform message this one replies to, when the channel tells us. */
  replyToExternalId?: string | null;
  /** A voice note, photo or location the message carried (src/media reads them). */
  attachment?: Attachment;
  /** The bytes of a voice or image attachment; stored with the raw row before anything reads them. */
  media?: MediaBytes;
  /**
   * The channel's download of the attachment's bytes, when it must not hold up storing the message
   * (Slack and WeCom want their answer within seconds): the core stores the row, the channel
   * answers, then the bytes are fetched and stored beside the row before it is handled.
   */
  fetchMedia?: () => Promise<MediaBytes | undefined>;
}

/** One option the user can pick; `value` is sent back as if typed. */
export interface Choice {
  label: string;
  value: string;
}

export interface TextReply {
  kind: "text";
  text: string;
}

/** A question with numbered options ("1) 胡记超市 2) 胡记便利店"). */
export interface ChoicesReply {
  kind: "choices";
  text: string;
  choices: Choice[];
}

/** A receipt or summary card: a title, labelled lines and actions (edit, undo). */
export interface CardReply {
  kind: "card";
  title: string;
  lines: { label: string; value: string }[];
  actions: Choice[];
  footer?: string;
}

/** An image the channel can show (chart); `url` is served by the web server, `png` holds the bytes. */
export interface ImageReply {
  kind: "image";
  title: string;
  url: string;
  png?: Uint8Array;
}

/** A file to download or attach (spreadsheet export). */
export interface FileReply {
  kind: "file";
  title: string;
  filename: string;
  url: string;
  bytes?: Uint8Array;
}

export type Reply = TextReply | ChoicesReply | CardReply | ImageReply | FileReply;
