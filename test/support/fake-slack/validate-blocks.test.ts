import { describe, expect, it } from 'vitest';
import { validateBlocks } from './validate-blocks.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const button = (extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: 'a',
  text: plain('Go'),
  ...extra,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });

describe('validateBlocks', () => {
  it.each<[string, unknown[], string[]]>([
    ['a plain section', [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }], []],
    ['a divider and a header', [{ type: 'divider' }, { type: 'header', text: plain('Title') }], []],
    [
      '51 blocks',
      Array.from({ length: 51 }, () => ({ type: 'divider' })),
      ['blocks must have at most 50 items'],
    ],
    ['a block without type', [{ text: 'x' }], ['blocks[0] must be a block with a type']],
    [
      'section text over 3000',
      [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }],
      ['blocks[0].text must be at most 3000 characters'],
    ],
    [
      'a mrkdwn header',
      [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }],
      ['blocks[0].text must be plain_text'],
    ],
    [
      'eleven fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
      ['blocks[0].fields must have at most 10 items'],
    ],
    [
      '26 buttons',
      [actions(...Array.from({ length: 26 }, (_, i) => button({ action_id: `a${i}` })))],
      ['blocks[0].elements must have 1 to 25 items'],
    ],
    ['an empty actions block', [actions()], ['blocks[0].elements must have 1 to 25 items']],
    [
      'button text over 75',
      [actions(button({ text: plain('x'.repeat(76)) }))],
      ['blocks[0].elements[0].text must be at most 75 characters'],
    ],
    [
      'button value over 2000',
      [actions(button({ value: 'v'.repeat(2001) }))],
      ['blocks[0].elements[0].value must be a string of at most 2000 characters'],
    ],
    [
      'a bad style',
      [actions(button({ style: 'green' }))],
      ['blocks[0].elements[0].style must be primary or danger'],
    ],
    [
      'duplicate action ids in a block',
      [actions(button(), button())],
      ['blocks[0].elements[1].action_id a is not unique'],
    ],
    ['the same action id in two blocks', [actions(button()), actions(button())], []],
    [
      'duplicate block ids',
      [
        { type: 'divider', block_id: 'x' },
        { type: 'divider', block_id: 'x' },
      ],
      ['blocks[1].block_id x is not unique'],
    ],
    [
      'a confirm without deny',
      [actions(button({ confirm: { title: plain('Sure?'), text: plain('Really'), confirm: plain('Yes') } }))],
      ['blocks[0].elements[0].confirm.deny must be a text object'],
    ],
    [
      'a complete confirm',
      [
        actions(
          button({
            confirm: {
              title: plain('Sure?'),
              text: plain('Really'),
              confirm: plain('Yes'),
              deny: plain('No'),
            },
          }),
        ),
      ],
      [],
    ],
  ])('when the message has %s, then the problems are %j', (_what, blocks, problems) => {
    expect(validateBlocks(blocks)).toEqual(problems);
  });

  it('when a modal has 100 blocks, then it passes; a message with as many does not', () => {
    const blocks = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(validateBlocks(blocks, 'modal')).toEqual([]);
    expect(validateBlocks(blocks, 'message')).toEqual(['blocks must have at most 50 items']);
  });
});
