import type { App } from '@slack/bolt';
import { approveStep, rejectStep } from '../../incidents/decide-step.js';
import { STEP_ACTION } from '../blocks/button-value.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { onStepButton } from './step-click.js';

/** Approve and Reject: decided on the server; an accepted click redraws the card at once. */
export function registerDecideButtons(app: App, ctx: SlackContext, cards: CardDrawer): void {
  onStepButton(app, ctx, STEP_ACTION.approve, async (click) => {
    const out = await approveStep(ctx.deps, {
      ...(await ctx.actorOf(click.userId)),
      stepId: click.stepId,
      digest: click.digest,
    });
    if (!out.ok) {
      if (out.code === 'stale_plan') await cards.drawStepNow(click.stepId);
      return out;
    }
    if (out.complete) ctx.wakeWorker();
    await cards.drawStepNow(click.stepId);
    return out;
  });
  onStepButton(app, ctx, STEP_ACTION.reject, async (click) => {
    const out = await rejectStep(ctx.deps, {
      ...(await ctx.actorOf(click.userId)),
      stepId: click.stepId,
      digest: click.digest,
    });
    if (out.ok) await cards.drawStepNow(click.stepId);
    return out;
  });
}
