import { describe, expect, it } from 'vitest';
import { TwilioSimulator } from '../../../src/sandbox/twilio/index.js';
import { call, own, seeded } from './sim-kit.js';

describe('the simulated trunks, SIP domains, Messaging Services and geo permissions', () => {
  it('when trunks are listed on trunking.twilio.com with PageSize 1, then the v1 meta pages through both, and on the wrong host they are not found', async () => {
    const sim = seeded();
    const origin = 'https://trunking.twilio.com';
    const first = await call(sim, 'GET', '/v1/Trunks?PageSize=1', undefined, { origin });
    expect(first.status).toBe(200);
    expect(first.body.trunks).toHaveLength(1);
    const next = new URL(first.body.meta.next_page_url);
    expect(next.origin).toBe(origin);
    const second = await call(sim, 'GET', `${next.pathname}${next.search}`, undefined, { origin });
    expect(second.body.trunks[0].sid).not.toBe(first.body.trunks[0].sid);
    expect(second.body.meta.next_page_url).toBeNull();
    expect((await call(sim, 'GET', '/v1/Trunks')).status).toBe(404);
  });

  it('when a trunk is deleted, then its members go with it, and a second delete is a 404', async () => {
    const sim = seeded();
    const origin = 'https://trunking.twilio.com';
    const rogue = sim.state.routing.trunks[1]!;
    expect((await call(sim, 'DELETE', `/v1/Trunks/${rogue.sid}`, undefined, { origin })).status).toBe(204);
    expect(sim.state.routing.trunkMembers.some((m) => m.trunk_sid === rogue.sid)).toBe(false);
    expect((await call(sim, 'DELETE', `/v1/Trunks/${rogue.sid}`, undefined, { origin })).status).toBe(404);
    const members = await call(
      sim,
      'GET',
      `/v1/Trunks/${sim.state.routing.trunks[0]!.sid}/CredentialLists`,
      undefined,
      { origin },
    );
    expect(members.body.credential_lists.map((m: { friendly_name: string }) => m.friendly_name)).toEqual([
      'Office phones',
    ]);
  });

  it('when a SIP domain’s voice URL is sent empty, then it is cleared, and a URL that is not http(s) is refused with 21502', async () => {
    const sim = seeded();
    const domain = sim.state.routing.sipDomains[0]!;
    const ok = await call(sim, 'POST', own(sim, `/SIP/Domains/${domain.sid}.json`), { VoiceUrl: '' });
    expect(ok.status).toBe(200);
    expect(ok.body.voice_url).toBeNull();
    const bad = await call(sim, 'POST', own(sim, `/SIP/Domains/${domain.sid}.json`), { VoiceUrl: 'ftp://x' });
    expect(bad.body.code).toBe(21502);
    const listed = await call(
      sim,
      'GET',
      own(sim, `/SIP/Domains/${domain.sid}/Auth/Calls/IpAccessControlListMappings.json`),
    );
    expect(listed.body.contents).toHaveLength(1);
  });

  it('when a Messaging Service’s inbound URL is cleared, then date_updated is ISO 8601 and the other URLs stay', async () => {
    const sim = seeded();
    const origin = 'https://messaging.twilio.com';
    const service = sim.state.routing.messagingServices[1]!;
    const res = await call(sim, 'POST', `/v1/Services/${service.sid}`, { InboundRequestUrl: '' }, { origin });
    expect(res.body).toMatchObject({ inbound_request_url: null, status_callback: service.status_callback });
    expect(res.body.date_updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('when dialing permissions are bulk-updated, then only the named country changes, and an unknown one is refused whole', async () => {
    const sim = seeded();
    const origin = 'https://voice.twilio.com';
    const update = (req: unknown[]) =>
      call(
        sim,
        'POST',
        '/v1/DialingPermissions/BulkCountryUpdates',
        { UpdateRequest: JSON.stringify(req) },
        { origin },
      );
    const done = await update([{ iso_code: 'LV', high_risk_tollfraud_numbers_enabled: 'false' }]);
    expect(done.status).toBe(201);
    expect(done.body.update_count).toBe(1);
    const lv = await call(sim, 'GET', '/v1/DialingPermissions/Countries?IsoCode=LV', undefined, { origin });
    expect(lv.body.content).toEqual([
      expect.objectContaining({
        iso_code: 'LV',
        low_risk_numbers_enabled: true,
        high_risk_tollfraud_numbers_enabled: false,
      }),
    ]);
    expect((await update([{ iso_code: 'ZZ' }])).status).toBe(400);
    expect(sim.stats.totalWrites()).toBe(1);
  });

  it('when messaging geo permissions are patched, then a country is closed, but enabling a high-risk one answers 30649 and changes nothing', async () => {
    const sim = seeded();
    const patch = (p: object) =>
      call(sim, 'PATCH', '/v1/Messaging/GeoPermissions', { Permissions: JSON.stringify(p) });
    const closed = await patch({ country_code: 'PK', type: 'country', enabled: false });
    expect(closed.body.permissions).toEqual([
      { country_code: 'PK', type: 'country', enabled: false, error_code: 0, error_messages: [] },
    ]);
    const refused = await patch({ country_code: 'PK', type: 'country', enabled: true });
    expect(refused.body.permissions[0]).toMatchObject({ enabled: false, error_code: 30649 });
    const listed = await call(sim, 'GET', '/v1/Messaging/GeoPermissions?CountryCode=PK,US');
    expect(listed.body.permissions.map((p: { country_code: string }) => p.country_code)).toEqual([
      'US',
      'PK',
    ]);
  });

  it('when an account saved before these resources existed is loaded, then it has none of them', () => {
    const saved = seeded().toJSON() as unknown as Record<string, unknown>;
    delete saved.routing;
    const sim = TwilioSimulator.fromJSON(saved);
    expect(sim.state.routing.trunks).toEqual([]);
    const round = TwilioSimulator.fromJSON(seeded().toJSON());
    expect(round.state.routing.trunks).toHaveLength(2);
  });
});
