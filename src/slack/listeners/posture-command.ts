import type { App } from '@slack/bolt';
import { configuredProviders } from '../../config/config.js';
import { checkPosture } from '../../incidents/watch/check-posture.js';
import { buildPostureReport, OPEN_FROM_CHECK } from '../blocks/build-posture-report.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { parseCommand } from '../commands/parse-command.js';
import type { ParsedCommand } from '../commands/parsed-command.js';
import { SlackCallError } from '../gateway/slack-call-error.js';
import { answerErrors, type Reply } from './answer.js';
import { startCommand } from './start-command.js';

/**
 * `/compromise check <connection|sandbox> [--share]`: the posture check, answered to the person who
 * asked, or posted in the channel with `--share` (the bot must be in it).
 */
export async function postureCommand(
  ctx: SlackContext,
  parsed: Extract<ParsedCommand, { kind: 'check' }>,
  who: { userId: string; channelId: string },
  reply: Reply,
): Promise<void> {
  const out = await checkPosture(ctx.deps, { ...(await ctx.actorOf(who.userId)), label: parsed.label });
  if (!out.ok) return reply(buildRefusal(out.message));
  const message = buildPostureReport(out.report);
  if (!parsed.share) return reply(message);
  try {
    await ctx.gateway.post(who.channelId, message);
  } catch (err) {
    if (err instanceof SlackCallError && err.slackError === 'not_in_channel') {
      return reply(
        buildRefusal(
          'Reclaim is not in this channel, so it cannot share the check here: invite it, or run the check without `--share`.',
        ),
      );
    }
    throw err;
  }
  return reply({ text: 'The posture check is posted in the channel.', blocks: [] });
}

/**
 * "Open an incident from this": the same as `/compromise start <connection>` typed by the person
 * who clicked (the same checks: team, approvers, the connection), never what the button claims
 * beyond the label, which is looked up again.
 */
export function registerPostureButton(app: App, ctx: SlackContext, cards: CardDrawer): void {
  app.action(OPEN_FROM_CHECK, async ({ ack, body, action, respond, context }) => {
    await ack();
    ctx.acked(context, 'block_action');
    const reply: Reply = async (m) => {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: m.text,
        blocks: m.blocks as never,
      });
    };
    const label = 'value' in action && typeof action.value === 'string' ? action.value : '';
    const parsed = parseCommand(`start ${label === 'sandbox' ? 'sandbox' : label} posture`, ctx.deps.now());
    await ctx.afterAck(() =>
      answerErrors(ctx.logger, reply, 'posture open incident', async () => {
        if (parsed.kind !== 'start')
          return reply(buildRefusal('This check names no connection to open an incident on.'));
        return startCommand(ctx, cards, parsed, body.user.id, reply, configuredProviders);
      }),
    );
  });
}
