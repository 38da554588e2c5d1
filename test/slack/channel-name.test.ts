import { describe, expect, it } from 'vitest';
import { ReclaimError } from '../../src/domain/errors.js';
import { channelName, MAX_CHANNEL_NAME_LENGTH, slugify } from '../../src/slack/channel-name.js';

const DAY = new Date('2026-03-05T10:00:00Z');
const PREFIX = 'compromise-20260305-';

const cases: { name: string; label: string; attempt?: number; expected: string }[] = [
  { name: 'a plain label', label: 'sip-fraud', expected: `${PREFIX}sip-fraud` },
  { name: 'the second attempt', label: 'sip-fraud', attempt: 2, expected: `${PREFIX}sip-fraud-2` },
  { name: 'the tenth attempt', label: 'sip-fraud', attempt: 10, expected: `${PREFIX}sip-fraud-10` },
  { name: 'upper case and punctuation', label: 'SIP Fraud!!', expected: `${PREFIX}sip-fraud` },
  { name: 'accents and emoji', label: 'émoji 🚨 café', expected: `${PREFIX}emoji-cafe` },
  { name: 'Cyrillic', label: 'инцидент', expected: `${PREFIX}intsident` },
  { name: 'Cyrillic with й and ё', label: 'Мой ёж', expected: `${PREFIX}moy-ezh` },
  { name: 'a German sharp s', label: 'Straße', expected: `${PREFIX}strasse` },
  { name: 'Scandinavian and Polish letters', label: 'Ørsted Łódź', expected: `${PREFIX}orsted-lodz` },
  { name: 'an empty label', label: '', expected: `${PREFIX}incident` },
  { name: 'emoji only', label: '🚨🚨', expected: `${PREFIX}incident` },
  { name: 'CJK only (dropped)', label: '事件', expected: `${PREFIX}incident` },
  { name: 'hyphens only', label: '---', expected: `${PREFIX}incident` },
  { name: 'leading, trailing and double hyphens', label: '--a--b--', expected: `${PREFIX}a-b` },
  { name: 'underscores kept inside', label: '_snake_case_', expected: `${PREFIX}snake_case` },
  { name: 'a broadcast mention', label: '<!channel>', expected: `${PREFIX}channel` },
  { name: 'SQL-like text', label: "'; DROP TABLE incidents;--", expected: `${PREFIX}drop-table-incidents` },
  { name: 'a user mention', label: '<@U123|alice>', expected: `${PREFIX}u123-alice` },
  {
    name: 'a 5000-character label',
    label: 'a'.repeat(5000),
    expected: `${PREFIX}${'a'.repeat(MAX_CHANNEL_NAME_LENGTH - PREFIX.length)}`,
  },
  {
    name: 'a 5000-character label on attempt 12 (the suffix survives)',
    label: 'a'.repeat(5000),
    attempt: 12,
    expected: `${PREFIX}${'a'.repeat(MAX_CHANNEL_NAME_LENGTH - PREFIX.length - 3)}-12`,
  },
  {
    name: 'a cut that would end on a hyphen',
    label: `${'a'.repeat(59)} bbbb`,
    expected: `${PREFIX}${'a'.repeat(59)}`,
  },
];

describe('channelName', () => {
  it.each(cases)('when the label is $name, then the name is $expected', ({ label, attempt, expected }) => {
    const name = channelName(DAY, label, attempt);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME_LENGTH);
  });

  it('when the local date differs from the UTC date, then the UTC date is used', () => {
    expect(channelName(new Date('2026-03-05T23:30:00-05:00'), 'x')).toBe('compromise-20260306-x');
  });

  it.each([
    ['attempt 0', DAY, 0],
    ['attempt 1.5', DAY, 1.5],
    ['an invalid date', new Date('nope'), 1],
  ] as const)('when given %s, then it throws a ReclaimError', (_name, date, attempt) => {
    expect(() => channelName(date, 'x', attempt)).toThrow(ReclaimError);
  });

  it('when labels are arbitrary text, then every name follows Slack’s rules', () => {
    const labels = [
      'a b',
      '  -x- ',
      'Ünïcödé—dash',
      '__--__',
      'x'.repeat(100),
      'tab\there',
      '😀a😀',
      'a_-_b',
      '123',
    ];
    for (const label of labels) {
      for (const attempt of [1, 2, 99]) {
        const name = channelName(DAY, label, attempt);
        expect(name).toMatch(/^[a-z0-9_-]+$/);
        expect(name).not.toMatch(/--|^-|-$/);
        expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_NAME_LENGTH);
      }
    }
  });
});

describe('slugify', () => {
  it.each([
    ['Hello World', 'hello-world'],
    ['🚨', ''],
    ['café', 'cafe'],
    ['a&b', 'a-b'],
  ])('when slugging %j, then it gives %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });
});
