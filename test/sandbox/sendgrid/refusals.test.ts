import { describe, expect, it } from 'vitest';
import { matchRoute, parseMessageQuery } from '../../../src/sandbox/sendgrid/index.js';
import { raw, seeded } from './sim-kit.js';

const errorOf = (body: unknown) =>
  (body as { errors: { field: string | null; message: string }[] }).errors[0];

describe('the SendGrid simulator refuses as SendGrid does', () => {
  it('when the key is wrong, then it answers 401 in the errors envelope', async () => {
    const res = await raw(seeded(), 'GET', '/v3/api_keys', undefined, 'SG.wrong.key');
    expect(res.status).toBe(401);
    expect(errorOf(res.body)).toEqual({ field: null, message: 'authorization required' });
  });

  it('when the key it answers to is deleted, then every later request is 401', async () => {
    const sim = seeded();
    const own = sim.state.apiKeys[0]?.api_key_id ?? '';
    expect((await raw(sim, 'DELETE', `/v3/api_keys/${own}`)).status).toBe(204);
    expect((await raw(sim, 'GET', '/v3/api_keys')).status).toBe(401);
  });

  it.each([
    ['POST /v3/api_keys without a name', 'POST', '/v3/api_keys', { scopes: [] }, 400, 'name'],
    [
      'POST /v3/api_keys with scopes not a list',
      'POST',
      '/v3/api_keys',
      { name: 'x', scopes: 'all' },
      400,
      'scopes',
    ],
    [
      'an allow-list entry that is not an address',
      'POST',
      '/v3/access_settings/whitelist',
      { ips: [{ ip: '1.2.3' }] },
      400,
      'ips[0].ip',
    ],
    ['an allow list without ips', 'POST', '/v3/access_settings/whitelist', {}, 400, 'ips'],
    ['a subuser PATCH without disabled', 'PATCH', '/v3/subusers/acme-transactional', {}, 400, 'disabled'],
    ['teammates above limit 500', 'GET', '/v3/teammates?limit=501', undefined, 400, 'limit'],
    ['messages without a query', 'GET', '/v3/messages?limit=10', undefined, 400, 'query'],
    [
      'messages above limit 1000',
      'GET',
      '/v3/messages?limit=1001&query=subject%3D%22x%22',
      undefined,
      400,
      'limit',
    ],
    ['an unknown path', 'GET', '/v3/nothing/here', undefined, 404, null],
    ['a malformed JSON body', 'POST', '/v3/api_keys', '{"name":', 400, null],
  ])(
    'when it gets %s, then it answers %s naming the field',
    async (_what, method, path, body, status, field) => {
      const res = await raw(seeded(), method, path, body);
      expect(res.status).toBe(status);
      expect(errorOf(res.body)?.field ?? null).toBe(field);
    },
  );

  it('when a webhook PATCH lacks url or takes another webhook’s, then it answers 400 naming url', async () => {
    const sim = seeded();
    const [first, second] = sim.state.eventWebhooks;
    const path = `/v3/user/webhooks/event/settings/${first?.id}`;
    expect(errorOf((await raw(sim, 'PATCH', path, { enabled: false })).body)?.field).toBe('url');
    const taken = await raw(sim, 'PATCH', path, { enabled: false, url: second?.url });
    expect([taken.status, errorOf(taken.body)?.field]).toEqual([400, 'url']);
    expect((await raw(sim, 'PATCH', '/v3/user/webhooks/event/settings/none', { url: 'u' })).status).toBe(404);
  });

  it('when the owner is deleted, then it refuses with 400', async () => {
    expect((await raw(seeded(), 'DELETE', '/v3/teammates/acme-owner')).status).toBe(400);
  });

  it('when the account lacks the Email Activity add-on, then /v3/messages answers 403', async () => {
    const res = await raw(
      seeded({ emailActivity: false }),
      'GET',
      '/v3/messages?limit=10&query=subject%3D%22x%22',
    );
    expect(res.status).toBe(403);
    expect(errorOf(res.body)?.message).toBe('access forbidden');
  });

  it('when the 101st key is asked for, then it answers 403 as the spec says', async () => {
    const sim = seeded({ apiKeys: 97 });
    expect(sim.state.apiKeys).toHaveLength(99);
    expect((await raw(sim, 'POST', '/v3/api_keys', { name: 'a' })).status).toBe(201);
    expect((await raw(sim, 'POST', '/v3/api_keys', { name: 'b' })).status).toBe(403);
  });

  it('when a key is created without scopes, then it gets full access, and with scopes exactly those', async () => {
    const sim = seeded();
    const full = (await raw(sim, 'POST', '/v3/api_keys', { name: 'a' })).body as {
      scopes: string[];
      api_key: string;
    };
    const narrow = (await raw(sim, 'POST', '/v3/api_keys', { name: 'b', scopes: ['mail.send'] })).body as {
      scopes: string[];
    };
    expect(full.scopes).toContain('api_keys.create');
    expect(full.api_key).toMatch(/^SG\.[A-Za-z0-9]{22}\.[A-Za-z0-9]{43}$/);
    expect(narrow.scopes).toEqual(['mail.send']);
  });
});

