import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/http/index.js';
import { TwilioClientError } from '../../../src/providers/twilio/index.js';
import { A, AUTH_TOKEN, page, sid, twilioUnderNock } from './support/twilio-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const TOO_MANY = {
  code: 20429,
  message: 'Too Many Requests',
  more_info: 'https://www.twilio.com/docs/errors/20429',
  status: 429,
};
const KEYS = `${A}/Keys.json`;
const keyPage = page('keys', [{ sid: sid('SK', 1), friendly_name: 'ci' }], null);

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

describe('Twilio rate limits (429, error 20429)', () => {
  it.each<{ header: string; headers: Record<string, string> }>([
    { header: 'Retry-After', headers: { 'Retry-After': '1' } },
    { header: 'X-RateLimit-Reset (seconds)', headers: { 'X-RateLimit-Reset': '2' } },
    { header: 'no header at all (backoff)', headers: {} },
  ])(
    'when Twilio answers 429 with $header, then the request is retried and succeeds',
    async ({ headers }) => {
      const { client, api } = twilioUnderNock();
      api.get(KEYS).query({ PageSize: '1000' }).reply(429, TOO_MANY, headers);
      api.get(KEYS).query({ PageSize: '1000' }).reply(200, keyPage);

      expect((await client.keys.list()).items.map((k) => k.sid)).toEqual([sid('SK', 1)]);
      expect(api.isDone()).toBe(true);
    },
  );

  it('when a write gets 429, then it is retried too: Twilio did not process it', async () => {
    const { client, api } = twilioUnderNock();
    const path = `${A}/Keys/${sid('SK', 1)}.json`;
    api.delete(path).reply(429, TOO_MANY, { 'Retry-After': '1' });
    api.delete(path).reply(204);
    await client.keys.delete(sid('SK', 1));
    expect(api.isDone()).toBe(true);
  });

  it('when Twilio keeps answering 429, then it gives up with provider_rate_limited, code 20429 and the wait it asked for', async () => {
    const { client, api } = twilioUnderNock();
    api.get(KEYS).query({ PageSize: '1000' }).times(6).reply(429, TOO_MANY, { 'Retry-After': '3' });

    const err = await failure(client.keys.list());

    expect(err).toMatchObject({
      code: 'provider_rate_limited',
      providerCode: '20429',
      status: 429,
      retryAfterMs: 3000,
    });
    expect(err.message).toMatch(
      /^Twilio kept rate-limiting "list API keys" \(429 20429: Too Many Requests\) after 6 attempts/,
    );
  });
});

describe('Twilio server and client errors', () => {
  it('when a read gets a 503, then it is retried and succeeds', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(KEYS)
      .query({ PageSize: '1000' })
      .reply(503, { code: 20500, message: 'Internal Server Error', status: 503 });
    api.get(KEYS).query({ PageSize: '1000' }).reply(200, keyPage);
    expect((await client.keys.list()).items).toHaveLength(1);
  });

  it('when a write gets a 502, then it is not repeated and its outcome is unknown', async () => {
    const { client, api } = twilioUnderNock();
    const path = `${A}/IncomingPhoneNumbers/${sid('PN', 1)}.json`;
    api.post(path).reply(502, { code: 20500, message: 'Bad Gateway', status: 502 });

    const err = await failure(client.incomingPhoneNumbers.updateUrls(sid('PN', 1), { VoiceUrl: null }));

    expect(err).toMatchObject({ code: 'provider_unavailable', outcomeUnknown: true, status: 502 });
    expect(err.message).toContain('read it back before trying again');
    expect(api.isDone()).toBe(true);
  });

  it('when the credentials are refused, then it fails at once with provider_auth_failed and code 20003', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(KEYS)
      .query({ PageSize: '1000' })
      .reply(401, { code: 20003, message: 'Authenticate', status: 401 });
    const err = await failure(client.keys.list());
    expect(err).toMatchObject({
      code: 'provider_auth_failed',
      providerCode: '20003',
      detail: 'Authenticate',
    });
    expect(err.message).toBe(
      'Twilio rejected our API credentials when asked to list API keys (401 20003: Authenticate).',
    );
  });

  it('when a SID is not of its kind, then nothing is sent and the error says which call', async () => {
    const { client, api } = twilioUnderNock();
    const err = await client.keys.delete('PN0123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TwilioClientError);
    expect(err).toMatchObject({ code: 'twilio_invalid_sid' });
    expect((err as Error).message).toContain('delete API key');
    expect(api.pendingMocks()).toEqual([]);
  });
});

describe('answers of an unexpected shape', () => {
  // Changed with per-record parsing: one record without its sid no longer fails the listing.
  it('when an item lacks its sid, then that record comes back unreadable naming sid, and the others are read', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(KEYS)
      .query({ PageSize: '1000' })
      .reply(200, page('keys', [{ sid: sid('SK', 1) }, { friendly_name: 'no sid' }], null));
    const listed = await client.keys.list();
    expect(listed.items.map((k) => k.sid)).toEqual([sid('SK', 1)]);
    expect(listed.unreadable).toEqual([
      expect.objectContaining({ provider: 'twilio', operation: 'list API keys', id: null, field: 'sid' }),
    ]);
  });

  it.each([
    { when: 'the list key is missing', body: { next_page_uri: null }, field: 'keys' },
    { when: 'next_page_uri is a number', body: { keys: [], next_page_uri: 7 }, field: 'next_page_uri' },
  ])('when $when, then provider_bad_response names $field', async ({ body, field }) => {
    const { client, api } = twilioUnderNock();
    api.get(KEYS).query({ PageSize: '1000' }).reply(200, body);
    const err = await failure(client.keys.list());
    expect(err.code).toBe('provider_bad_response');
    expect(err.message).toContain(`Twilio answered "list API keys" with an unexpected shape: ${field}`);
  });

  // Changed: the spec's enum is read leniently, so a status it does not know is kept, not a failure.
  it('when a subaccount has a status the spec does not know, then it is kept as it came and the token is dropped', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(`/2010-04-01/Accounts/${sid('AC', 2)}.json`)
      .reply(200, { status: 'frozen-by-S3cr3tValue', auth_token: AUTH_TOKEN });
    const account = await client.accounts.fetch(sid('AC', 2));
    expect(account).toMatchObject({ sid: sid('AC', 2), status: 'frozen-by-S3cr3tValue' });
    expect(JSON.stringify(account)).not.toContain(AUTH_TOKEN);
  });
});
