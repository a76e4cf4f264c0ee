/**
 * The WeChat channel: a Wechaty bot on the configured puppet. Direct messages, and group messages
 * that @mention the bot, go to the core with WeChat's own message id; replies and pushes go back as
 * plain text with numbered choices, split under WeChat's length, every message through the
 * channel's one pacer. A question asked in a group is answered in a private chat with the asker
 * (personal and team data never lands in a group), and the group gets one line saying so.
 */
import qrcodeTerminal from "qrcode-terminal";
import {
  type Contact,
  type Friendship,
  type Message,
  qrcodeValueToImageUrl,
  ScanStatus,
  types,
  type Wechaty,
  WechatyBuilder,
  type WechatyOptions,
} from "wechaty";
import type { InboundMessage, Reply } from "../../domain/messages.js";
import { inEveryLanguage } from "../../locales/index.js";
import type { ChannelStartDeps, RunningChannel } from "../channel-plugin.js";
import { catalogueFor } from "../sender-language.js";
import type { WechatConfig, WechatOptions } from "./index.js";
import { READ_TYPES, wechatMediaContent } from "./wechat-media.js";
import { MAX_WECHAT_TEXT, wechatTexts } from "./wechat-text.js";

/** A puppet object (as opposed to a puppet module's name). */
export type PuppetInstance = Exclude<NonNullable<WechatyOptions["puppet"]>, string>;

type StartWechatDeps = Pick<ChannelStartDeps<WechatConfig>, "config" | "bot" | "roster" | "logger" | "pacer"> &
  WechatOptions & {
    /** Longest text sent as one message (default 1,500 characters). */
    maxMessageLength?: number;
    /** Accept friend requests, so a manager can add the bot and then send an invite code (default true). */
    acceptFriendRequests?: boolean;
  };

export interface WechatChannel extends RunningChannel {
  /** Resolves when every message received so far has been handled and every send made. */
  idle(): Promise<void>;
}

