// The handle a test holds on the fake Slack, and the options it starts with.
import type { TierLimits } from '../../../src/sandbox/slack/api/method-tiers.js';
import type { BotTarget, Delivery } from '../../../src/sandbox/slack/interactions/deliver-to-bot.js';
import type { ViewValues } from '../../../src/sandbox/slack/interactions/interaction-payloads.js';
import type { InteractionResult } from '../../../src/sandbox/slack/interactions/interactions.js';
import type { SignOptions } from '../../../src/sandbox/slack/interactions/sign-request.js';
import type { ChannelView } from '../../../src/sandbox/slack/model/read-workspace.js';
import type {
  CallRecord,
  EphemeralMessage,
  FoundButton,
  MessageView,
  OpenedView,
  PinRecord,
  StoredFile,
} from '../../../src/sandbox/slack/model/types.js';
import type { Workspace } from '../../../src/sandbox/slack/model/workspace.js';
import type { FakeSocketMode } from '../fake-socket-mode/start-fake-socket-mode.js';
import type { WaitForOptions } from './wait-for.js';

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
  /** Serve Socket Mode too (apps.connections.open, the WebSocket); the user side then delivers over it. */
  socketMode?: { appToken?: string };
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
  /** The Socket Mode side, with `socketMode` (see test/support/fake-socket-mode). */
  readonly socket?: FakeSocketMode;
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
  /** The next `count` POSTs to any response_url answer 404 `expired_url`, as Slack does for an old one. */
  expireNextResponses(count: number): void;
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
