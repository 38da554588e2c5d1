/** At close: the connections given for this incident only are removed with every credential, audited. */
import { appendAudit } from '../audit/append-audit.js';
import type { Queryable } from '../db/db.js';
import { listConnections } from '../db/repos/connections-repo.js';
import type { UseCaseDeps } from './deps.js';

/** In the close's transaction; returns the labels wiped (none without a store). */
export async function wipeIncidentConnections(
  tx: Queryable,
  deps: Pick<UseCaseDeps, 'connections'>,
  incidentId: string,
): Promise<string[]> {
  const store = deps.connections;
  if (!store) return [];
  // Read in the close's transaction: on PGlite (one connection) a read beside it would wait for it.
  const own = (await listConnections(tx)).filter(
    (c) => c.source === 'incident' && c.incidentId === incidentId,
  );
  for (const c of own) await store.remove(tx, c.label);
  if (own.length > 0) {
    await appendAudit(tx, {
      incidentId,
      actor: 'reclaim',
      action: 'connection.wiped',
      payload: { labels: own.map((c) => c.label), reason: 'given for this incident only' },
    });
  }
  return own.map((c) => c.label);
}
