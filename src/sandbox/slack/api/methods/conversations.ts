import { SlackApiError } from '../../model/slack-api-error.js';
import type { Workspace } from '../../model/workspace.js';
import { flag, optionalString, requireString } from '../args.js';
import { channelJson } from './channel-json.js';
import { checkChannelName } from './channel-name-rules.js';
import type { MethodTable } from './method-context.js';

export const MAX_TOPIC = 250;

/** Why one user cannot be invited, or undefined when they can. */
function inviteProblem(ws: Workspace, members: Set<string>, user: string): string | undefined {
  if (user === ws.botUserId) return 'cant_invite_self';
  if (!ws.users.has(user)) return 'user_not_found';
  if (ws.uninvitable.has(user)) return 'cant_invite';
  if (members.has(user)) return 'already_in_channel';
  return undefined;
}

export const conversationMethods: MethodTable = {
  'conversations.create': ({ ws }, args) => {
    const name = checkChannelName(optionalString(args, 'name'));
    if ([...ws.channels.values()].some((c) => c.name === name)) throw new SlackApiError('name_taken');
    const channel = ws.addChannel({ name, isPrivate: flag(args, 'is_private'), members: [ws.botUserId] });
    return { channel: channelJson(ws, channel) };
  },

  /**
   * Invites a comma-separated list. Like Slack, one bad user fails the call with the error of the
   * first bad one and an `errors` list; with `force=true` the valid users are invited anyway.
   */
  'conversations.invite': ({ ws }, args) => {
    const channel = ws.writableChannel(optionalString(args, 'channel'));
    const users = requireString(args, 'users', 'no_user')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => u.length > 0);
    if (users.length === 0) throw new SlackApiError('no_user');
    const errors = users.flatMap((user) => {
      const error = inviteProblem(ws, channel.members, user);
      return error === undefined ? [] : [{ user, ok: false, error }];
    });
    if (errors.length === 0 || flag(args, 'force')) {
      for (const user of users) if (!errors.some((e) => e.user === user)) channel.members.add(user);
    }
    if (errors.length > 0) throw new SlackApiError(errors[0]!.error, { errors });
    return { channel: channelJson(ws, channel) };
  },

  'conversations.setTopic': ({ ws }, args) => {
    const channel = ws.writableChannel(optionalString(args, 'channel'));
    const topic = optionalString(args, 'topic') ?? '';
    if ([...topic].length > MAX_TOPIC) throw new SlackApiError('too_long');
    channel.topic = topic;
    return { channel: channelJson(ws, channel) };
  },

  'conversations.info': ({ ws }, args) => {
    const channel = ws.channel(optionalString(args, 'channel'));
    if (channel.isPrivate && !channel.members.has(ws.botUserId)) throw new SlackApiError('channel_not_found');
    return { channel: channelJson(ws, channel) };
  },

  'conversations.archive': ({ ws }, args) => {
    const channel = ws.channel(optionalString(args, 'channel'));
    if (channel.isArchived) throw new SlackApiError('already_archived');
    ws.writableChannel(channel.id);
    channel.isArchived = true;
    return {};
  },
};
