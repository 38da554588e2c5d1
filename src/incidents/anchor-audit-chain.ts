/** Writes the audit chain's head down outside the database: the anchor file and the incident channel. */
import { appendAnchorFile, readChainHead } from '../audit/anchors.js';
import type { RecordedAnchor } from '../domain/audit-anchor.js';
import { normaliseError } from '../domain/errors.js';
import type { UseCaseDeps } from './deps.js';

/**
 * Called after a change committed (the incident opened, a step settled, the incident closed). An
 * anchor that cannot be written is logged, never thrown: the change it follows stands, and the next
 * anchor covers it. `npm run audit:verify` later checks every anchor against the chain.
 */
export async function anchorAuditChain(
  deps: Pick<UseCaseDeps, 'db' | 'logger' | 'now' | 'notifier' | 'auditAnchorFile'>,
  incidentId: string,
  reason: string,
): Promise<RecordedAnchor | null> {
  try {
    const head = await readChainHead(deps.db);
    if (!head) return null;
    const anchor: RecordedAnchor = { ...head, at: deps.now().toISOString(), reason, incidentId };
    if (deps.auditAnchorFile) await appendAnchorFile(deps.auditAnchorFile, anchor);
    deps.notifier.auditAnchored?.(incidentId, anchor);
    return anchor;
  } catch (err) {
    const e = normaliseError(err);
    deps.logger.warn({ incidentId, code: e.code, err: e.message }, 'audit anchor not written');
    return null;
  }
}
