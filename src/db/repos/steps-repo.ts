import { NotFoundError } from '../../domain/errors.js';
import type { Finding, Risk, Step, StepError, StepKind, StepState } from '../../domain/types.js';
import { isUuid } from '../../util/is-uuid.js';
import type { Queryable } from '../db.js';
import { packJson, unpackJson } from './packed-json.js';

interface StepRow {
  id: string;
  incident_id: string;
  position: number;
  step_key: string;
  kind: StepKind;
  risk: Risk;
  state: StepState;
  failed_phase: 'discover' | 'execute' | null;
  plan_digest: string | null;
  /** gzip-compressed JSON (`packJson`). */
  findings: Uint8Array | null;
  error: StepError | null;
  decided_by: string | null;
  reason: string | null;
  message_ts: string | null;
  version: number;
  approval_round: number;
  created_at: Date;
  updated_at: Date;
}

function toStep(r: StepRow): Step {
  return {
    id: r.id,
    incidentId: r.incident_id,
    position: r.position,
    stepKey: r.step_key,
    kind: r.kind,
    risk: r.risk,
    state: r.state,
    failedPhase: r.failed_phase,
    planDigest: r.plan_digest,
    findings: unpackJson<Finding[]>(r.findings),
    error: r.error,
    decidedBy: r.decided_by,
    reason: r.reason,
    messageTs: r.message_ts,
    version: r.version,
    approvalRound: r.approval_round,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function insertStep(
  q: Queryable,
  s: Pick<Step, 'id' | 'incidentId' | 'position' | 'stepKey' | 'kind' | 'risk' | 'state'>,
): Promise<Step> {
  const { rows } = await q.query<StepRow>(
    `INSERT INTO steps (id, incident_id, position, step_key, kind, risk, state)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [s.id, s.incidentId, s.position, s.stepKey, s.kind, s.risk, s.state],
  );
  return toStep(rows[0]!);
}

/**
 * The step, or null when there is none. An id that is not a UUID (a forged or mangled button value)
 * names no step and never reaches the database, so callers need not catch anything: a lookup that
 * throws means storage failed, and that must reach the user as such (never "no such step").
 */
export async function findStep(
  q: Queryable,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<Step | null> {
  if (!isUuid(id)) return null;
  const { rows } = await q.query<StepRow>(
    `SELECT * FROM steps WHERE id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toStep(rows[0]) : null;
}

export async function getStep(q: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<Step> {
  const step = await findStep(q, id, opts);
  if (!step) throw new NotFoundError('step_not_found', 'That step does not exist.');
  return step;
}

/** Only the step's key (its findings can be large on a big account); null when there is no such step. */
export async function findStepKey(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ step_key: string }>('SELECT step_key FROM steps WHERE id = $1', [id]);
  return rows[0]?.step_key ?? null;
}

/** How many of the incident's automated steps are still to be discovered or being discovered. */
export async function countStepsToDiscover(q: Queryable, incidentId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM steps
      WHERE incident_id = $1 AND kind = 'automated' AND state IN ('pending', 'discovering')`,
    [incidentId],
  );
  return rows[0]?.n ?? 0;
}

export async function listSteps(q: Queryable, incidentId: string): Promise<Step[]> {
  const { rows } = await q.query<StepRow>('SELECT * FROM steps WHERE incident_id = $1 ORDER BY position', [
    incidentId,
  ]);
  return rows.map(toStep);
}

/** Steps of open incidents left mid-flight by a crash (discovering, approved or executing). */
export async function listInFlightSteps(q: Queryable): Promise<Step[]> {
  const { rows } = await q.query<StepRow>(
    `SELECT s.* FROM steps s JOIN incidents i ON i.id = s.incident_id
     WHERE i.status = 'open' AND s.state IN ('discovering', 'approved', 'executing')
     ORDER BY s.incident_id, s.position`,
  );
  return rows.map(toStep);
}

export type StepPatch = Partial<
  Pick<
    Step,
    'state' | 'failedPhase' | 'planDigest' | 'findings' | 'error' | 'decidedBy' | 'reason' | 'messageTs'
  >
> & {
  /** Begin the next approval round (the decisions given so far stop counting). */
  newApprovalRound?: boolean;
};

type ColumnKey = Exclude<keyof StepPatch, 'newApprovalRound'>;

const COLUMNS: Record<ColumnKey, string> = {
  state: 'state',
  failedPhase: 'failed_phase',
  planDigest: 'plan_digest',
  findings: 'findings',
  error: 'error',
  decidedBy: 'decided_by',
  reason: 'reason',
  messageTs: 'message_ts',
};

/** Applies the patch, bumps `version` (card redraws compare it) and returns the new row. */
export async function updateStep(q: Queryable, id: string, patch: StepPatch): Promise<Step> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, column] of Object.entries(COLUMNS) as [ColumnKey, string][]) {
    if (!(key in patch)) continue;
    const value = patch[key];
    if (key === 'findings') params.push(value == null ? null : packJson(value));
    else params.push(key === 'error' ? (value == null ? null : JSON.stringify(value)) : value);
    sets.push(`${column} = $${params.length}`);
  }
  if (patch.newApprovalRound) sets.push('approval_round = approval_round + 1');
  // Findings just written are not read back: on a 100,000-number account they are ~10 MB of JSON,
  // and sending them back in the same statement took PGlite's WASM memory (which never shrinks)
  // ~35 MB further than writing them alone (bench/scale).
  const written = 'findings' in patch;
  const { rows } = await q.query<StepRow>(
    `UPDATE steps SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1
     RETURNING ${written ? STEP_COLUMNS_BUT_FINDINGS : '*'}`,
    params,
  );
  if (!rows[0]) throw new NotFoundError('step_not_found', 'That step does not exist.');
  if (!written) return toStep(rows[0]);
  // The row left the findings out: they are the ones just written.
  return { ...toStep({ ...rows[0], findings: null }), findings: patch.findings ?? null };
}

/** Every column of `steps` but `findings`. */
const STEP_COLUMNS_BUT_FINDINGS = `id, incident_id, position, step_key, kind, risk, state, failed_phase,
  plan_digest, error, decided_by, reason, message_ts, version, approval_round, created_at, updated_at`;

/** Where the step's card is; not a change of the step itself, so `version` stays. */
export async function setStepMessageTs(q: Queryable, id: string, ts: string): Promise<void> {
  await q.query('UPDATE steps SET message_ts = $2 WHERE id = $1', [id, ts]);
}

/** The position after the incident's last step (a step added later, such as a watch alert, goes last). */
export async function nextStepPosition(q: Queryable, incidentId: string): Promise<number> {
  const { rows } = await q.query<{ next: number }>(
    'SELECT COALESCE(MAX(position), 0) + 1 AS next FROM steps WHERE incident_id = $1',
    [incidentId],
  );
  return Number(rows[0]!.next);
}
