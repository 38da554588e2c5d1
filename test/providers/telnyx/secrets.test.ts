import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { page, telnyxUnderNock } from './support/telnyx-nock.js';

const SECRET = 'S3cr3t-value-from-telnyx';

afterEach(() => {
  nock.cleanAll();
});

const LIST = { 'page[number]': '1', 'page[size]': '250' };

describe('secrets in Telnyx responses', () => {
  it('when credential connections come back with their password, then the parsed list has no password', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/credential_connections')
      .query(LIST)
      .reply(
        200,
        page(
          [
            {
              id: 'cc-1',
              connection_name: 'office',
              active: true,
              user_name: 'office01',
              password: SECRET,
              outbound: { outbound_voice_profile_id: 'ovp-1' },
            },
          ],
          1,
          1,
        ),
      );

    const [conn] = (await client.credentialConnections.list()).items;

    expect(conn).toMatchObject({
      id: 'cc-1',
      user_name: 'office01',
      outbound: { outbound_voice_profile_id: 'ovp-1' },
    });
    expect(conn).not.toHaveProperty('password');
    expect(JSON.stringify(conn)).not.toContain(SECRET);
  });

  it('when an IP connection carries an outbound token, then the token is dropped', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/ip_connections/ipc-1')
      .reply(200, { data: { id: 'ipc-1', active: true, outbound: { ip_authentication_token: SECRET } } });

    const conn = await client.ipConnections.get('ipc-1');

    expect(conn.outbound).toEqual({ outbound_voice_profile_id: null });
    expect(JSON.stringify(conn)).not.toContain(SECRET);
  });

  it('when messaging profiles carry v1_secret, then the parsed list has none', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/messaging_profiles')
      .query(LIST)
      .reply(200, page([{ id: 'mp-1', name: 'main', enabled: true, v1_secret: SECRET }], 1, 1));

    const [profile] = (await client.messagingProfiles.list()).items;

    expect(profile).toMatchObject({ id: 'mp-1', whitelisted_destinations: [] });
    expect(JSON.stringify(profile)).not.toContain(SECRET);
  });

  it('when the secret is regenerated, then the caller learns it rotated but never sees it', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .post(
        '/v2/messaging_profiles/mp-1/actions/regenerate_secret',
        (body) => body === '' || body === undefined,
      )
      .reply(200, { data: { id: 'mp-1', name: 'main', enabled: true, v1_secret: SECRET } });

    const rotation = await client.messagingProfiles.regenerateSecret('mp-1');

    expect(rotation.secretRotated).toBe(true);
    expect(rotation.profile.id).toBe('mp-1');
    expect(JSON.stringify(rotation)).not.toContain(SECRET);
    expect(api.isDone()).toBe(true);
  });

  it('when the regenerate response has no secret, then secretRotated is false', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .post('/v2/messaging_profiles/mp-1/actions/regenerate_secret')
      .reply(200, { data: { id: 'mp-1', name: 'main', enabled: true } });

    expect((await client.messagingProfiles.regenerateSecret('mp-1')).secretRotated).toBe(false);
  });

  // `phoneNumbers.list` (`GET /phone_numbers`, the one read of `external_pin`) was dead code and is gone.
  it('when telephony credentials carry sip_password, then it is dropped', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/telephony_credentials')
      .query({ ...LIST, 'filter[resource_id]': 'connection:cc-1' })
      .reply(200, page([{ id: 'tc-1', sip_username: 'gen1', sip_password: SECRET }], 1, 1));

    const creds = (await client.telephonyCredentials.list({ resourceId: 'connection:cc-1' })).items;

    expect(creds[0]?.sip_username).toBe('gen1');
    expect(JSON.stringify(creds)).not.toContain(SECRET);
  });

  it('when an audit entry records a password change, then its old and new values are redacted', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/audit_events')
      // The audit log is read at the spec's example page size (10): the spec names no maximum.
      .query({
        ...LIST,
        'page[size]': '10',
        sort: 'desc',
        'filter[created_after]': '2026-07-01T00:00:00.000Z',
      })
      .reply(
        200,
        page(
          [
            {
              id: 'ae-1',
              change_type: 'update',
              resource_id: 'cc-1',
              changes: [
                { field: 'password', from: SECRET, to: `${SECRET}-2` },
                { field: 'call_forwarding.forwards_to', from: null, to: '+882100000' },
              ],
            },
          ],
          1,
          1,
        ),
      );

    const [event] = (await client.auditEvents.list({ createdAfter: new Date('2026-07-01T00:00:00Z') })).items;

    expect(event?.changes).toEqual([
      { field: 'password', from: '[redacted]', to: '[redacted]' },
      { field: 'call_forwarding.forwards_to', from: null, to: '+882100000' },
    ]);
    expect(JSON.stringify(event)).not.toContain(SECRET);
  });
});
