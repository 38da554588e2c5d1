import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReclaimError } from '../../../src/domain/errors.js';
import type { PlannedAction } from '../../../src/domain/types.js';
import {
  collectPlans,
  discoveryOf,
  dispatchActions,
  namedWithId,
  paramReader,
} from '../../../src/playbooks/kit/action-kit.js';
import type { PlaybookContext } from '../../../src/playbooks/types.js';

class AcmePlaybookError extends ReclaimError {}

const action = (params: Record<string, unknown>, kind = 'wipe'): PlannedAction => ({
  kind,
  target: 'r1',
  params,
  description: 'Wipe r1',
});
const ctx = {} as PlaybookContext<unknown>;

describe('dispatchActions', () => {
  const execute = dispatchActions('telnyx', AcmePlaybookError, 'acme.step', {
    wipe: async (_ctx, a, recheck) => ({ result: { target: a.target, recheck } }),
  });

  it('when the kind has an executor, then it runs with the recheck flag', async () => {
    await expect(execute(ctx, action({}), { recheck: true })).resolves.toEqual({
      result: { target: 'r1', recheck: true },
    });
  });

  it('when the kind is unknown (or only inherited), then it fails with <provider>_unknown_action naming the step', async () => {
    for (const kind of ['shred', 'toString']) {
      const failure = execute(ctx, action({}, kind), { recheck: false });
      await expect(failure).rejects.toBeInstanceOf(AcmePlaybookError);
      await expect(failure).rejects.toMatchObject({
        code: 'telnyx_unknown_action',
        message: expect.stringContaining(`Step acme.step has no action "${kind}"`),
      });
    }
  });
});

describe('paramReader', () => {
  const params = paramReader('telnyx', AcmePlaybookError);

  it('when the params are there, then each reader returns them', () => {
    const a = action({ name: 'x', n: 3, list: ['a', 'b'], none: null });
    expect(params.text(a, 'name')).toBe('x');
    expect(params.optionalText(a, 'none')).toBeNull();
    expect(params.optionalNumber(a, 'n')).toBe(3);
    expect(params.optionalNumber(a, 'absent')).toBeNull();
    expect(params.textList(a, 'list')).toEqual(['a', 'b']);
  });

  it.each([
    ['text', 'missing', 'the text'],
    ['optionalNumber', 'notNumber', 'the number'],
    ['textList', 'mixed', 'the list'],
  ] as const)(
    'when %s reads a bad "%s", then it fails with <provider>_bad_action_params naming it',
    (reader, name, what) => {
      const a = action({ notNumber: 'seven', mixed: ['a', 2] });
      expect(() => params[reader](a, name)).toThrow(
        expect.objectContaining({
          code: 'telnyx_bad_action_params',
          message: `The planned action "Wipe r1" lacks ${what} "${name}"; rediscover to get a fresh plan.`,
        }),
      );
    },
  );
});

describe('paramReader.parsed', () => {
  const params = paramReader('telnyx', AcmePlaybookError);
  const schema = z.object({ url: z.string().min(1) });

  it('when the params fit the schema, then they are returned; otherwise the first field is named', () => {
    expect(params.parsed(action({ url: 'https://x' }), schema)).toEqual({ url: 'https://x' });
    expect(() => params.parsed(action({}), schema)).toThrow(
      expect.objectContaining({
        code: 'telnyx_bad_action_params',
        message: 'The planned action "Wipe r1" lacks a valid "url"; rediscover to get a fresh plan.',
        details: { kind: 'wipe', target: 'r1', param: 'url' },
      }),
    );
  });
});

describe('namedWithId', () => {
  it.each([
    ['Desk phones', '“Desk phones” (id1)'],
    ['  ', '“unnamed” (id1)'],
    [null, '“unnamed” (id1)'],
  ])('when the name is %j, then it reads %s', (name, shown) => {
    expect(namedWithId(name, 'id1')).toBe(shown);
  });
});

describe('collectPlans', () => {
  it('when some resources have an action, then every finding is kept and only those actions, in order', () => {
    const finding = (resource: string) => ({ resource, summary: resource, suspicious: false, reasons: [] });
    const planned = [
      { finding: finding('a'), action: action({}, 'wipe') },
      { finding: finding('b') },
      { finding: finding('c'), action: action({}, 'lock') },
    ];
    const { findings, actions } = collectPlans(planned);
    expect(findings.map((f) => f.resource)).toEqual(['a', 'b', 'c']);
    expect(actions.map((a) => a.kind)).toEqual(['wipe', 'lock']);
  });
});

describe('discoveryOf', () => {
  it('when resources are judged, then the summary is written from the collected actions', () => {
    const finding = { resource: 'a', summary: 'a', suspicious: true, reasons: ['x'] };
    const d = discoveryOf(
      [{ finding, action: action({}) }, { finding }],
      (actions) => `${actions.length} action`,
    );
    expect(d).toEqual({ findings: [finding, finding], actions: [action({})], summary: '1 action' });
  });
});
