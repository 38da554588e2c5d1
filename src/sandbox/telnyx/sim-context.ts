import type { TelnyxAccountState } from './account.js';
import type { SeededRandom } from './random.js';
import type { NewRecordContext } from './record-defaults.js';

/**
 * Where the spec leaves the live API's answer open, which one the simulator gives. Tests switch
 * them; a new simulator gives the strict reading.
 */
export interface TelnyxSimAnswers {
  /**
   * `PATCH /phone_numbers/{id}/voice` with `call_forwarding.forwards_to: ""`. The spec says calls are
   * not forwarded when it "is left blank", and also "If set, must be a +E.164-formatted phone
   * number". `refuse` (default): a 422 naming the field; `accept`: the target is cleared.
   */
  blankForwardsTo: 'refuse' | 'accept';
  /**
   * A bulk job's progress, which the spec leaves to Telnyx's background: the job is applied and
   * `completed` at this read of it (`GET /phone_numbers/jobs/{id}` or a listing); before, it is
   * `pending`, then `in_progress`. Default 1: the first read after creation finds it done.
   */
  jobReadsToFinish: number;
}

/** What a route handler works with: the account, the id generator, the clock and the write log. */
export interface SimContext {
  answers: TelnyxSimAnswers;
  state: TelnyxAccountState;
  random: SeededRandom;
  /** The simulator's clock, ISO 8601. */
  now(): string;
  /** Counts an applied write to resource `id` (see `SimulatorStats.writes`). */
  recordWrite(id: string): void;
}

export function newId(ctx: SimContext, kind: 'int64' | 'uuid'): string {
  return kind === 'uuid' ? ctx.random.uuid() : ctx.random.int64Id();
}

export function recordContext(ctx: SimContext, id: string): NewRecordContext {
  return {
    id,
    at: ctx.now(),
    organizationId: ctx.state.organizationId,
    ownerUserId: ctx.state.ownerUserId,
    secret: () => ctx.random.token(32),
  };
}
