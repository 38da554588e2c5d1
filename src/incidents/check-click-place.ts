/** A step-card click counts only from that step's own card: its incident channel and its message. */
import { appendAudit } from '../audit/append-audit.js';
import { getIncident } from '../db/repos/incidents-repo.js';
import { findStep } from '../db/repos/steps-repo.js';
import { type Refusal, refuse, type UseCaseDeps } from './deps.js';

export interface ClickPlace {
  userId: string;
  stepId: string;
  /** The button's action id, for the audit entry. */
  action: string;
  /** Where the click came from, as Slack says: the channel and the message the button is on. */
  channelId: string | undefined;
  messageTs: string | undefined;
}

export const WRONG_PLACE_MESSAGE =
  "That button is not on this step's card in its incident channel, so nothing was changed. Use the card in the incident channel.";

/**
 * Whether the click came from the step's own card: the step's incident channel, and (once the
 * card's ts is recorded) that very message. Anything else is refused and audited, and nothing
 * changes; a step id that names no step is refused as unknown.
 */
export async function checkClickPlace(
  deps: Pick<UseCaseDeps, 'db'>,
  click: ClickPlace,
): Promise<{ ok: true } | Refusal> {
  const step = await findStep(deps.db, click.stepId);
  if (!step) return refuse('step_not_found', 'That step does not exist.');
  const incident = await getIncident(deps.db, step.incidentId);
  const channelOk = incident.channelId !== null && click.channelId === incident.channelId;
  const messageOk = step.messageTs === null || click.messageTs === step.messageTs;
  if (channelOk && messageOk) return { ok: true };
  await deps.db.transaction((tx) =>
    appendAudit(tx, {
      incidentId: incident.id,
      actor: click.userId,
      action: 'click.refused',
      payload: {
        stepId: step.id,
        stepKey: step.stepKey,
        actionId: click.action,
        code: 'click_wrong_place',
        channelId: click.channelId ?? null,
        messageTs: click.messageTs ?? null,
      },
    }),
  );
  return refuse('click_wrong_place', WRONG_PLACE_MESSAGE);
}
