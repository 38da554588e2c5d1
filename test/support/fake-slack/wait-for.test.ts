import { describe, expect, it } from 'vitest';
import { WaitForTimeoutError, waitFor } from './wait-for.js';

describe('waitFor', () => {
  it('when the predicate holds on a later poll, then its value comes back', async () => {
    let polls = 0;
    const value = await waitFor(() => {
      polls += 1;
      return polls >= 3 ? { polls } : undefined;
    });
    expect(value).toEqual({ polls: 3 });
  });

  it('when the predicate returns an empty list or throws, then it keeps polling', async () => {
    let polls = 0;
    const value = await waitFor(() => {
      polls += 1;
      if (polls === 1) throw new Error('not yet');
      return polls === 2 ? [] : ['found'];
    });
    expect(value).toEqual(['found']);
  });

  it('when the predicate never holds, then it rejects with the description and the last error', async () => {
    const waiting = waitFor(
      () => {
        throw new Error('card has no Approve button');
      },
      { timeoutMs: 30, description: 'the Approve button' },
    );
    await expect(waiting).rejects.toBeInstanceOf(WaitForTimeoutError);
    await expect(waiting).rejects.toMatchObject({
      code: 'wait_for_timeout',
      message: expect.stringContaining('the Approve button'),
      cause: expect.objectContaining({ message: 'card has no Approve button' }),
    });
  });
});
