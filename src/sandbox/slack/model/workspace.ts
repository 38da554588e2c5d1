import { createHash } from 'node:crypto';
import { SlackApiError } from './slack-api-error.js';
import type {
  EphemeralMessage,
  LocalChannel,
  LocalUser,
  MessageContent,
  MessageView,
  OpenedView,
  PinRecord,
  StoredFile,
  StoredMessage,
} from './types.js';

/** The channel every person is in and the bot is not; commands are typed here by default. */
export const GENERAL_CHANNEL_ID = 'CGENERAL';

export interface WorkspaceOptions {
  teamId: string;
  teamName: string;
  teamDomain: string;
  appId: string;
  botUserId: string;
  botId: string;
  /** The people of the workspace (not the bot); all of them are in #general. */
  people: readonly LocalUser[];
  now: () => number;
  /** Versions kept per message (the oldest are dropped); unbounded when absent. */
  maxVersions?: number;
}

/** What `chat.update` compares to know the same token posted a message; the token itself is never kept. */
export function tokenFingerprint(token: string): string {
  return `t:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

/**
 * The state of one Slack workspace: people, channels, messages with their versions, ephemerals,
 * pins, modals, files. It knows nothing about HTTP; the Web API methods and the interactions read
 * and change it through these members.
 */
export class Workspace {
  readonly teamId: string;
  readonly teamName: string;
  readonly teamDomain: string;
  readonly appId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly now: () => number;
  readonly maxVersions: number;
  readonly users = new Map<string, LocalUser>();
  readonly channels = new Map<string, LocalChannel>();
  readonly usergroups = new Map<string, string[]>();
  readonly messages: StoredMessage[] = [];
  readonly ephemerals: EphemeralMessage[] = [];
  readonly pins: PinRecord[] = [];
  readonly views = new Map<string, OpenedView>();
  readonly files = new Map<string, StoredFile>();
  readonly revokedTokens = new Set<string>();
  /** Users conversations.invite refuses with `cant_invite` (e.g. deactivated or restricted). */
  readonly uninvitable = new Set<string>();
  /** The last id number handed out and the last message timestamp (µs): kept across restarts. */
  idCounter = 0;
  lastMicros = 0;

  constructor(options: WorkspaceOptions) {
    this.teamId = options.teamId;
    this.teamName = options.teamName;
    this.teamDomain = options.teamDomain;
    this.appId = options.appId;
    this.botUserId = options.botUserId;
    this.botId = options.botId;
    this.now = options.now;
    this.maxVersions = options.maxVersions ?? Number.POSITIVE_INFINITY;
    this.users.set(options.botUserId, {
      id: options.botUserId,
      name: 'reclaim',
      realName: 'Reclaim',
      isBot: true,
    });
    for (const user of options.people) this.users.set(user.id, { ...user });
    const people = [...this.users.values()].filter((u) => !u.isBot).map((u) => u.id);
    this.addChannel({ id: GENERAL_CHANNEL_ID, name: 'general', members: people, creator: people[0] ?? '' });
  }

  /** A fresh id such as `C00000A1`; prefixes follow Slack's (C channel, V view, F file, S group). */
  nextId(prefix: string): string {
    this.idCounter += 1;
    return `${prefix}${this.idCounter.toString(36).toUpperCase().padStart(7, '0')}`;
  }

  /** A message timestamp `seconds.micros`, strictly increasing across the workspace. */
  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.lastMicros + 1);
    this.lastMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }

  addUser(id: string, name = id.toLowerCase()): LocalUser {
    const user = this.users.get(id) ?? { id, name, isBot: false };
    this.users.set(id, user);
    return user;
  }

  user(id: string): LocalUser {
    const user = this.users.get(id);
    if (!user) throw new SlackApiError('user_not_found');
    return user;
  }

  addChannel(input: {
    id?: string;
    name: string;
    isPrivate?: boolean;
    members?: string[];
    creator?: string;
  }): LocalChannel {
    const channel: LocalChannel = {
      id: input.id ?? this.nextId('C'),
      name: input.name,
      isPrivate: input.isPrivate ?? false,
      isArchived: false,
      topic: '',
      creator: input.creator ?? this.botUserId,
      created: Math.floor(this.now() / 1000),
      members: new Set(input.members ?? []),
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** A channel by id, or by name (`#name` or `name`) as chat.postMessage allows. */
  channel(idOrName: string | undefined): LocalChannel {
    const byId = idOrName === undefined ? undefined : this.channels.get(idOrName);
    if (byId) return byId;
    const name = idOrName?.replace(/^#/, '');
    const byName = [...this.channels.values()].find((c) => c.name === name);
    if (!byName) throw new SlackApiError('channel_not_found');
    return byName;
  }

  /** A channel the bot may write to: it exists, is not archived, and the bot is a member. */
  writableChannel(idOrName: string | undefined): LocalChannel {
    const channel = this.channel(idOrName);
    if (channel.isPrivate && !channel.members.has(this.botUserId))
      throw new SlackApiError('channel_not_found');
    if (channel.isArchived) throw new SlackApiError('is_archived');
    if (!channel.members.has(this.botUserId)) throw new SlackApiError('not_in_channel');
    return channel;
  }

  message(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  postMessage(
    channel: string,
    content: MessageContent,
    by: { user: string; postedWith: string; threadTs?: string | undefined },
  ): StoredMessage {
    const message: StoredMessage = {
      channel,
      ts: this.nextTs(),
      threadTs: by.threadTs,
      user: by.user,
      postedWith: by.postedWith,
      deleted: false,
      versions: [{ ...content, at: new Date(this.now()) }],
    };
    this.messages.push(message);
    return message;
  }

  addVersion(message: StoredMessage, content: MessageContent): void {
    message.versions.push({ ...content, at: new Date(this.now()) });
    if (message.versions.length > this.maxVersions) message.versions.shift();
  }

  /** The latest content of a message together with its history. */
  viewOf(message: StoredMessage): MessageView {
    const { at: _at, ...latest } = message.versions[message.versions.length - 1]!;
    return {
      ...latest,
      channel: message.channel,
      ts: message.ts,
      threadTs: message.threadTs,
      user: message.user,
      versions: [...message.versions],
    };
  }
}
