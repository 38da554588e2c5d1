/** The message that writes the audit chain's head into the incident channel, outside the database. */
import { formatAnchor, type RecordedAnchor } from '../../domain/audit-anchor.js';
import { contextBlock, escapeMrkdwn } from './mrkdwn.js';
import type { Block } from './types.js';

/**
 * One small context line per anchor. Its `seq:hash` is what `npm run audit:verify -- --anchor …`
 * takes: an audit log rewritten in the database no longer matches what this channel kept.
 */
export function buildAnchorMessage(anchor: RecordedAnchor): { text: string; blocks: Block[] } {
  const text = `Audit chain anchor (${anchor.reason}): ${formatAnchor(anchor)}`;
  return {
    text,
    blocks: [
      contextBlock('audit-anchor', [
        `:link: Audit chain anchor, ${escapeMrkdwn(anchor.reason)}: \`${formatAnchor(anchor)}\``,
      ]),
    ],
  };
}
