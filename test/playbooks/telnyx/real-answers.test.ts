// Telnyx steps when the account answers as a real one may: forwarding off in two writes, records that do not parse, exposed on-demand credentials, the default window.
import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../../../src/domain/types.js';
import { createProviderHttp } from '../../../src/providers/http/index.js';
import { createTelnyxClient } from '../../../src/providers/telnyx/index.js';
import { plantedIdsByKind, simulatorFetch, type TelnyxSimulator } from '../../../src/sandbox/telnyx/index.js';
import { silentLogger } from '../../../src/util/logger.js';
import { executeAll, harness, NOW, SINCE, seeded, step } from './telnyx-kit.js';

/** The harness, with every request body the client sends recorded. */
function recording(sim: TelnyxSimulator) {
  const h = harness(sim);
  const bodies: { method: string; path: string; body: unknown }[] = [];
  const fetch = simulatorFetch(sim);
  const http = createProviderHttp({
    provider: 'telnyx',
    account: 'recording',
    baseUrl: 'https://api.telnyx.com/v2',
    auth: { bearer: sim.apiKey },
    ratePerSec: 1000,
    timeUnitMs: 1,
    logger: silentLogger(),
    fetch: (url, init) => {
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      bodies.push({ method: init.method ?? 'GET', path: new URL(url).pathname, body });
      return fetch(url, init);
    },
  });
  return { ...h, bodies, ctx: { ...h.ctx, client: createTelnyxClient(http) } };
}

const forwarding = (sim: TelnyxSimulator, id: string) =>
  sim.state.phoneNumbers.find((n) => n.id === id)!.voice.call_forwarding;

describe('turning call forwarding off', () => {
  it('when forwarding is disabled and Telnyx refuses a blank target, then the switch alone is sent first, the refusal is noted, and forwarding is off', async () => {
    const { sim, ctx, bodies } = recording(seeded());
    const s = step('telnyx.disable-forwarding');
    const { actions } = await s.discover(ctx);
    const [first] = actions as [PlannedAction];
    const outcome = await s.execute(ctx, first, { recheck: false });
    const patches = bodies.filter((b) => b.method === 'PATCH');
    expect(patches.map((p) => p.body)).toEqual([
      { call_forwarding: { call_forwarding_enabled: false } },
      { call_forwarding: { call_forwarding_enabled: false, forwards_to: '' } },
    ]);
    expect(outcome.result).toMatchObject({ forwarding: 'off', was: first.params.forwardsTo, target: 'kept' });
    expect(String(outcome.result.note)).toContain('Telnyx did not blank forwards_to (422');
    expect(forwarding(sim, first.target).call_forwarding_enabled).toBe(false);
    expect(sim.stats.writesTo(first.target)).toBe(1);
  });

  it('when Telnyx accepts a blank target, then the target is cleared as well', async () => {
    const sim = seeded();
    sim.answers.blankForwardsTo = 'accept';
    const { ctx } = harness(sim);
    const s = step('telnyx.disable-forwarding');
    const { actions } = await s.discover(ctx);
    const outcomes = await executeAll(s, ctx, actions);
    expect(outcomes.map((o) => o.result.target)).toEqual(actions.map(() => 'cleared'));
    for (const a of actions)
      expect(forwarding(sim, a.target)).toMatchObject({ call_forwarding_enabled: false, forwards_to: '' });
  });

  it('when a number has a foreign target but no forwarding_type, then it is still turned off, and the card says it was not in effect yet', async () => {
    const sim = seeded();
    const [id] = plantedIdsByKind(sim).call_forwarding as [string];
    (forwarding(sim, id) as { forwarding_type: string | null }).forwarding_type = null;
    const { ctx } = harness(sim);
    const d = await step('telnyx.disable-forwarding').discover(ctx);
    expect(d.actions.map((a) => a.target)).toContain(id);
    const finding = d.findings.find((f) => f.resource === id);
    expect(finding?.summary).toContain('no forwarding_type: not in effect until one is set');
    expect(finding?.reasons).toContain(
      'forwarding_type is not set, so per the spec it forwards only once one is',
    );
  });
});

