import type { Actor, ApproverSettings } from './actor.js';
import type { Incident } from './types.js';

/** The configured team: RECLAIM_APPROVERS, RECLAIM_APPROVER_GROUP (set or not) and RECLAIM_RESPONDERS. */
export type TeamSettings = ApproverSettings & { responders: readonly string[] };

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

/** Whether any team is configured at all: an approver, an approver group or a responder. */
export function teamConfigured(team: TeamSettings): boolean {
  return team.approvers.length > 0 || team.responders.length > 0 || team.hasApproverGroup;
}

/**
 * Whether the actor is on the configured team: a listed approver or responder, or a member of the
 * approver group (as the front door found; a failed lookup finds nobody). Nobody is while no team
 * is configured: that fails closed.
 */
export function isOnConfiguredTeam(team: TeamSettings, actor: Actor): boolean {
  if (team.approvers.includes(actor.userId) || team.responders.includes(actor.userId)) return true;
  return team.hasApproverGroup && actor.inApproverGroup === true;
}

/**
 * Who may open a real incident: the configured responders and approvers (the approver group's
 * members too). With no team configured nobody may. Rehearsals are anyone's.
 */
export function mayOpenRealIncident(team: TeamSettings, actor: Actor): boolean {
  return isOnConfiguredTeam(team, actor);
}

export const NOT_ON_OPENING_TEAM_MESSAGE =
  'Only the configured responders and approvers can open a real incident. Ask one of them, or start a rehearsal.';

export const NO_TEAM_MESSAGE =
  'Nobody can open a real incident yet: no team is configured. The operator must set RECLAIM_APPROVERS, RECLAIM_APPROVER_GROUP or RECLAIM_RESPONDERS (Slack user or group IDs) and restart Reclaim. Rehearsals work meanwhile: add `--rehearsal`.';
