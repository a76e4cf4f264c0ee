/**
 * Who a Slack user is on the roster: a link made by the admin (`cli link`), or one made here the first
 * time we see them, when their Slack profile e-mail matches a person's e-mail.
 */
import type { webApi } from "@slack/bolt";
import type { Person } from "../../domain/roster.js";
import type { Logger } from "../../log.js";
import type { RosterStore } from "../../store/roster-store.js";

/** After a failed lookup, ask Slack again only after this long (each message would otherwise call users.info). */
const MISS_TTL_MS = 10 * 60 * 1000;

export class SlackIdentities {
  private readonly misses = new Map<string, number>();

  constructor(
    private readonly roster: RosterStore,
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** The linked person, linking by e-mail when possible; null for someone we cannot place. */
  async ensure(userId: string): Promise<Person | null> {
    const linked = await this.roster.personByIdentity("slack", userId);
    if (linked) return linked;
    const missedAt = this.misses.get(userId);
    if (missedAt !== undefined && this.now() - missedAt < MISS_TTL_MS) return null;
    const person = await this.linkByEmail(userId).catch((error: unknown) => {
      this.logger.warn({ err: error, slackUser: userId }, "Slack profile lookup failed; treating the user as unlinked");
      return null;
    });
    if (person) this.misses.delete(userId);
    else this.misses.set(userId, this.now());
    return person;
  }

  private async linkByEmail(userId: string): Promise<Person | null> {
    const info = await this.client.users.info({ user: userId });
    const user = info.user;
    // Bots and deactivated accounts never speak for a person.
    if (!user || user.is_bot || user.deleted) return null;
    const email = user.profile?.email?.trim().toLowerCase();
    if (!email) {
      this.logger.info(
        { slackUser: userId },
        "Slack user has no visible e-mail (is the users:read.email scope granted?)",
      );
      return null;
    }
    const person = (await this.roster.people()).find((p) => p.email?.trim().toLowerCase() === email);
    if (!person) {
      this.logger.info({ slackUser: userId }, "Slack user's e-mail matches nobody on the roster");
      return null;
    }
    await this.roster.link(person.id, "slack", userId);
    this.logger.info({ slackUser: userId, person: person.id }, "Slack user linked by profile e-mail");
    return person;
  }
}
