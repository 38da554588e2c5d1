/** The job kinds the worker runs for incidents, their payloads, and the one place a payload is parsed. */
import { isContainStepKey } from './containment.js';
import { ReclaimError } from './errors.js';

export const DISCOVER_JOB = 'step.discover';
export const EXECUTE_JOB = 'step.execute';
/** The post-remediation watch: its baseline once every automated step is settled, then its runs. */
export const WATCH_BASELINE_JOB = 'watch.baseline';
export const WATCH_RUN_JOB = 'watch.run';
/** The scheduled posture check of every connection (RECLAIM_POSTURE_CRON), one job per time it names. */
export const POSTURE_JOB = 'posture.check';
/**
 * Contain now's discovery and execution: the same work as step.discover and step.execute, in a
 * lane of their own (a worker that runs nothing else) so they never wait behind the checklist.
 */
export const CONTAIN_DISCOVER_JOB = 'contain.discover';
export const CONTAIN_EXECUTE_JOB = 'contain.execute';
export const URGENT_JOB_KINDS = [CONTAIN_DISCOVER_JOB, CONTAIN_EXECUTE_JOB] as const;

/** The job kind that discovers a step: Contain now's own lane, or the checklist's. */
export const discoverJobOf = (stepKey: string) =>
  isContainStepKey(stepKey) ? CONTAIN_DISCOVER_JOB : DISCOVER_JOB;
export const executeJobOf = (stepKey: string) =>
  isContainStepKey(stepKey) ? CONTAIN_EXECUTE_JOB : EXECUTE_JOB;

export interface DiscoverPayload {
  stepId: string;
}

export interface ExecutePayload {
  stepId: string;
  digest: string;
}

export interface WatchBaselinePayload {
  incidentId: string;
}

export interface WatchRunPayload {
  incidentId: string;
  /** The run's number (1, 2, …), so a run taken again after a crash is told from the next one. */
  run: string;
}

export interface PosturePayload {
  /** The time the cron expression named for this check (ISO 8601), and that expression. */
  at: string;
  cron: string;
}

/** Each incident job kind and the payload it carries. */
export interface JobPayloads {
  [DISCOVER_JOB]: DiscoverPayload;
  [EXECUTE_JOB]: ExecutePayload;
  [WATCH_BASELINE_JOB]: WatchBaselinePayload;
  [WATCH_RUN_JOB]: WatchRunPayload;
  [POSTURE_JOB]: PosturePayload;
  [CONTAIN_DISCOVER_JOB]: DiscoverPayload;
  [CONTAIN_EXECUTE_JOB]: ExecutePayload;
}

export type JobKind = keyof JobPayloads;

/** What an enqueue of `kind` must carry: the typed payload for a known kind, any object otherwise. */
export type PayloadOf<K extends string> = K extends JobKind
  ? JobPayloads[K] & Record<string, unknown>
  : Record<string, unknown>;

/** The code of a payload that does not fit its kind (the job is failed for good: a retry cannot fix it). */
export const JOB_PAYLOAD_INVALID = 'job_payload_invalid';

const FIELDS: { [K in JobKind]: readonly (keyof JobPayloads[K])[] } = {
  [DISCOVER_JOB]: ['stepId'],
  [EXECUTE_JOB]: ['stepId', 'digest'],
  [WATCH_BASELINE_JOB]: ['incidentId'],
  [WATCH_RUN_JOB]: ['incidentId', 'run'],
  [POSTURE_JOB]: ['at', 'cron'],
  [CONTAIN_DISCOVER_JOB]: ['stepId'],
  [CONTAIN_EXECUTE_JOB]: ['stepId', 'digest'],
};

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(FIELDS, kind);
}

/** Checks a stored payload against its kind: every field a non-empty string. Throws job_payload_invalid. */
export function parseJobPayload<K extends JobKind>(kind: K, payload: unknown): JobPayloads[K] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ReclaimError(JOB_PAYLOAD_INVALID, `a ${kind} job needs an object payload`);
  }
  const record = payload as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const field of FIELDS[kind] as readonly string[]) {
    const value = record[field];
    if (typeof value !== 'string' || value === '') {
      throw new ReclaimError(JOB_PAYLOAD_INVALID, `a ${kind} job needs "${field}" as a non-empty string`);
    }
    out[field] = value;
  }
  return out as unknown as JobPayloads[K];
}

export const discoverKey = (stepId: string) => `discover:${stepId}`;
export const executeKey = (stepId: string, digest: string) => `execute:${stepId}:${digest}`;
export const watchBaselineKey = (incidentId: string) => `watch-baseline:${incidentId}`;
export const watchRunKey = (incidentId: string, run: number) => `watch:${incidentId}:${run}`;
export const postureKey = (at: string) => `posture:${at}`;