describe('routing', () => {
  it.each([
    ['DELETE', '/v3/teammates/pending/tok', 'DELETE /v3/teammates/pending/{token}', 'tok'],
    ['DELETE', '/v3/teammates/a%40b', 'DELETE /v3/teammates/{username}', 'a@b'],
    ['GET', '/v3/user/webhooks/event/settings/all', 'GET /v3/user/webhooks/event/settings/all', undefined],
    ['GET', '/v3/user/webhooks/event/settings/abc', 'GET /v3/user/webhooks/event/settings/{id}', 'abc'],
    ['PUT', '/v3/api_keys/k', 'PUT /v3/api_keys/{api_key_id}', 'k'],
    ['PATCH', '/v3/api_keys/k', 'PATCH /v3/api_keys/{api_key_id}', 'k'],
  ])('when %s %s arrives, then it is %s', (method, path, label, id) => {
    const match = matchRoute(method, path);
    expect(match.label).toBe(label);
    expect(match.id).toBe(id);
    // PATCH (rename only) is not served: nothing in Reclaim renames a key.
    expect(match.route === undefined).toBe(method === 'PATCH');
  });
});

describe('the Email Activity query language', () => {
  it.each([
    [
      'a window',
      'last_event_time BETWEEN TIMESTAMP "2026-02-01T00:00:00Z" AND TIMESTAMP "2026-03-01T00:00:00Z"',
      1,
    ],
    [
      'single quotes',
      "last_event_time BETWEEN TIMESTAMP '2026-02-01T00:00:00Z' AND TIMESTAMP '2026-03-01T00:00:00Z'",
      1,
    ],
    [
      'a window and a subject',
      'subject="Hi \\"you\\"" AND last_event_time >= TIMESTAMP "2026-02-01T00:00:00Z"',
      2,
    ],
    [
      'lower-case keywords',
      'last_event_time between timestamp "2026-02-01T00:00:00Z" and timestamp "2026-03-01T00:00:00Z"',
      1,
    ],
  ])('when the query is %s, then it parses into %i conditions', (_what, text, n) => {
    const parsed = parseMessageQuery(text);
    expect(Array.isArray(parsed) ? parsed.length : parsed).toBe(n);
  });

  it.each([
    ['an unknown field', 'bad_field="x"', "invalid syntax: 'bad_field' is not a known field"],
    ['a bad timestamp', 'last_event_time > TIMESTAMP "yesterday"', 'invalid syntax: bad TIMESTAMP'],
    ['dangling text', 'subject="x" OR', 'invalid syntax: unexpected "OR"'],
  ])('when the query has %s, then the error reads %s', (_what, text, message) => {
    expect(parseMessageQuery(text)).toBe(message);
  });
});
