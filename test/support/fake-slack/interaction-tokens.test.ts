import { describe, expect, it } from 'vitest';
import { RESPONSE_URL_TTL_MS, ResponseUrlBook, TRIGGER_TTL_MS, TriggerBook } from './interaction-tokens.js';
import { manualClock } from './manual-clock.js';
import { SlackApiError } from './slack-api-error.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof SlackApiError) return err.code;
    throw err;
  }
  return 'ok';
};

describe('TriggerBook', () => {
  it.each([
    ['used within 3 s', TRIGGER_TTL_MS, 'ok'],
    ['used after 3 s', TRIGGER_TTL_MS + 1, 'expired_trigger_id'],
  ])('when a trigger is %s, then views.open gets %s', (_what, after, expected) => {
    const c = manualClock();
    const book = new TriggerBook(c.now);
    const id = book.issue('UALICE');
    c.advance(after);
    expect(codeOf(() => book.exchange(id))).toBe(expected);
  });

  it('when a trigger is used twice or never issued, then Slack’s errors come back', () => {
    const book = new TriggerBook(manualClock().now);
    const id = book.issue('UALICE');
    expect(book.exchange(id)).toBe('UALICE');
    expect(codeOf(() => book.exchange(id))).toBe('exchanged_trigger_id');
    expect(codeOf(() => book.exchange('nope'))).toBe('invalid_trigger_id');
    expect(codeOf(() => book.exchange(undefined))).toBe('invalid_trigger_id');
  });
});

describe('ResponseUrlBook', () => {
  it('when a response_url is older than 30 minutes, then it is expired_url; an unknown one is no_such_url', () => {
    const c = manualClock();
    const book = new ResponseUrlBook(c.now);
    const target = book.issue({ channel: 'C1', user: 'UALICE' });
    expect(book.use(target.id)).toBe(target);
    c.advance(RESPONSE_URL_TTL_MS + 1);
    expect(book.use(target.id)).toBe('expired_url');
    expect(book.use('nope')).toBe('no_such_url');
  });
});
