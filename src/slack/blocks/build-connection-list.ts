/** The ephemeral answer to `connections`: label, provider, account, last check, who added it (never a credential). */
import type { Connection } from '../../domain/connection.js';
import { fitTextBudget } from './fit-text-budget.js';
import { clip, mention, plural, sectionBlock, sectionBlocks, slackDate } from './mrkdwn.js';
import type { SlackMessage } from './types.js';

export function buildConnectionList(connections: readonly Connection[]): SlackMessage {
  if (connections.length === 0) {
    const none =
      'Reclaim holds no provider connections. An approver adds one with `/compromise connect <provider> [name]`.';
    return { text: 'No provider connections.', blocks: [sectionBlock('empty', none)] };
  }
  const lines = ['*Provider connections:*', ...connections.map(connectionLine)];
  return {
    text: plural(connections.length, 'provider connection'),
    blocks: fitTextBudget(sectionBlocks('connections', lines)),
  };
}

function connectionLine(c: Connection): string {
  const by = /^[UW][A-Z0-9]+$/.test(c.addedBy) ? mention(c.addedBy) : clip(c.addedBy, 40);
  const parts = [
    `\`${c.label}\` · ${c.provider}`,
    `account ${c.accountId ? clip(c.accountId, 60) : 'unknown'}${c.parentLabel ? `, subaccount of \`${c.parentLabel}\`` : ''}`,
    c.lastVerifiedAt ? `checked ${slackDate(c.lastVerifiedAt)}` : 'not checked yet',
    `added by ${by}${c.source === 'env' ? ' (environment)' : ''}`,
  ];
  if (c.state === 'refused') parts.push('⚠️ refused by the provider');
  if (c.source === 'incident') parts.push('for one incident');
  return `• ${parts.join(' · ')}`;
}
