import { describe, expect, it } from 'vitest';
import { cidrContains, ipIsTrusted } from '../../../src/playbooks/kit/cidr-contains.js';

describe('cidrContains', () => {
  it.each([
    ['198.51.100.0/29', '198.51.100.4', true],
    ['198.51.100.0/29', '198.51.100.7', true],
    ['198.51.100.0/29', '198.51.100.8', false],
    ['203.0.113.10', '203.0.113.10', true],
    ['203.0.113.10', '203.0.113.11', false],
    ['203.0.113.10/32', '203.0.113.10', true],
    ['0.0.0.0/0', '192.0.2.66', true],
    ['10.0.0.0/8', '10.255.255.255', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['2001:db8::/32', '2001:db8:abcd::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    ['::/0', '2001:db8::1', true],
    ['fe80::/10', 'fe80::1%eth0', true],
    ['198.51.100.0/24', '::ffff:198.51.100.9', true],
    ['::ffff:198.51.100.0/120', '198.51.100.200', true],
    ['2001:db8::/32', '198.51.100.9', false],
    ['198.51.100.0/24', '2001:db8::1', false],
    ['198.51.100.0/33', '198.51.100.1', false],
    ['198.51.100.0/x', '198.51.100.1', false],
    ['not-an-ip', '198.51.100.1', false],
    ['198.51.100.0/24', 'sip.example.com', false],
  ])('when %s is asked about %s, then the answer is %s', (range, ip, expected) => {
    expect(cidrContains(range, ip)).toBe(expected);
  });

  it('when any trusted range holds the address, then it is trusted, and with no ranges nothing is', () => {
    expect(ipIsTrusted('198.51.100.4', ['203.0.113.10', '198.51.100.0/29'])).toBe(true);
    expect(ipIsTrusted('192.0.2.66', ['203.0.113.10', '198.51.100.0/29'])).toBe(false);
    expect(ipIsTrusted('192.0.2.66', [])).toBe(false);
  });
});
