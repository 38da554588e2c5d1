import type { Actor, ApproverSettings } from './actor.js';
import type { Incident } from './types.js';

/**
 * Who may confirm manual work and retry read-only discovery: the requester, the responders and the
 * approvers (in a rehearsal, anyone). Approving and skipping are the approval policy's business.
 */
export function isOnIncidentTeam(
  incident: Pick<Incident, 'rehearsal' | 'requestedBy'>,
  userId: string,
  approvers: ReadonlySet<string>,
  responders: readonly string[],
): boolean {
  return (
    incident.rehearsal ||
    userId === incident.requestedBy ||
    approvers.has(userId) ||
    responders.includes(userId)
  );
}

export const NOT_ON_TEAM_MESSAGE =
  'Only the requester, the responders and the approvers of this incident can do that.';

/**
 * Who may open a real incident: the configured responders and approvers (the approver group's
 * members too); anyone while no team is configured at all. Rehearsals are anyone's.
 */
export function mayOpenRealIncident(
  team: ApproverSettings & { responders: readonly string[] },
  actor: Actor,
): boolean {
  const listed = [...team.approvers, ...team.responders];
  if (listed.length === 0 && !team.hasApproverGroup) return true;
  return listed.includes(actor.userId) || actor.inApproverGroup === true;
}

export const NOT_ON_OPENING_TEAM_MESSAGE =
  'Only the configured responders and approvers can open a real incident. Ask one of them, or start a rehearsal.';
