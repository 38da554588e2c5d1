import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { nextPageRequest, TwilioClientError } from '../../../src/providers/twilio/index.js';
import { A, page, sid, twilioUnderNock } from './support/twilio-nock.js';

afterEach(() => {
  nock.cleanAll();
});

function numbers(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    sid: sid('PN', from + i),
    phone_number: `+1303555${String(from + i).padStart(4, '0')}`,
    voice_url: 'https://hooks.example.com/voice',
  }));
}

describe('nextPageRequest', () => {
  it.each([
    {
      when: 'the URI is a later page of the same listing',
      uri: `${A}/Keys.json?PageSize=1000&Page=1&PageToken=PASK123`,
      expected: { path: `${A}/Keys.json`, query: { PageSize: '1000', Page: '1', PageToken: 'PASK123' } },
    },
    {
      when: 'the URI carries a filter',
      uri: `${A}/Usage/Triggers.json?Recurring=daily&PageSize=1000&Page=2&PageToken=PT2000`,
      expected: {
        path: `${A}/Usage/Triggers.json`,
        query: { Recurring: 'daily', PageSize: '1000', Page: '2', PageToken: 'PT2000' },
      },
    },
  ])('when $when, then it is followed as given', ({ uri, expected }) => {
    const list = expected.path;
    expect(nextPageRequest(uri, list)).toEqual(expected);
  });

  it.each([
    { when: 'it is absolute on another host', uri: `https://evil.example.net${A}/Keys.json?Page=1` },
    { when: 'it is protocol-relative', uri: `//evil.example.net${A}/Keys.json?Page=1` },
    { when: 'it is another listing', uri: `${A}/Applications.json?Page=1` },
  ])('when $when, then it is refused with twilio_bad_next_page', ({ uri }) => {
    expect(() => nextPageRequest(uri, `${A}/Keys.json`)).toThrow(TwilioClientError);
    expect(() => nextPageRequest(uri, `${A}/Keys.json`)).toThrow(/points somewhere else/);
  });
});

describe('listings over HTTP', () => {
  it('when a listing spans 3 pages, then it asks for PageSize=1000 and follows each next_page_uri as given', async () => {
    const { client, api } = twilioUnderNock();
    const path = `${A}/IncomingPhoneNumbers.json`;
    const second = `${path}?PageSize=1000&Page=1&PageToken=PAone`;
    const third = `${path}?PageSize=1000&Page=2&PageToken=PAtwo`;
    api
      .get(path)
      .query({ PageSize: '1000' })
      .reply(200, page('incoming_phone_numbers', numbers(0, 1000), second));
    api
      .get(path)
      .query({ PageSize: '1000', Page: '1', PageToken: 'PAone' })
      .reply(200, page('incoming_phone_numbers', numbers(1000, 1000), third, 1));
    api
      .get(path)
      .query({ PageSize: '1000', Page: '2', PageToken: 'PAtwo' })
      .reply(200, page('incoming_phone_numbers', numbers(2000, 7), null, 2));

    const all = (await client.incomingPhoneNumbers.list()).items;

    expect(all).toHaveLength(2007);
    expect(new Set(all.map((n) => n.sid)).size).toBe(2007);
    expect(all.at(-1)?.sid).toBe(sid('PN', 2006));
    expect(api.isDone()).toBe(true);
  });

  it('when a filter is given, then the first page carries it and later pages use the URI Twilio returned', async () => {
    const { client, api } = twilioUnderNock();
    const path = `${A}/Usage/Triggers.json`;
    const next = `${path}?UsageCategory=totalprice&Recurring=daily&PageSize=1000&Page=1&PageToken=PT1`;
    const trigger = (n: number) => ({ sid: sid('UT', n), usage_category: 'totalprice', recurring: 'daily' });
    api
      .get(path)
      .query({ UsageCategory: 'totalprice', Recurring: 'daily', PageSize: '1000' })
      .reply(200, page('usage_triggers', [trigger(1)], next));
    api
      .get(path)
      .query({
        UsageCategory: 'totalprice',
        Recurring: 'daily',
        PageSize: '1000',
        Page: '1',
        PageToken: 'PT1',
      })
      .reply(200, page('usage_triggers', [trigger(2)], null, 1));

    const triggers = (await client.usage.triggers({ usageCategory: 'totalprice', recurring: 'daily' })).items;

    expect(triggers.map((t) => t.sid)).toEqual([sid('UT', 1), sid('UT', 2)]);
    expect(api.isDone()).toBe(true);
  });

  it('when the account has none, then one request returns an empty list', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(`${A}/Keys.json`)
      .query({ PageSize: '1000' })
      .reply(200, page('keys', [], null));
    expect((await client.keys.list()).items).toEqual([]);
    expect(api.isDone()).toBe(true);
  });

  it('when a page is empty but still names a next page, then the walk stops instead of looping', async () => {
    const { client, api } = twilioUnderNock();
    api
      .get(`${A}/Keys.json`)
      .query({ PageSize: '1000' })
      .reply(200, page('keys', [], `${A}/Keys.json?PageSize=1000&Page=1&PageToken=PAx`));
    expect((await client.keys.list()).items).toEqual([]);
    expect(api.isDone()).toBe(true);
  });

  it('when the listing of accounts includes the main account, then listSubaccounts leaves it out', async () => {
    const { client, api } = twilioUnderNock();
    const account = (s: string) => ({ sid: s, friendly_name: s.slice(0, 6), status: 'active' });
    api
      .get('/2010-04-01/Accounts.json')
      .query({ PageSize: '1000' })
      .reply(200, page('accounts', [account(A.split('/').at(-1) as string), account(sid('AC', 9))], null));
    expect((await client.accounts.listSubaccounts()).items.map((a) => a.sid)).toEqual([sid('AC', 9)]);
  });
});
