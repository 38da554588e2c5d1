import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createSendgridClient } from '../../../src/providers/sendgrid/index.js';
import { createRecordingHttp } from '../telnyx/support/recording-http.js';
import { sendgridUnderNock } from './support/sendgrid-nock.js';

afterEach(() => {
  nock.cleanAll();
});

describe('SendGrid PUT /v3/api_keys/{api_key_id} (UpdateApiKey)', () => {
  it('when a key’s scopes are set, then the body carries its name and exactly those scopes, and the answer’s id and name are read', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .put('/v3/api_keys/key-1', { name: 'Production mail', scopes: ['user.timezone.read'] })
      .reply(200, { api_key_id: 'key-1', name: 'Production mail', scopes: ['user.timezone.read'] });
    expect(
      await client.apiKeys.update('key-1', { name: 'Production mail', scopes: ['user.timezone.read'] }),
    ).toEqual({
      api_key_id: 'key-1',
      name: 'Production mail',
    });
    expect(api.isDone()).toBe(true);
  });

  it('when the answer carries a key value, then it is dropped with the other fields the schema does not declare', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .put('/v3/api_keys/key-1')
      .reply(200, { api_key_id: 'key-1', name: 'x', api_key: 'SG.key-1.secretsecret' });
    const answer = await client.apiKeys.update('key-1', { name: 'x', scopes: ['mail.send'] });
    expect(JSON.stringify(answer)).not.toContain('secret');
  });

  it('when the key is gone, then the 404 reads as provider_not_found', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .put('/v3/api_keys/key-1')
      .reply(404, { errors: [{ field: null, message: 'unable to find API Key' }] });
    await expect(client.apiKeys.update('key-1', { name: 'x', scopes: ['mail.send'] })).rejects.toMatchObject({
      code: 'provider_not_found',
    });
  });

  it('when the id is empty, then nothing is sent and it fails with sendgrid_invalid_id', async () => {
    const { http, requests } = createRecordingHttp(() => undefined);
    await expect(
      createSendgridClient(http).apiKeys.update(' ', { name: 'x', scopes: ['mail.send'] }),
    ).rejects.toMatchObject({ code: 'sendgrid_invalid_id' });
    expect(requests).toEqual([]);
  });
});

describe('SendGrid UpdateApiKey answers the spec allows', () => {
  it('when the answer leaves the id and name out (neither is required), then it reads as the key that was updated', async () => {
    const { client, api } = sendgridUnderNock();
    api.put('/v3/api_keys/key-1').reply(200, {});
    expect(await client.apiKeys.update('key-1', { name: 'x', scopes: ['mail.send'] })).toEqual({
      api_key_id: 'key-1',
      name: null,
    });
  });
});
