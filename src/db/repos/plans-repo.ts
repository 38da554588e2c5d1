import type { ActionState, PlanAction, PlannedAction, StepError } from '../../domain/types.js';
import type { Queryable } from '../db.js';

interface ActionRow {
  id: number;
  step_id: string;
  plan_digest: string;
  position: number;
  kind: string;
  target: string;
  params: Record<string, unknown>;
  description: string;
  state: ActionState;
  attempts: number;
  result: Record<string, unknown> | null;
  error: StepError | null;
}

function toAction(r: ActionRow): PlanAction {
  return {
    id: r.id,
    stepId: r.step_id,
    planDigest: r.plan_digest,
    position: r.position,
    kind: r.kind,
    target: r.target,
    params: r.params,
    description: r.description,
    state: r.state,
    attempts: r.attempts,
    result: r.result,
    error: r.error,
  };
}

/**
 * Stores a plan and one row per action. A plan already stored under the same digest (discovery ran
 * again and found the same thing) keeps its rows, so their states survive.
 */
export async function savePlan(
  q: Queryable,
  stepId: string,
  digest: string,
  summary: string,
  actions: readonly PlannedAction[],
): Promise<void> {
  const inserted = await q.query(
    `INSERT INTO plans (step_id, digest, summary) VALUES ($1, $2, $3) ON CONFLICT (step_id, digest) DO NOTHING`,
    [stepId, digest, summary],
  );
  if (inserted.rowCount === 0) return;
  for (const [position, a] of actions.entries()) {
    await q.query(
      `INSERT INTO plan_actions (step_id, plan_digest, position, kind, target, params, description)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [stepId, digest, position, a.kind, a.target, JSON.stringify(a.params), a.description],
    );
  }
}

export async function getPlanSummary(q: Queryable, stepId: string, digest: string): Promise<string | null> {
  const { rows } = await q.query<{ summary: string }>(
    'SELECT summary FROM plans WHERE step_id = $1 AND digest = $2',
    [stepId, digest],
  );
  return rows[0]?.summary ?? null;
}

export async function listPlanActions(q: Queryable, stepId: string, digest: string): Promise<PlanAction[]> {
  const { rows } = await q.query<ActionRow>(
    'SELECT * FROM plan_actions WHERE step_id = $1 AND plan_digest = $2 ORDER BY position',
    [stepId, digest],
  );
  return rows.map(toAction);
}

/** The job row still carries this token and runs: the claim that drew it is the job's current one. */
const TOKEN_HOLDS = `EXISTS (SELECT 1 FROM jobs WHERE fence = $2::bigint AND state = 'running')`;

/** What claiming an action gave: the claim and the state it was in before, or why not. */
export type ActionClaim =
  | { claimed: true; previous: ActionState }
  | { claimed: false; reason: 'done' | 'stale' | 'missing' };

/**
 * Claims an action for the job claim holding fencing token `token` (compare-and-set): only an
 * action not done, never claimed under a larger token, while the token is still its job's current
 * one and the lease has not run out. The claim records the token and counts the attempt; a `done`
 * action is never set back. Run it in a transaction, so `previous` is the state it replaced.
 */
export async function startAction(q: Queryable, id: number, token: number): Promise<ActionClaim> {
  const { rows } = await q.query<{ state: ActionState; fence: number | null }>(
    'SELECT state, fence FROM plan_actions WHERE id = $1 FOR UPDATE',
    [id],
  );
  const old = rows[0];
  if (!old) return { claimed: false, reason: 'missing' };
  if (old.state === 'done') return { claimed: false, reason: 'done' };
  const { rowCount } = await q.query(
    `UPDATE plan_actions SET state = 'running', attempts = attempts + 1, fence = $2::bigint, updated_at = now()
     WHERE id = $1 AND state <> 'done' AND (fence IS NULL OR fence <= $2::bigint)
       AND EXISTS (SELECT 1 FROM jobs WHERE fence = $2::bigint AND state = 'running' AND locked_until > now())`,
    [id, token],
  );
  return rowCount === 1 ? { claimed: true, previous: old.state } : { claimed: false, reason: 'stale' };
}

/**
 * Records how an action ended, only under the token that claimed it (compare-and-set): the action
 * is running under `token` and the token is still its job's. False when not: nothing was written.
 */
export async function finishAction(
  q: Queryable,
  id: number,
  token: number,
  outcome: { state: 'done'; result: Record<string, unknown> } | { state: 'failed'; error: StepError },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE plan_actions SET state = $3, result = $4, error = $5, updated_at = now()
     WHERE id = $1 AND state = 'running' AND fence = $2::bigint AND ${TOKEN_HOLDS}`,
    [
      id,
      token,
      outcome.state,
      outcome.state === 'done' ? JSON.stringify(outcome.result) : null,
      outcome.state === 'failed' ? JSON.stringify(outcome.error) : null,
    ],
  );
  return rowCount === 1;
}
