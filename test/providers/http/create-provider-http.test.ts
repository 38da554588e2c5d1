import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProviderError } from '../../../src/providers/http/provider-error.js';
import { API_KEY, BASE, makeHttp, rejection } from './support/harness.js';

const ok = z.object({ data: z.object({ id: z.string() }) });

afterEach(() => {
  nock.cleanAll();
});

describe('createProviderHttp requests', () => {
  it('when a query has bracket keys, then they are percent-encoded and undefined values are left out', async () => {
    let seen = '';
    nock(BASE)
      .get(/\/v2\/phone_numbers/)
      .reply(function () {
        seen = this.req.path;
        return [200, { data: { id: '1' } }];
      });
    const { http } = makeHttp();
    await http.request({
      method: 'GET',
      path: '/phone_numbers',
      query: { 'page[number]': 2, 'page[size]': 250, 'filter[tag]': undefined, active: true },
      schema: ok,
      operation: 'list phone numbers',
    });
    expect(seen).toBe('/v2/phone_numbers?page%5Bnumber%5D=2&page%5Bsize%5D=250&active=true');
  });

  it('when the body is a form, then it is sent url-encoded without the undefined fields', async () => {
    let contentType: unknown;
    let body: unknown;
    nock(BASE)
      .post('/v2/Credentials.json')
      .reply(function (_uri, requestBody) {
        contentType = this.req.headers['content-type'];
        body = requestBody;
        return [201, { data: { id: 'CR1' } }];
      });
    const { http } = makeHttp({ provider: 'twilio', auth: { basic: { username: 'AC1', password: 'tok' } } });
    await http.request({
      method: 'POST',
      path: '/Credentials.json',
      body: { form: { Username: 'sip user', Password: 'p&ss=1', FriendlyName: undefined } },
      schema: ok,
      operation: 'create credential',
    });
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(body).toBe('Username=sip+user&Password=p%26ss%3D1');
  });

  it('when auth is bearer or basic, then the Authorization header carries it and JSON bodies are JSON', async () => {
    const headers: Record<string, unknown>[] = [];
    const bodies: unknown[] = [];
    nock(BASE)
      .patch('/v2/things/1')
      .twice()
      .reply(function (_uri, requestBody) {
        headers.push(this.req.headers);
        bodies.push(requestBody);
        return [200, { data: { id: '1' } }];
      });
    const req = {
      method: 'PATCH' as const,
      path: '/things/1',
      body: { json: { active: false } },
      schema: ok,
      operation: 'update thing',
    };
    await makeHttp().http.request(req);
    await makeHttp({ auth: { basic: { username: 'apikey', password: 'pw' } } }).http.request(req);
    expect(headers.map((h) => h.authorization)).toEqual([
      `Bearer ${API_KEY}`,
      `Basic ${Buffer.from('apikey:pw').toString('base64')}`,
    ]);
    expect(headers[0]?.['content-type']).toBe('application/json');
    expect(bodies).toEqual([{ active: false }, { active: false }]);
  });

  it('when the answer is 2xx, then data is parsed and the request id comes from the header', async () => {
    nock(BASE)
      .get('/v2/things/1')
      .reply(200, { data: { id: '1', extra: true } }, { 'x-request-id': 'req-42' });
    const res = await makeHttp().http.request({
      method: 'GET',
      path: '/things/1',
      schema: ok,
      operation: 'get thing',
    });
    expect(res).toMatchObject({ status: 200, data: { data: { id: '1' } }, requestId: 'req-42' });
  });

  it('when the body has an unexpected shape, then a provider_bad_response names the field path', async () => {
    const numbers = z.object({
      data: z.array(z.object({ id: z.string(), call_forwarding: z.object({ forwards_to: z.string() }) })),
    });
    const good = { id: 'n', call_forwarding: { forwards_to: '+15550100' } };
    const bad = { id: 'n4', call_forwarding: { forwards_to: 15550100 } };
    nock(BASE)
      .get('/v2/phone_numbers/voice')
      .reply(200, { data: [good, good, good, bad] });
    const err = await rejection(
      makeHttp().http.request({
        method: 'GET',
        path: '/phone_numbers/voice',
        schema: numbers,
        operation: 'list voice settings',
      }),
    );
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'provider_bad_response', status: 200, outcomeUnknown: false });
    expect((err as Error).message).toContain('data[3].call_forwarding.forwards_to: expected string');
    expect((err as Error).message).not.toContain('15550100');
  });

  it('when a 2xx body is not JSON, then provider_bad_response says so without quoting it', async () => {
    nock(BASE).patch('/v2/things/1').reply(200, 'v1_secret=abc123 <html>');
    const err = await rejection(
      makeHttp().http.request({
        method: 'PATCH',
        path: '/things/1',
        body: { json: {} },
        schema: ok,
        operation: 'update thing',
      }),
    );
    expect(err).toMatchObject({ code: 'provider_bad_response', outcomeUnknown: true });
    expect((err as Error).message).toBe(
      'Telnyx answered "update thing" with an unexpected shape: the body is not JSON.',
    );
  });

  it('when the provider answers 422, then the message is one sentence with status, code and detail', async () => {
    nock(BASE)
      .patch('/v2/credential_connections/7')
      .reply(
        422,
        { errors: [{ code: '10015', title: 'Invalid value', detail: 'Invalid value for user_name' }] },
        { 'x-request-id': 'r-1' },
      );
    const err = await rejection(
      makeHttp().http.request({
        method: 'PATCH',
        path: '/credential_connections/7',
        body: { json: { user_name: 'bad user' } },
        schema: ok,
        operation: 'update credential connection',
      }),
    );
    expect(err).toMatchObject({
      code: 'provider_rejected',
      provider: 'telnyx',
      status: 422,
      providerCode: '10015',
      detail: 'Invalid value for user_name',
      requestId: 'r-1',
      outcomeUnknown: false,
    });
    expect((err as Error).message).toBe(
      'Telnyx refused to update credential connection (422 10015: Invalid value for user_name).',
    );
  });

  it('when the provider answers 404, then the error is provider_not_found', async () => {
    nock(BASE)
      .get('/v2/things/9')
      .reply(404, { code: 20404, message: 'The requested resource was not found' });
    const err = await rejection(
      makeHttp({ provider: 'twilio' }).http.request({
        method: 'GET',
        path: '/things/9',
        schema: ok,
        operation: 'fetch thing',
      }),
    );
    expect(err).toMatchObject({ code: 'provider_not_found', providerCode: '20404' });
    expect((err as Error).message).toBe(
      'Twilio found nothing to fetch thing (404 20404: The requested resource was not found).',
    );
  });
});
