import type { Queryable } from '../db/db.js';

/** What may be shown about a sealed secret: never its sealed value. */
export interface SealedSecretInfo {
  id: string;
  stepId: string | null;
  label: string;
  createdAt: Date;
  revealedAt: Date | null;
  revealedBy: string | null;
}

interface InfoRow {
  id: string;
  step_id: string | null;
  label: string;
  created_at: Date;
  revealed_at: Date | null;
  revealed_by: string | null;
}

/** The secrets sealed for one step or one incident, oldest first. */
export async function listSealedSecrets(
  q: Queryable,
  scope: { stepId: string } | { incidentId: string },
): Promise<SealedSecretInfo[]> {
  const [column, value] = 'stepId' in scope ? ['step_id', scope.stepId] : ['incident_id', scope.incidentId];
  const { rows } = await q.query<InfoRow>(
    `SELECT id, step_id, label, created_at, revealed_at, revealed_by
     FROM sealed_secrets WHERE ${column} = $1 ORDER BY created_at, id`,
    [value],
  );
  return rows.map((r) => ({
    id: r.id,
    stepId: r.step_id,
    label: r.label,
    createdAt: r.created_at,
    revealedAt: r.revealed_at,
    revealedBy: r.revealed_by,
  }));
}
