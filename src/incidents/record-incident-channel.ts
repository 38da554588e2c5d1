/** The incident's channel, stored with its audit entry once Slack has made it. */
import { appendAudit } from '../audit/append-audit.js';
import { setIncidentChannel } from '../db/repos/incidents-repo.js';
import type { UseCaseDeps } from './deps.js';

/** Records the channel the incident is worked in, and audits it, in one transaction. */
export async function recordIncidentChannel(
  deps: Pick<UseCaseDeps, 'db'>,
  input: { incidentId: string; channelId: string; channelName: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await setIncidentChannel(tx, input.incidentId, input.channelId);
    await appendAudit(tx, {
      incidentId: input.incidentId,
      actor: 'reclaim',
      action: 'incident.channel_created',
      payload: { channelId: input.channelId, channelName: input.channelName },
    });
  });
}
