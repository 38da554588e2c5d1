import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { A, basic, page, sid, twilioUnderNock } from './support/twilio-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const host = (origin: string) => nock(origin, { reqheaders: { authorization: basic() } });
const meta = (next: string | null) => ({ meta: { next_page_url: next, page: 0, page_size: 1000, key: 'x' } });

describe('the Twilio client for trunks, SIP domains, Messaging Services and geo permissions', () => {
  it('when trunks span two v1 pages, then both are read from trunking.twilio.com, the second by its next_page_url query', async () => {
    const { client } = twilioUnderNock();
    const trunking = host('https://trunking.twilio.com')
      .get('/v1/Trunks')
      .query({ PageSize: '1000' })
      .reply(200, {
        trunks: [{ sid: sid('TK', 1) }],
        ...meta('https://trunking.twilio.com/v1/Trunks?PageSize=1000&Page=1&PageToken=PT1'),
      })
      .get('/v1/Trunks')
      .query({ PageSize: '1000', Page: '1', PageToken: 'PT1' })
      .reply(200, {
        trunks: [{ sid: sid('TK', 2), friendly_name: 'b' }, { friendly_name: 'no sid' }],
        ...meta(null),
      });
    const listing = await client.sipTrunking.list();
    expect(listing.items.map((t) => t.sid)).toEqual([sid('TK', 1), sid('TK', 2)]);
    expect(listing.unreadable).toHaveLength(1);
    expect(trunking.isDone()).toBe(true);
  });

  it('when a v1 next_page_url names another listing, then the walk stops with twilio_bad_next_page', async () => {
    const { client } = twilioUnderNock();
    host('https://messaging.twilio.com')
      .get('/v1/Services')
      .query(true)
      .reply(200, {
        services: [{ sid: sid('MG', 1) }],
        ...meta('https://messaging.twilio.com/v1/Other?Page=1'),
      });
    await expect(client.messagingServices.list()).rejects.toMatchObject({ code: 'twilio_bad_next_page' });
  });

  it('when a trunk member is removed, then the DELETE names the trunk, the collection and the member, and a SID of the wrong kind is refused unsent', async () => {
    const { client } = twilioUnderNock();
    const scope = host('https://trunking.twilio.com')
      .delete(`/v1/Trunks/${sid('TK', 1)}/OriginationUrls/${sid('OU', 2)}`)
      .reply(204);
    await client.sipTrunking.deleteMember(sid('TK', 1), 'OriginationUrls', sid('OU', 2));
    expect(scope.isDone()).toBe(true);
    await expect(
      client.sipTrunking.deleteMember(sid('TK', 1), 'CredentialLists', sid('AL', 2)),
    ).rejects.toMatchObject({
      code: 'twilio_invalid_sid',
    });
  });

  it('when a SIP domain’s URLs are cleared, then only the URL fields go, empty, and its Auth mappings list under contents', async () => {
    const { client, api } = twilioUnderNock();
    const domain = sid('SD', 1);
    api
      .post(`${A}/SIP/Domains/${domain}.json`, (body) => {
        expect(body).toEqual({ VoiceUrl: '', VoiceStatusCallbackUrl: '' });
        return true;
      })
      .reply(200, { sid: domain, voice_url: null })
      .get(`${A}/SIP/Domains/${domain}/Auth/Calls/IpAccessControlListMappings.json`)
      .query({ PageSize: '1000' })
      .reply(200, page('contents', [{ sid: sid('AL', 3), friendly_name: 'Office PBX' }], null))
      .delete(`${A}/SIP/Domains/${domain}/Auth/Calls/IpAccessControlListMappings/${sid('AL', 3)}.json`)
      .reply(204);
    const urls = { VoiceUrl: null, VoiceStatusCallbackUrl: null, SmsUrl: null } as Record<string, null>;
    expect((await client.sipDomains.updateUrls(domain, urls)).voice_url).toBeNull();
    const mappings = await client.sipDomains.mappings(domain, 'Auth/Calls/IpAccessControlListMappings');
    expect(mappings.items.map((m) => m.sid)).toEqual([sid('AL', 3)]);
    await client.sipDomains.deleteMapping(domain, 'Auth/Calls/IpAccessControlListMappings', sid('AL', 3));
    expect(api.isDone()).toBe(true);
  });

  it('when a country is closed, then voice.twilio.com gets one BulkCountryUpdates with the JSON the spec describes, and accounts.twilio.com a PATCH of one permission', async () => {
    const { client, accounts } = twilioUnderNock();
    const voice = host('https://voice.twilio.com')
      .post('/v1/DialingPermissions/BulkCountryUpdates', (body) => {
        expect(JSON.parse(body.UpdateRequest)).toEqual([
          {
            iso_code: 'LV',
            low_risk_numbers_enabled: 'true',
            high_risk_special_numbers_enabled: 'false',
            high_risk_tollfraud_numbers_enabled: 'false',
          },
        ]);
        return true;
      })
      .reply(201, { update_count: 1, update_request: '[]' });
    accounts
      .patch('/v1/Messaging/GeoPermissions', (body) => {
        expect(JSON.parse(body.Permissions)).toEqual({ country_code: 'PK', type: 'country', enabled: false });
        return true;
      })
      .reply(200, {
        permissions: [
          { country_code: 'PK', type: 'country', enabled: false, error_code: 0, error_messages: [] },
        ],
      });
    const n = await client.geoPermissions.updateDialingCountries([
      {
        iso_code: 'LV',
        low_risk_numbers_enabled: true,
        high_risk_special_numbers_enabled: false,
        high_risk_tollfraud_numbers_enabled: false,
      },
    ]);
    expect(n).toBe(1);
    const answer = await client.geoPermissions.updateMessaging('PK', false);
    expect(answer.items).toEqual([
      { country_code: 'PK', enabled: false, prefix: null, message: null, error_code: 0, error_messages: [] },
    ]);
    expect(voice.isDone()).toBe(true);
    expect(accounts.isDone()).toBe(true);
  });

  it('when the messaging geo permissions answer has no list, then the listing is empty, not an error', async () => {
    const { client, accounts } = twilioUnderNock();
    accounts.get('/v1/Messaging/GeoPermissions').reply(200, { permissions: null });
    expect(await client.geoPermissions.messaging()).toEqual({ items: [], unreadable: [] });
  });
});
