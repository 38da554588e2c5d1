/** The incident a channel belongs to, if it is an incident channel. */
import { findIncidentByChannel } from '../../db/repos/incidents-repo.js';
import type { Incident } from '../../domain/types.js';
import type { UseCaseDeps } from '../deps.js';

export function findChannelIncident(
  deps: Pick<UseCaseDeps, 'db'>,
  channelId: string,
): Promise<Incident | null> {
  return findIncidentByChannel(deps.db, channelId);
}
