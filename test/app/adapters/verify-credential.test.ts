import { describe, expect, it } from 'vitest';
import { credentialVerifier } from '../../../src/app/adapters/verify-credential.js';
import { loadConfig } from '../../../src/config/config.js';
import type { FetchLike } from '../../../src/providers/http/index.js';
import { silentLogger } from '../../../src/util/logger.js';

const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' });
const SID = `AC${'a'.repeat(32)}`;

/** Answers like the provider: 200 for `good`, its documented 401 body otherwise; records each request. */
function provider(good: string, seen: { url: string; auth: string }[]): FetchLike {
  return async (url, init) => {
    const auth = new Headers(init.headers).get('authorization') ?? '';
    seen.push({ url, auth });
    if (auth.includes(good) || auth === `Basic ${Buffer.from(`${SID}:${good}`).toString('base64')}`) {
      const body = url.includes('/Accounts/')
        ? { sid: SID }
        : url.includes('/username')
          ? { username: 'acme', user_id: 1 }
          : { data: { balance: '10.00' } };
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }
    const refusal = url.includes('twilio')
      ? { code: 20003, message: 'Authenticate', status: 401 }
      : url.includes('sendgrid')
        ? { errors: [{ message: 'authorization required' }] }
        : {
            errors: [
              { code: '10009', title: 'Authentication failed', detail: 'The API key looks malformed.' },
            ],
          };
    return new Response(JSON.stringify(refusal), {
      status: 401,
      headers: { 'content-type': 'application/json' },
    });
  };
}

describe('credentialVerifier', () => {
  it.for([
    ['telnyx', { provider: 'telnyx', apiKey: 'KEY-good' }, 'https://api.telnyx.com/v2/balance', null],
    [
      'twilio',
      { provider: 'twilio', accountSid: SID, authToken: 'good' },
      `https://api.twilio.com/2010-04-01/Accounts/${SID}.json`,
      SID,
    ],
    [
      'sendgrid',
      { provider: 'sendgrid', apiKey: 'SG.good' },
      'https://api.sendgrid.com/v3/user/username',
      'acme',
    ],
  ] as const)(
    'when a good %s credential is given, then one read-only GET accepts it and names the account',
    async ([, credential, url, accountId]) => {
      const seen: { url: string; auth: string }[] = [];
      const verify = credentialVerifier(config, silentLogger(), provider('good', seen));
      expect(await verify(credential)).toEqual({ ok: true, accountId });
      expect(seen.map((s) => s.url)).toEqual([url]);
    },
  );

  it('when the provider refuses the credential, then the answer is the provider’s reason, never the credential', async () => {
    const verify = credentialVerifier(config, silentLogger(), provider('good', []));
    const out = await verify({ provider: 'telnyx', apiKey: 'KEY-wrong-1234' });
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out)).toContain('401');
    expect(JSON.stringify(out)).not.toContain('KEY-wrong-1234');
    const sid = await verify({ provider: 'twilio', accountSid: 'AC12', authToken: 'x' });
    expect(sid).toEqual({ ok: false, reason: expect.stringContaining('Account SID') });
  });

  it('when the provider answers 429, then the key is waited for and checked, never taken as refused (an old key would pass for deleted)', async () => {
    let calls = 0;
    const limited: FetchLike = async () => {
      calls += 1;
      const status = calls === 1 ? 429 : 200;
      return new Response(
        JSON.stringify(
          status === 429
            ? { errors: [{ code: '10011', title: 'Too many requests' }] }
            : { data: { balance: '1.00' } },
        ),
        {
          status,
          headers: { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '0' } : {}) },
        },
      );
    };
    const verify = credentialVerifier(config, silentLogger(), limited);
    expect(await verify({ provider: 'telnyx', apiKey: 'KEY-old' })).toMatchObject({ ok: true });
    expect(calls).toBe(2);

    const always: FetchLike = async () =>
      new Response('{}', {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
      });
    const stormy = credentialVerifier(config, silentLogger(), always);
    await expect(stormy({ provider: 'telnyx', apiKey: 'KEY-old' })).rejects.toThrow();
  });
});
