import { clip, contextBlock, escapeMrkdwn, sectionBlock } from './mrkdwn.js';
import type { Block, SlackMessage } from './types.js';

/** Characters of the value per section, leaving room for the code fence. */
const CHUNK = 2900;

/**
 * The ephemeral message that shows a new credential once. The value is only in the blocks, never
 * in the notification `text`; Reclaim has already wiped its copy.
 */
export function buildRevealMessage(label: string, value: string): SlackMessage {
  const name = clip(label, 200);
  // In a code block when it can be one; a value with a backtick would break out, so it goes plain.
  const plain = value.includes('`');
  const blocks: Block[] = [sectionBlock('label', `🔑 *${name}*`)];
  chunk(value, !plain).forEach((part, i) => {
    const blockId = `value-${i + 1}`;
    blocks.push(
      plain
        ? {
            type: 'section',
            block_id: blockId,
            text: { type: 'plain_text', text: part || ' ', emoji: false },
          }
        : sectionBlock(blockId, `\`\`\`${part || ' '}\`\`\``),
    );
  });
  blocks.push(
    contextBlock('warning', [
      '*Store it in your password manager now.* It will not be shown again: Reclaim has deleted its copy, and this message is gone when Slack reloads.',
    ]),
  );
  return { text: `New credential ${clip(label, 100)}: shown once, store it now`, blocks };
}

/** Splits the value into section-sized parts (escaped for mrkdwn when asked), never inside a character. */
function chunk(value: string, asMrkdwn: boolean): string[] {
  const parts: string[] = [];
  let current = '';
  for (const ch of value) {
    const piece = asMrkdwn ? escapeMrkdwn(ch) : ch;
    if (current.length + piece.length > CHUNK) {
      parts.push(current);
      current = '';
    }
    current += piece;
  }
  if (current || parts.length === 0) parts.push(current);
  return parts;
}
