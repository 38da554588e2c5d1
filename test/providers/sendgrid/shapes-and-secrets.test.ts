import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { type Listing, ProviderError } from '../../../src/providers/http/index.js';
import type { SendgridClient } from '../../../src/providers/sendgrid/index.js';
import { SENDGRID_TEST_KEY, sendgridUnderNock } from './support/sendgrid-nock.js';

afterEach(() => {
  nock.cleanAll();
});

async function failure(run: Promise<unknown>): Promise<ProviderError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('SendGrid answers of the wrong shape', () => {
  type Read = (c: SendgridClient) => Promise<unknown>;
  type List = (c: SendgridClient) => Promise<Listing<unknown>>;
  // Changed with per-record parsing: a record that does not fit no longer fails the whole listing;
  // it comes back in `unreadable`, named by its id (when it has one) and the field at fault.
  const records: [string, string, unknown, string | null, string, List][] = [
    [
      'a nameless teammate',
      '/v3/teammates',
      { result: [{ email: 'a@x.com' }] },
      'a@x.com',
      'username',
      (c) => c.teammates.list(),
    ],
    [
      'a rule id as text',
      '/v3/access_settings/whitelist',
      { result: [{ id: 'x', ip: '1.2.3.4' }] },
      'x',
      'id',
      (c) => c.accessSettings.listAllowed(),
    ],
    [
      'a webhook without id',
      '/v3/user/webhooks/event/settings/all',
      { webhooks: [{ url: 'u', enabled: true }] },
      null,
      'id',
      (c) => c.eventWebhooks.list(),
    ],
  ];
  it.each(records)(
    'when SendGrid sends %s, then that record is unreadable, naming its id and the field',
    async (_what, path, body, id, field, read) => {
      const { client, api } = sendgridUnderNock();
      api
        .get(path)
        .query(true)
        .reply(200, body as nock.Body);
      const listing = await read(client);
      expect(listing.items).toEqual([]);
      expect(listing.unreadable).toEqual([expect.objectContaining({ provider: 'sendgrid', id, field })]);
    },
  );

  const shapes: [string, string, unknown, string, Read][] = [
    ['subusers not in an array', '/v3/subusers', { result: [] }, '(the body)', (c) => c.subusers.list()],
  ];
  it.each(shapes)(
    'when SendGrid sends %s, then the error names the field',
    async (_what, path, body, field, read) => {
      const { client, api } = sendgridUnderNock();
      api
        .get(path)
        .query(true)
        .reply(200, body as nock.Body);
      const err = await failure(read(client));
      expect(err.code).toBe('provider_bad_response');
      expect(err.message).toContain(field);
    },
  );

  it.each([
    ['the spec’s `result` list', { result: [{ api_key_id: 'k1', name: 'Mail', scopes: ['mail.send'] }] }],
    [
      'a flat object, as independent clients read it',
      { api_key_id: 'k1', name: 'Mail', scopes: ['mail.send'] },
    ],
    ['a flat object without its id', { name: 'Mail', scopes: ['mail.send'] }],
  ])('when a key lookup answers with %s, then the key and its scopes are read', async (_shape, body) => {
    const { client, api } = sendgridUnderNock();
    api.get('/v3/api_keys/k1').reply(200, body);
    expect(await client.apiKeys.get('k1')).toEqual({ api_key_id: 'k1', name: 'Mail', scopes: ['mail.send'] });
  });

  it('when a key lookup comes back with an empty result, then it is a bad response naming result', async () => {
    const { client, api } = sendgridUnderNock();
    api.get('/v3/api_keys/k1').reply(200, { result: [] });
    const err = await failure(client.apiKeys.get('k1'));
    expect(err).toMatchObject({ code: 'provider_bad_response' });
    expect(err.message).toContain('result');
  });
});

describe('SendGrid secrets', () => {
  it('when a key is created, then its value is returned as secret but never logged', async () => {
    const { client, api, logs } = sendgridUnderNock();
    const value = 'SG.NewKeyId000000000000001.NewSecretNewSecretNewSecretNewSecretNewSe01';
    api.post('/v3/api_keys', { name: 'n', scopes: ['mail.send'] }).reply(201, {
      api_key: value,
      api_key_id: 'NewKeyId000000000000001',
      name: 'n',
      scopes: ['mail.send'],
    });
    const created = await client.apiKeys.create({ name: 'n', scopes: ['mail.send'] });
    expect(created.secret).toBe(value);
    expect(logs.join('')).not.toContain(value);
    expect(logs.join('')).not.toContain(SENDGRID_TEST_KEY);
  });

  it('when an error echoes our key or a key in the body, then neither reaches the message, the fields or the logs', async () => {
    const { client, api, logs } = sendgridUnderNock();
    const echoed = 'SG.Other000000000000000001.OtherSecretOtherSecretOtherSecretOtherSec01';
    api
      .get('/v3/user/email')
      .times(6)
      .reply(500, {
        errors: [{ field: null, message: `bad key ${SENDGRID_TEST_KEY} and ${echoed}` }],
      });
    const err = await failure(client.user.email());
    const shown = JSON.stringify({
      message: err.message,
      code: err.providerCode,
      detail: err.detail,
      details: err.details,
    });
    for (const secret of [SENDGRID_TEST_KEY, echoed]) {
      expect(shown).not.toContain(secret);
      expect(logs.join('')).not.toContain(secret);
    }
    expect(err.providerCode).toContain('[redacted]');
  });
});
