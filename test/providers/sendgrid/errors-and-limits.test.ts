import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError, type ProviderObserver } from '../../../src/providers/http/index.js';
import { FIXED_NOW, sendgridUnderNock } from './support/sendgrid-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const TOO_MANY = { errors: [{ field: null, message: 'too many requests' }] };
const KEYS = { result: [{ api_key_id: 'k1', name: 'Production mail' }] };

function recorder() {
  const waits: number[] = [];
  const observer: ProviderObserver = {
    requestFinished: () => undefined,
    rateLimited: (e) => waits.push(e.retryAfterMs),
  };
  return { observer, waits };
}

async function failure(run: Promise<unknown>): Promise<ProviderError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('SendGrid rate limits', () => {
  it('when a 429 carries X-RateLimit-Reset as an epoch second, then the client waits until then and retries', async () => {
    const { observer, waits } = recorder();
    const { client, api } = sendgridUnderNock(observer);
    const reset = String(FIXED_NOW / 1000 + 3);
    api.get('/v3/api_keys').query({ limit: '100' }).reply(429, TOO_MANY, {
      'x-ratelimit-limit': '150',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': reset,
    });
    api.get('/v3/api_keys').query({ limit: '100' }).reply(200, KEYS);
    expect((await client.apiKeys.list()).items).toEqual([{ api_key_id: 'k1', name: 'Production mail' }]);
    expect(waits).toEqual([3_000]);
    expect(api.isDone()).toBe(true);
  });

  it('when a 429 carries Retry-After, then that wait wins over the reset epoch', async () => {
    const { observer, waits } = recorder();
    const { client, api } = sendgridUnderNock(observer);
    api
      .delete('/v3/api_keys/k1')
      .reply(429, TOO_MANY, { 'retry-after': '2', 'x-ratelimit-reset': String(FIXED_NOW / 1000 + 30) });
    api.delete('/v3/api_keys/k1').reply(204);
    await client.apiKeys.delete('k1');
    expect(waits).toEqual([2_000]);
    expect(api.isDone()).toBe(true);
  });

  it('when SendGrid keeps answering 429, then the error says it was rate-limited, with its message and the wait', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .get('/v3/teammates/pending')
      .times(6)
      .reply(429, TOO_MANY, { 'x-ratelimit-reset': String(FIXED_NOW / 1000 + 1) });
    const err = await failure(client.teammates.listPending());
    expect(err.code).toBe('provider_rate_limited');
    expect(err.providerCode).toBe('too many requests');
    expect(err.retryAfterMs).toBe(1_000);
    expect(err.message).toMatch(
      /^SendGrid kept rate-limiting "list pending teammate invitations" \(429 too many requests\) after 6 attempts/,
    );
  });
});

describe('SendGrid server errors and refusals', () => {
  it('when a read meets a 503, then it is retried and succeeds', async () => {
    const { client, api } = sendgridUnderNock();
    api.get('/v3/user/email').reply(503, { errors: [{ field: null, message: 'service unavailable' }] });
    api.get('/v3/user/email').reply(200, { email: 'owner@example.com' });
    expect(await client.user.email()).toBe('owner@example.com');
    expect(api.isDone()).toBe(true);
  });

  it('when a delete meets a 500, then it is not repeated and its outcome is unknown', async () => {
    const { client, api } = sendgridUnderNock();
    api.delete('/v3/teammates/mailops').reply(500, { errors: [{ field: null, message: 'internal error' }] });
    const err = await failure(client.teammates.delete('mailops'));
    expect(err).toMatchObject({ code: 'provider_unavailable', status: 500, outcomeUnknown: true });
    expect(api.isDone()).toBe(true);
  });

  it('when SendGrid refuses a body field, then the error names the field and the message', async () => {
    const { client, api } = sendgridUnderNock();
    api
      .post('/v3/api_keys')
      .reply(400, { errors: [{ field: 'name', message: 'missing required argument' }] });
    const err = await failure(client.apiKeys.create({ name: 'x', scopes: [] }));
    expect(err).toMatchObject({
      code: 'provider_rejected',
      providerCode: 'missing required argument',
      detail: 'field name',
    });
    expect(err.message).toBe(
      'SendGrid refused to create API key (400 missing required argument: field name).',
    );
  });

  it.each([
    ['401', 401, 'provider_auth_failed'],
    ['403 (no add-on)', 403, 'provider_auth_failed'],
    ['404', 404, 'provider_not_found'],
  ])('when SendGrid answers %s, then the code is %s', async (_label, status, code) => {
    const { client, api } = sendgridUnderNock();
    api
      .get('/v3/messages')
      .query(true)
      .reply(status, { errors: [{ field: null, message: 'access forbidden' }] });
    const err = await failure(client.emailActivity.search('subject="x"'));
    expect(err).toMatchObject({ code: code as string, status });
  });
});
