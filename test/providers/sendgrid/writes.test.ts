import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { apiKeyIdOf, createSendgridClient } from '../../../src/providers/sendgrid/index.js';
import { createRecordingHttp } from '../telnyx/support/recording-http.js';
import { sendgridUnderNock } from './support/sendgrid-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const HOOK = { id: 'wh-1', url: 'https://hooks.example.com/e', enabled: false };

describe('SendGrid writes on the wire', () => {
  it('when a key is created, then the body names it and always lists scopes (no scopes would mean full access)', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .post('/v3/api_keys', { name: 'Production mail (replaced by Reclaim)', scopes: [] })
      .reply(201, { api_key: 'SG.a.b', api_key_id: 'a', name: 'x', scopes: [] });
    await client.apiKeys.create({ name: 'Production mail (replaced by Reclaim)', scopes: [] });
    expect(api.isDone()).toBe(true);
  });

  it('when addresses are allowed, then they go as { ips: [{ ip }] } and the created entries come back', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .post('/v3/access_settings/whitelist', { ips: [{ ip: '203.0.113.50' }, { ip: '198.51.100.0/24' }] })
      .reply(201, { result: [{ id: 7, ip: '203.0.113.50', created_at: 1, updated_at: 1 }] });
    expect(await client.accessSettings.addAllowed(['203.0.113.50', '198.51.100.0/24'])).toEqual([
      { id: 7, ip: '203.0.113.50', created_at: 1, updated_at: 1 },
    ]);
  });

  it('when a subuser is disabled, then PATCH carries { disabled: true } and a 204 is enough', async () => {
    const { client, api } = sendgridUnderNock();
    api.patch('/v3/subusers/promo-sender', { disabled: true }).reply(204);
    await client.subusers.setDisabled('promo-sender', true);
    expect(api.isDone()).toBe(true);
  });

  it('when an event webhook is disabled, then PATCH carries the required url with enabled: false', async () => {
    const { client, api } = sendgridUnderNock();
    api.patch('/v3/user/webhooks/event/settings/wh-1', { enabled: false, url: HOOK.url }).reply(200, HOOK);
    expect((await client.eventWebhooks.setEnabled('wh-1', HOOK.url, false)).enabled).toBe(false);
  });

  it('when ids hold reserved characters, then they are percent-encoded into one path segment', async () => {
    const { client, api } = sendgridUnderNock();
    api.delete('/v3/teammates/a%2Fb%40c').reply(204);
    api.delete('/v3/user/webhooks/parse/settings/in.example.com').reply(204);
    api.delete('/v3/access_settings/whitelist/1004').reply(204);
    await client.teammates.delete('a/b@c');
    await client.parseSettings.delete('in.example.com');
    await client.accessSettings.removeAllowed(1004);
    expect(api.isDone()).toBe(true);
  });

  it.each([
    ['apiKeys.delete', (c: ReturnType<typeof createSendgridClient>) => c.apiKeys.delete('')],
    ['teammates.cancelInvite', (c: ReturnType<typeof createSendgridClient>) => c.teammates.cancelInvite(' ')],
    [
      'eventWebhooks.setEnabled',
      (c: ReturnType<typeof createSendgridClient>) => c.eventWebhooks.setEnabled('', 'u', false),
    ],
  ])(
    'when %s gets an empty id, then nothing is sent and it fails with sendgrid_invalid_id',
    async (_name, call) => {
      const { http, requests } = createRecordingHttp(() => undefined);
      await expect(call(createSendgridClient(http))).rejects.toMatchObject({ code: 'sendgrid_invalid_id' });
      expect(requests).toEqual([]);
    },
  );
});

describe('apiKeyIdOf', () => {
  it.each([
    [
      'a real-shaped key',
      'SG.TestKeyId00000000000001.TestSecretTestSecretTestSecretTestSecret0001',
      'TestKeyId00000000000001',
    ],
    ['the spec example', 'SG.xxxxxxxx.yyyyyyyy', 'xxxxxxxx'],
    ['surrounding spaces', '  SG.abc_-1.s3cr3t  ', 'abc_-1'],
    ['no SG prefix', 'KEY.abc.def', null],
    ['a missing secret', 'SG.abc', null],
    ['nothing', undefined, null],
  ])('when the key is %s, then its id is %s', (_what, key, id) => {
    expect(apiKeyIdOf(key)).toBe(id);
  });
});
