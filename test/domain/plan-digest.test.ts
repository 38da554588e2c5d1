import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN_DIGEST, planDigest, shortDigest } from '../../src/domain/plan-digest.js';
import type { PlannedAction } from '../../src/domain/types.js';

const disable: PlannedAction = {
  kind: 'disable_forwarding',
  target: '+15550100',
  params: { forwardTo: '+88216555501', mode: 'always', nested: { a: 1, b: [1, 2] } },
  description: 'Disable forwarding on +1 555 0100',
};
const rotate: PlannedAction = {
  kind: 'rotate_credential',
  target: 'conn-1',
  params: { username: 'sip-user' },
  description: 'Rotate the SIP password of connection conn-1',
};

describe('planDigest', () => {
  it('when the same actions are written with keys in another order, then the digest is the same', () => {
    const reordered: PlannedAction = {
      description: disable.description,
      params: { nested: { b: [1, 2], a: 1 }, mode: 'always', forwardTo: '+88216555501' },
      target: disable.target,
      kind: disable.kind,
    };
    expect(planDigest([reordered, rotate])).toBe(planDigest([disable, rotate]));
  });

  it('when the actions come in another order, then the digest differs', () => {
    expect(planDigest([rotate, disable])).not.toBe(planDigest([disable, rotate]));
  });

  it.each([
    ['a param value', { ...disable, params: { ...disable.params, mode: 'busy' } }],
    ['a nested param', { ...disable, params: { ...disable.params, nested: { a: 1, b: [2, 1] } } }],
    ['the target', { ...disable, target: '+15550101' }],
    ['the kind', { ...disable, kind: 'delete_forwarding' }],
    ['the description', { ...disable, description: 'Disable forwarding on +1 555 0101' }],
  ])('when %s changes, then the digest differs', (_what, changed) => {
    expect(planDigest([changed, rotate])).not.toBe(planDigest([disable, rotate]));
  });

  it('when an action carries fields beyond the four that are shown, then they do not change the digest', () => {
    const withRow = { ...disable, id: 7, state: 'done' } as PlannedAction;
    expect(planDigest([withRow])).toBe(planDigest([disable]));
  });

  it('when the plan is empty, then its digest is the stable hex SHA-256 of "[]"', () => {
    expect(planDigest([])).toBe(EMPTY_PLAN_DIGEST);
    expect(EMPTY_PLAN_DIGEST).toBe('4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945');
  });

  it('when a digest is computed, then it is 64 lowercase hex characters and its short form the first 8', () => {
    const digest = planDigest([disable]);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(shortDigest(digest)).toBe(digest.slice(0, 8));
    expect(shortDigest(digest)).toHaveLength(8);
  });
});
