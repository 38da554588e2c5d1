import { truncate } from './mrkdwn.js';
import { LIMITS } from './slack-limits.js';
import type { Block } from './types.js';

const SHORTEST_SECTION = 80;

/** All text a message's blocks carry, as Slack adds it up for `msg_blocks_too_long`. */
export function blocksTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + blocksTextLength(v), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let sum = 0;
  for (const [key, v] of Object.entries(value)) {
    sum += key === 'text' && typeof v === 'string' ? v.length : blocksTextLength(v);
  }
  return sum;
}

/**
 * Keeps the blocks' total text within Slack's budget by shortening the longest sections. The
 * builders' own caps keep ordinary cards far below it; this is the guard for extreme inputs.
 */
export function fitTextBudget(blocks: Block[], budget: number = LIMITS.blocksTextBudget): Block[] {
  let over = blocksTextLength(blocks) - budget;
  while (over > 0) {
    const longest = blocks
      .filter((b) => b.type === 'section' && b.text !== undefined)
      .sort((a, b) => sectionText(b).length - sectionText(a).length)[0];
    if (longest?.type !== 'section' || !longest.text) break;
    const text = longest.text.text;
    if (text.length <= SHORTEST_SECTION) break;
    const target = Math.max(SHORTEST_SECTION, text.length - over - 1);
    // Cut cleanly: no half entity (`&am`) or half mention/link (`<@U12`) left at the end.
    const cut = truncate(text, target).replace(/(&[a-z]*|<[^>]*)…$/, '…');
    longest.text = { ...longest.text, text: cut };
    over -= text.length - cut.length;
  }
  return blocks;
}

function sectionText(block: Block): string {
  return block.type === 'section' ? (block.text?.text ?? '') : '';
}
