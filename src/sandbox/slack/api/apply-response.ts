import { SlackApiError } from '../model/slack-api-error.js';
import type { MessageContent, SlackArgs } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { arrayArg, flag, optionalString } from './args.js';
import type { ResponseTarget } from './interaction-tokens.js';
import { MAX_POST_TEXT, readBlocks } from './message-content.js';

function contentOf(body: SlackArgs): MessageContent {
  const text = optionalString(body, 'text') ?? '';
  const blocks = readBlocks(body);
  if (text.length === 0 && blocks.length === 0) throw new SlackApiError('no_text');
  if ([...text].length > MAX_POST_TEXT) throw new SlackApiError('msg_too_long');
  return { text, blocks, attachments: arrayArg(body, 'attachments') };
}

/**
 * What Slack does with a message sent to a response_url (or returned in a command's ack):
 * `delete_original` / `replace_original` act on the message whose button was clicked; otherwise a
 * new message, ephemeral to the user unless `response_type` is `in_channel`.
 */
export function applyResponse(
  ws: Workspace,
  target: Pick<ResponseTarget, 'channel' | 'user' | 'messageTs'>,
  body: SlackArgs,
  via: 'response_url' | 'ack',
): void {
  const original = target.messageTs === undefined ? undefined : ws.message(target.channel, target.messageTs);
  if (flag(body, 'delete_original') && original) {
    original.deleted = true;
    return;
  }
  const content = contentOf(body);
  if (flag(body, 'replace_original') && original) {
    ws.addVersion(original, content);
    return;
  }
  if (body.response_type === 'in_channel') {
    const threadTs = optionalString(body, 'thread_ts');
    ws.postMessage(target.channel, content, { user: ws.botUserId, postedWith: via, threadTs });
    return;
  }
  ws.ephemerals.push({
    ...content,
    channel: target.channel,
    user: target.user,
    ts: ws.nextTs(),
    via,
    at: new Date(ws.now()),
  });
}
