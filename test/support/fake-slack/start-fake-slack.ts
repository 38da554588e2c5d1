import { ResponseUrlBook, TriggerBook } from '../../../src/sandbox/slack/api/interaction-tokens.js';
import type { TierLimits } from '../../../src/sandbox/slack/api/method-tiers.js';
import { ALL_METHODS } from '../../../src/sandbox/slack/api/methods/all-methods.js';
import { TierLimiter } from '../../../src/sandbox/slack/api/tier-limiter.js';
import type { BotTarget, Delivery } from '../../../src/sandbox/slack/interactions/deliver-to-bot.js';
import type { ViewValues } from '../../../src/sandbox/slack/interactions/interaction-payloads.js';
import {
  clickButton,
  type InteractionResult,
  sendCommand,
  submitView,
} from '../../../src/sandbox/slack/interactions/interactions.js';
import type { SignOptions } from '../../../src/sandbox/slack/interactions/sign-request.js';
import { findButtons } from '../../../src/sandbox/slack/model/find-buttons.js';
import {
  type ChannelView,
  channelEphemerals,
  channelList,
  channelMessages,
  channelPins,
} from '../../../src/sandbox/slack/model/read-workspace.js';
import { LocalSlackError } from '../../../src/sandbox/slack/model/slack-api-error.js';
import type {
  CallRecord,
  EphemeralMessage,
  FoundButton,
  MessageView,
  OpenedView,
  PinRecord,
  StoredFile,
} from '../../../src/sandbox/slack/model/types.js';
import { Workspace } from '../../../src/sandbox/slack/model/workspace.js';
import { listen } from './http-server.js';
import { type WaitForOptions, waitFor } from './wait-for.js';
import { DEFAULT_USERS } from './workspace.js';

export interface FakeSlackOptions {
  port?: number;
  host?: string;
  /** Enforce Slack's Tier limits with 429 + Retry-After. Default true. */
  tierLimits?: boolean;
  /** Shrinks every rate window (0.01: a minute lasts 600 ms). Default 1. */
  tierScale?: number;
  limits?: Partial<TierLimits>;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** When set, the only bot token accepted; otherwise any `xoxb-…` token is. */
  botToken?: string;
  /** People besides the default set (UALICE, UBOB, UCAROL, UDAVE, UERIN). */
  users?: string[];
  usergroups?: Record<string, string[]>;
  bot?: BotTarget;
  /** The clock of the workspace model (timestamps, trigger expiry, rate windows). Default Date.now. */
  now?: () => number;
}

export interface FakeSlack {
  /** The Web API base to give the bot as `slackApiUrl` (ends in `/api/`). */
  readonly apiUrl: string;
  readonly baseUrl: string;
  readonly workspace: Workspace;
  /** Every Web API call, in order, with parsed arguments and the status answered. */
  readonly calls: CallRecord[];
  /** Errors inside the fake itself (answered 500); a test can assert there are none. */
  readonly failures: Error[];
  readonly channels: ChannelView[];
  readonly views: OpenedView[];
  readonly files: StoredFile[];
  messages(channel: string): MessageView[];
  ephemerals(channel: string, user?: string): EphemeralMessage[];
  pins(channel: string): (MessageView & { pin: PinRecord })[];
  channelByName(name: string): ChannelView | undefined;
  callsTo(method: string): CallRecord[];
  addUser(id: string, name?: string): void;
  setUsergroup(id: string, users: string[]): void;
  /** conversations.invite answers `cant_invite` for this user. */
  markUninvitable(userId: string): void;
  /** Every later call with this token gets `token_revoked`. */
  revokeToken(token: string): void;
  /** The next `count` calls of `method` answer 429 with this Retry-After (seconds). */
  rateLimitNext(method: string, count: number, retryAfterSec?: number): void;
  connectBot(target: BotTarget): void;
  command(
    userId: string,
    command: string,
    text: string,
    options?: { channelId?: string; sign?: SignOptions },
  ): Promise<InteractionResult>;
  findButtons(channel: string, predicate?: (b: FoundButton) => boolean): FoundButton[];
  click(userId: string, button: FoundButton, options?: { sign?: SignOptions }): Promise<InteractionResult>;
  submitView(
    userId: string,
    viewId: string,
    values: ViewValues,
    options?: { sign?: SignOptions },
  ): Promise<Delivery & { triggerId: string; view: OpenedView }>;
  waitFor<T>(predicate: () => T | Promise<T>, options?: WaitForOptions): Promise<NonNullable<T>>;
  close(): Promise<void>;
}

