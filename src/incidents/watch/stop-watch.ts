import { appendAudit } from '../../audit/append-audit.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { findWatch, updateWatch } from '../../db/repos/watch-repo.js';
import { type Actor, approverAuthority } from '../../domain/actor.js';
import { canActAsApprover } from '../../domain/approval-policy.js';
import type { Watch } from '../../domain/watch.js';
import { type Refusal, refuse, type UseCaseDeps } from '../deps.js';

/**
 * `/compromise watch stop` in the incident's channel: no more runs. Watching less is a security
 * decision, so only an approver may (anyone in a rehearsal), closed incident or not: the watch
 * outlives the close. Audited; the runs already queued find the watch stopped and do nothing.
 */
export async function stopWatch(
  deps: UseCaseDeps,
  input: Actor & { incidentId: string },
): Promise<{ ok: true; watch: Watch } | Refusal> {
  const authority = approverAuthority(deps, input);
  const out = await deps.db.transaction(async (tx) => {
    const incident = await getIncident(tx, input.incidentId);
    const allowed = canActAsApprover({
      incident: { ...incident, status: 'open' },
      userId: input.userId,
      ...authority,
    });
    if (!allowed.allowed) return refuse(allowed.code, allowed.message);
    const watch = await findWatch(tx, input.incidentId, { forUpdate: true });
    if (!watch)
      return refuse('watch_not_found', 'This incident has no watch (it was started with `--watch 0`).');
    if (watch.state === 'stopped' || watch.state === 'ended') {
      return refuse('watch_not_running', 'The watch of this incident has already ended.');
    }
    const at = deps.now();
    await updateWatch(tx, input.incidentId, { state: 'stopped', endedBy: input.userId, endedAt: at });
    await appendAudit(tx, {
      incidentId: input.incidentId,
      actor: input.userId,
      action: 'watch.stopped',
      payload: { runs: watch.runs, alerts: watch.alerts, wasWaiting: watch.state === 'waiting' },
    });
    return {
      ok: true as const,
      watch: { ...watch, state: 'stopped' as const, endedBy: input.userId, endedAt: at },
    };
  });
  if (out.ok) deps.notifier.incidentChanged(input.incidentId);
  return out;
}
