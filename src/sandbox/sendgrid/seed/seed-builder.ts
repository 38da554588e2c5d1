import type { SeededRandom } from '../../telnyx/random.js';
import type { PlantedChange, SendgridAccountState } from '../account.js';

const DAY = 86_400_000;

/** The account being seeded, its random source and timeline: legitimate things predate `since`. */
export class SeedBuilder {
  constructor(
    readonly state: SendgridAccountState,
    readonly random: SeededRandom,
    readonly now: number,
    readonly since: number,
  ) {}

  /** A moment between a year before `since` and a day before it. */
  before(): number {
    const start = this.since - 365 * DAY;
    return start + Math.floor(this.random.next() * (364 * DAY));
  }

  /** A moment in the incident window, [since, now). */
  after(): number {
    return this.since + Math.floor(this.random.next() * (this.now - this.since));
  }

  /** A moment within the last `days` days before `now`. */
  withinDays(days: number): number {
    return this.now - Math.floor(this.random.next() * days * DAY);
  }

  nextNumber(): number {
    this.state.nextNumber += 1;
    return this.state.nextNumber;
  }

  plant(change: PlantedChange): void {
    this.state.planted.push(change);
  }
}

export const seconds = (ms: number): number => Math.floor(ms / 1000);

/** ISO 8601 to the second, as SendGrid writes its timestamps (`2026-02-27T10:00:00Z`). */
export const isoSeconds = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;
