import { sha256Hex } from '../../../util/hash.js';
import type { SeededRandom } from '../../telnyx/random.js';
import type { PlantedChange, TwilioAccountState } from '../account.js';
import { newSid, newToken, rfc2822 } from '../sim-context.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface Stamps {
  date_created: string;
  date_updated: string;
}

/**
 * The seeding toolkit: deterministic SIDs and secrets, RFC 2822 timestamps on either side of
 * `since` (legitimate resources were made and last changed before it; the attacker acted after
 * it), and the list of what was planted.
 */
export class SeedBuilder {
  constructor(
    readonly state: TwilioAccountState,
    readonly random: SeededRandom,
    readonly now: number,
    readonly since: number,
  ) {}

  private between(from: number, to: number): number {
    return from + Math.floor(this.random.next() * Math.max(1, to - from));
  }

  /** Created 30-400 days before `since`, last changed before it less an hour. */
  legit(): Stamps {
    const lastSafe = this.since - HOUR;
    const created = this.between(lastSafe - 400 * DAY, lastSafe - 30 * DAY);
    return { date_created: rfc2822(created), date_updated: rfc2822(this.between(created, lastSafe)) };
  }

  /** A moment after `since` and before now. */
  attackTime(): string {
    return rfc2822(this.between(this.since + 1, this.now));
  }

  /** Made and changed by the attacker, at one moment in the window. */
  attack(): Stamps {
    const at = this.attackTime();
    return { date_created: at, date_updated: at };
  }

  sid(prefix: string): string {
    return newSid(this, prefix);
  }

  token(): string {
    return newToken(this);
  }

  plant(change: PlantedChange): void {
    this.state.planted.push(change);
  }
}

export function digestOf(secret: string): string {
  return sha256Hex(secret);
}
