/** The read use case behind `/compromise list`, as the person asking may see it. */
import { listOpenIncidents, listOpenIncidentsRequestedBy } from '../../db/repos/incidents-repo.js';
import type { Actor } from '../../domain/actor.js';
import { isOnConfiguredTeam, teamConfigured } from '../../domain/team.js';
import type { Incident } from '../../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from '../deps.js';

export const LIST_NOT_ON_TEAM_MESSAGE =
  'Only the configured responders and approvers can list the open incidents. Ask one of them.';

/**
 * The open incidents, oldest first: all of them for the configured team (approvers, approver-group
 * members, responders); a refusal for anyone else. With no team configured (a rehearsal-only
 * setup) each person sees only the incidents they opened.
 */
export async function listIncidentsFor(
  deps: Pick<UseCaseDeps, 'db' | 'approvers' | 'hasApproverGroup' | 'responders'>,
  actor: Actor,
): Promise<{ ok: true; incidents: Incident[] } | Refusal> {
  if (!teamConfigured(deps)) {
    return { ok: true, incidents: await listOpenIncidentsRequestedBy(deps.db, actor.userId) };
  }
  if (!isOnConfiguredTeam(deps, actor)) return refuse('not_on_team', LIST_NOT_ON_TEAM_MESSAGE);
  return { ok: true, incidents: await listOpenIncidents(deps.db) };
}
