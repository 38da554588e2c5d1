import type { App } from '@slack/bolt';
import { requestRestore } from '../../incidents/containment/request-restore.js';
import { issueModalNonce } from '../../incidents/modal-nonce.js';
import { retryStep } from '../../incidents/retry-step.js';
import { markStepDone } from '../../incidents/settle-step.js';
import { loadStepTitle } from '../../incidents/views/load-step-title.js';
import { buildSkipModal, SKIP_PURPOSE } from '../blocks/build-skip-modal.js';
import { STEP_ACTION } from '../blocks/button-value.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { onStepButton } from './step-click.js';

/**
 * Mark done, Retry / Rediscover, Skip (which asks for the reason in a modal bound to a nonce), and
 * Restore on a done Contain now card (which raises its Restore card).
 */
export function registerSettleButtons(app: App, ctx: SlackContext, cards: CardDrawer): void {
  onStepButton(app, ctx, STEP_ACTION.done, async (click) => {
    const out = await markStepDone(ctx.deps, { ...(await ctx.actorOf(click.userId)), stepId: click.stepId });
    if (out.ok) await cards.drawStepNow(click.stepId);
    return out;
  });
  const retry = async (click: { stepId: string; userId: string }) => {
    const out = await retryStep(ctx.deps, { ...(await ctx.actorOf(click.userId)), stepId: click.stepId });
    if (out.ok) {
      ctx.wakeWorker();
      await cards.drawStepNow(click.stepId);
    }
    return out;
  };
  onStepButton(app, ctx, STEP_ACTION.retry, retry);
  onStepButton(app, ctx, STEP_ACTION.restore, async (click) => {
    const out = await requestRestore(ctx.deps, {
      ...(await ctx.actorOf(click.userId)),
      stepId: click.stepId,
    });
    if (out.ok) {
      ctx.wakeWorker();
      await cards.drawStepNow(click.stepId);
    }
    return out;
  });
  onStepButton(app, ctx, STEP_ACTION.rediscover, retry);
  onStepButton(app, ctx, STEP_ACTION.skip, async (click) => {
    const { stepId, title } = await loadStepTitle(ctx.deps, click.stepId);
    const nonce = await issueModalNonce(ctx.deps, { purpose: SKIP_PURPOSE, userId: click.userId, stepId });
    const view = buildSkipModal({ stepId, digest: click.digest, title, nonce });
    await ctx.gateway.openView(click.triggerId, view);
    return undefined;
  });
}
