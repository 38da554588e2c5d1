import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { checkClickPlace } from '../../incidents/check-click-place.js';
import type { Refusal } from '../../incidents/deps.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import { parseButtonValue } from '../blocks/button-value.js';
import type { SlackMessage } from '../blocks/types.js';
import type { SlackContext } from '../cards/card-context.js';
import { answerErrors, type Reply } from './answer.js';

export interface StepClick {
  userId: string;
  stepId: string;
  digest: string;
  secretId: string | undefined;
  triggerId: string;
  reply: Reply;
}

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/**
 * Registers a step-card button: ack at once, read the value the card was drawn with (step id and
 * plan digest), check the click came from that step's own card (its incident channel and message;
 * otherwise refused and audited), run `handle` and show a refusal to the clicker only. A value that
 * does not parse is answered and logged, never thrown.
 */
export function onStepButton(
  app: App,
  ctx: SlackContext,
  actionId: string,
  handle: (click: StepClick) => Promise<Refusal | { ok: true } | undefined>,
): void {
  app.action<BlockAction<ButtonAction>>(
    { action_id: actionId, type: 'block_actions' },
    async (args: ButtonArgs) => {
      await args.ack();
      ctx.acked(args.context, 'block_actions');
      const reply: Reply = async (message: SlackMessage) => {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: message.text,
          blocks: message.blocks as never,
        });
      };
      const value = parseButtonValue(args.action.value);
      if (!value) {
        ctx.logger.warn({ actionId }, 'a button with an unreadable value was clicked');
        await reply(
          buildRefusal(
            'That button could not be read; the card may be from an older release. Use the latest card.',
          ),
        ).catch(() => undefined);
        return;
      }
      await ctx.afterAck(() =>
        answerErrors(ctx.logger, reply, actionId, async () => {
          const userId = args.body.user.id;
          const place = await checkClickPlace(ctx.deps, {
            userId,
            stepId: value.stepId,
            action: actionId,
            channelId: args.body.channel?.id ?? args.body.container?.channel_id,
            messageTs: args.body.message?.ts ?? args.body.container?.message_ts,
          });
          if (!place.ok) {
            ctx.logger.warn({ actionId, code: place.code }, 'a step click was refused before it was handled');
            await reply(buildRefusal(place.message));
            return;
          }
          const out = await handle({
            userId,
            stepId: value.stepId,
            digest: value.digest,
            secretId: value.secretId,
            triggerId: args.body.trigger_id,
            reply,
          });
          if (out && !out.ok) await reply(buildRefusal(out.message));
        }),
      );
    },
  );
}
