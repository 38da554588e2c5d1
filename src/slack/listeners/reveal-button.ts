import type { App } from '@slack/bolt';
import { revealStepCredential } from '../../incidents/reveal-credential.js';
import { buildRevealMessage } from '../blocks/build-reveal-message.js';
import { STEP_ACTION } from '../blocks/button-value.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { onStepButton } from './step-click.js';

/**
 * Reveal: an allowed approver gets the new credential once, in a message only they see (the
 * response_url answer is ephemeral). The use case wipes it only after Slack accepted that message;
 * either way the card is redrawn (revealed, or still offering Reveal when delivery failed).
 */
export function registerRevealButton(app: App, ctx: SlackContext, cards: CardDrawer): void {
  onStepButton(app, ctx, STEP_ACTION.reveal, async (click) => {
    if (!click.secretId)
      return { ok: false, code: 'secret_not_found', message: 'That button names no credential.' };
    const out = await revealStepCredential(
      ctx.deps,
      { ...(await ctx.actorOf(click.userId)), stepId: click.stepId, secretId: click.secretId },
      ({ label, value }) => click.reply(buildRevealMessage(label, value)),
    );
    if (out.ok || out.code === 'reveal_not_delivered') await cards.drawStepNow(click.stepId);
    return out.ok ? { ok: true } : out;
  });
}