/** Starts a Slack stand-in on 127.0.0.1: the Web API over an in-memory workspace, plus a user driving the bot. */
export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const now = options.now ?? Date.now;
  const extra = (options.users ?? []).map((id) => ({ id, name: id.toLowerCase(), isBot: false }));
  const ws = new Workspace({
    teamId: options.teamId ?? 'T1',
    teamName: 'Fake Workspace',
    teamDomain: 'fake-workspace',
    appId: 'AFAKEAPP',
    botUserId: options.botUserId ?? 'UBOT',
    botId: options.botId ?? 'BBOT',
    people: [...DEFAULT_USERS, ...extra.filter((u) => !DEFAULT_USERS.some((d) => d.id === u.id))],
    now,
  });
  for (const [id, users] of Object.entries(options.usergroups ?? {})) ws.usergroups.set(id, users);
  const limiter = new TierLimiter({
    now,
    enabled: options.tierLimits ?? true,
    tierScale: options.tierScale,
    limits: options.limits,
  });
  const triggers = new TriggerBook(now);
  const responses = new ResponseUrlBook(now);
  const calls: CallRecord[] = [];
  const failures: Error[] = [];
  let baseUrl = '';
  let bot = options.bot;
  const uploadUrl = (fileId: string) => `${baseUrl}/upload/${fileId}`;
  const { server, baseUrl: bound } = await listen(
    {
      ws,
      methods: ALL_METHODS,
      limiter,
      triggers,
      calls,
      uploadUrl,
      botToken: options.botToken,
      responses,
      failures,
    },
    options.host ?? '127.0.0.1',
    options.port ?? 0,
  );
  baseUrl = bound;
  const drive = {
    ws,
    triggers,
    responses,
    responseUrl: (id: string) => `${baseUrl}/response/${id}`,
    bot: () => {
      if (!bot) throw new LocalSlackError('no bot connected: pass options.bot or call connectBot()');
      return bot;
    },
  };

  return {
    apiUrl: `${baseUrl}/api/`,
    baseUrl,
    workspace: ws,
    calls,
    failures,
    get channels() {
      return channelList(ws);
    },
    get views() {
      return [...ws.views.values()];
    },
    get files() {
      return [...ws.files.values()];
    },
    messages: (channel) => channelMessages(ws, channel),
    ephemerals: (channel, user) => channelEphemerals(ws, channel, user),
    pins: (channel) => channelPins(ws, channel),
    channelByName: (name) => channelList(ws).find((c) => c.name === name),
    callsTo: (method) => calls.filter((c) => c.method === method),
    addUser: (id, name) => void ws.addUser(id, name),
    setUsergroup: (id, users) => void ws.usergroups.set(id, [...users]),
    markUninvitable: (userId) => void ws.uninvitable.add(userId),
    revokeToken: (token) => void ws.revokedTokens.add(token),
    rateLimitNext: (method, count, retryAfterSec = 1) => limiter.forceNext(method, count, retryAfterSec),
    connectBot: (target) => {
      bot = target;
    },
    command: (userId, command, text, opts) => sendCommand(drive, userId, command, text, opts),
    findButtons: (channel, predicate) => findButtons(channelMessages(ws, channel), predicate),
    click: (userId, button, opts) => clickButton(drive, userId, button, opts),
    submitView: (userId, viewId, values, opts) => submitView(drive, userId, viewId, values, opts),
    waitFor: (predicate, opts) => waitFor(predicate, opts),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
