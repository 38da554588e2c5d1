import type { SeedBuilder } from './seed-builder.js';

const DAY = 86_400_000;

/**
 * 60 days of usage up to today: steady calls and messages, and from `since` on the attacker's
 * traffic (long calls at premium rates) on top. No usage trigger exists.
 */
export function seedUsage(b: SeedBuilder): void {
  const today = Math.floor(b.now / DAY) * DAY;
  for (let day = today - 59 * DAY; day <= today; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    const fraud = day + DAY > b.since;
    const calls = b.random.int(40, 60) + (fraud ? b.random.int(150, 250) : 0);
    const minutes = calls * (fraud ? 9 : 3);
    const messages = b.random.int(300, 500);
    b.state.usage.push(
      {
        category: 'calls',
        date,
        count: calls,
        usage: minutes,
        price: round(minutes * (fraud ? 0.11 : 0.014)),
      },
      { category: 'sms', date, count: messages, usage: messages, price: round(messages * 0.0079) },
    );
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