/** Starts Wechaty; login happens later, when someone scans the QR code (or the session is restored). */
export async function startWechat(deps: StartWechatDeps): Promise<WechatChannel> {
  const { config, bot, roster, logger, pacer } = deps;
  if (!deps.puppet && !config.WECHATY_PUPPET)
    throw new Error("WeChat needs WECHATY_PUPPET (e.g. wechaty-puppet-wechat4u or wechaty-puppet-service)");
  const maxLength = deps.maxMessageLength ?? MAX_WECHAT_TEXT;
  const printQr = deps.printQr ?? ((qrcode: string) => qrcodeTerminal.generate(qrcode, { small: true }));

  const wechaty: Wechaty = deps.puppet
    ? WechatyBuilder.build({ puppet: deps.puppet })
    : WechatyBuilder.build({
        // The session is kept in fieldmate-wechat.memory-card.json, so a restart need not scan again.
        name: "fieldmate-wechat",
        puppet: config.WECHATY_PUPPET as never,
        ...(config.WECHATY_PUPPET_SERVICE_TOKEN
          ? { puppetOptions: { token: config.WECHATY_PUPPET_SERVICE_TOKEN } }
          : {}),
      });

  const work = new Set<Promise<unknown>>();
  const track = (promise: Promise<unknown>) => {
    const tracked = promise.finally(() => work.delete(tracked));
    work.add(tracked);
  };

  wechaty.on("scan", (qrcode: string, status: ScanStatus) => {
    if (status === ScanStatus.Waiting || status === ScanStatus.Timeout) {
      printQr(qrcode);
      logger.info(
        { url: qrcodeValueToImageUrl(qrcode), status: ScanStatus[status] },
        "WeChat login: scan the QR code with the bot's WeChat account",
      );
    } else {
      logger.info({ status: ScanStatus[status] }, "WeChat login: QR code status");
    }
  });
  wechaty.on("login", (user: Contact) => logger.info({ user: user.name(), id: user.id }, "WeChat logged in"));
  wechaty.on("logout", (user: Contact, reason?: string) =>
    logger.warn(
      { user: user.name(), id: user.id, reason },
      "WeChat logged out; waiting for the puppet to log in again (a new QR code is printed if needed)",
    ),
  );
  wechaty.on("error", (error: Error) =>
    logger.error({ err: error }, "WeChat puppet error (the puppet reconnects on its own where it can)"),
  );
  wechaty.on("ready", () => logger.info("WeChat ready"));
  wechaty.on("message", (message: Message) => track(onMessage(message)));
  if (deps.acceptFriendRequests ?? true) {
    wechaty.on("friendship", (friendship: Friendship) => track(onFriendship(friendship)));
  }

  async function onMessage(message: Message): Promise<void> {
    // The account's own messages (our replies, or someone using the phone) come through too.
    if (message.self()) return;
    if (!READ_TYPES.includes(message.type())) return;
    const room = message.room();
    if (room && !(await message.mentionSelf())) return;
    const talker = message.talker();
    // Official accounts (subscriptions, 微信团队) write to the bot too; answering them is noise at best.
    if (talker.type() === types.Contact.Official) return;
    const log = logger.child({ contact: talker.id, messageId: message.id, room: room?.id ?? null });
    let replies: Reply[];
    try {
      // A voice note, photo or location carries its content instead of text (wechat-media.ts).
      const content =
        message.type() === types.Message.Text
          ? { text: room ? await message.mentionText() : message.text() }
          : await wechatMediaContent(message);
      const inbound: InboundMessage = {
        channel: "wechat",
        externalUserId: talker.id,
        externalMessageId: message.id,
        receivedAt: message.date(),
        ...content,
      };
      const accepted = bot.accept ? await bot.accept(inbound) : { replies: bot.handle(inbound) };
      replies = await accepted.replies;
      // The same message emitted twice (a puppet reconnecting): the first delivery sends the replies.
      if (accepted.echo) return;
    } catch (error) {
      log.error({ err: error }, "WeChat message failed");
      replies = [{ kind: "text", text: inEveryLanguage((t) => t.channels.failed) }];
    }
    // After handle: an invite code may just have linked this contact, and the answer is in their language.
    const t = catalogueFor(await roster.personByIdentity("wechat", talker.id));
    const texts = wechatTexts(replies, t, maxLength);
    let sentPrivately = false;
    try {
      for (const part of texts) await pacer.run(talker.id, () => talker.say(part));
      sentPrivately = true;
      log.info({ replies: replies.length, messages: texts.length, group: Boolean(room) }, "WeChat message handled");
    } catch (error) {
      log.error({ err: error }, "WeChat reply could not be sent privately");
    }
    if (room && texts.length) {
      // One line in the group, never the answer: it may be a team's figures or an export.
      const note = sentPrivately ? t.channels.answeredPrivately : t.channels.addMeFirst;
      await pacer
        .run(talker.id, () => room.say(note, talker))
        .catch((error: unknown) => {
          log.warn({ err: error }, "WeChat group note could not be sent");
        });
    }
  }

  async function onFriendship(friendship: Friendship): Promise<void> {
    if (friendship.type() !== types.Friendship.Receive) return;
    try {
      await friendship.accept();
      logger.info({ contact: friendship.contact().id }, "WeChat friend request accepted");
    } catch (error) {
      logger.warn({ err: error }, "WeChat friend request could not be accepted");
    }
  }

  /** A push to a linked contact. */
  async function send(contactId: string, replies: Reply[]): Promise<void> {
    if (!wechaty.isLoggedIn) throw new Error("WeChat is not logged in; the push will be retried");
    const contact = await wechaty.Contact.find({ id: contactId });
    if (!contact) throw new Error(`WeChat contact ${contactId} not found (not a friend of the bot account?)`);
    const t = catalogueFor(await roster.personByIdentity("wechat", contactId));
    for (const part of wechatTexts(replies, t, maxLength)) {
      await pacer.run(contactId, () => contact.say(part));
    }
  }

  await wechaty.start();
  logger.info({ puppet: deps.puppet ? "injected" : config.WECHATY_PUPPET }, "WeChat started; waiting for login");

  const idle = async () => {
    while (work.size) await Promise.allSettled([...work]);
    await pacer.idle();
  };
  return {
    send,
    idle,
    async stop() {
      await idle();
      await wechaty.stop();
      logger.info("WeChat stopped");
    },
  };
}
