import { SlackApiError } from '../../model/slack-api-error.js';
import { arrayArg, optionalString, requireString } from '../args.js';
import { MAX_POST_TEXT, MAX_UPDATE_TEXT, messageJson, readBlocks, readContent } from '../message-content.js';
import type { MethodTable } from './method-context.js';

export const chatMethods: MethodTable = {
  /** A `thread_ts` naming no message in the channel is refused (thread_not_found) so the bug shows. */
  'chat.postMessage': ({ ws, token }, args) => {
    const channel = ws.writableChannel(optionalString(args, 'channel'));
    const content = readContent(args, MAX_POST_TEXT);
    const threadTs = optionalString(args, 'thread_ts');
    if (threadTs !== undefined && !ws.message(channel.id, threadTs))
      throw new SlackApiError('thread_not_found');
    const message = ws.postMessage(channel.id, content, { user: ws.botUserId, postedWith: token, threadTs });
    return { channel: channel.id, ts: message.ts, message: messageJson(ws, message) };
  },

  /**
   * Replaces a message the same token posted. Fields not sent are kept, except that sending `text`
   * without `blocks` removes the blocks, as Slack does.
   */
  'chat.update': ({ ws, token }, args) => {
    const channel = ws.channel(optionalString(args, 'channel'));
    if (channel.isArchived) throw new SlackApiError('is_archived');
    const message = ws.message(channel.id, requireString(args, 'ts', 'message_not_found'));
    if (!message) throw new SlackApiError('message_not_found');
    if (message.postedWith !== token) throw new SlackApiError('cant_update_message');
    const text = optionalString(args, 'text');
    if (text !== undefined && [...text].length > MAX_UPDATE_TEXT) throw new SlackApiError('msg_too_long');
    const latest = ws.viewOf(message);
    const blocks = 'blocks' in args ? readBlocks(args) : text !== undefined ? [] : latest.blocks;
    const attachments = 'attachments' in args ? arrayArg(args, 'attachments') : latest.attachments;
    ws.addVersion(message, { text: text ?? latest.text, blocks, attachments });
    return {
      channel: channel.id,
      ts: message.ts,
      text: text ?? latest.text,
      message: messageJson(ws, message),
    };
  },

  'chat.postEphemeral': ({ ws }, args) => {
    const channel = ws.writableChannel(optionalString(args, 'channel'));
    const user = ws.user(requireString(args, 'user', 'user_not_found'));
    if (!channel.members.has(user.id)) throw new SlackApiError('user_not_in_channel');
    const content = readContent(args, MAX_POST_TEXT);
    const ts = ws.nextTs();
    ws.ephemerals.push({
      ...content,
      channel: channel.id,
      user: user.id,
      ts,
      via: 'api',
      at: new Date(ws.now()),
    });
    return { message_ts: ts };
  },
};
