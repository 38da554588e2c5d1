import { describe, expect, it } from 'vitest';
import { html } from './render-support.js';

describe('renderBlocks: block and element kinds beyond the bot’s', () => {
  it.each([
    ['a divider', { type: 'divider' }, '<hr class="bk-divider">'],
    [
      'a section with fields',
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Risk*' },
          { type: 'plain_text', text: 'high' },
        ],
      },
      '<div class="bk-fields"><div class="bk-field"><strong>Risk</strong></div><div class="bk-field">high</div></div>',
    ],
    [
      'a button accessory',
      {
        type: 'section',
        block_id: 's',
        text: { type: 'mrkdwn', text: 'x' },
        accessory: { type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' } },
      },
      'value="[&quot;s&quot;,&quot;go&quot;]">Go</button>',
    ],
    [
      'an image',
      { type: 'image', image_url: 'https://cdn.example/x.png', alt_text: 'chart' },
      'aria-label="chart"',
    ],
  ])('when a message has %s, then it is drawn without fetching anything', (_name, block, expected) => {
    const out = html({ blocks: [block] });
    expect(out).toContain(expected);
    expect(out).not.toContain('cdn.example');
  });

  it.each([
    ['an unknown block', { type: 'rich_text_quote' }, 'Unsupported block: rich_text_quote'],
    [
      'an unknown element',
      { type: 'actions', elements: [{ type: 'static_select' }] },
      'Unsupported element: static_select',
    ],
    ['a block type with markup', { type: '<img onerror=x>' }, 'Unsupported block: &lt;img onerror=x&gt;'],
  ])('when a message has %s, then the console says so visibly', (_name, block, expected) => {
    const out = html({ blocks: [block] });
    expect(out).toContain('bk-unknown');
    expect(out).toContain(expected);
  });
});
