import type { Approval } from '../../domain/types.js';
import type { Queryable } from '../db.js';

interface ApprovalRow {
  step_id: string;
  user_id: string;
  plan_digest: string;
  decision: 'approve' | 'reject';
  reason: string | null;
  created_at: Date;
}

const toApproval = (r: ApprovalRow): Approval => ({
  stepId: r.step_id,
  userId: r.user_id,
  planDigest: r.plan_digest,
  decision: r.decision,
  reason: r.reason,
  createdAt: r.created_at,
});

/** Records a decision; false when this user already decided on this plan (a duplicate delivery). */
export async function insertApproval(
  q: Queryable,
  a: Pick<Approval, 'stepId' | 'userId' | 'planDigest' | 'decision' | 'reason'>,
): Promise<boolean> {
  const res = await q.query(
    `INSERT INTO approvals (step_id, user_id, plan_digest, decision, reason) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (step_id, user_id, plan_digest) DO NOTHING`,
    [a.stepId, a.userId, a.planDigest, a.decision, a.reason],
  );
  return res.rowCount === 1;
}

export async function listApprovals(q: Queryable, stepId: string, digest?: string): Promise<Approval[]> {
  const { rows } = await q.query<ApprovalRow>(
    `SELECT * FROM approvals WHERE step_id = $1 ${digest ? 'AND plan_digest = $2' : ''} ORDER BY id`,
    digest ? [stepId, digest] : [stepId],
  );
  return rows.map(toApproval);
}
