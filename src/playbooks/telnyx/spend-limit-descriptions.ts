// The sentences of the spend-limits card: what each planned change sets, and what it is now.
import type { DestinationGap } from './spend-limit-destinations.js';
import { dollars, type LimitGap, perMinute } from './spend-limits.js';

/** A list as a description shows it: `*`, `US, CA`, or `14 countries` when long (the finding names them). */
function listed(codes: readonly string[]): string {
  if (codes.length === 0) return 'none';
  return codes.length > 4 ? `${codes.length} countries` : codes.join(', ');
}

/** `Narrow the destinations of … to US, CA (now *)`. */
export function describeNarrowing(subject: string, gap: DestinationGap, now: readonly string[]): string {
  return `Narrow the destinations of ${subject} to ${gap.narrowTo?.join(', ')} (now ${listed(now)})`;
}

/** `; narrow its destinations to US, CA (now *)`, or nothing when the list stays. */
export function describeDestinations(gap: DestinationGap, now: readonly string[]): string {
  return gap.narrowTo ? `; narrow its destinations to ${gap.narrowTo.join(', ')} (now ${listed(now)})` : '';
}

/** "Set the daily spend limit of outbound profile “Default” to $50.00 (now off) and its …". */
function describeLimits(subject: string, daily: LimitGap, rate: LimitGap): string {
  const dailyPart = daily.dailySpendLimit && `to ${dollars(daily.dailySpendLimit)} (now ${daily.nowDaily})`;
  const ratePart =
    rate.maxDestinationRate !== undefined && `to ${perMinute(rate.maxDestinationRate)} (now ${rate.nowRate})`;
  if (dailyPart && ratePart) {
    return `Set the daily spend limit of ${subject} ${dailyPart} and its maximum destination rate ${ratePart}`;
  }
  if (dailyPart) return `Set the daily spend limit of ${subject} ${dailyPart}`;
  if (ratePart) return `Set the maximum destination rate of ${subject} ${ratePart}`;
  return `Keep the limits of ${subject}`;
}

export function describeOutbound(
  subject: string,
  daily: LimitGap,
  rate: LimitGap,
  dest: DestinationGap,
  now: string[],
): string {
  const limits = daily.dailySpendLimit || rate.maxDestinationRate !== undefined;
  if (!limits && dest.narrowTo) return describeNarrowing(subject, dest, now);
  if (!dest.narrowTo) return describeLimits(subject, daily, rate);
  // Limits and destinations at once, kept short: a failure's message follows it on the progress card.
  const parts = [
    daily.dailySpendLimit && `daily ${dollars(daily.dailySpendLimit)} (now ${daily.nowDaily})`,
    rate.maxDestinationRate !== undefined &&
      `max rate ${perMinute(rate.maxDestinationRate)} (now ${rate.nowRate})`,
    `destinations ${dest.narrowTo.join(', ')} (now ${listed(now)})`,
  ].filter((p): p is string => typeof p === 'string');
  return `Set the limits of ${subject}: ${parts.join(', ')}`;
}
