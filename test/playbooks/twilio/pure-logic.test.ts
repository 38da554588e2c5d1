import { describe, expect, it } from 'vitest';
import { rangeIsTrusted, replacementKeyName } from '../../../src/playbooks/twilio/index.js';

describe('rangeIsTrusted', () => {
  it.each([
    { ip: '203.0.113.10', prefix: 32, trusted: ['203.0.113.10'], ok: true },
    { ip: '203.0.113.10', prefix: 32, trusted: ['203.0.113.0/25'], ok: true },
    { ip: '203.0.113.200', prefix: 32, trusted: ['203.0.113.0/25'], ok: false },
    { ip: '198.51.100.0', prefix: 29, trusted: ['198.51.100.0/29'], ok: true },
    { ip: '198.51.100.0', prefix: 28, trusted: ['198.51.100.0/29'], ok: false },
    { ip: '198.51.100.4', prefix: 30, trusted: ['198.51.100.0/24'], ok: true },
    { ip: '10.0.0.0', prefix: 8, trusted: ['10.1.2.3'], ok: false },
    { ip: '192.0.2.66', prefix: 32, trusted: [], ok: false },
  ])(
    'when $ip/$prefix is checked against $trusted, then it is trusted: $ok',
    ({ ip, prefix, trusted, ok }) => {
      expect(rangeIsTrusted(ip, prefix, trusted)).toBe(ok);
    },
  );
});

describe('replacementKeyName', () => {
  it('when a replacement key is named, then the name carries the day it was planned', () => {
    expect(replacementKeyName(new Date('2026-03-01T23:59:00Z'))).toBe('Reclaim replacement 2026-03-01');
  });
});
