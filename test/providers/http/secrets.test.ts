import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ProviderError } from '../../../src/providers/http/provider-error.js';
import { API_KEY, BASE, makeHttp, rejection } from './support/harness.js';

const ok = z.object({ data: z.object({ id: z.string() }) });
const NEW_SIP_PASSWORD = 'Zq8-newSipPassword-4471';
const TWILIO_TOKEN = 'f00dfacecafebabe0123456789abcdef';

afterEach(() => {
  nock.cleanAll();
});

/** Everything an error exposes to a log line or a Slack message. */
function exposed(err: unknown): string {
  const e = err as ProviderError;
  return [
    e.message,
    e.stack,
    JSON.stringify(e.details),
    e.detail,
    e.providerCode,
    String(e.cause ?? ''),
  ].join('\n');
}

describe('createProviderHttp keeps secrets out of errors and logs', () => {
  it('when requests carry a password and fail in every way, then no key, token or password appears anywhere', async () => {
    const errors: unknown[] = [];
    const h = makeHttp();
    const patch = (id: string) =>
      h.http.request({
        method: 'PATCH',
        path: `/credential_connections/${id}`,
        body: { json: { user_name: 'sipuser1', password: NEW_SIP_PASSWORD } },
        schema: ok,
        operation: 'update credential connection',
      });

    // The provider echoes the rejected password and our key back in its detail.
    nock(BASE)
      .patch('/v2/credential_connections/1')
      .reply(422, {
        errors: [{ code: '10015', detail: `Password ${NEW_SIP_PASSWORD} is weak; key ${API_KEY} noted` }],
      });
    errors.push(await rejection(patch('1')));
    nock(BASE)
      .patch('/v2/credential_connections/2')
      .reply(401, { errors: [{ code: '10009', detail: `Bearer ${API_KEY}` }] });
    errors.push(await rejection(patch('2')));
    nock(BASE)
      .patch('/v2/credential_connections/3')
      .reply(503)
      .patch('/v2/credential_connections/3')
      .reply(503);
    errors.push(await rejection(patch('3')));
    nock(BASE).patch('/v2/credential_connections/4').replyWithError({ code: 'ECONNRESET', message: 'reset' });
    errors.push(await rejection(patch('4')));
    nock(BASE)
      .patch('/v2/credential_connections/5')
      .reply(429)
      .patch('/v2/credential_connections/5')
      .reply(200, { data: { id: '5' } });
    await patch('5');
    nock(BASE)
      .patch('/v2/credential_connections/6')
      .reply(200, { data: { id: 6, password: NEW_SIP_PASSWORD } });
    errors.push(await rejection(patch('6')));
    // A fetch seam whose error spells out the whole request (nock's "No match", headers and body).
    const unmatched = nock(BASE).get('/v2/elsewhere').reply(200);
    errors.push(await rejection(patch('7')));
    expect(unmatched.isDone()).toBe(false);

    expect(errors.map((e) => (e as ProviderError).code)).toEqual([
      'provider_rejected',
      'provider_auth_failed',
      'provider_unavailable',
      'provider_unavailable',
      'provider_bad_response',
      'provider_unavailable',
    ]);
    expect((errors[0] as ProviderError).detail).toBe('Password [redacted] is weak; key [redacted] noted');
    const everything = [...errors.map(exposed), h.logText()].join('\n');
    expect(h.logText()).toContain('"msg":"provider request"');
    expect(h.logText()).toContain('"path":"/credential_connections/5"');
    for (const secret of [API_KEY, NEW_SIP_PASSWORD, 'SuperSecretPart42', 'newSipPassword']) {
      expect(everything).not.toContain(secret);
    }
    expect(String((errors[5] as ProviderError).cause)).toContain('ERR_NOCK_NO_MATCH');
  });

  it('when basic auth and a form body are used, then neither the token nor its base64 header appears', async () => {
    const h = makeHttp({
      provider: 'twilio',
      auth: { basic: { username: 'AC0123', password: TWILIO_TOKEN } },
    });
    const header = Buffer.from(`AC0123:${TWILIO_TOKEN}`).toString('base64');
    nock(BASE)
      .post('/v2/Credentials.json')
      .reply(400, { code: 20001, message: `Invalid Password ${NEW_SIP_PASSWORD} (auth ${header})` });
    const err = await rejection(
      h.http.request({
        method: 'POST',
        path: '/Credentials.json',
        body: { form: { Username: 'u1', Password: NEW_SIP_PASSWORD } },
        schema: ok,
        operation: 'create credential',
      }),
    );
    expect(err).toMatchObject({ code: 'provider_rejected', providerCode: '20001' });
    const everything = `${exposed(err)}\n${h.logText()}`;
    for (const secret of [TWILIO_TOKEN, header, NEW_SIP_PASSWORD]) expect(everything).not.toContain(secret);
  });
  it('when a path carries a secret and the request is retried then fails, then logs and the error show only its shownPath', async () => {
    const TOKEN = 'inv-tok-8f2c91d4e7';
    const h = makeHttp({ provider: 'sendgrid' });
    nock(BASE)
      .delete(`/v2/teammates/pending/${TOKEN}`)
      .reply(429)
      .delete(`/v2/teammates/pending/${TOKEN}`)
      .replyWithError({
        code: 'ECONNRESET',
        message: `reset while sending DELETE /v2/teammates/pending/${TOKEN}`,
      });
    const err = await rejection(
      h.http.request({
        method: 'DELETE',
        path: `/teammates/pending/${TOKEN}`,
        shownPath: '/teammates/pending/[redacted]',
        schema: z.unknown(),
        operation: 'cancel teammate invitation',
      }),
    );
    expect((err as ProviderError).details).toMatchObject({ path: '/teammates/pending/[redacted]' });
    expect(h.logText()).toContain('"path":"/teammates/pending/[redacted]"');
    expect(`${exposed(err)}\n${h.logText()}`).not.toContain(TOKEN);
  });
});
