import { describe, expect, it } from 'vitest';
import { findById } from '../../../src/sandbox/telnyx/find-by-id.js';

describe('findById', () => {
  it('when records are added, removed and moved between looks, then each look finds what find would', () => {
    const list = Array.from({ length: 50 }, (_, i) => ({ id: `n${i}`, v: i }));
    expect(findById(list, 'n10')).toBe(list[10]);
    const removed = list.splice(3, 1)[0];
    expect(findById(list, 'n10')).toEqual({ id: 'n10', v: 10 });
    expect(findById(list, removed!.id)).toBeUndefined();
    list.unshift({ id: 'new', v: -1 });
    list.reverse();
    for (const id of ['new', 'n0', 'n10', 'n49', 'nope'])
      expect(findById(list, id)).toBe(list.find((r) => r.id === id));
  });

  it('when a record at a known position is replaced by another, then the look does not return the other', () => {
    const list = [{ id: 'a' }, { id: 'b' }];
    expect(findById(list, 'b')).toBe(list[1]);
    list[1] = { id: 'c' };
    expect(findById(list, 'b')).toBeUndefined();
    expect(findById(list, 'c')).toBe(list[1]);
  });
});
