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

/** Rows written by one INSERT when a plan is stored (a plan can hold tens of thousands of actions). */
const ACTIONS_PER_INSERT = 1000;

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
  for (let from = 0; from < actions.length; from += ACTIONS_PER_INSERT) {
    const rows = actions.slice(from, from + ACTIONS_PER_INSERT).map((a, i) => ({
      position: from + i,
      kind: a.kind,
      target: a.target,
      params: a.params,
      description: a.description,
    }));
    await q.query(
      `INSERT INTO plan_actions (step_id, plan_digest, position, kind, target, params, description)
       SELECT $1, $2, a.position, a.kind, a.target, a.params, a.description
         FROM jsonb_to_recordset($3::jsonb) AS a(position integer, kind text, target text, params jsonb, description text)`,
      [stepId, digest, JSON.stringify(rows)],
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
const TOKEN_HOLDS = `EXISTS (SELECT 1 FROM jobs WHERE fence = $1::bigint AND state = 'running')`;

/** What claiming an action gave: the claim and the state it was in before, or why not. */
export type ActionClaim =
  | { claimed: true; previous: ActionState }
  | { claimed: false; reason: 'done' | 'stale' | 'missing' };

/**
 * Claims actions for the job claim holding fencing token `token` (compare-and-set), all in two
 * statements: only an action not done, never claimed under a larger token, while the token is still
 * its job's current one and the lease has not run out. A claim records the token and counts the
 * attempt; a `done` action is never set back. Run it in a transaction, so `previous` is the state
 * each claim replaced. The answer has one entry per id asked for.
 */
export async function claimActions(
  q: Queryable,
  ids: readonly number[],
  token: number,
): Promise<Map<number, ActionClaim>> {
  const { rows } = await q.query<{ id: number; state: ActionState }>(
    'SELECT id, state FROM plan_actions WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE',
    [ids],
  );
  const before = new Map(rows.map((r) => [Number(r.id), r.state]));
  const open = ids.filter((id) => before.has(id) && before.get(id) !== 'done');
  const claimedIds = new Set<number>();
  if (open.length > 0) {
    const updated = await q.query<{ id: number }>(
      `UPDATE plan_actions SET state = 'running', attempts = attempts + 1, fence = $2::bigint, updated_at = now()
       WHERE id = ANY($1::bigint[]) AND state <> 'done' AND (fence IS NULL OR fence <= $2::bigint)
         AND EXISTS (SELECT 1 FROM jobs WHERE fence = $2::bigint AND state = 'running' AND locked_until > now())
       RETURNING id`,
      [open, token],
    );
    for (const r of updated.rows) claimedIds.add(Number(r.id));
  }
  const claims = new Map<number, ActionClaim>();
  for (const id of ids) {
    const previous = before.get(id);
    if (previous === undefined) claims.set(id, { claimed: false, reason: 'missing' });
    else if (previous === 'done') claims.set(id, { claimed: false, reason: 'done' });
    else if (claimedIds.has(id)) claims.set(id, { claimed: true, previous });
    else claims.set(id, { claimed: false, reason: 'stale' });
  }
  return claims;
}

/** One action's claim: `claimActions` for one id. */
export async function startAction(q: Queryable, id: number, token: number): Promise<ActionClaim> {
  return (await claimActions(q, [id], token)).get(id)!;
}

/** How one action ended. */
export type ActionEnd =
  | { state: 'done'; result: Record<string, unknown> }
  | { state: 'failed'; error: StepError };

/**
 * Records how actions ended, in one statement, only under the token that claimed them
 * (compare-and-set): each is running under `token` and the token is still its job's. Returns the
 * ids recorded; one missing from it was not written.
 */
export async function finishActions(
  q: Queryable,
  token: number,
  ends: readonly { id: number; end: ActionEnd }[],
): Promise<Set<number>> {
  if (ends.length === 0) return new Set();
  const rows = ends.map(({ id, end }) => ({
    id,
    state: end.state,
    result: end.state === 'done' ? end.result : null,
    error: end.state === 'failed' ? end.error : null,
  }));
  // `p.id = ANY($3)` lets the planner find the rows by key rather than scan a plan's 10,000.
  const { rows: finished } = await q.query<{ id: number }>(
    `UPDATE plan_actions p SET state = e.state, result = e.result, error = e.error, updated_at = now()
       FROM jsonb_to_recordset($2::jsonb) AS e(id bigint, state text, result jsonb, error jsonb)
      WHERE p.id = ANY($3::bigint[]) AND p.id = e.id AND p.state = 'running' AND p.fence = $1::bigint
        AND ${TOKEN_HOLDS}
      RETURNING p.id`,
    [token, JSON.stringify(rows), ends.map((e) => e.id)],
  );
  return new Set(finished.map((r) => Number(r.id)));
}

/**
 * Records how one action ended, only under the token that claimed it (compare-and-set): the action
 * is running under `token` and the token is still its job's. False when not: nothing was written.
 */
export async function finishAction(
  q: Queryable,
  id: number,
  token: number,
  end: ActionEnd,
): Promise<boolean> {
  return (await finishActions(q, token, [{ id, end }])).has(id);
}
