/** The post-remediation watch, as plain data and pure rules: what counts as new since the baseline. */
import type { Finding } from './types.js';

export type WatchState = 'waiting' | 'watching' | 'stopped' | 'ended';

export interface Watch {
  incidentId: string;
  state: WatchState;
  hours: number;
  intervalMinutes: number;
  startedAt: Date | null;
  untilAt: Date | null;
  lastRunAt: Date | null;
  runs: number;
  alerts: number;
  /** Consecutive runs that could not reach the provider. */
  failures: number;
  lastError: string | null;
  endedBy: string | null;
  endedAt: Date | null;
}

/** After this many failed runs in a row the progress card says the watch cannot see the account. */
export const WATCH_FAILURES_SHOWN = 3;

/** A step key that is a watch alert of a playbook step: `<step id>@watch-<run>`. */
const ALERT_KEY = /^(.+)@watch-(\d+)$/;

export const alertStepKey = (stepKey: string, run: number) => `${stepKey}@watch-${run}`;

/** The playbook step id behind a step key (an alert's key names the step it re-ran). */
export function definitionKeyOf(stepKey: string): string {
  return ALERT_KEY.exec(stepKey)?.[1] ?? stepKey;
}

export const isAlertStepKey = (stepKey: string) => ALERT_KEY.test(stepKey);

/** How a suspicious finding is told apart: the resource and what is suspicious about it. */
export const findingKey = (f: Pick<Finding, 'resource' | 'summary'>) => `${f.resource}\u0000${f.summary}`;

/**
 * The suspicious findings of a watch run that are new: not suspicious the same way in the baseline
 * (which holds what the team accepted: a skipped step's findings, a reviewed one's), and not already
 * raised by an alert that is still open or was accepted. What an alert undid may be raised again.
 */
export function newSuspicious(
  current: readonly Finding[],
  baseline: readonly Finding[],
  alreadyRaised: ReadonlySet<string>,
): Finding[] {
  const known = new Set(baseline.filter((f) => f.suspicious).map(findingKey));
  return current.filter(
    (f) => f.suspicious && !known.has(findingKey(f)) && !alreadyRaised.has(findingKey(f)),
  );
}

/** The watch's end, from when its baseline was taken. */
export const watchUntil = (startedAt: Date, hours: number) =>
  new Date(startedAt.getTime() + hours * 3_600_000);
