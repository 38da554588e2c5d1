import { appendAudit } from '../audit/append-audit.js';
import { getIncident, markIncidentClosed } from '../db/repos/incidents-repo.js';
import { listSteps } from '../db/repos/steps-repo.js';
import { type Actor, approverAuthority } from '../domain/actor.js';
import { canActAsApprover } from '../domain/approval-policy.js';
import { isOpenState } from '../domain/step-machine.js';
import { isOnIncidentTeam, NOT_ON_TEAM_MESSAGE } from '../domain/team.js';
import type { Incident, Step } from '../domain/types.js';
import { wipeUnrevealedSecrets } from '../secrets/wipe-unrevealed.js';
import { anchorAuditChain } from './anchor-audit-chain.js';
import { stillContained } from './containment/still-contained.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';
import { MAX_REASON_LENGTH } from './settle-step.js';
import { wipeIncidentConnections } from './wipe-incident-connections.js';

/** Said when a Contain now still holds the account stopped (it counts as an open step). */
const HELD =
  ' (Contain now still holds the account stopped: press Restore on its card to put it back, or force-close to leave it stopped)';

export interface CloseInput extends Actor {
  incidentId: string;
  force: boolean;
  reason?: string | null;
}

/**
 * Closes an incident. While steps are still open it refuses, unless forced with a reason by an
 * allowed approver; the open steps are named in the audit entry and the report. Every generated
 * credential nobody revealed is wiped with the close, and how many is audited (and reported: they
 * have to be rotated again).
 */
export async function closeIncident(
  deps: UseCaseDeps,
  input: CloseInput,
): Promise<{ ok: true; incident: Incident; openSteps: Step[]; wipedSecrets: number } | Refusal> {
  const authority = approverAuthority(deps, input);
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON_LENGTH) {
    return refuse('reason_too_long', `Keep the reason under ${MAX_REASON_LENGTH} characters.`);
  }
  const out = await deps.db.transaction(async (tx) => {
    const incident = await getIncident(tx, input.incidentId, { forUpdate: true });
    if (incident.status !== 'open') return refuse('incident_closed', 'This incident is already closed.');
    if (!isOnIncidentTeam(incident, input.userId, authority.approvers, deps.responders)) {
      return refuse('not_on_team', NOT_ON_TEAM_MESSAGE);
    }
    const steps = await listSteps(tx, incident.id);
    // A contained account whose Restore was never raised stays stopped after the close: it counts as open.
    const held = await stillContained(tx, steps);
    const open = [...steps.filter((s) => isOpenState(s.state)), ...held];
    if (open.length > 0) {
      if (!input.force) {
        return refuse(
          'steps_open',
          `${open.length} step${open.length === 1 ? ' is' : 's are'} still open${held.length > 0 ? HELD : ''}. Finish or skip ${open.length === 1 ? 'it' : 'them'}, or close with --force "reason".`,
        );
      }
      if (!reason)
        return refuse('reason_required', 'Closing with open steps needs a reason: --force "reason".');
      if (open.some((s) => s.state === 'executing' || s.state === 'approved')) {
        return refuse('step_in_flight', 'A step is executing; wait for it to finish before closing.');
      }
      const allowed = canActAsApprover({ incident, userId: input.userId, ...authority });
      if (!allowed.allowed)
        return refuse(allowed.code, `Only an approver can force-close: ${allowed.message}`);
    }
    const closed = await markIncidentClosed(tx, incident.id, input.userId, reason, deps.now());
    const wiped = await wipeUnrevealedSecrets(tx, incident.id, deps.now());
    await wipeIncidentConnections(tx, deps, incident.id);
    if (wiped.length > 0) {
      await appendAudit(tx, {
        incidentId: incident.id,
        actor: 'reclaim',
        action: 'secrets.wiped_unrevealed',
        payload: { count: wiped.length, secrets: wiped.map((w) => ({ secretId: w.id, label: w.label })) },
      });
    }
    await appendAudit(tx, {
      incidentId: incident.id,
      actor: input.userId,
      action: 'incident.closed',
      payload: {
        forced: open.length > 0,
        reason,
        openSteps: open.map((s) => ({ stepKey: s.stepKey, state: s.state })),
      },
    });
    return { ok: true as const, incident: closed, openSteps: open, wipedSecrets: wiped.length };
  });
  if (out.ok) {
    deps.notifier.incidentChanged(out.incident.id);
    await anchorAuditChain(deps, out.incident.id, 'incident closed');
  }
  return out;
}
