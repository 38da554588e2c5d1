import { describe, expect, it } from 'vitest';
import { slackLimitViolations } from './slack-limits.js';

const section = (text: string, id = 's') => ({
  type: 'section',
  block_id: id,
  text: { type: 'mrkdwn', text },
});
const button = (over: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'a',
  text: { type: 'plain_text', text: 'Go' },
  ...over,
});

describe('slackLimitViolations (the checker itself)', () => {
  it.each([
    ['a good message', { text: 'hi', blocks: [section('hello')] }, null],
    [
      '51 blocks',
      { text: 'hi', blocks: Array.from({ length: 51 }, (_, i) => section('x', `b${i}`)) },
      /51 blocks > 50/,
    ],
    [
      'a 3001-character section',
      { text: 'hi', blocks: [section('x'.repeat(3001))] },
      /3001 characters > 3000/,
    ],
    ['a duplicate block_id', { text: 'hi', blocks: [section('a'), section('b')] }, /duplicate block_id/],
    ['no top-level text', { text: '', blocks: [section('a')] }, /top-level text is missing/],
    [
      'a 151-character header',
      { text: 'hi', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } }] },
      /151 characters > 150/,
    ],
    [
      'a 76-character button',
      {
        text: 'hi',
        blocks: [
          { type: 'actions', elements: [button({ text: { type: 'plain_text', text: 'b'.repeat(76) } })] },
        ],
      },
      /76 characters > 75/,
    ],
    [
      'a 2001-character button value',
      { text: 'hi', blocks: [{ type: 'actions', elements: [button({ value: 'v'.repeat(2001) })] }] },
      /value > 2000/,
    ],
    [
      'a repeated action_id in one block',
      { text: 'hi', blocks: [{ type: 'actions', elements: [button(), button()] }] },
      /action_id repeated/,
    ],
    [
      'a confirm without deny',
      {
        text: 'hi',
        blocks: [
          {
            type: 'actions',
            elements: [
              button({
                confirm: {
                  title: { type: 'plain_text', text: 't' },
                  text: { type: 'plain_text', text: 'x' },
                  confirm: { type: 'plain_text', text: 'ok' },
                },
              }),
            ],
          },
        ],
      },
      /confirm needs title, confirm and deny/,
    ],
    [
      '11 context elements',
      {
        text: 'hi',
        blocks: [
          { type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) },
        ],
      },
      /11 elements/,
    ],
    ['an unescaped broadcast', { text: 'hi', blocks: [section('hey <!channel>')] }, /unescaped <!channel>/],
    [
      'an unescaped link',
      { text: 'hi', blocks: [section('<https://evil.example|click>')] },
      /unescaped <https/,
    ],
    [
      'too much text in all',
      { text: 'hi', blocks: Array.from({ length: 4 }, (_, i) => section('x'.repeat(2900), `b${i}`)) },
      /11600 characters of text > 10000/,
    ],
    [
      'a modal title over 24 characters',
      { type: 'modal', title: { type: 'plain_text', text: 't'.repeat(25) }, blocks: [section('x')] },
      /modal title: 25 characters > 24/,
    ],
  ])('when the message has %s, then the checker says so', (_name, message, expected) => {
    const violations = slackLimitViolations(message);
    if (expected === null) expect(violations).toEqual([]);
    else expect(violations.join('\n')).toMatch(expected);
  });

  it('when links are allowed, then a link in mrkdwn passes', () => {
    expect(
      slackLimitViolations(
        { text: 'hi', blocks: [section('<https://x.example/a|docs>')] },
        { allowLinks: true },
      ),
    ).toEqual([]);
  });
});
