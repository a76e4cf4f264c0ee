/** The channels part of the message catalogue: what the Slack, WeChat, WeCom and web chat adapters say themselves. */

/** `/fieldmate plan|status|help`. */
export type SlashCommand = "plan" | "status" | "help";

export interface ChannelMessages {
  /** A message could not be answered because of a fault on our side. */
  failed: string;
  /** The title of Slack's App Home tab. */
  homeTitle: string;
  /** App Home when the app gives no home view. */
  homeHint: string;
  /** What each slash subcommand stands for, as the person would type it in this language. */
  slashCommands: Record<SlashCommand, string>;
  /** Other words for a subcommand in this language (`/fieldmate 计划`). */
  slashAliases: Record<SlashCommand, readonly string[]>;
  /** Said in a group (Slack channel, WeChat group) when the answer went to the asker privately. */
  answeredPrivately: string;
  /** WeChat group: the answer could not go to the asker privately (not the bot's friend yet). */
  addMeFirst: string;
  /** What a deactivated person hears on any channel. */
  deactivated: string;
  /** The page GET /login/TOKEN shows when it does not sign in; every language side by side. */
  signInPage: SignInPageMessages;
  /** The web chat page's own texts (src/channels/web/public/), served as data to the page. */
  webPage: WebPageMessages;
  /** What the WeCom app says itself. */
  wecom: WecomMessages;
}

interface WecomMessages {
  /** A linked person opened the app's chat (at most once a day): a card with this title and text… */
  greetingTitle(name: string): string;
  greetingText: string;
  /** …and one button, which sends `slashCommands.plan` as if typed. */
  planButton: string;
  /** What a message the bot cannot read (video, file, link) gets. */
  notYet: string;
}

interface SignInPageMessages {
  title: string;
  /** A link opened a second time, or too late. */
  usedOrExpired: string;
  /** How to get a new link. */
  howToGetOne: string;
  /** Shown to link-preview robots, which must not use up the link. */
  openInBrowser: string;
}

/**
 * Plain strings, because they travel to the browser as JSON; `{name}` and `{max}` are filled in by
 * the page. Until a person is picked the page shows every language's text side by side.
 */
interface WebPageMessages {
  loading: string;
  /** Followed by the browser's reason. */
  cannotConnect: string;
  /** Outside demo mode, before signing in. */
  signInTitle: string;
  signInHint: string;
  /** The session ended (signed out elsewhere, revoked, expired). */
  signedOut: string;
  deactivated: string;
  signOut: string;
  pickTitle: string;
  pickHint: string;
  search: string;
  searchHint: string;
  noTeam: string;
  nobodyMatches: string;
  roles: { manager: string; supervisor: string; admin: string };
  liveUpdates: string;
  switchShort: string;
  switchPerson: string;
  /** The first line of a chat; `{name}` is the person's name. */
  greeting: string;
  pushed: string;
  /** `{max}` is the limit in characters. */
  tooLong: string;
  displayError: string;
  notSent: string;
  retry: string;
  message: string;
  messageHint: string;
  send: string;
  /** The hold-to-talk button, and its label while recording. */
  holdToTalk: string;
  recording: string;
  /** The camera/photo button and the check-in button. */
  photo: string;
  checkIn: string;
  /** What the person's own bubble shows for a voice note, a photo, a location. */
  voiceSent: string;
  photoSent: string;
  locationSent: string;
  /** The browser refused the microphone, or records nothing. */
  micDenied: string;
  /** The browser refused or could not tell the location. */
  locationDenied: string;
  /** The photo could not be read from the phone. */
  photoUnreadable: string;
}
