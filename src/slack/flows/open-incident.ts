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
}

/**
 * `/compromise start`: the incident and its steps, a private channel named after the day and the
 * label (`-2`, `-3`… when taken), the requester and responders invited, the topic, the pinned
 * progress card, one card per step, then discovery. If no channel can be made, the incident is
 * closed again with the reason, so nothing is left half open.
 */
export async function openIncident(
  ctx: SlackContext,
  cards: CardDrawer,
  input: Omit<StartIncidentInput, 'requestedBy'> & { now: Date; requester: Actor },
): Promise<OpenedIncident> {
  const { now, requester, ...fields } = input;
  const { incident } = await startIncident(ctx.deps, { ...fields, requestedBy: requester.userId });
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
  await cards.ensureIncidentCards(incident.id);
  await launchDiscovery(ctx.deps, incident.id);
  await anchorAuditChain(ctx.deps, incident.id, 'incident opened');
  ctx.wakeWorker();
  return { incident, channelId: created.id, channelName: created.name, inviteFailures };
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
