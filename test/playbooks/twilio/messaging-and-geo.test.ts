import { describe, expect, it } from 'vitest';
import { CLOSE_GEO_PERMISSIONS, RESET_MESSAGING_SERVICE_URLS } from '../../../src/playbooks/twilio/index.js';
import { plantedTwilioIdsByKind, unresolvedTwilioChanges } from '../../../src/sandbox/twilio/index.js';
import { executeAll, harness, step, suspiciousResources } from './twilio-kit.js';

describe(RESET_MESSAGING_SERVICE_URLS, () => {
  it('when a Messaging Service receives messages on the attacker’s host, then its inbound URL alone is cleared, once', async () => {
    const h = harness();
    const s = step(RESET_MESSAGING_SERVICE_URLS);
    const d = await s.discover(h.ctx);
    const [service] = plantedTwilioIdsByKind(h.sim).messaging_service;
    expect(d.actions.map((a) => [a.target, a.params.fields])).toEqual([[service, ['InboundRequestUrl']]]);
    expect(d.findings).toHaveLength(2);
    await executeAll(s, h.ctx, d.actions);
    const after = h.sim.state.routing.messagingServices.find((x) => x.sid === service);
    expect(after?.inbound_request_url).toBeNull();
    expect(after?.status_callback).toContain('hooks.acme-voice.example.com');
    expect((await executeAll(s, h.ctx, d.actions, true))[0]?.result.note).toBe('already clear');
    expect(h.sim.stats.writes[service ?? '']).toBe(1);
  });
});

describe(CLOSE_GEO_PERMISSIONS, () => {
  it('when a voice destination has toll-fraud numbers open and a high-risk messaging country is open, then both are planned, and the countries you use are listed, not changed', async () => {
    const h = harness();
    const d = await step(CLOSE_GEO_PERMISSIONS).discover(h.ctx);
    expect(d.actions.map((a) => [a.kind, a.target, a.params])).toEqual([
      ['close_dialing_country', 'LV', { isoCode: 'LV', lowRisk: 'keep' }],
      ['close_messaging_country', 'PK', { countryCode: 'PK' }],
    ]);
    expect(suspiciousResources(d)).toEqual(['messaging:PK', 'voice:LV']);
    const others = d.findings.filter((f) => !f.suspicious).map((f) => f.summary);
    expect(others).toEqual([
      expect.stringContaining(
        'Voice dialing also allowed to 2 countries: United States/Canada (US), United Kingdom (GB)',
      ),
      expect.stringContaining('Messaging also allowed to 2 countries: US, GB'),
    ]);
    expect(d.summary).toContain('Geo permissions carry no dates');
    expect(h.sim.stats.totalWrites()).toBe(0);
  });

  it('when the plan runs, then Latvia keeps only its low-risk numbers and Pakistan is closed, each written once, and a rerun writes nothing', async () => {
    const h = harness();
    const s = step(CLOSE_GEO_PERMISSIONS);
    const { actions } = await s.discover(h.ctx);
    await executeAll(s, h.ctx, actions);
    const lv = h.sim.state.routing.dialingCountries.find((c) => c.iso_code === 'LV');
    expect(lv).toMatchObject({
      low_risk_numbers_enabled: true,
      high_risk_special_numbers_enabled: false,
      high_risk_tollfraud_numbers_enabled: false,
    });
    expect(h.sim.state.routing.messagingGeo.find((g) => g.country_code === 'PK')?.enabled).toBe(false);
    expect(h.sim.stats.writes).toMatchObject({ 'voice:LV': 1, 'messaging:PK': 1 });
    const again = await executeAll(s, h.ctx, actions, true);
    expect(again.map((o) => o.result.note)).toEqual(['already closed', 'already closed']);
    expect(h.sim.stats.totalWrites()).toBe(2);
    expect(unresolvedTwilioChanges(h.sim).map((c) => c.kind)).not.toContain('dialing_country');
    expect((await s.discover(h.ctx)).actions).toEqual([]);
  });

  it('when a country reaches an international premium network, then every category is closed', async () => {
    const h = harness();
    h.sim.state.routing.dialingCountries.push({
      iso_code: 'XN',
      name: 'International Networks',
      continent: 'OTHER',
      country_codes: ['+882'],
      low_risk_numbers_enabled: true,
      high_risk_special_numbers_enabled: false,
      high_risk_tollfraud_numbers_enabled: false,
    });
    const s = step(CLOSE_GEO_PERMISSIONS);
    const d = await s.discover(h.ctx);
    const action = d.actions.find((a) => a.target === 'XN');
    expect(action?.params).toEqual({ isoCode: 'XN', lowRisk: 'close' });
    await s.execute(h.ctx, action!, { recheck: false });
    expect(
      h.sim.state.routing.dialingCountries.find((c) => c.iso_code === 'XN')?.low_risk_numbers_enabled,
    ).toBe(false);
  });

  it('when Twilio answers a messaging update with a non-zero error code, then the action fails naming the Console page', async () => {
    const h = harness();
    const geo = h.client.geoPermissions;
    const client = {
      ...h.client,
      geoPermissions: {
        ...geo,
        updateMessaging: async (code: string) => ({
          items: [
            {
              country_code: code,
              enabled: true,
              prefix: null,
              message: null,
              error_code: 30649,
              error_messages: ['High risk country permission cannot be updated'],
            },
          ],
          unreadable: [],
        }),
      },
    };
    const action = {
      kind: 'close_messaging_country',
      target: 'PK',
      params: { countryCode: 'PK' },
      description: 'Close messaging to PK',
    };
    const run = step(CLOSE_GEO_PERMISSIONS).execute({ ...h.ctx, client }, action, { recheck: false });
    await expect(run).rejects.toMatchObject({
      code: 'twilio_change_not_applied',
      message: expect.stringContaining('Messaging › Settings › Geo permissions'),
    });
  });

  it('when messaging geo permissions answer 404, then the voice destinations are still judged and a person is sent to the Console', async () => {
    const h = harness();
    h.sim.faults.failWhen((req) => req.route === 'GET /v1/Messaging/GeoPermissions', 404);
    const d = await step(CLOSE_GEO_PERMISSIONS).discover(h.ctx);
    expect(d.actions.map((a) => a.target)).toEqual(['LV']);
    expect(d.findings.find((f) => f.resource === 'messaging:geo-permissions')).toMatchObject({
      suspicious: true,
    });
  });
});
