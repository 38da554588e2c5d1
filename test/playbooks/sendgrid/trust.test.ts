import { describe, expect, it } from 'vitest';
import {
  domainIsKnown,
  domainOf,
  entryIsTrusted,
  isCovered,
  knownDomains,
} from '../../../src/playbooks/sendgrid/index.js';

describe('the operator’s domains', () => {
  it.each([
    ['owner and a trusted host', 'owner@acme.example.com', ['hooks.acme.example.com'], ['acme.example.com']],
    ['a host whose parent is the domain', null, ['hooks.acme.example.com'], ['acme.example.com']],
    [
      'a wildcard and a port',
      null,
      ['*.mail.acme.example.com', 'in.other.example.org:8443'],
      ['mail.acme.example.com', 'other.example.org'],
    ],
    ['a two-label host (no bare TLD)', null, ['example.com'], ['example.com']],
    ['nothing', null, [], []],
  ])('when told %s, then the known domains are %j', (_what, owner, hosts, domains) => {
    expect(knownDomains(owner, hosts).sort()).toEqual([...domains].sort());
  });

  it.each([
    ['acme.example.com', true],
    ['mail.acme.example.com', true],
    ['example.com', false],
    ['acme.example.com.evil.net', false],
    ['evilacme.example.com', false],
    ['', false],
  ])('when the domain is “%s”, then it is known: %s', (domain, known) => {
    expect(domainIsKnown(domain, ['acme.example.com'])).toBe(known);
  });

  it.each([
    ['Ops@Mail.Example.net', 'mail.example.net'],
    ['no-at-sign', ''],
    [null, ''],
  ])('when the address is %s, then the domain is “%s”', (email, domain) => {
    expect(domainOf(email)).toBe(domain);
  });
});

describe('allow-list entries against trusted addresses', () => {
  const trusted = ['203.0.113.10', '198.51.100.0/24', '2001:db8::/32'];
  it.each([
    ['203.0.113.10', true],
    ['203.0.113.11', false],
    ['198.51.100.7', true],
    ['198.51.100.0/29', true],
    ['198.51.100.0/24', true],
    ['198.51.0.0/16', false],
    ['2001:db8::1', true],
    ['*', false],
  ])('when the entry is %s, then it is trusted: %s', (entry, ok) => {
    expect(entryIsTrusted(entry, trusted)).toBe(ok);
  });

  it.each([
    ['203.0.113.50', ['203.0.113.0/24'], true],
    ['203.0.113.50', ['203.0.113.50'], true],
    ['198.51.100.0/24', ['198.51.100.0/29'], false],
    ['198.51.100.0/29', ['198.51.100.0/24'], true],
  ])('when %s is looked for on %j, then it is covered: %s', (address, entries, covered) => {
    expect(isCovered(address, entries)).toBe(covered);
  });
});
