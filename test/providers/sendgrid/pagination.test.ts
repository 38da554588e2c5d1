import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { listByOffset, windowQuery } from '../../../src/providers/sendgrid/index.js';
import { resultList } from '../../../src/providers/sendgrid/schemas/common.js';
import { teammateSchema } from '../../../src/providers/sendgrid/schemas/teammates.js';
import { createRecordingHttp } from '../telnyx/support/recording-http.js';
import { sendgridUnderNock } from './support/sendgrid-nock.js';

afterEach(() => {
  nock.cleanAll();
});

const teammates = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ username: `user${from + i}`, email: `u${from + i}@example.com` }));
const subusers = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: from + i,
    username: `sub${from + i}`,
    email: 's@example.com',
    disabled: false,
  }));

function messages(n: number, at: (i: number) => string, prefix = 'm') {
  return Array.from({ length: n }, (_, i) => ({
    msg_id: `${prefix}${i}`,
    from_email: 'noreply@example.com',
    subject: 'Hello',
    to_email: 'x@example.org',
    status: 'delivered',
    last_event_time: at(i),
  }));
}

describe('limit/offset listings', () => {
  it('when teammates span 500/500/3, then it reads offsets 0, 500 and 1000 at limit=500', async () => {
    const { client, api } = sendgridUnderNock();
    for (const [offset, n] of [
      [0, 500],
      [500, 500],
      [1000, 3],
    ] as const) {
      api
        .get('/v3/teammates')
        .query({ limit: '500', offset: String(offset) })
        .reply(200, { result: teammates(offset, n) });
    }
    const all = (await client.teammates.list()).items;
    expect(all).toHaveLength(1003);
    expect(new Set(all.map((t) => t.username)).size).toBe(1003);
    expect(api.isDone()).toBe(true);
  });

  it('when subusers fill exactly one page, then an empty second page ends the listing', async () => {
    const { client, api } = sendgridUnderNock();
    api.get('/v3/subusers').query({ limit: '100', offset: '0' }).reply(200, subusers(0, 100));
    api.get('/v3/subusers').query({ limit: '100', offset: '100' }).reply(200, []);
    expect((await client.subusers.list()).items).toHaveLength(100);
    expect(api.isDone()).toBe(true);
  });

  it('when a username filter is given, then every page carries it', async () => {
    const { client, api } = sendgridUnderNock();
    api.get('/v3/subusers').query({ username: 'sub7', limit: '100', offset: '0' }).reply(200, subusers(7, 1));
    expect((await client.subusers.list({ username: 'sub7' })).items[0]?.username).toBe('sub7');
    expect(api.isDone()).toBe(true);
  });

  it('when ?username= answers with several subusers, then find returns the one named exactly, not the first', async () => {
    const { client, api } = sendgridUnderNock();
    const [prefixed, exact] = [subusers(7, 1)[0], subusers(0, 1)[0]];
    api
      .get('/v3/subusers')
      .query({ username: 'sub0', limit: '100', offset: '0' })
      .reply(200, [{ ...prefixed, username: 'sub0-archive' }, exact]);
    expect((await client.subusers.find('sub0'))?.username).toBe('sub0');
  });

  it('when pages never end, then it stops with sendgrid_pagination_runaway instead of looping', async () => {
    const { http, requests } = createRecordingHttp(() => ({ result: teammates(0, 2) }));
    const run = listByOffset(http, {
      path: '/v3/teammates',
      operation: 'list teammates',
      schema: resultList(teammateSchema),
      items: (p) => ({ items: p.result, unreadable: [] }),
      limit: 2,
    });
    await expect(run).rejects.toMatchObject({ code: 'sendgrid_pagination_runaway' });
    expect(requests).toHaveLength(1_000);
  });
});

describe('the Email Activity window', () => {
  const from = new Date('2026-01-30T12:00:00Z');
  const to = new Date('2026-03-01T12:00:00Z');

  it('when a window holds more than 1000 messages, then each next page ends at the oldest time seen and repeats are kept once', async () => {
    const { client, api } = sendgridUnderNock();
    const first = messages(
      1000,
      (i) => new Date(Date.parse('2026-02-28T00:00:00Z') - i * 60_000).toISOString(),
      'a',
    );
    const oldest = first.at(-1)?.last_event_time ?? '';
    const second = [first.at(-1), ...messages(3, () => '2026-02-01T00:00:00Z', 'b')];
    api
      .get('/v3/messages')
      .query({ query: windowQuery(from, to), limit: '1000' })
      .reply(200, { messages: first });
    api
      .get('/v3/messages')
      .query({ query: windowQuery(from, new Date(oldest)), limit: '1000' })
      .reply(200, { messages: second });
    const window = await client.emailActivity.listWindow(from, to);
    expect(window.complete).toBe(true);
    expect(window.messages).toHaveLength(1003);
    expect(api.isDone()).toBe(true);
  });

  it('when a full page is all one instant, then it stops and says the window is incomplete', async () => {
    const { client, api } = sendgridUnderNock();
    const same = messages(1000, () => to.toISOString());
    api.get('/v3/messages').query(true).reply(200, { messages: same });
    const window = await client.emailActivity.listWindow(from, to);
    expect(window).toMatchObject({ complete: false });
    expect(window.messages).toHaveLength(1000);
  });

  it('when the cap is reached, then the walk stops with complete: false', async () => {
    const { client, api } = sendgridUnderNock();
    const page = messages(1000, (i) => new Date(Date.parse('2026-02-28T00:00:00Z') - i * 1000).toISOString());
    api.get('/v3/messages').query(true).reply(200, { messages: page });
    const window = await client.emailActivity.listWindow(from, to, { maxMessages: 1000 });
    expect(window.complete).toBe(false);
    expect(api.isDone()).toBe(true);
  });

  it('when the window query is written, then it uses the documented BETWEEN TIMESTAMP form', () => {
    expect(windowQuery(from, to)).toBe(
      'last_event_time BETWEEN TIMESTAMP "2026-01-30T12:00:00.000Z" AND TIMESTAMP "2026-03-01T12:00:00.000Z"',
    );
  });
});
