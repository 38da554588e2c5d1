import type { App, RespondFn } from '@slack/bolt';
import { configuredProviders } from '../../config/config.js';
import { findChannelIncident } from '../../incidents/views/find-channel-incident.js';
import { listIncidentsFor } from '../../incidents/views/list-incidents-for.js';
import { loadProgressView } from '../../incidents/views/load-progress-view.js';
import { stopWatch } from '../../incidents/watch/stop-watch.js';
import { buildIncidentList } from '../blocks/build-incident-list.js';
import { buildProgressCard } from '../blocks/build-progress-card.js';
import { buildRefusal, buildUsageMessage } from '../blocks/build-usage-message.js';
import type { SlackMessage } from '../blocks/types.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { type ParsedCommand, parseCommand } from '../commands/parse-command.js';
import { closeIncidentInSlack } from '../flows/close-incident-flow.js';
import { answerErrors, type Reply } from './answer.js';
import { connectionCommand } from './connection-command.js';
import { postureCommand } from './posture-command.js';
import { startCommand } from './start-command.js';
import { openStartModal } from './start-modal.js';

export const COMMAND = '/compromise';

const ephemeral =
  (respond: RespondFn): Reply =>
  async (message: SlackMessage) => {
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks as never });
  };

/** `/compromise start|status|list|close|help`: acked at once, answered ephemerally. */
export function registerCompromiseCommand(app: App, ctx: SlackContext, cards: CardDrawer): void {
  app.command(COMMAND, async ({ ack, command, respond, context }) => {
    const parsed = parseCommand(command.text ?? '', ctx.deps.now());
    await ack(
      parsed.kind === 'start'
        ? { response_type: 'ephemeral', text: `Opening a ${parsed.provider} incident…` }
        : undefined,
    );
    ctx.acked(context, 'command');
    const reply = ephemeral(respond);
    await ctx.afterAck(() =>
      answerErrors(ctx.logger, reply, `${COMMAND} ${parsed.kind}`, () =>
        dispatch(
          ctx,
          cards,
          parsed,
          { userId: command.user_id, channelId: command.channel_id, triggerId: command.trigger_id },
          reply,
        ),
      ),
    );
  });
}

async function dispatch(
  ctx: SlackContext,
  cards: CardDrawer,
  parsed: ParsedCommand,
  who: { userId: string; channelId: string; triggerId: string },
  reply: Reply,
): Promise<void> {
  switch (parsed.kind) {
    case 'start_modal':
      return openStartModal(ctx, who);
    case 'connect':
    case 'connect_subaccount':
    case 'connections':
    case 'disconnect':
      return connectionCommand(ctx, parsed, who, reply);
    case 'help':
      return reply(buildUsageMessage());
    case 'invalid':
      return reply(buildUsageMessage(parsed.problem));
    case 'start':
      return startCommand(ctx, cards, parsed, who.userId, reply, configuredProviders);
    case 'list': {
      const listed = await listIncidentsFor(ctx.deps, await ctx.actorOf(who.userId));
      if (!listed.ok) return reply(buildRefusal(listed.message));
      return reply(buildIncidentList(listed.incidents, ctx.deps.now()));
    }
    case 'status': {
      const incident = await findChannelIncident(ctx.deps, who.channelId);
      if (!incident) return reply(buildRefusal(NOT_AN_INCIDENT_CHANNEL));
      const view = await loadProgressView(ctx.deps, incident.id, {
        now: ctx.deps.now(),
        delayedBySlack: ctx.gateway.isRateLimited(),
      });
      return reply(buildProgressCard(view));
    }
    case 'check':
      return postureCommand(ctx, parsed, who, reply);
    case 'watch_stop': {
      const incident = await findChannelIncident(ctx.deps, who.channelId);
      if (!incident) return reply(buildRefusal(NOT_AN_INCIDENT_CHANNEL));
      const out = await stopWatch(ctx.deps, { ...(await ctx.actorOf(who.userId)), incidentId: incident.id });
      if (!out.ok) return reply(buildRefusal(out.message));
      await cards.drawProgressNow(incident.id);
      return reply({
        text: `The watch is stopped (${out.watch.runs} runs, ${out.watch.alerts} alerts).`,
        blocks: [],
      });
    }
    case 'close': {
      const incident = await findChannelIncident(ctx.deps, who.channelId);
      if (!incident) return reply(buildRefusal(NOT_AN_INCIDENT_CHANNEL));
      const out = await closeIncidentInSlack(ctx, cards, {
        ...(await ctx.actorOf(who.userId)),
        incidentId: incident.id,
        force: parsed.force,
        reason: parsed.reason,
      });
      if (!out.ok) return reply(buildRefusal(out.message));
      return reply({ text: 'Incident closed; the report is in the channel.', blocks: [] });
    }
  }
}

export const NOT_AN_INCIDENT_CHANNEL =
  'This is not an incident channel. Run it in the channel of an open incident; `/compromise list` shows them.';
