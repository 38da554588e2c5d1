import { describe, expect, it } from 'vitest';
import { actionSeed } from '../../src/secrets/action-seed.js';

const KEY = Buffer.alloc(32, 7);
const ACTION = {
  incidentId: '00000000-0000-4000-8000-000000000001',
  actionId: 41,
  planDigest: 'ab'.repeat(32),
};

describe('actionSeed', () => {
  it('when asked twice for the same action, then it gives the same 32 bytes', () => {
    expect(actionSeed(KEY, ACTION)).toHaveLength(32);
    expect(actionSeed(KEY, ACTION).equals(actionSeed(KEY, { ...ACTION }))).toBe(true);
  });

  it.each([
    ['another key', Buffer.alloc(32, 8), ACTION],
    ['another incident', KEY, { ...ACTION, incidentId: '00000000-0000-4000-8000-000000000002' }],
    ['another action row', KEY, { ...ACTION, actionId: 42 }],
    ['another plan', KEY, { ...ACTION, planDigest: 'cd'.repeat(32) }],
  ])('when %s, then the seed differs', (_, key, action) => {
    expect(actionSeed(key, action).equals(actionSeed(KEY, ACTION))).toBe(false);
  });
});
