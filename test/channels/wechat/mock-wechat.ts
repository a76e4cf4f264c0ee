/**
 * The WeChat channel on a real Wechaty with wechaty-puppet-mock, logged in as the bot's contact:
 * what the bot sends is read from the puppet's messageSendText (spied).
 */
import { expect, type MockInstance, vi } from "vitest";
import { mock, PuppetMock } from "wechaty-puppet-mock";
import { Pacer } from "../../../src/channels/pacer.js";
import { startWechat, type WechatChannel } from "../../../src/channels/wechat/start-wechat.js";
import { parseConfig } from "../../../src/config/config.js";
import type { Bot } from "../../../src/core/bot.js";
import type { Logger } from "../../../src/log.js";
import type { RosterStore } from "../../../src/store/roster-store.js";

interface MockWechat {
  wechat: WechatChannel;
  mocker: mock.Mocker;
  puppet: PuppetMock;
  sendText: MockInstance<PuppetMock["messageSendText"]>;
  /** The bot's own contact. */
  me: mock.ContactMock;
}

export async function startMockWechat(deps: {
  bot: Bot;
  roster: RosterStore;
  logger: Logger;
  databaseUrl: string;
}): Promise<MockWechat> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const sendText = vi.spyOn(puppet, "messageSendText");
  const wechat = await startWechat({
    config: parseConfig({ DATABASE_URL: deps.databaseUrl }),
    bot: deps.bot,
    roster: deps.roster,
    logger: deps.logger,
    puppet,
    pacer: new Pacer({ perAccountMs: 5 }),
    printQr: () => undefined,
  });
  const me = mocker.createContact({ id: "wxid_fieldmate_bot", name: "Fieldmate" });
  mocker.login(me);
  await vi.waitFor(() => expect(puppet.isLoggedIn).toBe(true), { timeout: 5000 });
  return { wechat, mocker, puppet, sendText, me };
}
