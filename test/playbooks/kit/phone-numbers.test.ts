import { describe, expect, it } from 'vitest';
import { formatNumber, normaliseNumber } from '../../../src/playbooks/kit/phone-numbers.js';
import { premiumPrefixOf } from '../../../src/playbooks/kit/premium-prefixes.js';

describe('phone numbers on cards', () => {
  it.each([
    ['+13035550142', '+1 303 555 0142'],
    ['+8821655550101', '+882 16 5555 0101'],
    ['+447012345678', '+44 70 1234 5678'],
    ['+4930123456', '+49 3012 3456'],
    ['+97912345678', '+979 1234 5678'],
    ['5550100', '5550100'],
    ['', ''],
  ])('when %s is formatted, then it reads %s', (input, expected) => {
    expect(formatNumber(input)).toBe(expected);
  });

  it.each([
    ['+1 (303) 555-0142', '+13035550142'],
    ['+44 20 7946 0000', '+442079460000'],
    ['  ', ''],
  ])('when %s is normalised, then it is %s', (input, expected) => {
    expect(normaliseNumber(input)).toBe(expected);
  });

  it('when prefixes overlap, then the longest one wins', () => {
    expect(premiumPrefixOf('+447012345678')?.prefix).toBe('+4470');
    expect(premiumPrefixOf('+449012345678')?.prefix).toBe('+449');
    expect(premiumPrefixOf('+442079460000')).toBeUndefined();
  });
});
