import { describe, expect, it } from 'vitest';
import { ATTACKER_IP, plantedTwilioIdsByKind } from '../../../src/sandbox/twilio/index.js';
import { executeAll, harness, NOW, seeded, step, suspiciousResources } from './twilio-kit.js';

const CALLER_IDS = 'twilio.delete-outgoing-caller-ids';
const SETTINGS = 'twilio.review-account-settings';
const NONE = { hosts: [], ips: [], numbers: [] };

describe('verified caller IDs', () => {
  it('when it discovers, then the caller ID verified in the window is planned for deletion and the older one is only listed', async () => {
    const h = harness();
    const d = await step(CALLER_IDS).discover(h.ctx);
    const [planted] = plantedTwilioIdsByKind(h.sim).outgoing_caller_id;
    expect(d.actions.map((a) => [a.kind, a.target])).toEqual([['delete_caller_id', planted]]);
    expect(d.actions[0]?.description).toMatch(/^Delete verified caller ID \+442079460123 “Support line”/);
    expect(suspiciousResources(d)).toEqual([planted]);
    expect(d.findings).toHaveLength(2);
    expect(d.summary).toMatch(/^1 of 2 verified caller IDs was verified after the incident began: delete it/);
  });

  it('when it runs twice, then the caller ID is deleted once and the recheck writes nothing', async () => {
    const h = harness();
    const s = step(CALLER_IDS);
    const { actions } = await s.discover(h.ctx);
    await executeAll(s, h.ctx, actions);
    expect(h.sim.state.identity.outgoingCallerIds.map((c) => c.phone_number)).toEqual(['+14155550123']);
    const writes = h.sim.stats.totalWrites();
    expect((await executeAll(s, h.ctx, actions, true))[0]?.result).toEqual({
      deleted: true,
      note: 'already gone',
    });
    expect((await executeAll(s, h.ctx, actions, false))[0]?.result).toEqual({
      deleted: true,
      note: 'already gone',
    });
    expect(h.sim.stats.totalWrites()).toBe(writes);
    expect((await s.discover(h.ctx)).summary).toMatch(/^Nothing found: 1 verified caller ID, none verified/);
  });

  it('when the window starts after every verification, then nothing is planned', async () => {
    const h = harness(seeded(), { since: NOW });
    const d = await step(CALLER_IDS).discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(suspiciousResources(d)).toEqual([]);
  });
});

describe('the account-settings card: Monitor events of the window', () => {
  it('when it discovers, then it counts the window’s events by type and flags the notable ones from untrusted addresses, naming actor and address', async () => {
    const h = harness();
    const d = await step(SETTINGS).discover(h.ctx);
    expect(d.actions).toEqual([]);
    expect(suspiciousResources(d)).toEqual(plantedTwilioIdsByKind(h.sim).monitor_event);
    const login = d.findings.find((f) => f.suspicious && f.summary.includes('user.login'));
    expect(login?.summary).toMatch(
      new RegExp(`user\\.login by US[0-9a-f]{32} \\(user\\) from ${ATTACKER_IP} via web`),
    );
    expect(login?.reasons).toEqual([
      `a sign-in in the incident window from ${ATTACKER_IP}, not in RECLAIM_TRUSTED_IPS: check it was yours`,
    ]);
    // The owner's sign-in from the office is notable but trusted; the one before the window is not read.
    const counts = d.findings.filter((f) => f.resource.startsWith('events:')).map((f) => f.summary);
    expect(counts).toEqual([
      'user.login: 2 events',
      'account.updated: 1 event',
      'api-key.created: 1 event',
      'phone-number.updated: 1 event',
    ]);
    expect(d.findings.filter((f) => !f.suspicious && f.summary.includes('user.login by'))).toHaveLength(1);
    expect(d.summary).toMatch(
      /^5 events since 2026-02-26 00:00 UTC, of 4 types .* 4 notable ones .* 3 from addresses/,
    );
    expect(d.summary).toContain('General settings');
    expect(d.summary).not.toMatch(/does not reach/);
  });

  it('when no trusted IPs are set, then every notable event is flagged, saying the address cannot be judged', async () => {
    const h = harness(seeded(), { trusted: NONE });
    const d = await step(SETTINGS).discover(h.ctx);
    expect(d.findings.filter((f) => f.suspicious)).toHaveLength(4);
    expect(d.findings.find((f) => f.suspicious)?.reasons[0]).toMatch(/RECLAIM_TRUSTED_IPS is not set/);
  });

  it('when the window begins after every event, then the card says nothing was recorded and still names the Console check', async () => {
    const h = harness(seeded(), { since: new Date(NOW.getTime() + 86_400_000) });
    const d = await step(SETTINGS).discover(h.ctx);
    expect(d.findings).toEqual([]);
    expect(d.summary).toMatch(/^Nothing found: Monitor recorded no event since .*General settings/);
  });

  it('when Monitor refuses (403), then the card sends a person to the Console’s event log instead of failing', async () => {
    const sim = seeded();
    sim.faults.failWhen((r) => r.route === 'GET /v1/Events', 403);
    const d = await step(SETTINGS).discover(harness(sim).ctx);
    expect(d.actions).toEqual([]);
    expect(d.summary).toMatch(/^Twilio answered 403 to monitor v1 \/v1\/Events.* Monitor › Logs › Events/);
  });

  it('when Monitor fails otherwise, then the discovery fails', async () => {
    const sim = seeded();
    sim.faults.failWhen((r) => r.route === 'GET /v1/Events', 400);
    await expect(step(SETTINGS).discover(harness(sim).ctx)).rejects.toMatchObject({ status: 400 });
  });
});
