import { type WebClient, WebClientEvent } from '@slack/web-api';
import type { Logger } from '../../util/logger.js';
import { SlackCallError, TOKEN_ERRORS, toSlackCallError } from './slack-call-error.js';
import { createSlackPacer, type PacerOptions, type SlackPacer } from './slack-pacer.js';

/** A message as the block builders make it. */
export interface SlackMessage {
  text: string;
  blocks: readonly unknown[];
}

export interface InviteFailure {
  user: string;
  error: string;
}

/**
 * Every Slack Web API call the bot makes, paced under Slack's tiers, with Slack's errors turned
 * into SlackCallError (slackError = Slack's error string). The WebClient retries 429s (Retry-After);
 * nothing above it does.
 */
export interface SlackGateway {
  createChannel(name: string, isPrivate: boolean): Promise<{ id: string }>;
  /** Invites each user; the ones Slack refused come back with Slack's reason. */
  invite(channel: string, users: readonly string[]): Promise<InviteFailure[]>;
  setTopic(channel: string, topic: string): Promise<void>;
  post(channel: string, message: SlackMessage, threadTs?: string): Promise<{ ts: string }>;
  update(channel: string, ts: string, message: SlackMessage): Promise<void>;
  ephemeral(channel: string, user: string, message: SlackMessage): Promise<void>;
  pin(channel: string, ts: string): Promise<void>;
  openView(triggerId: string, view: unknown): Promise<void>;
  usergroupMembers(usergroup: string): Promise<string[]>;
  uploadFile(
    channel: string,
    file: { filename: string; title: string; content: string; comment: string },
  ): Promise<void>;
  /** True while Slack is making us wait (shown on the progress card). */
  isRateLimited(): boolean;
  pacer: SlackPacer;
}

export function createSlackGateway(
  client: WebClient,
  options: { logger: Logger; pacing?: PacerOptions },
): SlackGateway {
  const pacer = createSlackPacer(options.pacing);
  let limitedUntil = 0;
  client.on(WebClientEvent.RATE_LIMITED, (seconds: number, info: { url?: string }) => {
    limitedUntil = Date.now() + seconds * 1000;
    options.logger.warn(
      { retryAfterSec: seconds, url: info?.url },
      'Slack rate limited us; the Web API client waits and retries',
    );
  });

  const call = async <T = Record<string, unknown>>(
    method: string,
    args: Record<string, unknown>,
    channel?: string,
  ): Promise<T> => {
    try {
      return (await pacer.schedule(method, channel, () => client.apiCall(method, args))) as T;
    } catch (err) {
      const e = toSlackCallError(method, err);
      if (TOKEN_ERRORS.has(e.slackError))
        options.logger.error({ method, code: e.slackError }, 'the Slack token no longer works');
      throw e;
    }
  };

  return {
    pacer,
    isRateLimited: () => Date.now() < limitedUntil,
    async createChannel(name, isPrivate) {
      const res = await call<{ channel: { id: string } }>('conversations.create', {
        name,
        is_private: isPrivate,
      });
      return { id: res.channel.id };
    },
    async invite(channel, users) {
      const failures: InviteFailure[] = [];
      for (const user of users) {
        try {
          await call('conversations.invite', { channel, users: user });
        } catch (err) {
          if (!(err instanceof SlackCallError)) throw err;
          if (err.slackError === 'already_in_channel' || err.slackError === 'cant_invite_self') continue;
          failures.push({ user, error: err.slackError });
        }
      }
      return failures;
    },
    async setTopic(channel, topic) {
      await call('conversations.setTopic', { channel, topic: topic.slice(0, 250) });
    },
    async post(channel, message, threadTs) {
      const res = await call<{ ts: string }>(
        'chat.postMessage',
        { channel, text: message.text, blocks: message.blocks, ...(threadTs ? { thread_ts: threadTs } : {}) },
        channel,
      );
      return { ts: res.ts };
    },
    async update(channel, ts, message) {
      await call('chat.update', { channel, ts, text: message.text, blocks: message.blocks });
    },
    async ephemeral(channel, user, message) {
      await call('chat.postEphemeral', { channel, user, text: message.text, blocks: message.blocks });
    },
    async pin(channel, ts) {
      try {
        await call('pins.add', { channel, timestamp: ts });
      } catch (err) {
        if (!(err instanceof SlackCallError && err.slackError === 'already_pinned')) throw err;
      }
    },
    async openView(triggerId, view) {
      await call('views.open', { trigger_id: triggerId, view });
    },
    async usergroupMembers(usergroup) {
      const res = await call<{ users?: string[] }>('usergroups.users.list', { usergroup });
      return res.users ?? [];
    },
    async uploadFile(channel, file) {
      try {
        await pacer.schedule('files.completeUploadExternal', channel, () =>
          client.files.uploadV2({
            channel_id: channel,
            filename: file.filename,
            title: file.title,
            content: file.content,
            initial_comment: file.comment,
          }),
        );
      } catch (err) {
        throw toSlackCallError('files.uploadV2', err);
      }
    },
  };
}
