// Unit tests of the step kit every provider's steps share.
import { describe, expect, it } from 'vitest';
import { ReclaimError } from '../../../src/domain/errors.js';
import type { PlannedAction } from '../../../src/domain/types.js';
import {
  describeTime,
  nothingFound,
  orGone,
  outcomeUnknown,
  plural,
  removeListed,
  removeOrGone,
  removeUnlessGone,
  shownTime,
  stepKitFor,
  writeUnlessDone,
} from '../../../src/playbooks/kit/step-kit.js';
import type { PlaybookContext } from '../../../src/playbooks/types.js';
import { ProviderError, type ProviderErrorCode } from '../../../src/providers/http/index.js';

class AcmePlaybookError extends ReclaimError {}

function providerError(code: ProviderErrorCode, outcome = false): ProviderError {
  return new ProviderError(code, 'Acme said no', {
    provider: 'telnyx',
    operation: 'delete widget',
    status: code === 'provider_not_found' ? 404 : null,
    providerCode: null,
    detail: null,
    requestId: null,
    outcomeUnknown: outcome,
  });
}

const action: PlannedAction = { kind: 'wipe', target: 'w1', params: {}, description: 'Wipe w1' };

describe('stepKitFor', () => {
  const kit = stepKitFor<null>('telnyx', AcmePlaybookError);
  const ctx = { client: null } as PlaybookContext<null>;

  it('when a kind is unknown or a param is missing, then the bound kit fails with the provider’s class and codes', async () => {
    const execute = kit.dispatchByKind('acme.step', {
      wipe: async (_c, a) => ({ result: { n: kit.textParam(a, 'n') } }),
    });
    const unknown = execute(ctx, { ...action, kind: 'shred' }, { recheck: false });
    await expect(unknown).rejects.toBeInstanceOf(AcmePlaybookError);
    await expect(unknown).rejects.toMatchObject({ code: 'telnyx_unknown_action' });
    await expect(execute(ctx, action, { recheck: false })).rejects.toMatchObject({
      code: 'telnyx_bad_action_params',
      message: 'The planned action "Wipe w1" lacks the text "n"; rediscover to get a fresh plan.',
    });
  });
});

describe('writeUnlessDone', () => {
  it('when rechecking and the change is there, then it does not write; otherwise it writes', async () => {
    const writes: string[] = [];
    const write = async () => {
      writes.push('w');
      return { result: { wrote: true } };
    };
    await expect(writeUnlessDone(true, async () => ({ result: { done: true } }), write)).resolves.toEqual({
      result: { done: true },
    });
    await expect(writeUnlessDone(true, async () => undefined, write)).resolves.toEqual({
      result: { wrote: true },
    });
    await expect(writeUnlessDone(false, async () => ({ result: {} }), write)).resolves.toEqual({
      result: { wrote: true },
    });
    expect(writes).toEqual(['w', 'w']);
  });
});

describe('gone counts as done', () => {
  const done = { result: { deleted: true } };

  it('when a removal answers 404, then it is done with the note "already gone"; other errors fail', async () => {
    await expect(removeOrGone(async () => undefined, done)).resolves.toEqual(done);
    await expect(
      removeOrGone(() => Promise.reject(providerError('provider_not_found')), done),
    ).resolves.toEqual({
      result: { deleted: true, note: 'already gone' },
    });
    await expect(
      removeOrGone(() => Promise.reject(providerError('provider_rejected')), done),
    ).rejects.toMatchObject({
      code: 'provider_rejected',
    });
  });

  it('when a recheck finds the thing gone, then nothing is removed', async () => {
    let removed = 0;
    const remove = async () => {
      removed += 1;
    };
    await expect(removeUnlessGone(true, async () => false, remove, done)).resolves.toEqual({
      result: { deleted: true, note: 'already gone' },
    });
    await expect(removeUnlessGone(true, async () => true, remove, done)).resolves.toEqual(done);
    await expect(removeUnlessGone(false, async () => false, remove, done)).resolves.toEqual(done);
    expect(removed).toBe(2);
  });

  it('when a listed thing is removed, then a recheck reads the list and deletes only what is still on it', async () => {
    const items = [{ id: 'w1' }, { id: 'w2' }];
    const api = {
      list: async () => ({ items, unreadable: [] }),
      delete: async (id: string) => {
        items.splice(
          items.findIndex((i) => i.id === id),
          1,
        );
      },
    };
    const remove = removeListed<typeof api, { id: string }>(
      (client) => client,
      (i) => i.id,
      done,
    );
    const ctx = { client: api } as unknown as PlaybookContext<typeof api>;
    await expect(remove(ctx, action, true)).resolves.toEqual(done);
    await expect(remove(ctx, action, true)).resolves.toEqual({
      result: { deleted: true, note: 'already gone' },
    });
    expect(items).toEqual([{ id: 'w2' }]);
  });

  it('when a read answers 404, then orGone gives null; an unknown outcome is told apart', async () => {
    await expect(orGone(async () => 'there')).resolves.toBe('there');
    await expect(orGone(() => Promise.reject(providerError('provider_not_found')))).resolves.toBeNull();
    expect(outcomeUnknown(providerError('provider_timeout', true))).toBe(true);
    expect(outcomeUnknown(providerError('provider_timeout'))).toBe(false);
    expect(outcomeUnknown(new Error('x'))).toBe(false);
  });
});

describe('card words', () => {
  it('when a summary or a count is written, then it reads as the cards say it', () => {
    expect(nothingFound('no keys.')).toBe('Nothing found: no keys.');
    expect(plural(1, 'key')).toBe('1 key');
    expect(plural(3, 'address', 'addresses')).toBe('3 addresses');
  });

  it.each([
    ['2026-03-01T10:22:05Z', '2026-03-01 10:22 UTC'],
    ['Sun, 01 Mar 2026 10:22:05 +0000', '2026-03-01 10:22 UTC'],
    ['2026-03-01T11:22:05+01:00', '2026-03-01 10:22 UTC'],
    [null, 'an unknown time'],
    ['not a date', 'an unknown time'],
  ])('when the provider writes the time %j, then the card shows %s', (date, shown) => {
    expect(shownTime(date)).toBe(shown);
  });

  it('when an ISO instant is described, then it is cut to the minute', () => {
    expect(describeTime('2026-02-27T14:03:10.000Z')).toBe('2026-02-27 14:03 UTC');
  });
});
