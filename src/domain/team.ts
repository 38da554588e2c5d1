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
