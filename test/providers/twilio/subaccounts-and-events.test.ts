import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/providers/http/types.js';
import { createTwilioClient, type TwilioCredentials } from '../../../src/providers/twilio/index.js';
import { KITCHEN_SINK } from './support/kitchen-sink.js';
import { recordingConnect } from './support/recording-transport.js';
import { ACCOUNT_SID, AUTH_TOKEN, sid } from './support/twilio-nock.js';

const SUB = sid('AC', 8);
const PN = sid('PN', 5);

/** A one-record page for listings (the 2010 way and the v1 way), an object otherwise, nothing for a delete. */
function respond(_host: string, req: HttpRequest<unknown>): unknown {
  if (req.method === 'DELETE') return undefined;
  if (req.path.endsWith('OutgoingCallerIds.json'))
    return { outgoing_caller_ids: [KITCHEN_SINK], next_page_uri: null };
  if (req.path === '/v1/Events') return { events: [KITCHEN_SINK], meta: { next_page_url: null } };
  if (req.path === '/v1/Keys')
    return { keys: [{ ...KITCHEN_SINK, flags: [] }], meta: { next_page_url: null } };
  if (req.path.endsWith('Keys.json')) return { keys: [KITCHEN_SINK], next_page_uri: null };
  if (req.path.endsWith('Applications.json')) return { applications: [KITCHEN_SINK], next_page_uri: null };
  return KITCHEN_SINK;
}

function recorded() {
  const { connect, requests } = recordingConnect(respond);
  const credentials: TwilioCredentials[] = [];
  const client = createTwilioClient({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    connect: (c) => {
      credentials.push(c);
      return connect(c);
    },
  });
  return { client, requests, credentials };
}

describe('a subaccount through the parent’s client', () => {
  it('when a subaccount’s resources are read and changed, then every path names the subaccount, with the parent’s credentials', async () => {
    const { client, requests, credentials } = recorded();
    const sub = client.subaccount(SUB);
    expect(sub.accountSid).toBe(SUB);
    await sub.keys.list();
    await sub.iamKeys.list();
    await sub.incomingPhoneNumbers.fetch(PN);
    await sub.applications.list();
    await sub.outgoingCallerIds.delete(PN);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /2010-04-01/Accounts/${SUB}/Keys.json`,
      'GET /v1/Keys',
      `GET /2010-04-01/Accounts/${SUB}/IncomingPhoneNumbers/${PN}.json`,
      `GET /2010-04-01/Accounts/${SUB}/Applications.json`,
      `DELETE /2010-04-01/Accounts/${SUB}/OutgoingCallerIds/${PN}.json`,
    ]);
    expect(requests[1]?.query.AccountSid).toBe(SUB);
    // One transport, the parent's: addressing a subaccount needs no other credentials.
    expect(credentials).toEqual([{ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }]);
  });

  it('when a subaccount’s token is read, then it comes from its account record and only from authTokenOf', async () => {
    const { client, requests } = recorded();
    expect(await client.accounts.authTokenOf(SUB)).toBe(KITCHEN_SINK.auth_token);
    expect(JSON.stringify(await client.accounts.fetch(SUB))).not.toContain(KITCHEN_SINK.auth_token);
    expect(requests[0]).toMatchObject({ method: 'GET', path: `/2010-04-01/Accounts/${SUB}.json` });
  });

  it('when Auth Tokens are rotated as a subaccount, then accounts v1 is called with the subaccount’s own SID and token', async () => {
    const { client, requests, credentials } = recorded();
    const tokens = client.authTokensAs({ accountSid: SUB, authToken: 'sub-token-0000000000000000000000' });
    await tokens.deleteSecondary();
    expect(await tokens.createSecondary()).toBe(KITCHEN_SINK.secondary_auth_token);
    await tokens.promote();
    expect(credentials.at(-1)).toEqual({ accountSid: SUB, authToken: 'sub-token-0000000000000000000000' });
    expect(requests.map((r) => `${r.host} ${r.method} ${r.path}`)).toEqual([
      'https://accounts.twilio.com DELETE /v1/AuthTokens/Secondary',
      'https://accounts.twilio.com POST /v1/AuthTokens/Secondary',
      'https://accounts.twilio.com POST /v1/AuthTokens/Promote',
    ]);
    // The parent's own token is untouched.
    expect(client.authTokenChangedAt()).toBeNull();
  });

  it('when a SID is not an account’s, then nothing is sent', async () => {
    const { client, requests } = recorded();
    expect(() => client.subaccount('AC../../Accounts')).toThrow(/not a SID/);
    expect(() => client.authTokensAs({ accountSid: PN, authToken: 'x' })).toThrow(/not a SID/);
    await expect(client.outgoingCallerIds.delete(SUB)).rejects.toMatchObject({ code: 'twilio_invalid_sid' });
    expect(requests).toEqual([]);
  });
});

describe('Monitor events and caller IDs', () => {
  it('when the events of a window are listed, then monitor v1 is asked for exactly that window, and event_data is dropped', async () => {
    const { client, requests } = recorded();
    const start = new Date('2026-02-26T00:00:00Z');
    const end = new Date('2026-03-01T12:00:00Z');
    const { items } = await client.monitorEvents.list({ start, end });
    expect(requests[0]).toMatchObject({
      host: 'https://monitor.twilio.com',
      path: '/v1/Events',
      query: { StartDate: '2026-02-26T00:00:00.000Z', EndDate: '2026-03-01T12:00:00.000Z', PageSize: '1000' },
    });
    expect(items[0]).toMatchObject({ event_type: 'api-key.created', source_ip_address: '192.0.2.66' });
    expect(items[0]).not.toHaveProperty('event_data');
  });

  it('when caller IDs are listed, then the main account’s are read from its OutgoingCallerIds', async () => {
    const { client, requests } = recorded();
    const { items } = await client.outgoingCallerIds.list();
    expect(items[0]).toEqual({
      sid: KITCHEN_SINK.sid,
      phone_number: KITCHEN_SINK.phone_number,
      friendly_name: KITCHEN_SINK.friendly_name,
      date_created: KITCHEN_SINK.date_created,
      date_updated: KITCHEN_SINK.date_updated,
    });
    expect(requests[0]?.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}/OutgoingCallerIds.json`);
  });
});
