import { describe, expect, it } from 'vitest';
import {
  generateSipCredentials,
  meetsTelnyxSipRules,
  ROTATE_SIP_CREDENTIALS,
} from '../../../src/playbooks/telnyx/index.js';
import { ProviderError } from '../../../src/providers/http/index.js';
import { sha256Hex } from '../../../src/util/hash.js';
import { executeAll, harness, seeded, step } from './telnyx-kit.js';

function parseSecret(value: string): { userName: string; password: string } {
  const [userName = '', password = ''] = value.split(' / ');
  return { userName, password };
}

describe('new SIP credentials', () => {
  it('when credentials are generated, then every one meets Telnyx’s rules with a password of at least 24 characters, and no two repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i += 1) {
      const c = generateSipCredentials();
      expect(meetsTelnyxSipRules(c), JSON.stringify(c)).toBe(true);
      expect(c.password.length).toBeGreaterThanOrEqual(24);
      seen.add(c.userName);
      seen.add(c.password);
    }
    expect(seen.size).toBe(1000);
  });

  it.each([
    ['a valid pair', { userName: 'r1234abcd', password: '12345678' }, true],
    ['a user name that is too short', { userName: 'ab1', password: '12345678' }, false],
    ['a user name with no letter in the first five', { userName: '12345abc', password: '12345678' }, false],
    ['a user name with a symbol', { userName: 'abc_def', password: '12345678' }, false],
    ['a password of 7 characters', { userName: 'abcdef', password: '1234567' }, false],
    ['a password of 129 characters', { userName: 'abcdef', password: 'x'.repeat(129) }, false],
  ])('when the rules judge %s, then the answer is %s', (_label, creds, ok) => {
    expect(meetsTelnyxSipRules(creds)).toBe(ok);
  });
});

describe('rotating SIP credentials against the simulator', () => {
  it('when a connection is rotated, then the new credentials are returned only as a labelled secret, are what Telnyx now holds, and reach no result or log line', async () => {
    const h = harness(seeded({ credentialConnections: 3 }));
    const s = step(ROTATE_SIP_CREDENTIALS);
    const { actions } = await s.discover(h.ctx);
    const rotations = actions.filter((a) => a.kind === 'rotate_sip_credentials');
    const outcomes = await executeAll(s, h.ctx, rotations);
    expect(outcomes).toHaveLength(2);
    for (const [i, outcome] of outcomes.entries()) {
      const action = rotations[i];
      const [secret] = outcome.secrets ?? [];
      expect(secret?.label).toBe(`SIP credentials for connection “${String(action?.params.connectionName)}”`);
      const creds = parseSecret(secret?.value ?? '');
      expect(meetsTelnyxSipRules(creds)).toBe(true);
      const stored = h.sim.state.credentialConnections.find((c) => c.id === action?.target);
      expect(stored?.user_name).toBe(creds.userName);
      expect(sha256Hex(stored?.password ?? '')).toBe(sha256Hex(creds.password));
      expect(JSON.stringify(outcome.result)).not.toContain(creds.password);
      expect(JSON.stringify(outcome.result)).not.toContain(creds.userName);
      expect(JSON.stringify(rotations)).not.toContain(creds.password);
      expect(h.logs.lines.length).toBeGreaterThan(0);
      expect(h.logs.text).not.toContain(creds.password);
      expect(h.logs.text).not.toContain(creds.userName);
    }
  });

  it('when the rotating PATCH times out after Telnyx applied it, then the connection is read back and the credentials still come out, with one write', async () => {
    const h = harness(seeded(), { timeoutMs: 100 });
    const s = step(ROTATE_SIP_CREDENTIALS);
    const action = (await s.discover(h.ctx)).actions.find((a) => a.kind === 'rotate_sip_credentials');
    if (!action) throw new Error('the seed has legitimate connections');
    h.sim.faults.hangNext(1, { afterApply: true });
    const outcome = await s.execute(h.ctx, action, { recheck: false });
    const creds = parseSecret(outcome.secrets?.[0]?.value ?? '');
    expect(h.sim.state.credentialConnections.find((c) => c.id === action.target)?.user_name).toBe(
      creds.userName,
    );
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
    expect(h.logs.text).not.toContain(creds.password);
  });

  it('when the rotating PATCH times out before Telnyx applied it, then the error goes to the engine as an unknown outcome and nothing changed', async () => {
    const h = harness(seeded(), { timeoutMs: 100 });
    const s = step(ROTATE_SIP_CREDENTIALS);
    const action = (await s.discover(h.ctx)).actions.find((a) => a.kind === 'rotate_sip_credentials');
    if (!action) throw new Error('the seed has legitimate connections');
    const before = h.sim.state.credentialConnections.find((c) => c.id === action.target)?.user_name;
    h.sim.faults.hangNext(1);
    const err = await s.execute(h.ctx, action, { recheck: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).outcomeUnknown).toBe(true);
    expect(h.sim.state.credentialConnections.find((c) => c.id === action.target)?.user_name).toBe(before);

    const retried = await s.execute(h.ctx, action, { recheck: true });
    expect(retried.secrets).toHaveLength(1);
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });

  it('when a recheck finds the credentials already replaced by an attempt whose answer was lost, then it writes nothing and says they must be set by hand', async () => {
    const h = harness();
    const s = step(ROTATE_SIP_CREDENTIALS);
    const action = (await s.discover(h.ctx)).actions.find((a) => a.kind === 'rotate_sip_credentials');
    if (!action) throw new Error('the seed has legitimate connections');
    await s.execute(h.ctx, action, { recheck: false });
    const again = await s.execute(h.ctx, action, { recheck: true });
    expect(again.secrets ?? []).toEqual([]);
    expect(String(again.result.credentials)).toContain('not recoverable');
    expect(h.sim.stats.writesTo(action.target)).toBe(1);
  });
});
