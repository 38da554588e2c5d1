import type { App } from '@slack/bolt';
import { normaliseError } from '../../domain/errors.js';
import { redeemModalNonce } from '../../incidents/modal-nonce.js';
import { skipStep } from '../../incidents/settle-step.js';
import { findStepChannel } from '../../incidents/views/find-step-channel.js';
import { SKIP_MODAL_CALLBACK_ID, SKIP_PURPOSE, SKIP_REASON_ID } from '../blocks/build-skip-modal.js';
import { buildRefusal } from '../blocks/build-usage-message.js';
import { parseButtonValue } from '../blocks/button-value.js';
import type { SlackContext } from '../cards/card-context.js';
import type { CardDrawer } from '../cards/card-drawer.js';
import { answerErrors } from './answer.js';

/**
 * The Skip modal's submission: an empty reason is refused inside the modal; then the modal's nonce
 * must be the one Reclaim issued to this user for this step, unused (else refused and audited,
 * nothing skipped); then the use case decides. A refusal reaches the user as an ephemeral message
 * in the incident channel.
 */
export function registerSkipModal(app: App, ctx: SlackContext, cards: CardDrawer): void {
  app.view(SKIP_MODAL_CALLBACK_ID, async ({ ack, view, body, context }) => {
    const reason = view.state.values[SKIP_REASON_ID]?.[SKIP_REASON_ID]?.value?.trim() ?? '';
    if (reason.length === 0) {
      await ack({ response_action: 'errors', errors: { [SKIP_REASON_ID]: 'Say why this step is skipped.' } });
      ctx.acked(context, 'view_submission');
      return;
    }
    await ack();
    ctx.acked(context, 'view_submission');
    const value = parseButtonValue(view.private_metadata);
    // Before the step is known there is no channel to answer in: an outage is logged, nothing skipped.
    const step = value
      ? await findStepChannel(ctx.deps, value.stepId).catch((err: unknown) => {
          const code = normaliseError(err).code;
          ctx.logger.error(
            { callbackId: SKIP_MODAL_CALLBACK_ID, code, err: (err as Error).message },
            'skip failed',
          );
          return undefined;
        })
      : null;
    if (step === undefined) return;
    if (!value || !step) {
      ctx.logger.warn({ callbackId: SKIP_MODAL_CALLBACK_ID }, 'skip modal for an unknown step');
      return;
    }
    const userId = body.user.id;
    const tell = async (message: { text: string; blocks: readonly unknown[] }) => {
      if (step.channelId) await ctx.gateway.ephemeral(step.channelId, userId, message);
    };
    await ctx.afterAck(() =>
      answerErrors(ctx.logger, tell, 'skip', async () => {
        const nonce = await redeemModalNonce(ctx.deps, {
          purpose: SKIP_PURPOSE,
          userId,
          stepId: step.stepId,
          nonce: value.nonce,
        });
        if (!nonce.ok) return tell(buildRefusal(nonce.message));
        const out = await skipStep(ctx.deps, { ...(await ctx.actorOf(userId)), stepId: step.stepId, reason });
        if (!out.ok) return tell(buildRefusal(out.message));
        await cards.drawStepNow(step.stepId);
      }),
    );
  });
}
