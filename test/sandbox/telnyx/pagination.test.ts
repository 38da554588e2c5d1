import { describe, expect, it } from 'vitest';
import { call, seeded } from './sim-test-kit.js';

describe('simulator listings', () => {
  it('when numbers are listed page by page, then meta adds up and every number appears exactly once', async () => {
    const sim = seeded({ numbers: 48 });
    const seen: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const res = await call(sim, 'GET', `/phone_numbers?page[number]=${page}&page[size]=20`);
      expect(res.status).toBe(200);
      expect(res.body.meta).toEqual({ page_number: page, page_size: 20, total_pages: 3, total_results: 48 });
      expect(res.body.data).toHaveLength(page < 3 ? 20 : 8);
      seen.push(...res.body.data.map((n: { id: string }) => n.id));
    }
    expect(new Set(seen).size).toBe(48);
    expect(new Set(seen)).toEqual(new Set(sim.state.phoneNumbers.map((n) => n.id)));
  });

  it.each([
    ['/phone_numbers', 20],
    ['/phone_numbers/voice', 20],
    ['/messaging_profiles', 20],
    ['/outbound_voice_profiles', 20],
    ['/call_control_applications', 20],
    ['/telephony_credentials', 50],
    ['/credential_connections', 250],
    ['/texml_applications', 250],
    ['/ips', 250],
  ])(
    'when %s is listed without page[size], then the page size is the spec default %i',
    async (path, size) => {
      const res = await call(seeded(), 'GET', path);
      expect(res.status).toBe(200);
      expect(res.body.meta.page_size).toBe(size);
    },
  );

  it('when a page past the last is asked for, then it is empty and meta still counts everything', async () => {
    const res = await call(
      seeded({ numbers: 10 }),
      'GET',
      '/phone_numbers/voice?page[number]=3&page[size]=5',
    );
    expect(res.body).toEqual({
      data: [],
      meta: { page_number: 3, page_size: 5, total_pages: 2, total_results: 10 },
    });
  });

  it.each([
    ['page[size]=251', 'page[size]'],
    ['page[size]=0', 'page[size]'],
    ['page[number]=0', 'page[number]'],
    ['page[number]=x', 'page[number]'],
  ])('when the query has %s, then 400 names the parameter', async (query, parameter) => {
    const res = await call(seeded(), 'GET', `/credential_connections?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ code: '10015', source: { parameter } });
  });

  it('when the brackets are percent-encoded as the SDK sends them, then they are understood', async () => {
    const res = await call(
      seeded({ numbers: 30 }),
      'GET',
      '/phone_numbers?page%5Bnumber%5D=2&page%5Bsize%5D=25',
    );
    expect(res.body.meta).toMatchObject({ page_number: 2, page_size: 25, total_results: 30 });
    expect(res.body.data).toHaveLength(5);
  });

  it('when IPs are filtered by connection, then only that connection’s IPs come back', async () => {
    const sim = seeded();
    const office = sim.state.ipConnections[0]!;
    const res = await call(sim, 'GET', `/ips?filter[connection_id]=${office.id}`);
    expect(res.body.data.map((ip: { ip_address: string }) => ip.ip_address).sort()).toEqual(
      ['192.0.2.66', '198.51.100.4', '203.0.113.10', '203.0.113.11'].sort(),
    );
    const none = await call(sim, 'GET', '/ips?filter[connection_id]=1999999999999999999');
    expect(none.body).toMatchObject({ data: [], meta: { total_results: 0 } });
  });

  it('when FQDNs are filtered by connection, then the FQDN connection’s host comes back', async () => {
    const sim = seeded();
    const res = await call(sim, 'GET', `/fqdns?filter[connection_id]=${sim.state.fqdnConnections[0]!.id}`);
    expect(res.body.data).toEqual([
      expect.objectContaining({ fqdn: 'sip.acme-voice.example.com', port: 5060 }),
    ]);
  });

  it('when numbers are filtered by phone number digits, then matches come back and a "+" matches nothing', async () => {
    const sim = seeded();
    const target = sim.state.phoneNumbers[5]!.phone_number;
    const digits = await call(sim, 'GET', `/phone_numbers/voice?filter[phone_number]=${target.slice(1)}`);
    expect(digits.body.data.map((n: { phone_number: string }) => n.phone_number)).toEqual([target]);
    const plus = await call(
      sim,
      'GET',
      `/phone_numbers/voice?filter[phone_number]=${encodeURIComponent(target)}`,
    );
    expect(plus.body.data).toEqual([]);
  });

  it('when connections are filtered by name and sorted by name descending, then the order follows', async () => {
    const sim = seeded({ credentialConnections: 5 });
    const res = await call(
      sim,
      'GET',
      '/credential_connections?filter[connection_name][contains]=desk&sort=-connection_name',
    );
    expect(res.body.data.map((c: { connection_name: string }) => c.connection_name)).toEqual([
      'Desk phones 004',
      'Desk phones 003',
      'Desk phones 002',
      'Desk phones 001',
    ]);
    const bad = await call(sim, 'GET', '/credential_connections?sort=password');
    expect(bad.status).toBe(400);
  });

  it('when voice settings are listed, then each has the spec shape and no listing-only helper fields', async () => {
    const res = await call(seeded(), 'GET', '/phone_numbers/voice?page[size]=1');
    const [item] = res.body.data;
    expect(item).toMatchObject({
      record_type: 'voice_settings',
      call_forwarding: {
        call_forwarding_enabled: expect.any(Boolean),
        forwarding_type: expect.any(String),
        forwards_to: expect.any(String),
      },
    });
    expect(item).not.toHaveProperty('connection_name');
    expect(item).not.toHaveProperty('voice');
  });
});
