/** At close, the credentials nobody revealed are wiped: a sealed copy must not outlive its incident. */
import type { Queryable } from '../db/db.js';

/** Wipes every sealed secret of the incident that was never revealed; returns which ones. */
export async function wipeUnrevealedSecrets(
  tx: Queryable,
  incidentId: string,
  at: Date,
): Promise<{ id: string; label: string; stepId: string | null }[]> {
  const { rows } = await tx.query<{ id: string; label: string; step_id: string | null }>(
    `UPDATE sealed_secrets SET ciphertext = NULL, iv = NULL, auth_tag = NULL, wiped_at = $2,
       reveal_claimed_by = NULL, reveal_claimed_until = NULL
     WHERE incident_id = $1 AND revealed_at IS NULL AND wiped_at IS NULL
     RETURNING id, label, step_id`,
    [incidentId, at],
  );
  return rows
    .map((r) => ({ id: r.id, label: r.label, stepId: r.step_id }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** How many of the incident's secrets were wiped at close without ever being revealed. */
export async function countWipedUnrevealed(q: Queryable, incidentId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM sealed_secrets
     WHERE incident_id = $1 AND wiped_at IS NOT NULL AND revealed_at IS NULL`,
    [incidentId],
  );
  return rows[0]?.n ?? 0;
}
