import type { Trust } from '../kit/trust.js';

/** The limits the spend-limits step sets; the card shows them before anyone approves. */
export interface SafeSpendLimits {
  /** Daily spend limit of each outbound voice profile, USD as Telnyx writes it (`"50.00"`). */
  dailySpendLimit: string;
  /** Highest per-minute rate a call may cost, USD; premium and satellite routes cost far more. */
  maxDestinationRate: number;
  /** Daily spend limit of each messaging profile, USD. */
  messagingDailySpendLimit: string;
}

/**
 * Defaults: enough for a small business's normal day of calls and messages, small enough that a
 * night of fraudulent traffic costs tens of dollars, not thousands. Approvers see the values.
 */
export const TELNYX_SAFE_LIMITS: Readonly<SafeSpendLimits> = {
  dailySpendLimit: '50.00',
  maxDestinationRate: 0.1,
  messagingDailySpendLimit: '50.00',
};

export function dollars(amount: string | number): string {
  return `$${Number(amount).toFixed(2)}`;
}

/** `$0.10/min`, `$0.005/min`: two decimals at least, four at most. */
export function perMinute(rate: number): string {
  return `$${rate.toFixed(4).replace(/0{1,2}$/, '')}/min`;
}

export interface LimitGap {
  /** Set the daily limit to this (USD string) when it is off or above it. */
  dailySpendLimit?: string;
  /** Set the maximum destination rate to this when there is none or it is above it. */
  maxDestinationRate?: number;
  reasons: string[];
  /** What it is now, for the description: `off`, `$500.00`, `unlimited`, `$1.50/min`. */
  nowDaily?: string;
  nowRate?: string;
}

/** How a profile's limits fall short of the safe ones (empty `reasons`: they don't). */
export function dailyLimitGap(
  enabled: boolean | null,
  limit: string | null,
  safe: string,
): Pick<LimitGap, 'dailySpendLimit' | 'nowDaily' | 'reasons'> {
  if (enabled !== true)
    return { dailySpendLimit: safe, nowDaily: 'off', reasons: ['daily spend limit is off'] };
  const current = Number(limit ?? 'NaN');
  if (Number.isNaN(current) || current > Number(safe)) {
    const now = Number.isNaN(current) ? 'unreadable' : dollars(current);
    return {
      dailySpendLimit: safe,
      nowDaily: now,
      reasons: [`daily spend limit ${now} is above ${dollars(safe)}`],
    };
  }
  return { reasons: [] };
}

export function rateGap(
  rate: number | null,
  safe: number,
): Pick<LimitGap, 'maxDestinationRate' | 'nowRate' | 'reasons'> {
  if (rate === null) {
    return { maxDestinationRate: safe, nowRate: 'unlimited', reasons: ['no maximum destination rate'] };
  }
  if (rate > safe) {
    return {
      maxDestinationRate: safe,
      nowRate: perMinute(rate),
      reasons: [`maximum destination rate ${perMinute(rate)} is above ${perMinute(safe)}`],
    };
  }
  return { reasons: [] };
}

/** Adds "changed after the incident began" to a profile that is flagged anyway. */
export function withWindow(reasons: string[], updatedAt: string | null, trust: Trust): string[] {
  const changed = reasons.length > 0 ? trust.inWindow(updatedAt, 'changed') : undefined;
  return changed ? [...reasons, changed] : reasons;
}
