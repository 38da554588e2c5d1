import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../src/db/db.js';

export const testKey = (): Buffer => randomBytes(32);

/** An incident with one step, the rows a sealed secret points at. */
export async function insertIncidentWithStep(q: Queryable): Promise<{ incidentId: string; stepId: string }> {
  const incidentId = randomUUID();
  const stepId = randomUUID();
  await q.query(
    `INSERT INTO incidents (id, provider, label, requested_by) VALUES ($1, 'telnyx', 'test', 'U1')`,
    [incidentId],
  );
  await q.query(
    `INSERT INTO steps (id, incident_id, position, step_key, kind, risk, state)
     VALUES ($1, $2, 1, 'telnyx.rotate-sip-credentials', 'automated', 'high', 'executing')`,
    [stepId, incidentId],
  );
  return { incidentId, stepId };
}
