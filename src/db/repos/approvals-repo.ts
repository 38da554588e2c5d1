import type { Approval } from '../../domain/types.js';
import type { Queryable } from '../db.js';

interface ApprovalRow {
  step_id: string;
  user_id: string;
  plan_digest: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  round: number;
  created_at: Date;
}

const toApproval = (r: ApprovalRow): Approval => ({
  stepId: r.step_id,
  userId: r.user_id,
  planDigest: r.plan_digest,
  decision: r.decision,
  reason: r.reason,
  round: r.round,
  createdAt: r.created_at,
});

/**
 * Records a decision in the step's current approval round; false when this user already decided
 * on this plan in this round (a duplicate delivery). Run it with the step row locked.
 */
export async function insertApproval(
  q: Queryable,
  a: Pick<Approval, 'stepId' | 'userId' | 'planDigest' | 'decision' | 'reason'>,
): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO approvals (step_id, user_id, plan_digest, decision, reason, round)
     VALUES ($1, $2, $3, $4, $5, (SELECT approval_round FROM steps WHERE id = $1))
     ON CONFLICT (step_id, round, user_id, plan_digest) DO NOTHING`,
    [a.stepId, a.userId, a.planDigest, a.decision, a.reason],
  );
  return res.rowCount === 1;
}

/**
 * With a digest: the decisions on that plan in the step's current approval round, the ones that
 * count now (the policy, the cards). Without: every decision ever given on the step (the report).
 */
export async function listApprovals(q: Queryable, stepId: string, digest?: string): Promise<Approval[]> {
  const { rows } = await q.query<ApprovalRow>(
    digest
      ? `SELECT a.* FROM approvals a JOIN steps s ON s.id = a.step_id
         WHERE a.step_id = $1 AND a.plan_digest = $2 AND a.round = s.approval_round ORDER BY a.id`
      : 'SELECT * FROM approvals WHERE step_id = $1 ORDER BY id',
    digest ? [stepId, digest] : [stepId],
  );
  return rows.map(toApproval);
}
