import { describe, expect, it } from 'vitest';
import { call, own, seeded } from './sim-kit.js';

describe('Twilio simulator: 2010-04-01 paging', () => {
  it('when no PageSize is given, then a page holds 50 and next_page_uri leads through the rest', async () => {
    const sim = seeded({ numbers: 120 });
    const seen: string[] = [];
    let uri: string | null = own(sim, '/IncomingPhoneNumbers.json');
    let pages = 0;
    while (uri) {
      const res = await call(sim, 'GET', uri.replace(/^\/2010-04-01/, ''));
      expect(res.status).toBe(200);
      expect(res.body.page).toBe(pages);
      seen.push(...res.body.incoming_phone_numbers.map((n: { sid: string }) => n.sid));
      uri = res.body.next_page_uri;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(sim.state.incomingPhoneNumbers.map((n) => n.sid));
  });

  it('when PageSize=1000 covers everything, then there is one page and next_page_uri is null', async () => {
    const sim = seeded({ numbers: 120 });
    const res = await call(sim, 'GET', own(sim, '/IncomingPhoneNumbers.json?PageSize=1000'));
    expect(res.body.incoming_phone_numbers).toHaveLength(120);
    expect(res.body.next_page_uri).toBeNull();
    expect(res.body.page_size).toBe(1000);
  });

  it('when a filter is given, then next_page_uri keeps it', async () => {
    const sim = seeded();
    const res = await call(sim, 'GET', own(sim, '/Usage/Records.json?Category=calls&PageSize=1'));
    expect(res.body.usage_records).toHaveLength(1);
    expect(res.body.next_page_uri).toBeNull();
    const all = await call(sim, 'GET', own(sim, '/Usage/Records.json?PageSize=1'));
    expect(all.body.next_page_uri).toMatch(/\?PageSize=1&Page=1&PageToken=PT1$/);
    const filtered = await call(sim, 'GET', '/Accounts.json?Status=active&PageSize=1');
    expect(filtered.body.next_page_uri).toContain('Status=active');
  });

  it.each([
    { query: 'PageSize=1001', message: /PageSize must be an integer from 1 to 1000/ },
    { query: 'PageSize=0', message: /PageSize/ },
    { query: 'Page=-1', message: /Page must be a non-negative integer/ },
    { query: 'PageToken=bogus', message: /PageToken is not valid/ },
  ])('when $query is asked for, then it answers 400', async ({ query, message }) => {
    const sim = seeded();
    const res = await call(sim, 'GET', own(sim, `/Keys.json?${query}`));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });
});
