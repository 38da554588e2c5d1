import type { TelnyxAccountState } from './account.js';
import type { SeededRandom } from './random.js';
import type { NewRecordContext } from './record-defaults.js';

/** What a route handler works with: the account, the id generator, the clock and the write log. */
export interface SimContext {
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
