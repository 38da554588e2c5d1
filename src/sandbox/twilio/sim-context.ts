import type { SeededRandom } from '../telnyx/random.js';
import type { TwilioAccountState } from './account.js';

/** What a route handler works with: the account, the id generator, the clock and the write log. */
export interface SimContext {
  state: TwilioAccountState;
  random: SeededRandom;
  /** The simulator's clock, in ms since the epoch. */
  clock(): number;
  /** Counts an applied write to resource `sid` (see `SimulatorStats.writes`). */
  recordWrite(sid: string): void;
}

/** A SID: the two-letter prefix and 32 lower-case hex digits (`SK4f0c…`). */
export function newSid(ctx: Pick<SimContext, 'random'>, prefix: string): string {
  let hex = '';
  for (let i = 0; i < 32; i += 1) hex += ctx.random.int(0, 15).toString(16);
  return `${prefix}${hex}`;
}

/** An instant as the 2010 API writes it: RFC 2822 in GMT, `Mon, 13 Jun 2016 22:50:08 +0000`. */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/** `now` in the 2010 API's format. */
export function nowRfc2822(ctx: Pick<SimContext, 'clock'>): string {
  return rfc2822(ctx.clock());
}

/** A new Auth Token or key secret: 32 lower-case hex digits, as Twilio's look. */
export function newToken(ctx: Pick<SimContext, 'random'>): string {
  return newSid(ctx, '');
}
