import { describe, expect, it } from 'vitest';
import { call, NOW, seeded } from './sim-test-kit.js';

describe('simulator writes', () => {
  it.each([
    ['/call_control_applications', 'callControlApplications', { active: false }, 'application_name'],
    [
      '/call_control_applications',
      'callControlApplications',
      { application_name: 'x', active: false },
      'webhook_event_url',
    ],
    [
      '/texml_applications',
      'texmlApplications',
      { voice_url: 'https://a.example/x', active: false },
      'friendly_name',
    ],
    ['/texml_applications', 'texmlApplications', { friendly_name: 'x', active: false }, 'voice_url'],
    ['/outbound_voice_profiles', 'outboundVoiceProfiles', { enabled: false }, 'name'],
  ] as const)(
    'when PATCH %s omits a required field, then 422 names it and nothing changes',
    async (path, key, body, field) => {
      const sim = seeded();
      const record = sim.state[key][0]!;
      const before = structuredClone(record);
      const res = await call(sim, 'PATCH', `${path}/${record.id}`, body);
      expect(res.status).toBe(422);
      expect(res.body).toEqual({
        errors: [
          {
            code: '10004',
            title: 'Missing required parameter',
            detail: `The '${field}' parameter is required.`,
            source: { pointer: `/${field}` },
            meta: { url: 'https://developers.telnyx.com/docs/overview/errors/10004' },
          },
        ],
      });
      expect(sim.state[key][0]).toEqual(before);
      expect(sim.stats.writesTo(record.id)).toBe(0);
    },
  );

  it('when a Call Control app is deactivated with its required fields, then only active changes', async () => {
    const sim = seeded({ simulator: { rateLimit: null, clock: () => Date.parse('2026-03-02T00:00:00Z') } });
    const app = sim.state.callControlApplications[1]!;
    const res = await call(sim, 'PATCH', `/call_control_applications/${app.id}`, {
      application_name: app.application_name,
      webhook_event_url: app.webhook_event_url,
      active: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      id: app.id,
      active: false,
      webhook_event_url: app.webhook_event_url,
    });
    expect(res.body.data.outbound).toEqual(app.outbound);
    expect(res.body.data.updated_at).toBe('2026-03-02T00:00:00.000Z');
    expect(res.body.data.created_at).toBe(app.created_at);
  });

  it('when a seeded account is written to, then the timestamps follow the seed’s timeline', async () => {
    const sim = seeded();
    const profile = sim.state.outboundVoiceProfiles[0]!;
    const res = await call(sim, 'PATCH', `/outbound_voice_profiles/${profile.id}`, {
      name: profile.name,
      enabled: false,
    });
    const updated = Date.parse(res.body.data.updated_at);
    expect(updated).toBeGreaterThanOrEqual(NOW.getTime());
    expect(updated).toBeLessThan(NOW.getTime() + 86_400_000);
  });

  it.each([
    [{ user_name: 'abc' }, 'user_name'],
    [{ user_name: 'a'.repeat(33) }, 'user_name'],
    [{ user_name: 'bad_name' }, 'user_name'],
    [{ user_name: '12345abc' }, 'user_name'],
    [{ user_name: 'acmedesk002' }, 'user_name'],
    [{ password: 'short' }, 'password'],
    [{ password: 'x'.repeat(129) }, 'password'],
    [{ active: 'no' }, 'active'],
  ])('when a credential connection is patched with %j, then 422 points at %s', async (body, field) => {
    const sim = seeded();
    const desk = sim.state.credentialConnections.find((c) => c.user_name === 'acmedesk001')!;
    const res = await call(sim, 'PATCH', `/credential_connections/${desk.id}`, body);
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ code: '10015', source: { pointer: `/${field}` } });
  });

  it.each([
    [{ user_name: '1234a678' }],
    [{ user_name: 'Abcd' }],
    [{ password: '12345678' }],
    [{ user_name: 'rotated1', password: 'p'.repeat(128) }],
  ])('when a credential connection is patched with valid %j, then it is applied', async (body) => {
    const sim = seeded();
    const desk = sim.state.credentialConnections[0]!;
    const res = await call(sim, 'PATCH', `/credential_connections/${desk.id}`, body);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject(body);
    expect(res.body.data.connection_name).toBe(desk.connection_name);
  });

  it('when forwarding is switched off, then the number stops forwarding and keeps its other settings', async () => {
    const sim = seeded();
    const id = sim.state.planted.find((p) => p.kind === 'call_forwarding')!.id;
    const res = await call(sim, 'PATCH', `/phone_numbers/${id}/voice`, {
      call_forwarding: { call_forwarding_enabled: false },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.call_forwarding).toMatchObject({
      call_forwarding_enabled: false,
      forwarding_type: 'always',
    });
    const again = await call(sim, 'GET', `/phone_numbers/${id}/voice`);
    expect(again.body.data.call_forwarding.call_forwarding_enabled).toBe(false);
  });

  it.each([
    [{ call_forwarding: { forwards_to: '0044909123' } }, '/call_forwarding/forwards_to'],
    [{ call_forwarding: { forwarding_type: 'sometimes' } }, '/call_forwarding/forwarding_type'],
    [{ call_forwarding: 'off' }, '/call_forwarding'],
    [{ usage_payment_method: 'free' }, '/usage_payment_method'],
  ])('when voice settings are patched with %j, then 422 points at %s', async (body, pointer) => {
    const sim = seeded();
    const res = await call(sim, 'PATCH', `/phone_numbers/${sim.state.phoneNumbers[0]!.id}/voice`, body);
    expect(res.status).toBe(422);
    expect(res.body.errors[0].source).toEqual({ pointer });
  });

  it('when an IP is deleted, then 200 carries the deleted IP and a second read is 404', async () => {
    const sim = seeded();
    const ip = sim.state.ips.find((x) => x.ip_address === '192.0.2.66')!;
    const res = await call(sim, 'DELETE', `/ips/${ip.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ip.id, record_type: 'ip', ip_address: '192.0.2.66' });
    expect((await call(sim, 'GET', `/ips/${ip.id}`)).status).toBe(404);
    expect((await call(sim, 'DELETE', `/ips/${ip.id}`)).status).toBe(404);
  });

  it('when a connection is deleted, then its IPs go with it and its numbers lose it', async () => {
    const sim = seeded();
    const office = sim.state.ipConnections[0]!;
    await call(sim, 'DELETE', `/ip_connections/${office.id}`);
    expect(sim.state.ips.filter((ip) => ip.connection_id === office.id)).toEqual([]);
    expect(sim.state.phoneNumbers.some((n) => n.connection_id === office.id)).toBe(false);
  });

  it('when the messaging secret is regenerated, then v1_secret changes and the rest stays', async () => {
    const sim = seeded();
    const profile = structuredClone(sim.state.messagingProfiles[0]!);
    const res = await call(sim, 'POST', `/messaging_profiles/${profile.id}/actions/regenerate_secret`);
    expect(res.status).toBe(200);
    expect(res.body.data.v1_secret).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(res.body.data.v1_secret).not.toBe(profile.v1_secret);
    expect(res.body.data).toMatchObject({
      id: profile.id,
      name: profile.name,
      webhook_url: profile.webhook_url,
    });
    expect(sim.state.messagingProfiles[0]!.v1_secret).toBe(res.body.data.v1_secret);
  });

  it('when an IP is created on a connection, then it is 201 and listed; on an unknown connection, 422', async () => {
    const sim = seeded();
    const office = sim.state.ipConnections[0]!;
    const res = await call(sim, 'POST', '/ips', { connection_id: office.id, ip_address: '203.0.113.99' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ connection_id: office.id, ip_address: '203.0.113.99', port: 5060 });
    const listed = await call(sim, 'GET', `/ips?filter[ip_address]=203.0.113.99`);
    expect(listed.body.data).toHaveLength(1);
    const bad = await call(sim, 'POST', '/ips', { connection_id: '1', ip_address: '203.0.113.98' });
    expect(bad.status).toBe(422);
    expect((await call(sim, 'POST', '/ips', { ip_address: 'not-an-ip' })).status).toBe(422);
  });

  it('when a write is made, then the audit log records it and the secret values are left out', async () => {
    const sim = seeded();
    const desk = sim.state.credentialConnections[0]!;
    await call(sim, 'PATCH', `/credential_connections/${desk.id}`, {
      password: 'NewPassword123',
      active: false,
    });
    const res = await call(sim, 'GET', '/audit_events?sort=desc&page[size]=1');
    expect(res.body.data[0]).toMatchObject({
      resource_id: desk.id,
      change_type: 'update',
      change_made_by: 'account_owner',
    });
    expect(res.body.data[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'password', from: null, to: null },
        { field: 'active', from: true, to: false },
      ]),
    );
    expect(JSON.stringify(res.body)).not.toContain('NewPassword123');
  });
});