describe('records Telnyx returns that do not parse', () => {
  it('when one credential connection has no id, then it becomes a finding to review in the portal naming the field, and the others are still planned', async () => {
    const sim = seeded({ credentialConnections: 4 });
    const broken = sim.state.credentialConnections[1]!;
    (broken as unknown as Record<string, unknown>).id = null;
    const { ctx } = harness(sim);
    const d = await step('telnyx.rotate-sip-credentials').discover(ctx);
    const unread = d.findings.filter((f) => f.summary.includes('could not be read'));
    expect(unread).toEqual([
      expect.objectContaining({
        suspicious: true,
        summary: expect.stringContaining('review it in the Telnyx portal'),
        reasons: ['id: expected string, received null'],
      }),
    ]);
    const rogue = plantedIdsByKind(sim).credential_connection;
    const others = sim.state.credentialConnections.filter((c) => c !== broken && !rogue.includes(c.id));
    expect(
      d.actions
        .filter((a) => a.kind === 'rotate_sip_credentials')
        .map((a) => a.target)
        .sort(),
    ).toEqual(others.map((c) => c.id).sort());
    expect(d.summary).toContain('1 record could not be read');
  });

  it('when a Call Control app on an attacker’s host comes without application_name, then it is flagged for the portal and no PATCH is planned without it', async () => {
    const sim = seeded();
    const [id] = plantedIdsByKind(sim).call_control_application as [string];
    const app = sim.state.callControlApplications.find((a) => a.id === id)!;
    delete (app as unknown as Record<string, unknown>).application_name;
    const { ctx } = harness(sim);
    const d = await step('telnyx.review-call-control-apps').discover(ctx);
    expect(d.actions).toEqual([]);
    expect(d.findings.find((f) => f.resource === id)?.reasons).toContain(
      'Telnyx did not return its application_name, which every update must resend: deactivate it in the portal',
    );
  });
});

describe('on-demand SIP credentials', () => {
  it('when an older credential is still live, then it is expired (its password was readable), and a recheck writes nothing more', async () => {
    const { sim, ctx } = harness();
    const s = step('telnyx.rotate-sip-credentials');
    const { actions } = await s.discover(ctx);
    const expire = actions.filter((a) => a.kind === 'expire_telephony_credential');
    expect(expire.map((a) => a.target)).toEqual(sim.state.telephonyCredentials.map((t) => t.id));
    expect(expire[0]?.description).toMatch(/^Expire on-demand SIP credential “Softphone \(reception\)”/);
    const [outcome] = await executeAll(s, ctx, expire);
    expect(outcome?.result).toMatchObject({ expired: true });
    const credential = sim.state.telephonyCredentials[0]!;
    expect(Date.parse(credential.expires_at ?? '')).toBeLessThanOrEqual(Date.now());
    const writes = sim.stats.writesTo(credential.id);
    await executeAll(s, ctx, expire, true);
    expect(sim.stats.writesTo(credential.id)).toBe(writes);
    const again = await s.discover(ctx);
    expect(again.actions.filter((a) => a.kind === 'expire_telephony_credential')).toEqual([]);
  });
});

describe('the incident window without --since', () => {
  it('when no --since was given, then the window is the 30 days before the incident opened: what the attacker did in it is planned, and every card says so', async () => {
    const sim = seeded();
    const withSince = harness(sim);
    const without = harness(sim, { since: null });
    const ctx = { ...without.ctx, openedAt: NOW };
    for (const id of ['telnyx.rotate-sip-credentials', 'telnyx.review-ip-connections']) {
      const explicit = await step(id).discover(withSince.ctx);
      const defaulted = await step(id).discover(ctx);
      expect(
        defaulted.actions.map((a) => a.kind),
        id,
      ).toEqual(explicit.actions.map((a) => a.kind));
      expect(defaulted.summary, id).toContain(
        'No --since was given, so the incident window is the default: the 30 days since 2026-01-30',
      );
      expect(explicit.summary, id).not.toContain('No --since');
    }
    const d = await step('telnyx.rotate-sip-credentials').discover(ctx);
    const rogue = plantedIdsByKind(sim).credential_connection[0]!;
    expect(d.findings.find((f) => f.resource === rogue)?.reasons[0]).toMatch(
      /in the last 30 days \(the default window\)$/,
    );
    expect(SINCE.getTime()).toBeGreaterThan(NOW.getTime() - 30 * 86_400_000);
  });
});
