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

/** Marks an action running and counts the attempt; returns the state it was in before. */
export async function startAction(q: Queryable, id: number): Promise<ActionState> {
  const { rows } = await q.query<{ previous: ActionState }>(
    `WITH old AS (SELECT id, state FROM plan_actions WHERE id = $1 FOR UPDATE)
     UPDATE plan_actions p SET state = 'running', attempts = p.attempts + 1, updated_at = now()
     FROM old WHERE p.id = old.id RETURNING old.state AS previous`,
    [id],
  );
  return rows[0]!.previous;
}

export async function finishAction(
  q: Queryable,
  id: number,
  outcome: { state: 'done'; result: Record<string, unknown> } | { state: 'failed'; error: StepError },
): Promise<void> {
  await q.query(
    `UPDATE plan_actions SET state = $2, result = $3, error = $4, updated_at = now() WHERE id = $1`,
    [
      id,
      outcome.state,
      outcome.state === 'done' ? JSON.stringify(outcome.result) : null,
      outcome.state === 'failed' ? JSON.stringify(outcome.error) : null,
    ],
  );
}
