import { describe, expect, it } from 'vitest';
import { hostIsTrusted, hostOf, trustOf } from '../../../src/playbooks/kit/trust.js';
import { silentLogger } from '../../../src/util/logger.js';

const trustedHosts = ['hooks.acme.example.com', '*.acme-voice.example.com', 'pbx.acme.example.com:8443'];

function trust(numbers: string[] = ['+14155550123'], since: Date | null = new Date('2026-02-26T00:00:00Z')) {
  return trustOf({
    client: null,
    since,
    trusted: { hosts: trustedHosts, ips: [], numbers },
    logger: silentLogger(),
  });
}

describe('trusted hosts', () => {
  it.each([
    ['https://hooks.acme.example.com/telnyx', true],
    ['https://HOOKS.acme.example.com/x', true],
    ['https://hooks.acme.example.com:9000/x', true],
    ['https://a.acme-voice.example.com/x', true],
    ['https://deep.a.acme-voice.example.com/x', true],
    ['https://acme-voice.example.com/x', false],
    ['https://evilacme-voice.example.com/x', false],
    ['https://pbx.acme.example.com:8443/cb', true],
    ['https://pbx.acme.example.com/cb', false],
    ['https://hooks.acme.example.com.evil.example.net/x', false],
    ['sip.acme-voice.example.com', true],
    ['acme.example.com', false],
    ['a.acme-voice.example.com', true],
  ])('when %s is checked, then trusted is %s', (url, expected) => {
    const target = hostOf(url);
    expect(target !== undefined && hostIsTrusted(target, trustedHosts)).toBe(expected);
  });

  it('when a URL is blank, then it names no host and is never called untrusted', () => {
    expect(hostOf('')).toBeUndefined();
    expect(trust().untrustedHost(['', null, 'https://hooks.acme.example.com/'])).toBeUndefined();
    expect(trust().untrustedHost(['', 'https://evil-hooks.example.net/x'])).toBe('evil-hooks.example.net');
  });
});

describe('the incident window', () => {
  it.each([
    ['2026-02-25T23:59:59Z', undefined],
    ['2026-02-26T00:00:00Z', 'created 2026-02-26 00:00 UTC, after the incident began'],
    ['2026-02-27T14:03:10Z', 'created 2026-02-27 14:03 UTC, after the incident began'],
    [null, undefined],
    ['not a date', undefined],
  ])('when a resource was created at %s, then the window reason is %s', (iso, reason) => {
    expect(trust().inWindow(iso, 'created')).toBe(reason);
  });

  it('when no --since was given, then nothing is inside the window', () => {
    expect(trust([], null).inWindow('2026-02-27T14:03:10Z', 'changed')).toBeUndefined();
  });
});
