import type { Finding } from '../../domain/types.js';
import type { Watch, WatchState } from '../../domain/watch.js';
import type { Queryable } from '../db.js';
import { packJson, unpackJson } from './packed-json.js';

interface WatchRow {
  incident_id: string;
  state: WatchState;
  hours: number;
  interval_minutes: number;
  started_at: Date | null;
  until_at: Date | null;
  last_run_at: Date | null;
  runs: number;
  alerts: number;
  failures: number;
  last_error: string | null;
  ended_by: string | null;
  ended_at: Date | null;
}

const toWatch = (r: WatchRow): Watch => ({
  incidentId: r.incident_id,
  state: r.state,
  hours: Number(r.hours),
  intervalMinutes: Number(r.interval_minutes),
  startedAt: r.started_at,
  untilAt: r.until_at,
  lastRunAt: r.last_run_at,
  runs: r.runs,
  alerts: r.alerts,
  failures: r.failures,
  lastError: r.last_error,
  endedBy: r.ended_by,
  endedAt: r.ended_at,
});

export async function insertWatch(
  q: Queryable,
  w: { incidentId: string; hours: number; intervalMinutes: number },
): Promise<void> {
  await q.query(
    `INSERT INTO watches (incident_id, state, hours, interval_minutes) VALUES ($1, 'waiting', $2, $3)`,
    [w.incidentId, w.hours, w.intervalMinutes],
  );
}

export async function findWatch(
  q: Queryable,
  incidentId: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Watch | null> {
  const { rows } = await q.query<WatchRow>(
    `SELECT * FROM watches WHERE incident_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [incidentId],
  );
  return rows[0] ? toWatch(rows[0]) : null;
}

/** The fields a use case changes; the rest stay. */
export type WatchPatch = Partial<
  Pick<
    Watch,
    | 'state'
    | 'startedAt'
    | 'untilAt'
    | 'lastRunAt'
    | 'runs'
    | 'alerts'
    | 'failures'
    | 'lastError'
    | 'endedBy'
    | 'endedAt'
  >
>;

const COLUMNS: Record<keyof WatchPatch, string> = {
  state: 'state',
  startedAt: 'started_at',
  untilAt: 'until_at',
  lastRunAt: 'last_run_at',
  runs: 'runs',
  alerts: 'alerts',
  failures: 'failures',
  lastError: 'last_error',
  endedBy: 'ended_by',
  endedAt: 'ended_at',
};

export async function updateWatch(q: Queryable, incidentId: string, patch: WatchPatch): Promise<void> {
  const entries = Object.entries(patch) as [keyof WatchPatch, unknown][];
  if (entries.length === 0) return;
  const sets = entries.map(([k], i) => `${COLUMNS[k]} = $${i + 2}`);
  await q.query(`UPDATE watches SET ${sets.join(', ')} WHERE incident_id = $1`, [
    incidentId,
    ...entries.map(([, v]) => v),
  ]);
}

export interface Baseline {
  stepKey: string;
  digest: string;
  findings: Finding[];
}

export async function saveBaseline(q: Queryable, incidentId: string, b: Baseline, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO watch_baselines (incident_id, step_key, digest, findings, recorded_at)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (incident_id, step_key) DO UPDATE
       SET digest = EXCLUDED.digest, findings = EXCLUDED.findings, recorded_at = EXCLUDED.recorded_at`,
    [incidentId, b.stepKey, b.digest, packJson(b.findings), at],
  );
}

export async function listBaselines(q: Queryable, incidentId: string): Promise<Baseline[]> {
  const { rows } = await q.query<{ step_key: string; digest: string; findings: Uint8Array }>(
    'SELECT step_key, digest, findings FROM watch_baselines WHERE incident_id = $1 ORDER BY step_key',
    [incidentId],
  );
  return rows.map((r) => ({
    stepKey: r.step_key,
    digest: r.digest,
    findings: unpackJson<Finding[]>(r.findings) ?? [],
  }));
}

export interface WatchAlert {
  stepKey: string;
  stepId: string;
  run: number;
  findings: { resource: string; summary: string }[];
  seenAt: Date;
  /** The state of the step that undoes it. */
  stepState: string;
}

export async function insertWatchAlert(
  q: Queryable,
  incidentId: string,
  a: Omit<WatchAlert, 'stepState'>,
): Promise<void> {
  await q.query(
    `INSERT INTO watch_alerts (incident_id, step_key, step_id, run, findings, seen_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [incidentId, a.stepKey, a.stepId, a.run, JSON.stringify(a.findings), a.seenAt],
  );
}

export async function listWatchAlerts(q: Queryable, incidentId: string): Promise<WatchAlert[]> {
  const { rows } = await q.query<{
    step_key: string;
    step_id: string;
    run: number;
    findings: WatchAlert['findings'];
    seen_at: Date;
    state: string;
  }>(
    `SELECT a.step_key, a.step_id, a.run, a.findings, a.seen_at, s.state
       FROM watch_alerts a JOIN steps s ON s.id = a.step_id
      WHERE a.incident_id = $1 ORDER BY a.id`,
    [incidentId],
  );
  return rows.map((r) => ({
    stepKey: r.step_key,
    stepId: r.step_id,
    run: r.run,
    findings: r.findings,
    seenAt: r.seen_at,
    stepState: r.state,
  }));
}
