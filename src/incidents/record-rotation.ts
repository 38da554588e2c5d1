/** A credential Reclaim works with that an action rotated, sealed into the incident's connection. */
import type { NewAuditEntry } from '../audit/append-audit.js';
import type { Queryable } from '../db/db.js';
import { connectionOf, type ProviderCredential } from '../domain/connection.js';
import type { Incident, Step } from '../domain/types.js';
import type { UseCaseDeps } from './deps.js';

/**
 * In the caller's transaction (the one that records the action): a new version of the incident's
 * connection for the credential's provider. Returns the audit entry to append (label and version,
 * never the credential). A rehearsal has no connection (its simulator keeps its own token).
 */
export async function recordRotation(
  tx: Queryable,
  deps: Pick<UseCaseDeps, 'connections'>,
  at: { incident: Incident; step: Step },
  credential: ProviderCredential,
): Promise<NewAuditEntry | null> {
  const { incident, step } = at;
  if (incident.rehearsal || !deps.connections) return null;
  const label = connectionOf(incident.connections, credential.provider);
  const version = await deps.connections.rotate(tx, label, credential);
  return {
    incidentId: incident.id,
    actor: 'reclaim',
    action: 'connection.rotated',
    payload: { label, version, stepId: step.id, source: 'playbook' },
  };
}
