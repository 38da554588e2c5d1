import type { Actor } from '../../domain/actor.js';
import type { Incident } from '../../domain/types.js';
import { anchorAuditChain } from '../../incidents/anchor-audit-chain.js';
import { closeIncident } from '../../incidents/close-incident.js';
import { recordIncidentChannel } from '../../incidents/record-incident-channel.js';
import { launchDiscovery, type StartIncidentInput, startIncident } from '../../incidents/start-incident.js';
import { clip } from '../blocks/mrkdwn.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { channelName } from '../channel-name.js';
import { SlackCallError } from '../gateway/slack-call-error.js';

const MAX_NAME_ATTEMPTS = 20;

export interface OpenedIncident {
  incident: Incident;
  channelId: string;
  channelName: string;
  /** Users Slack would not invite, with its reason (also said in the channel). */
  inviteFailures: { user: string; error: string }[];
  /**
   * Settles once every card is posted and the checklist's discovery is queued. The cards go out at
   * Slack's pace (about one a second), so the caller does not wait for them: the after-ack slot it
   * holds is free at once for the next click (Contain now's Approve above all).
   */
  cardsPosted: Promise<void>;
}

/**
 * `/compromise start`: the incident and its steps (Contain now's discovery queued with them), a
 * private channel named after the day and the label (`-2`, `-3`… when taken), the requester and
 * responders invited, the topic; then, without waiting, the pinned progress card, one card per
 * step and discovery (`cardsPosted`). If no channel can be made, the incident is closed again with
 * the reason, so nothing is left half open.
 */
export async function openIncident(
  ctx: SlackContext,
  cards: CardDrawer,
  input: Omit<StartIncidentInput, 'requestedBy'> & { now: Date; requester: Actor },
): Promise<OpenedIncident> {
  const { now, requester, ...fields } = input;
  const { incident } = await startIncident(ctx.deps, { ...fields, requestedBy: requester.userId });
  ctx.wakeWorker(); // Contain now is discovered while the channel is made
  let created: { id: string; name: string };
  try {
    created = await createChannel(ctx, now, input.label);
  } catch (err) {
    const reason =
      err instanceof SlackCallError
        ? `Slack refused to create the channel (${err.slackError})`
        : 'the channel could not be created';
    await closeIncident(ctx.deps, {
      ...requester,
      incidentId: incident.id,
      force: true,
      reason,
    }).catch(() => undefined);
    throw err;
  }
  await recordIncidentChannel(ctx.deps, {
    incidentId: incident.id,
    channelId: created.id,
    channelName: created.name,
  });
  const people = [...new Set([requester.userId, ...ctx.config.responders])];
  const inviteFailures = await ctx.gateway.invite(created.id, people);
  const kind = input.rehearsal ? 'Rehearsal' : 'Account takeover';
  await ctx.gateway
    .setTopic(
      created.id,
      // The label is the requester's text: escaped, so it cannot become a mention or a link.
      `${kind}: ${input.provider} ${clip(input.label, 80)}${incident.connections?.length ? ` through ${incident.connections.join(' + ')}` : ''}. Follow the pinned progress card; /compromise status`,
    )
    .catch((err: unknown) => ctx.logger.warn({ code: (err as SlackCallError).slackError }, 'topic not set'));
  if (inviteFailures.length > 0) {
    const lines = inviteFailures.map((f) => `• <@${f.user}>: ${f.error.replace(/_/g, ' ')}`);
    await ctx.gateway.post(created.id, {
      text: 'Some responders could not be invited',
      blocks: [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: `:warning: Slack would not invite:\n${lines.join('\n')}` },
        },
      ],
    });
  }
  const cardsPosted = postCardsThenDiscover(ctx, cards, incident.id);
  return { incident, channelId: created.id, channelName: created.name, inviteFailures, cardsPosted };
}

/**
 * The progress card and every step card (Contain now first), then the checklist's discovery and
 * the audit anchor. A card Slack would not take is logged and posted by the next redraw; discovery
 * starts all the same (its results are drawn on the cards once they exist).
 */
async function postCardsThenDiscover(
  ctx: SlackContext,
  cards: CardDrawer,
  incidentId: string,
): Promise<void> {
  try {
    await cards.ensureIncidentCards(incidentId);
  } catch (err) {
    ctx.logger.warn(
      { incidentId, err: (err as Error).message },
      'incident cards not all posted; the next redraw posts them',
    );
  }
  try {
    await launchDiscovery(ctx.deps, incidentId);
    ctx.wakeWorker();
    await anchorAuditChain(ctx.deps, incidentId, 'incident opened');
  } catch (err) {
    ctx.logger.error(
      { incidentId, err: (err as Error).message },
      'discovery not queued; it is queued at the next start',
    );
  }
}

async function createChannel(
  ctx: SlackContext,
  now: Date,
  label: string,
): Promise<{ id: string; name: string }> {
  for (let attempt = 1; ; attempt += 1) {
    const name = channelName(now, label, attempt);
    try {
      const { id } = await ctx.gateway.createChannel(name, true);
      return { id, name };
    } catch (err) {
      if (err instanceof SlackCallError && err.slackError === 'name_taken' && attempt < MAX_NAME_ATTEMPTS)
        continue;
      throw err;
    }
  }
}
