import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { telnyxUnderNock } from './support/telnyx-nock.js';

const PIN = '73920481';

afterEach(() => {
  nock.cleanAll();
});

describe('Telnyx phone numbers, FQDN connections and billing', () => {
  it('when numbers are listed, then GET /phone_numbers pages at 250 and no parsed number carries its external_pin', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/phone_numbers')
      .query({ 'page[number]': '1', 'page[size]': '250' })
      .reply(200, {
        data: [
          {
            id: 'pn-1',
            phone_number: '+13035550100',
            status: 'active',
            external_pin: PIN,
            country_iso_alpha2: 'US',
          },
          { id: 'pn-2', phone_number: '+13035550101', status: 'port-out-pending', external_pin: null },
        ],
        meta: { page_number: 1, total_pages: 1 },
      });
    const listing = await client.phoneNumbers.list();
    expect(listing.items.map((n) => [n.id, n.status, n.external_pin_set, n.country_iso_alpha2])).toEqual([
      ['pn-1', 'active', true, 'US'],
      ['pn-2', 'port-out-pending', false, null],
    ]);
    expect(JSON.stringify(listing)).not.toContain(PIN);
    expect(api.isDone()).toBe(true);
  });

  it('when a port-out PIN is set, then PATCH /phone_numbers/{id} sends external_pin alone and the answer keeps only that one is set', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .patch('/v2/phone_numbers/pn-1', { external_pin: PIN })
      .reply(200, { data: { id: 'pn-1', phone_number: '+13035550100', external_pin: PIN } });
    const after = await client.phoneNumbers.setExternalPin('pn-1', PIN);
    expect(after).toMatchObject({ id: 'pn-1', external_pin_set: true });
    expect(JSON.stringify(after)).not.toContain(PIN);
    expect(api.isDone()).toBe(true);
  });

  it.each([
    [PIN, true],
    ['11111111', false],
    [null, false],
  ])('when the number holds PIN %s, then pinIs says %s', async (held, same) => {
    const { client, api } = telnyxUnderNock();
    api.get('/v2/phone_numbers/pn-1').reply(200, { data: { id: 'pn-1', external_pin: held } });
    expect(await client.phoneNumbers.pinIs('pn-1', PIN)).toBe(same);
  });

  it('when an FQDN connection is contained, then PATCH /fqdn_connections/{id} sends only active: false', async () => {
    const { client, api } = telnyxUnderNock();
    api.get('/v2/fqdn_connections/fc-1').reply(200, { data: { id: 'fc-1', active: true } });
    api
      .patch('/v2/fqdn_connections/fc-1', { active: false })
      .reply(200, { data: { id: 'fc-1', active: false } });
    expect((await client.fqdnConnections.get('fc-1')).active).toBe(true);
    expect((await client.fqdnConnections.update('fc-1', { active: false })).active).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when the balance is read, then GET /balance answers its decimal strings', async () => {
    const { client, api } = telnyxUnderNock();
    api.get('/v2/balance').reply(200, {
      data: {
        record_type: 'balance',
        balance: '300.00',
        available_credit: '300.00',
        credit_limit: '0.00',
        pending: '1.50',
        currency: 'USD',
      },
    });
    expect(await client.billing.balance()).toEqual({
      balance: '300.00',
      available_credit: '300.00',
      credit_limit: '0.00',
      pending: '1.50',
      currency: 'USD',
    });
  });

  it('when a balance alert is created, then POST /notification_settings sends the condition, profile, channel and parameters', async () => {
    const { client, api } = telnyxUnderNock();
    const create = {
      notification_event_condition_id: 'cond-1',
      notification_profile_id: 'prof-1',
      notification_channel_id: 'chan-1',
      parameters: [{ name: 'amount', value: '250.00' }],
    };
    api
      .post('/v2/notification_settings', create)
      .reply(200, { data: { id: 'set-1', ...create, status: 'enable-received' } });
    expect(await client.billing.createNotificationSetting(create)).toMatchObject({
      id: 'set-1',
      status: 'enable-received',
    });
    expect(api.isDone()).toBe(true);
  });

  it('when notifications are listed and a channel deleted, then each listing pages and DELETE names the channel', async () => {
    const { client, api } = telnyxUnderNock();
    for (const path of ['notification_settings', 'notification_channels', 'notification_event_conditions']) {
      api
        .get(`/v2/${path}`)
        .query({ 'page[number]': '1', 'page[size]': '250' })
        .reply(200, { data: [{ id: `${path}-1` }], meta: { page_number: 1, total_pages: 1 } });
    }
    api
      .delete('/v2/notification_channels/chan-9')
      .reply(200, { data: { id: 'chan-9', channel_type_id: 'email' } });
    expect((await client.billing.notificationSettings()).items[0]?.parameters).toEqual([]);
    expect((await client.billing.notificationChannels()).items[0]?.id).toBe('notification_channels-1');
    expect((await client.billing.notificationConditions()).items[0]?.supported_channels).toEqual([]);
    expect((await client.billing.deleteNotificationChannel('chan-9')).channel_type_id).toBe('email');
    expect(api.isDone()).toBe(true);
  });
});
