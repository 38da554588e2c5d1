import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { hasNextPage, listAll, TELNYX_PAGES_IN_FLIGHT } from '../../../src/providers/telnyx/pagination.js';
import { numberVoiceSettingsSchema } from '../../../src/providers/telnyx/schemas/numbers.js';
import { createRecordingHttp } from './support/recording-http.js';
import { page, telnyxUnderNock } from './support/telnyx-nock.js';

function voiceSettings(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: String(from + i),
    phone_number: `+1555${String(from + i).padStart(7, '0')}`,
    connection_id: null,
    call_forwarding: { call_forwarding_enabled: true, forwarding_type: null, forwards_to: null },
  }));
}

afterEach(() => {
  nock.cleanAll();
});

describe('hasNextPage', () => {
  it.each([
    { when: 'page 1 of 3', meta: { page_number: 1, total_pages: 3 }, page: 1, received: 250, next: true },
    { when: 'page 3 of 3', meta: { page_number: 3, total_pages: 3 }, page: 3, received: 10, next: false },
    { when: 'total_pages is 0', meta: { page_number: 1, total_pages: 0 }, page: 1, received: 0, next: false },
    { when: 'meta lacks page_number', meta: { total_pages: 2 }, page: 1, received: 250, next: true },
    { when: 'meta is missing and the page is full', meta: undefined, page: 1, received: 250, next: true },
    { when: 'meta is missing and the page is short', meta: undefined, page: 2, received: 10, next: false },
    { when: 'meta is null and the page is full', meta: null, page: 4, received: 250, next: true },
    {
      when: 'meta promises more but the page is empty',
      meta: { page_number: 2, total_pages: 9 },
      page: 2,
      received: 0,
      next: false,
    },
  ])('when $when, then another page follows: $next', ({ meta, page: current, received, next }) => {
    expect(hasNextPage(meta, current, received, 250)).toBe(next);
  });
});

describe('listAll over HTTP', () => {
  it('when a listing spans 3 pages of 250/250/10, then it reads every page at page[size]=250', async () => {
    const { client, api } = telnyxUnderNock();
    for (const [n, items] of [
      [1, voiceSettings(0, 250)],
      [2, voiceSettings(250, 250)],
      [3, voiceSettings(500, 10)],
    ] as const) {
      api
        .get('/v2/phone_numbers/voice')
        .query({ 'page[number]': String(n), 'page[size]': '250' })
        .reply(200, page(items, n, 3));
    }

    const numbers = (await client.numberVoiceSettings.list()).items;

    expect(numbers).toHaveLength(510);
    expect(new Set(numbers.map((n) => n.id)).size).toBe(510);
    expect(numbers.at(-1)?.id).toBe('509');
    expect(api.isDone()).toBe(true);
  });

  it('when the responses carry no meta, then it stops after the first short page', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/phone_numbers/voice')
      .query({ 'page[number]': '1', 'page[size]': '250' })
      .reply(200, { data: voiceSettings(0, 250) });
    api
      .get('/v2/phone_numbers/voice')
      .query({ 'page[number]': '2', 'page[size]': '250' })
      .reply(200, { data: voiceSettings(250, 7) });

    const numbers = (await client.numberVoiceSettings.list()).items;

    expect(numbers).toHaveLength(257);
    expect(api.isDone()).toBe(true);
  });

  it('when a filter is given, then every page carries it', async () => {
    const { client, api } = telnyxUnderNock();
    const ip = (i: number) => ({
      id: `ip-${i}`,
      connection_id: 'conn-1',
      ip_address: `192.0.2.${i % 250}`,
      port: 5060,
    });
    api
      .get('/v2/ips')
      .query({ 'filter[connection_id]': 'conn-1', 'page[number]': '1', 'page[size]': '250' })
      .reply(
        200,
        page(
          Array.from({ length: 250 }, (_, i) => ip(i)),
          1,
          2,
        ),
      );
    api
      .get('/v2/ips')
      .query({ 'filter[connection_id]': 'conn-1', 'page[number]': '2', 'page[size]': '250' })
      .reply(200, page([ip(250)], 2, 2));

    const ips = (await client.ips.list({ connectionId: 'conn-1' })).items;

    expect(ips).toHaveLength(251);
    expect(api.isDone()).toBe(true);
  });

  it('when the account has none, then one request returns an empty list', async () => {
    const { client, api } = telnyxUnderNock();
    api
      .get('/v2/credential_connections')
      .query({ 'page[number]': '1', 'page[size]': '250' })
      .reply(200, page([], 1, 0));

    expect((await client.credentialConnections.list()).items).toEqual([]);
    expect(api.isDone()).toBe(true);
  });
});

