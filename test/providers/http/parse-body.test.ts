import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src/providers/http/parse-body.js';

describe('formatPath', () => {
  it.each([
    [[], '(the body)'],
    [['data'], 'data'],
    [['data', 3, 'call_forwarding', 'forwards_to'], 'data[3].call_forwarding.forwards_to'],
    [[0, 'id'], '[0].id'],
    [['meta', 'page', 'total'], 'meta.page.total'],
  ])('when the issue path is %j, then it reads %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
