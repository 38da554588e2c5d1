// Unit tests of how a step judges one resource: its reasons, finding and planned action.
import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../../../src/domain/types.js';
import {
  changeReasons,
  findingOf,
  judgeAddress,
  judgeEach,
  judgeResource,
  reasonsOf,
  unjudgedHosts,
  untrustedUrls,
  windowReason,
} from '../../../src/playbooks/kit/judge-resource.js';
import { trustOf } from '../../../src/playbooks/kit/trust.js';
import type { PlaybookContext } from '../../../src/playbooks/types.js';
import { silentLogger } from '../../../src/util/logger.js';

const SINCE = new Date('2026-02-26T00:00:00Z');

function context(hosts: string[] = ['hooks.acme.example.com']): PlaybookContext<null> {
  return { client: null, since: SINCE, trusted: { hosts, ips: [], numbers: [] }, logger: silentLogger() };
}

const wipe: PlannedAction = { kind: 'wipe', target: 'r1', params: {}, description: 'Wipe r1' };

describe('judgeResource', () => {
  it('when a resource has reasons, then its finding is suspicious, and the action is kept only when given', () => {
    const judged = { resource: 'r1', summary: 'Widget r1', reasons: ['made by the attacker'] };
    expect(judgeResource(judged, wipe)).toEqual({
      finding: { resource: 'r1', summary: 'Widget r1', suspicious: true, reasons: ['made by the attacker'] },
      action: wipe,
    });
    expect(judgeResource(judged, false)).toEqual({ finding: findingOf(judged) });
    expect(findingOf({ ...judged, reasons: [] }).suspicious).toBe(false);
  });

  it('when reasons are gathered, then only the ones that apply are kept, in order', () => {
    expect(reasonsOf('a', undefined, false, null, '', 'b')).toEqual(['a', 'b']);
  });
});

describe('reasons of the incident window and the trusted hosts', () => {
  const trust = trustOf(context());

  it.each([
    ['2026-02-27T10:00:00Z', null, 'created 2026-02-27 10:00 UTC, after the incident began'],
    [
      '2026-01-01T00:00:00Z',
      '2026-02-28T08:30:00Z',
      'changed 2026-02-28 08:30 UTC, after the incident began',
    ],
    ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', undefined],
  ])('when created at %s and changed at %s, then the window reason is %j', (created, updated, reason) => {
    expect(windowReason(trust, created, updated)).toBe(reason);
  });

  it('when a resource changed in the window sends webhooks to an unknown host, then both reasons are given', () => {
    expect(
      changeReasons(trust, {
        updatedAt: '2026-02-28T08:30:00Z',
        webhookUrls: ['https://hooks.acme.example.com/x', 'https://evil.example.net/x'],
      }),
    ).toEqual([
      'changed 2026-02-28 08:30 UTC, after the incident began',
      'sends its webhooks to evil.example.net, not a trusted host',
    ]);
  });

  it('when some URLs are on untrusted hosts, then each is named under its key', () => {
    expect(
      untrustedUrls(
        [
          ['voice_url', 'https://evil.example.net/a'],
          ['status_callback', 'https://hooks.acme.example.com/b'],
          ['fallback_url', null],
        ],
        trust,
      ),
    ).toEqual([{ key: 'voice_url', host: 'evil.example.net' }]);
  });

  it('when no trusted hosts are set, then the hosts called are left to a person; with hosts set, never', () => {
    const blind = trustOf(context([]));
    expect(
      unjudgedHosts(blind, 'calls', ['https://a.example.net/x', null, 'https://a.example.net/y']),
    ).toEqual([
      'calls a.example.net; RECLAIM_TRUSTED_HOSTS is not set, so Reclaim cannot tell whether this host is yours',
    ]);
    expect(unjudgedHosts(blind, 'calls', [null])).toEqual([]);
    expect(unjudgedHosts(trust, 'calls', ['https://a.example.net/x'])).toEqual([]);
  });
});

describe('judgeAddress', () => {
  const judge = (trusted: boolean, configured: boolean, added?: string) =>
    judgeAddress(
      '192.0.2.7',
      { trusted, configured, added },
      'in RECLAIM_TRUSTED_IPS',
      'RECLAIM_TRUSTED_IPS is not set',
    );

  it.each([
    [true, true, undefined, { reasons: [], act: false }],
    [false, true, 'added then', { reasons: ['not in RECLAIM_TRUSTED_IPS', 'added then'], act: true }],
    [false, false, 'added then', { reasons: ['added then'], act: true }],
    [
      false,
      false,
      undefined,
      {
        reasons: [
          'allows 192.0.2.7; RECLAIM_TRUSTED_IPS is not set, so Reclaim cannot tell whether this address is yours',
        ],
        act: false,
      },
    ],
  ])(
    'when trusted is %s, the list is set: %s and the window says %j, then %j',
    (trusted, configured, added, out) => {
      expect(judge(trusted, configured, added)).toEqual(out);
    },
  );
});

describe('judgeEach', () => {
  it('when a list is judged, then each resource is planned with the same trust and the summary sees the plans', async () => {
    const d = await judgeEach(
      context(),
      async () => ({ items: ['r1', 'r2'], unreadable: [] }),
      (id, trust) =>
        judgeResource(
          { resource: id, summary: id, reasons: trust.hostsConfigured && id === 'r1' ? ['odd'] : [] },
          id === 'r1' && { ...wipe, target: id },
        ),
      ({ planned, actions }) => `${actions.length} of ${planned.length}`,
    );
    expect(d.findings.map((f) => f.suspicious)).toEqual([true, false]);
    expect(d.actions.map((a) => a.target)).toEqual(['r1']);
    expect(d.summary).toBe('1 of 2');
  });
});
