import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessagingProfilePatch } from '../../../src/providers/telnyx/messaging.js';
import { TELNYX_TEST_TOKEN, telnyxUnderNock } from './support/telnyx-nock.js';

const NEW_PASSWORD = 'generated-by-the-playbook-Zq81';

afterEach(() => {
  nock.cleanAll();
});

describe('Telnyx writes', () => {
  it('when a credential connection is rotated, then PATCH sends user_name and password and returns the stored object without it', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .patch('/v2/credential_connections/cc-1', { user_name: 'reclaim7k2x', password: NEW_PASSWORD })
      .reply(200, {
        data: {
          id: 'cc-1',
          connection_name: 'office',
          active: true,
          user_name: 'reclaim7k2x',
          password: NEW_PASSWORD,
        },
      });

    const conn = await client.credentialConnections.update('cc-1', {
      user_name: 'reclaim7k2x',
      password: NEW_PASSWORD,
    });

    expect(conn).toMatchObject({ id: 'cc-1', user_name: 'reclaim7k2x', active: true });
    expect(JSON.stringify(conn)).not.toContain(NEW_PASSWORD);
    expect(api.isDone()).toBe(true);
  });

  it('when an IP connection is contained, then PATCH sends only active: false', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .patch('/v2/ip_connections/ipc-1', { active: false })
      .reply(200, { data: { id: 'ipc-1', active: false } });

    expect((await client.ipConnections.update('ipc-1', { active: false })).active).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when forwarding is turned off, then PATCH /phone_numbers/{id}/voice sends call_forwarding_enabled: false', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .patch('/v2/phone_numbers/pn-1/voice', { call_forwarding: { call_forwarding_enabled: false } })
      .reply(200, {
        data: {
          id: 'pn-1',
          phone_number: '+15555550100',
          call_forwarding: {
            call_forwarding_enabled: false,
            forwarding_type: 'always',
            forwards_to: '+882100000',
          },
        },
      });

    const settings = await client.numberVoiceSettings.update('pn-1', {
      call_forwarding: { call_forwarding_enabled: false },
    });

    expect(settings.call_forwarding.call_forwarding_enabled).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when a Call Control app is deactivated, then PATCH resends the required name and webhook with active: false', async () => {
    const { client, api } = telnyxUnderNock();
    const body = { application_name: 'ivr', webhook_event_url: 'https://evil.example/hook', active: false };
    api.patch('/v2/call_control_applications/app-1', body).reply(200, { data: { id: 'app-1', ...body } });

    expect((await client.callControlApplications.update('app-1', body)).active).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when a TeXML app is deactivated, then PATCH resends the required friendly_name and voice_url', async () => {
    const { client, api } = telnyxUnderNock();
    const body = { friendly_name: 'texml', voice_url: 'https://evil.example/voice', active: false };
    api.patch('/v2/texml_applications/tx-1', body).reply(200, { data: { id: 'tx-1', ...body } });

    expect((await client.texmlApplications.update('tx-1', body)).active).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when spend limits are set, then PATCH /outbound_voice_profiles/{id} sends the name with the limits', async () => {
    const { client, api } = telnyxUnderNock();
    const body = {
      name: 'main',
      daily_spend_limit: '50.00',
      daily_spend_limit_enabled: true,
      max_destination_rate: 0.05,
    };
    api
      .patch('/v2/outbound_voice_profiles/ovp-1', body)
      .reply(200, { data: { id: 'ovp-1', enabled: true, concurrent_call_limit: null, ...body } });

    const profile = await client.outboundVoiceProfiles.update('ovp-1', body);

    expect(profile).toMatchObject({
      daily_spend_limit: '50.00',
      max_destination_rate: 0.05,
      concurrent_call_limit: null,
    });
    expect(api.isDone()).toBe(true);
  });

  it('when a messaging profile patch carries an unlisted key, then only the listed keys are sent', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .patch('/v2/messaging_profiles/mp-1', { daily_spend_limit: '20.00', daily_spend_limit_enabled: true })
      .reply(200, {
        data: { id: 'mp-1', enabled: true, daily_spend_limit: '20.00', daily_spend_limit_enabled: true },
      });
    const patch = { daily_spend_limit: '20.00', daily_spend_limit_enabled: true, v1_secret: 'chosen' };

    const profile = await client.messagingProfiles.update('mp-1', patch as MessagingProfilePatch);

    expect(profile.daily_spend_limit).toBe('20.00');
    expect(api.isDone()).toBe(true);
  });

  it('when an unknown IP is removed, then DELETE returns the deleted IP', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .delete('/v2/ips/ip-1')
      .reply(200, { data: { id: 'ip-1', connection_id: 'ipc-1', ip_address: '203.0.113.9' } });

    expect(await client.ips.delete('ip-1')).toMatchObject({
      id: 'ip-1',
      ip_address: '203.0.113.9',
      port: null,
    });
    expect(api.isDone()).toBe(true);
  });

  it('when an id holds a slash, then it is percent-encoded into one path segment', async () => {
    const { client, api } = telnyxUnderNock();
    api.delete('/v2/fqdns/a%2Fb').reply(200, { data: { id: 'a/b', fqdn: 'sip.example.com' } });

    expect((await client.fqdns.delete('a/b')).fqdn).toBe('sip.example.com');
    expect(api.isDone()).toBe(true);
  });

  it.each([
    { what: 'an empty id', id: '' },
    { what: 'a blank id', id: '  ' },
  ])('when a write is given $what, then it is refused before any request', async ({ id }) => {
    const { client } = telnyxUnderNock();

    await expect(client.credentialConnections.update(id, { active: false })).rejects.toMatchObject({
      code: 'telnyx_invalid_id',
    });
  });

  it('when Telnyx refuses a rotation and echoes the password, then neither the error nor any log line holds it', async () => {
    const { client, api, logs } = telnyxUnderNock();
    api.patch('/v2/credential_connections/cc-1').reply(422, {
      errors: [
        {
          code: '10015',
          title: 'Invalid value',
          detail: `password ${NEW_PASSWORD} is too weak`,
          source: { pointer: '/password' },
        },
      ],
    });

    const error = await client.credentialConnections
      .update('cc-1', { user_name: 'reclaim7k2x', password: NEW_PASSWORD })
      .catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 422, providerCode: '10015' });
    expect(String((error as Error).message)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(error)).not.toContain(NEW_PASSWORD);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('')).not.toContain(NEW_PASSWORD);
    expect(logs.join('')).not.toContain(TELNYX_TEST_TOKEN);
  });

  it('when a response has the wrong type for a field the client relies on, then parsing fails naming it', async () => {
    const { client, api } = telnyxUnderNock();
    api.get('/v2/credential_connections/cc-1').reply(200, { data: { id: 'cc-1', active: 'yes' } });

    await expect(client.credentialConnections.get('cc-1')).rejects.toThrow(/active/);
  });
});
