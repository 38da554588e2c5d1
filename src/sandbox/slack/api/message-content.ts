import { randomBytes } from 'node:crypto';
import { SlackApiError } from '../model/slack-api-error.js';
import type { MessageContent, SlackArgs, StoredMessage } from '../model/types.js';
import type { Workspace } from '../model/workspace.js';
import { arrayArg, optionalString } from './args.js';
import { validateBlocks } from './validate-blocks.js';

/** Slack truncates past 40,000 characters on post and refuses more than 4,000 on chat.update. */
export const MAX_POST_TEXT = 40_000;
export const MAX_UPDATE_TEXT = 4_000;

/** Like Slack, a block sent without a block_id gets a generated one. */
function withBlockIds(blocks: unknown[]): unknown[] {
  return blocks.map((block) =>
    typeof block === 'object' && block !== null && !('block_id' in block)
      ? { ...block, block_id: randomBytes(3).toString('base64url') }
      : block,
  );
}

/** The blocks of a call, checked against Block Kit's limits (`invalid_blocks` with the problems). */
export function readBlocks(args: SlackArgs, surface: 'message' | 'modal' = 'message'): unknown[] {
  const blocks = arrayArg(args, 'blocks');
  const problems = validateBlocks(blocks, surface);
  if (problems.length > 0) {
    throw new SlackApiError('invalid_blocks', {
      errors: problems,
      response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
    });
  }
  return withBlockIds(blocks);
}

/** The message content of a post: text and/or blocks and/or attachments (`no_text` when none). */
export function readContent(args: SlackArgs, maxText: number): MessageContent {
  const text = optionalString(args, 'text') ?? '';
  const blocks = readBlocks(args);
  const attachments = arrayArg(args, 'attachments');
  if (text.length === 0 && blocks.length === 0 && attachments.length === 0)
    throw new SlackApiError('no_text');
  if ([...text].length > maxText) throw new SlackApiError('msg_too_long');
  return { text, blocks, attachments };
}

/** A message object in the shape chat.* methods return and interaction payloads carry. */
export function messageJson(ws: Workspace, message: StoredMessage): Record<string, unknown> {
  const latest = ws.viewOf(message);
  return {
    type: 'message',
    ...(latest.files ? { subtype: 'file_share', files: latest.files } : {}),
    user: message.user,
    ...(message.user === ws.botUserId ? { bot_id: ws.botId, app_id: ws.appId } : {}),
    text: latest.text,
    blocks: latest.blocks,
    ...(latest.attachments.length > 0 ? { attachments: latest.attachments } : {}),
    ts: message.ts,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    team: ws.teamId,
  };
}
