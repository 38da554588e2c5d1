/** Whether an incident may be opened: a playbook for it, the configured team asking, a rehearsal limit. */
import { countOpenRehearsals } from '../db/repos/incidents-repo.js';
import type { Actor } from '../domain/actor.js';
import {
  isOnConfiguredTeam,
  mayOpenRealIncident,
  NO_TEAM_MESSAGE,
  NOT_ON_OPENING_TEAM_MESSAGE,
  teamConfigured,
} from '../domain/team.js';
import type { IncidentProvider } from '../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

/** Open rehearsals one person outside the configured team may have at a time. */
export const MAX_OPEN_REHEARSALS_PER_USER = 3;

/** Whether this release can run such an incident (a rehearsal needs the provider's simulator). */
export function hasPlaybookFor(
  deps: Pick<UseCaseDeps, 'playbooks'>,
  input: { provider: IncidentProvider; rehearsal: boolean },
): boolean {
  return deps.playbooks.supports(input.provider, input.rehearsal);
}

/**
 * A real incident only the configured team may open (RECLAIM_APPROVERS, RECLAIM_RESPONDERS, or the
 * approver group, whose membership comes with the actor); with no team configured, nobody, and the
 * refusal says what to set. Anyone may open a rehearsal; someone outside the team at most
 * MAX_OPEN_REHEARSALS_PER_USER at a time.
 */
export async function mayOpenIncident(
  deps: Pick<UseCaseDeps, 'db' | 'approvers' | 'hasApproverGroup' | 'responders'>,
  input: Actor & { rehearsal: boolean },
): Promise<{ ok: true } | Refusal> {
  if (!input.rehearsal) {
    if (mayOpenRealIncident(deps, input)) return { ok: true };
    if (!teamConfigured(deps)) return refuse('no_team_configured', NO_TEAM_MESSAGE);
    return refuse('not_on_team', NOT_ON_OPENING_TEAM_MESSAGE);
  }
  if (isOnConfiguredTeam(deps, input)) return { ok: true };
  const open = await countOpenRehearsals(deps.db, input.userId);
  if (open < MAX_OPEN_REHEARSALS_PER_USER) return { ok: true };
  return refuse(
    'too_many_rehearsals',
    `You already have ${open} rehearsals open, the most one person may have at a time. Close one (\`/compromise close\` in its channel) and start again.`,
  );
}
