// Twilio steps when the account answers as a real one may: restricted keys only iam v1 lists, 403 is not 401, triggers that do not watch spend.
import { describe, expect, it } from 'vitest';
import { ROTATE_AUTH_TOKEN, TWILIO_STEPS } from '../../../src/playbooks/twilio/index.js';
import { ProviderError } from '../../../src/providers/http/index.js';
import type { TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { executeAll, harness, NOW, seeded, step } from './twilio-kit.js';

const RESTRICTED = 'SK0000000000000000000000000000beef';

/** A restricted key the attacker made in the window: iam v1 lists it, the 2010 listing does not. */
function withRestrictedKey(sim: TwilioSimulator): void {
  sim.state.keys.push({
    sid: RESTRICTED,
    friendly_name: 'export',
    secret: 'y'.repeat(32),
    date_created: 'Sat, 28 Feb 2026 10:00:00 +0000',
    date_updated: 'Sat, 28 Feb 2026 10:00:00 +0000',
    restricted: true,
    flags: ['restricted'],
  });
}

describe('restricted API keys', () => {
  it('when a restricted key was made in the window, then it is found through iam v1 and deleted there', async () => {
    const sim = seeded();
    withRestrictedKey(sim);
    const { ctx } = harness(sim);
    const s = step('twilio.revoke-api-keys');
    const d = await s.discover(ctx);
    const remove = d.actions.find((a) => a.target === RESTRICTED);
    expect(remove).toMatchObject({ kind: 'delete_api_key', params: { via: 'iam' } });
    expect(d.findings.find((f) => f.resource === RESTRICTED)?.summary).toMatch(
      /^Restricted API key \(listed by iam v1 only\) “export”/,
    );
    expect(d.summary).toContain('(1 restricted, listed by iam v1 only)');
    const [outcome] = await executeAll(s, ctx, [remove!]);
    expect(outcome?.result).toEqual({ deleted: true, via: 'iam v1' });
    expect(sim.state.keys.some((k) => k.sid === RESTRICTED)).toBe(false);
    expect((await executeAll(s, ctx, [remove!], true))[0]?.result).toMatchObject({ note: 'already gone' });
  });

  it('when iam v1 refuses the key listing, then the step goes on with the 2010 keys and says restricted ones could not be listed', async () => {
    const sim = seeded();
    sim.faults.failWhen((r) => r.route === 'GET /v1/Keys', 403);
    const { ctx } = harness(sim);
    const d = await step('twilio.revoke-api-keys').discover(ctx);
    // The main account's keys, then the kept subaccount's: each a deletion and its replacement.
    expect(d.actions.map((a) => a.kind)).toEqual([
      'delete_api_key',
      'create_api_key',
      'delete_api_key',
      'create_api_key',
    ]);
    expect(d.findings.find((f) => f.resource === 'iam:keys')).toMatchObject({
      suspicious: true,
      summary: 'iam v1 /v1/Keys answered 403: restricted API keys could not be listed',
    });
  });
});

describe('the Auth Token recheck', () => {
  async function recheckAfter(status: number) {
    const sim = seeded();
    const { ctx } = harness(sim);
    const s = step(ROTATE_AUTH_TOKEN);
    const { actions } = await s.discover(ctx);
    sim.faults.failWhen((r) => r.route === 'GET /2010-04-01/Accounts/{Sid}.json', status);
    return s.execute(ctx, actions[0]!, { recheck: true });
  }

  it('when the old token is refused with 401, then the recheck concludes an earlier attempt rotated it', async () => {
    const outcome = await recheckAfter(401);
    expect(String(outcome.result.token)).toMatch(/^not recoverable: an earlier attempt promoted it/);
  });

  it('when the account read is forbidden (403), then that is a permissions error, not a rotation: the recheck fails', async () => {
    const err = await recheckAfter(403).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).status).toBe(403);
  });
});

describe('usage triggers that do not watch spend', () => {
  it('when the only daily trigger on total price counts something else, then a spend alert is still planned and the card says why', async () => {
    const sim = seeded();
    sim.state.usageTriggers.push({
      sid: 'UT0000000000000000000000000000c0de',
      friendly_name: 'call count',
      usage_category: 'totalprice',
      trigger_by: 'count',
      trigger_value: '1000',
      recurring: 'daily',
      callback_url: 'https://hooks.example.com/count',
      callback_method: 'POST',
      current_value: '0',
      date_fired: null,
      date_created: 'Sun, 01 Feb 2026 10:00:00 +0000',
      date_updated: 'Sun, 01 Feb 2026 10:00:00 +0000',
    });
    const { ctx } = harness(sim);
    const d = await step('twilio.add-usage-trigger').discover(ctx);
    expect(d.actions.map((a) => a.kind)).toEqual(['create_usage_trigger']);
    expect(d.summary).toContain('1 daily trigger on total price watches a count or usage, not spend.');
    expect(d.findings.find((f) => f.resource.startsWith('UT0000'))?.summary).toContain(
      'when the count passes 1000 (not spend)',
    );
  });
});

describe('the incident window without --since', () => {
  it('when no --since was given, then keys and subaccounts made in the 30 days before the incident opened are acted on, and the cards say so', async () => {
    const { ctx } = harness(seeded(), { since: null });
    const opened = { ...ctx, openedAt: NOW };
    for (const id of ['twilio.revoke-api-keys', 'twilio.suspend-subaccounts']) {
      const d = await step(id).discover(opened);
      expect(d.actions.length, id).toBeGreaterThan(0);
      expect(d.summary, id).toContain('the 30 days since 2026-01-30');
    }
  });
});

describe('the account-settings card', () => {
  it('when the card is shown, then it reads the Monitor events itself instead of saying the API does not reach them', () => {
    const card = TWILIO_STEPS.find((s) => s.id === 'twilio.review-account-settings')!;
    expect(card.kind).toBe('automated');
    expect(card.why).toContain('Monitor');
    expect(`${card.title} ${card.why}`).not.toMatch(/does not reach|cannot read|does not act/);
  });
});
