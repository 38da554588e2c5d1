import { describe, expect, it } from 'vitest';
import { trustOf } from '../../../src/playbooks/kit/trust.js';
import { forwardingReasons } from '../../../src/playbooks/telnyx/disable-forwarding.js';
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

describe('forwarding targets', () => {
  const own = new Set(['+13035550100', '+13035550101']);
  it.each([
    ['+13035550101', []],
    ['+1 (303) 555-0101', []],
    ['+14155550123', []],
    ['+8821355501', ['forwards to a premium-rate prefix (+882, international networks)']],
    [
      '+881612345678',
      ['forwards to a premium-rate prefix (+881, global mobile satellite system (Iridium, Globalstar))'],
    ],
    ['+19005550100', ['forwards to a premium-rate prefix (+1900, North American premium rate)']],
    ['+449091234567', ['forwards to a premium-rate prefix (+449, UK premium rate)']],
    ['+447012345678', ['forwards to a premium-rate prefix (+4470, UK personal numbering)']],
    ['+97912345678', ['forwards to a premium-rate prefix (+979, international premium rate)']],
    [
      '+12125550199',
      ['forwards to a number that is neither one of the account’s nor in RECLAIM_TRUSTED_NUMBERS'],
    ],
  ])('when a number forwards to %s, then the reasons are %j', (target, reasons) => {
    expect(forwardingReasons(target, own, trust())).toEqual(reasons);
  });

  it('when a trusted number has a premium prefix, then it is still flagged', () => {
    expect(forwardingReasons('+8821355501', own, trust(['+8821355501']))).toHaveLength(1);
  });
});