describe('listAll reading announced pages together', () => {
  function slowHttp(totalPages: number, perPage: number) {
    const state = { inFlight: 0, most: 0, requested: [] as number[] };
    const { http } = createRecordingHttp((req) => {
      const n = Number(req.query?.['page[number]']);
      return {
        data: voiceSettings((n - 1) * perPage, perPage),
        meta: { page_number: n, total_pages: totalPages },
      };
    });
    const request = http.request.bind(http);
    http.request = async (req) => {
      state.requested.push(Number(req.query?.['page[number]']));
      state.inFlight += 1;
      state.most = Math.max(state.most, state.inFlight);
      // Later pages answer first: the listing must still come back in page order.
      await new Promise((resolve) =>
        setTimeout(resolve, 5 * (totalPages + 1 - Number(req.query?.['page[number]']))),
      );
      state.inFlight -= 1;
      return request(req);
    };
    return { http, state };
  }

  it('when the first page announces 20 pages, then the rest are read 8 at a time and kept in page order', async () => {
    const { http, state } = slowHttp(20, 3);
    const listing = await listAll(http, {
      path: '/phone_numbers/voice',
      operation: 'list numbers',
      item: numberVoiceSettingsSchema,
    });
    expect(listing.items.map((n) => n.id)).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
    expect(state.most).toBe(TELNYX_PAGES_IN_FLIGHT);
    expect([...state.requested].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('when `keep` is given, then it sees every record in page order as its page can be added, and only what it keeps is held', async () => {
    const { http, state } = slowHttp(20, 3);
    const seen: string[] = [];
    const requestedWhenPage2WasAdded: number[] = [];
    const listing = await listAll(http, {
      path: '/phone_numbers/voice',
      operation: 'list numbers',
      item: numberVoiceSettingsSchema,
      keep: (n) => {
        if (n.id === '3') requestedWhenPage2WasAdded.push(state.requested.length);
        seen.push(n.id);
        return Number(n.id) % 7 === 0;
      },
    });
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => String(i)));
    expect(listing.items.map((n) => n.id)).toEqual(['0', '7', '14', '21', '28', '35', '42', '49', '56']);
    // Page 2 is added once it and page 1 are in, not after all 20 pages were read.
    expect(requestedWhenPage2WasAdded[0]).toBeLessThan(20);
  });

  it('when a page in the middle is empty (the last), then the pages after it are no longer asked for', async () => {
    const requested: number[] = [];
    const { http } = createRecordingHttp((req) => {
      const n = Number(req.query?.['page[number]']);
      return {
        data: n === 5 ? [] : voiceSettings((n - 1) * 3, 3),
        meta: { page_number: n, total_pages: 40 },
      };
    });
    const request = http.request.bind(http);
    http.request = async (req) => {
      requested.push(Number(req.query?.['page[number]']));
      await new Promise((resolve) => setTimeout(resolve, 5));
      return request(req);
    };
    const listing = await listAll(http, {
      path: '/phone_numbers/voice',
      operation: 'list numbers',
      item: numberVoiceSettingsSchema,
    });
    expect(listing.items).toHaveLength(12);
    expect(Math.max(...requested)).toBeLessThan(5 + 2 * TELNYX_PAGES_IN_FLIGHT);
  });

  it('when a bounded look asks for 3 pages of an announced 20, then only 3 are read', async () => {
    const { http, state } = slowHttp(20, 3);
    const listing = await listAll(http, {
      path: '/phone_numbers/voice',
      operation: 'list numbers',
      item: numberVoiceSettingsSchema,
      maxPages: 3,
    });
    expect(listing.items).toHaveLength(9);
    expect(state.requested.sort()).toEqual([1, 2, 3]);
  });
});

describe('listAll safety stop', () => {
  it('when pages never end, then it stops with telnyx_pagination_runaway instead of looping', async () => {
    const { http, requests } = createRecordingHttp(() => ({ data: voiceSettings(0, 1) }));

    await expect(
      listAll(http, {
        path: '/phone_numbers/voice',
        operation: 'list numbers',
        item: numberVoiceSettingsSchema,
        pageSize: 1,
      }),
    ).rejects.toMatchObject({ code: 'telnyx_pagination_runaway' });
    expect(requests.length).toBe(2_000);
  });
});
