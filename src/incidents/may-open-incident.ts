/** Whether an incident may be opened: a playbook for it, and (a real one) the configured team asking. */
import type { Actor } from '../domain/actor.js';
import { mayOpenRealIncident, NOT_ON_OPENING_TEAM_MESSAGE } from '../domain/team.js';
import type { IncidentProvider } from '../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/** Whether this release can run such an incident (a rehearsal needs the provider's simulator). */
export function hasPlaybookFor(
  deps: Pick<UseCaseDeps, 'playbooks'>,
  input: { provider: IncidentProvider; rehearsal: boolean },
): boolean {
  return deps.playbooks.supports(input.provider, input.rehearsal);
}

/**
 * Anyone may open a rehearsal; a real incident only the responders and approvers (RECLAIM_APPROVERS,
 * or the approver group, whose membership comes with the actor), unless no team is configured.
 */
export function mayOpenIncident(
  deps: Pick<UseCaseDeps, 'approvers' | 'hasApproverGroup' | 'responders'>,
  input: Actor & { rehearsal: boolean },
): { ok: true } | Refusal {
  if (input.rehearsal || mayOpenRealIncident(deps, input)) return { ok: true };
  return refuse('not_on_team', NOT_ON_OPENING_TEAM_MESSAGE);
}
