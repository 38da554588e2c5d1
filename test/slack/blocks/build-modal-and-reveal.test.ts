import { describe, expect, it } from 'vitest';
import { buildRevealMessage } from '../../../src/slack/blocks/build-reveal-message.js';
import { buildSkipModal } from '../../../src/slack/blocks/build-skip-modal.js';
import { parseButtonValue } from '../../../src/slack/blocks/button-value.js';
import { DIGEST, EVIL, mrkdwnOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

describe('buildSkipModal', () => {
  it.each([
    ['a normal title', 'Disable forwarding'],
    ['a 5000-character title', 'T'.repeat(5000)],
    ['a malicious title', EVIL],
  ])(
    'when the step has %s, then the modal asks for a reason and carries the step and digest',
    (_name, title) => {
      const modal = buildSkipModal({ stepId: 'step-1', digest: DIGEST, title });
      assertWithinSlackLimits(modal);
      expect(modal.callback_id).toBe('step.skip_modal');
      expect(parseButtonValue(modal.private_metadata)).toEqual({ stepId: 'step-1', digest: DIGEST });
      const input = modal.blocks.find((b) => b.type === 'input');
      expect(input).toMatchObject({
        block_id: 'reason',
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 500 },
      });
      expect(JSON.stringify(modal.blocks)).not.toMatch(/<!channel>|<https:\/\/evil/);
    },
  );
});

describe('buildRevealMessage', () => {
  it('when a credential is revealed, then the value is in the blocks only, with the warning to store it', () => {
    const message = buildRevealMessage('SIP password for conn 1', 'S3cr3t&<x>');
    assertWithinSlackLimits(message);
    expect(message.text).toBe('New credential SIP password for conn 1: shown once, store it now');
    expect(message.text).not.toContain('S3cr3t');
    const text = mrkdwnOf(message);
    expect(text).toContain('```S3cr3t&amp;&lt;x&gt;```');
    expect(text).toContain('Store it in your password manager now.');
    expect(text).toContain('It will not be shown again');
  });

  it('when the value has a backtick, then it is shown as plain text, exactly', () => {
    const message = buildRevealMessage('key', 'ab`cd');
    assertWithinSlackLimits(message);
    expect(message.blocks[1]).toMatchObject({ type: 'section', text: { type: 'plain_text', text: 'ab`cd' } });
  });

  it('when the value is 9000 characters of &, then it is split into sections that stay within limits and add up to it', () => {
    const value = '&'.repeat(9000);
    const message = buildRevealMessage('long key', value);
    const parts = message.blocks.filter((b) => b.block_id?.startsWith('value-'));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.type === 'section' && p.text!.text.length).toBeLessThanOrEqual(3000);
    const joined = parts.map((p) => (p.type === 'section' ? p.text!.text.slice(3, -3) : '')).join('');
    expect(joined).toBe('&amp;'.repeat(9000));
  });

  it('when the label is malicious, then it is escaped', () => {
    const message = buildRevealMessage(EVIL, 'v');
    assertWithinSlackLimits(message);
    expect(mrkdwnOf(message)).not.toMatch(/<!channel>|<https:\/\/evil/);
  });
});

describe('parseButtonValue', () => {
  it.each([
    ['a step value', '{"s":"st","d":"dg"}', { stepId: 'st', digest: 'dg' }],
    ['an empty digest', '{"s":"st","d":""}', { stepId: 'st', digest: '' }],
    ['a reveal value', '{"s":"st","d":"dg","x":"sec"}', { stepId: 'st', digest: 'dg', secretId: 'sec' }],
    ['not JSON', 'approve', null],
    ['an empty string', '', null],
    ['a number', 42, null],
    ['undefined', undefined, null],
    ['a JSON array', '["s","d"]', null],
    ['JSON null', 'null', null],
    ['no step id', '{"d":"dg"}', null],
    ['an empty step id', '{"s":"","d":"dg"}', null],
    ['a numeric digest', '{"s":"st","d":5}', null],
    ['an empty secret id', '{"s":"st","d":"dg","x":""}', null],
    ['a 3001-character value', `{"s":"${'s'.repeat(2990)}","d":""}`, null],
  ])('when the value is %s, then it parses to %j', (_name, value, expected) => {
    expect(parseButtonValue(value)).toEqual(expected);
  });
});
