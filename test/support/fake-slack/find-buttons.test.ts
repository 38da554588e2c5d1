import { describe, expect, it } from 'vitest';
import { findButtons } from './find-buttons.js';
import type { MessageView } from './types.js';

const message = (ts: string, blocks: unknown[]): MessageView => ({
  channel: 'C1',
  ts,
  threadTs: undefined,
  user: 'UBOT',
  text: '',
  blocks,
  attachments: [],
  versions: [],
});
const btn = (action_id: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id,
  text: { type: 'plain_text', text: action_id.toUpperCase() },
  ...extra,
});

describe('findButtons', () => {
  it('when messages carry action blocks and button accessories, then every button is found in order', () => {
    const confirm = { title: { type: 'plain_text', text: 'Sure?' } };
    const found = findButtons([
      message('1.1', [
        {
          type: 'section',
          block_id: 's',
          text: { type: 'mrkdwn', text: 'x' },
          accessory: btn('reveal', { value: 'r' }),
        },
        {
          type: 'actions',
          block_id: 'a',
          elements: [
            btn('approve', { style: 'primary', confirm }),
            { type: 'static_select', action_id: 'pick' },
          ],
        },
      ]),
      message('1.2', [{ type: 'actions', block_id: 'b', elements: [btn('retry', { style: 'danger' })] }]),
    ]);
    expect(
      found.map((b) => [b.messageTs, b.blockId, b.actionId, b.text, b.value, b.style, b.confirm]),
    ).toEqual([
      ['1.1', 's', 'reveal', 'REVEAL', 'r', undefined, undefined],
      ['1.1', 'a', 'approve', 'APPROVE', undefined, 'primary', confirm],
      ['1.2', 'b', 'retry', 'RETRY', undefined, 'danger', undefined],
    ]);
  });

  it('when a predicate is given, then only matching buttons come back', () => {
    const messages = [
      message('1.1', [{ type: 'actions', block_id: 'a', elements: [btn('approve'), btn('reject')] }]),
    ];
    expect(findButtons(messages, (b) => b.actionId === 'reject').map((b) => b.actionId)).toEqual(['reject']);
  });

  it('when a message has no blocks or a section without accessory, then nothing is found', () => {
    expect(
      findButtons([
        message('1.1', []),
        message('1.2', [{ type: 'section', text: { type: 'mrkdwn', text: 'x' } }]),
      ]),
    ).toEqual([]);
  });
});
