import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderError } from '../../../src/providers/http/index.js';
import {
  A,
  ACCOUNT_SID,
  API_ORIGIN,
  AUTH_TOKEN,
  basic,
  page,
  sid,
  twilioUnderNock,
} from './support/twilio-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const NEW_TOKEN = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const KEY_SECRET = 'Zx9KeySecretShownOnce0123456789ab';
const PASSWORD = 'NewSipPassw0rdForDesk1';

/** Every way a credential could show up in a log line. */
function leaks(logs: string[]): string[] {
  const text = logs.join('');
  return [AUTH_TOKEN, NEW_TOKEN, KEY_SECRET, PASSWORD, basic().slice(6), basic(NEW_TOKEN).slice(6)].filter(
    (s) => text.includes(s),
  );
}

describe('secrets in Twilio answers', () => {
  it('when accounts come back with their auth_token, then no parsed account holds it', async () => {
    const { client, api, logs } = twilioUnderNock();
    const sub = {
      sid: sid('AC', 2),
      friendly_name: 'Ops',
      status: 'active',
      auth_token: 'sub-token-0123456789abcdef',
    };
    api.get(`${A}.json`).reply(200, { sid: ACCOUNT_SID, status: 'active', auth_token: AUTH_TOKEN });
    api
      .get('/2010-04-01/Accounts.json')
      .query({ PageSize: '1000' })
      .reply(200, page('accounts', [sub], null));

    const main = await client.accounts.fetch();
    const subs = (await client.accounts.listSubaccounts()).items;

    expect(main).not.toHaveProperty('auth_token');
    expect(JSON.stringify([main, subs])).not.toContain('sub-token');
    expect(JSON.stringify(main)).not.toContain(AUTH_TOKEN);
    expect(leaks(logs)).toEqual([]);
  });

  it('when a key is created, then its secret is returned to the caller once and never logged', async () => {
    const { client, api, logs } = twilioUnderNock();
    api
      .post(`${A}/Keys.json`, 'FriendlyName=Reclaim+replacement')
      .reply(201, { sid: sid('SK', 1), friendly_name: 'Reclaim replacement', secret: KEY_SECRET });

    const made = await client.keys.create('Reclaim replacement');

    expect(made).toEqual({
      key: {
        sid: sid('SK', 1),
        friendly_name: 'Reclaim replacement',
        date_created: null,
        date_updated: null,
      },
      secret: KEY_SECRET,
    });
    expect(leaks(logs)).toEqual([]);
  });

  it('when Twilio refuses a SIP password and quotes it, then the error carries it redacted and no log has it', async () => {
    const { client, api, logs } = twilioUnderNock();
    const path = `${A}/SIP/CredentialLists/${sid('CL', 1)}/Credentials/${sid('CR', 2)}.json`;
    api.post(path).reply(400, { code: 20001, message: `Password ${PASSWORD} is not valid`, status: 400 });

    const err = await client.sipCredentials
      .updatePassword(sid('CL', 1), sid('CR', 2), PASSWORD)
      .catch((e: unknown) => e);

    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).message).toBe(
      'Twilio refused to update SIP credential password (400 20001: Password [redacted] is not valid).',
    );
    expect(JSON.stringify((err as ProviderError).details)).not.toContain(PASSWORD);
    expect(leaks(logs)).toEqual([]);
  });

  it('when the Auth Token is rotated, then the new token comes back once and later requests authenticate with it', async () => {
    const { client, accounts, logs } = twilioUnderNock();
    accounts
      .delete('/v1/AuthTokens/Secondary')
      .reply(404, { code: 20404, message: 'Not Found', status: 404 });
    accounts
      .post('/v1/AuthTokens/Secondary', (body) => body === '' || body === undefined)
      .reply(201, { account_sid: ACCOUNT_SID, secondary_auth_token: NEW_TOKEN });
    accounts.post('/v1/AuthTokens/Promote').reply(200, { account_sid: ACCOUNT_SID, auth_token: NEW_TOKEN });
    const after = nock(API_ORIGIN, { reqheaders: { authorization: basic(NEW_TOKEN) } })
      .get(`${A}.json`)
      .reply(200, { sid: ACCOUNT_SID, status: 'active' });

    await expect(client.authTokens.deleteSecondary()).rejects.toMatchObject({ code: 'provider_not_found' });
    const secondary = await client.authTokens.createSecondary();
    const promoted = await client.authTokens.promote();
    client.useAuthToken(promoted ?? secondary);
    await client.accounts.fetch();

    expect([secondary, promoted]).toEqual([NEW_TOKEN, NEW_TOKEN]);
    expect(accounts.isDone()).toBe(true);
    expect(after.isDone()).toBe(true);
    expect(leaks(logs)).toEqual([]);
  });

  it('when the accounts host is called, then it is accounts.twilio.com with the same HTTP Basic credentials', async () => {
    const { client, accounts } = twilioUnderNock();
    accounts.delete('/v1/AuthTokens/Secondary').reply(204);
    await client.authTokens.deleteSecondary();
    expect(accounts.isDone()).toBe(true);
  });

  it('when a request was under way with the old token as the token changed, then the 401 is retried once with the new one', async () => {
    const { client, api, logs } = twilioUnderNock();
    api
      .get(`${A}/Keys.json`)
      .query({ PageSize: '1000' })
      .reply(() => {
        client.useAuthToken(NEW_TOKEN);
        return [401, { code: 20003, message: 'Authenticate', status: 401 }];
      });
    const fresh = nock(API_ORIGIN, { reqheaders: { authorization: basic(NEW_TOKEN) } })
      .get(`${A}/Keys.json`)
      .query({ PageSize: '1000' })
      .reply(200, page('keys', [{ sid: sid('SK', 1) }], null));

    expect((await client.keys.list()).items.map((k) => k.sid)).toEqual([sid('SK', 1)]);
    expect(fresh.isDone()).toBe(true);
    expect(client.authTokenChangedAt()).not.toBeNull();
    expect(leaks(logs)).toEqual([]);
  });
});
