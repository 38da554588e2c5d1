import { describe, expect, it } from 'vitest';
import { StateError } from '../../src/domain/errors.js';
import {
  isOpenState,
  nextState,
  STATE_LABELS,
  type StepEvent,
  TERMINAL_STATES,
} from '../../src/domain/step-machine.js';
import type { StepKind, StepState } from '../../src/domain/types.js';

type Phase = 'discover' | 'execute' | null;

const STATES: StepState[] = [
  'pending',
  'discovering',
  'awaiting_approval',
  'approved',
  'executing',
  'done',
  'failed',
  'skipped',
  'rejected',
];

const EVENTS: Record<string, StepEvent> = {
  begin_discovery: { type: 'begin_discovery' },
  discovered: { type: 'discovered' },
  approval_complete: { type: 'approval_complete' },
  begin_execution: { type: 'begin_execution' },
  executed: { type: 'executed' },
  'fail:discover': { type: 'fail', phase: 'discover' },
  'fail:execute': { type: 'fail', phase: 'execute' },
  reject: { type: 'reject' },
  skip: { type: 'skip' },
  'mark_done:empty': { type: 'mark_done', planIsEmpty: true },
  'mark_done:planned': { type: 'mark_done', planIsEmpty: false },
  retry: { type: 'retry' },
};

/** A state as the machine sees it: a failed step carries the phase it failed in (null only if corrupt). */
interface Situation {
  state: StepState;
  failedPhase: Phase;
  key: string;
}
const SITUATIONS: Situation[] = STATES.flatMap((state): Situation[] =>
  state === 'failed'
    ? (['discover', 'execute', null] as const).map((p) => ({ state, failedPhase: p, key: `failed/${p}` }))
    : [{ state, failedPhase: null, key: state }],
);

/** Every legal move: `kind situation event` → `state[/phase]`. Anything not listed must throw. */
const LEGAL: Record<string, string> = {
  'automated pending begin_discovery': 'discovering',
  'automated awaiting_approval begin_discovery': 'discovering',
  'automated rejected begin_discovery': 'discovering',
  'automated failed/discover begin_discovery': 'discovering',
  'automated discovering discovered': 'awaiting_approval',
  'automated awaiting_approval approval_complete': 'approved',
  'automated approved begin_execution': 'executing',
  'automated failed/execute begin_execution': 'executing',
  'automated executing executed': 'done',
  'automated discovering fail:discover': 'failed/discover',
  'automated executing fail:execute': 'failed/execute',
  'automated awaiting_approval reject': 'rejected',
  'automated pending skip': 'skipped',
  'automated awaiting_approval skip': 'skipped',
  'automated failed/discover skip': 'skipped',
  'automated failed/execute skip': 'skipped',
  'automated failed/null skip': 'skipped',
  'automated rejected skip': 'skipped',
  'automated awaiting_approval mark_done:empty': 'done',
  'automated failed/discover retry': 'discovering',
  'automated failed/execute retry': 'executing',
  'manual pending mark_done:empty': 'done',
  'manual pending mark_done:planned': 'done',
  'manual pending skip': 'skipped',
};

/** The code an illegal move throws; `illegal_transition` when no more specific reason applies. */
function expectedCode(kind: StepKind, state: StepState, event: string): string {
  if (state === 'done') return 'step_already_done';
  if (state === 'skipped') return 'step_already_skipped';
  if (kind === 'manual')
    return event === 'skip' || event.startsWith('mark_done') ? 'illegal_transition' : 'step_is_manual';
  const byEvent: Record<string, string> = {
    approval_complete: 'step_not_awaiting_approval',
    reject: 'step_not_awaiting_approval',
    skip: 'step_in_flight',
    'mark_done:empty': 'step_not_awaiting_approval',
    'mark_done:planned': state === 'awaiting_approval' ? 'plan_not_empty' : 'step_not_awaiting_approval',
    retry: state === 'failed' ? 'illegal_transition' : 'step_not_failed',
  };
  return byEvent[event] ?? 'illegal_transition';
}

const MATRIX = (['automated', 'manual'] as const).flatMap((kind) =>
  SITUATIONS.flatMap((s) => Object.keys(EVENTS).map((event) => ({ kind, ...s, event }))),
);

describe('nextState', () => {
  it('when the matrix is generated, then it holds every kind × state × event pair', () => {
    expect(MATRIX).toHaveLength(2 * 11 * 12);
    const known = new Set(MATRIX.map((m) => `${m.kind} ${m.key} ${m.event}`));
    for (const key of Object.keys(LEGAL)) expect(known.has(key), key).toBe(true);
  });

  it.each(MATRIX)(
    'when a $kind step is $key and $event arrives, then it moves or refuses as the table says',
    (m) => {
      const step = { kind: m.kind, state: m.state, failedPhase: m.failedPhase };
      const event = EVENTS[m.event]!;
      const legal = LEGAL[`${m.kind} ${m.key} ${m.event}`];
      if (legal) {
        const [state, phase = null] = legal.split('/');
        expect(nextState(step, event)).toEqual({ state, failedPhase: phase });
        return;
      }
      let thrown: unknown;
      try {
        nextState(step, event);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(StateError);
      const error = thrown as StateError;
      expect(error.code).toBe(expectedCode(m.kind, m.state, m.event));
      expect(error.message).toMatch(/^[A-Z][^\n]*\.$/);
      expect(error.details).toMatchObject({ kind: m.kind, state: m.state, event: event.type });
    },
  );

  it('when a step leaves the failed state, then its failed phase is cleared', () => {
    const failed = { kind: 'automated', state: 'failed', failedPhase: 'execute' } as const;
    expect(nextState(failed, { type: 'retry' }).failedPhase).toBeNull();
    expect(nextState(failed, { type: 'skip' }).failedPhase).toBeNull();
  });

  it('when approval is clicked on a step still discovering, then the message names its state', () => {
    const step = { kind: 'automated', state: 'discovering', failedPhase: null } as const;
    expect(() => nextState(step, { type: 'approval_complete' })).toThrow(
      'This step is not waiting for approval; it is discovering.',
    );
  });
});

describe('isOpenState and labels', () => {
  it.each(STATES)('when a step is %s, then it is open unless done or skipped', (state) => {
    expect(isOpenState(state)).toBe(state !== 'done' && state !== 'skipped');
  });

  it('when terminal states are listed, then they are exactly done and skipped', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['done', 'skipped']);
  });

  it('when a state is shown to people, then it has a capitalised label in words', () => {
    for (const state of STATES) expect(STATE_LABELS[state]).toMatch(/^[A-Z][a-z ]+$/);
    expect(STATE_LABELS.awaiting_approval).toBe('Awaiting approval');
  });
});
