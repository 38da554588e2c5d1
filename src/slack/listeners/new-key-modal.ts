/** "Give Reclaim the new key" on a step card: the button opens the modal, the submission checks and seals the key. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '@slack/bolt';
import type { ProviderCredential } from '../../domain/connection.js';
import { normaliseError } from '../../domain/errors.js';
import type { ProviderName } from '../../domain/providers.js';
import { giveNewCredential, newCredentialTarget } from '../../incidents/give-new-credential.js';
import { issueModalNonce, redeemModalNonce } from '../../incidents/modal-nonce.js';
import { CONNECT_FIELDS } from '../blocks/build-connect-modal.js';
import {
  buildNewKeyAnswer,
  buildNewKeyModal,
  NEW_KEY_MODAL_CALLBACK_ID,
  NEW_KEY_PURPOSE,
} from '../blocks/build-new-key-modal.js';
import { parseButtonValue, STEP_ACTION } from '../blocks/button-value.js';
import type { ModalView } from '../blocks/types.js';
import type { SlackContext } from '../cards/card-context.js';
import { onStepButton } from './step-click.js';

/** Slack wants the answer to a submission within 3 s. */
const ANSWER_WITHIN_MS = 2_300;

function credentialOf(provider: ProviderName, read: (id: string) => string): ProviderCredential {
  if (provider === 'twilio')
    return { provider, accountSid: read('account_sid'), authToken: read('auth_token') };
  return { provider, apiKey: read('api_key') };
}

type Answer =
  | { response_action: 'update'; view: ModalView }
  | { response_action: 'errors'; errors: Record<string, string> };

/**
 * The button: approvers only, on a step whose definition takes a new credential (the use case
 * looks the incident and its connection up itself); a modal bound to a nonce for this user and
 * step. The submission: empty fields refused in the modal; the nonce redeemed once; then the key
 * checked with the provider's cheap read and sealed. A refused key brings the form back, empty,
 * with the provider's reason and a fresh nonce; the value itself is never echoed or logged.
 */
export function registerNewKeyModal(app: App, ctx: SlackContext): void {
  onStepButton(app, ctx, STEP_ACTION.giveKey, async (click) => {
    const target = await newCredentialTarget(ctx.deps, await ctx.actorOf(click.userId), click.stepId);
    if (!target.ok) return target;
    const nonce = await issueModalNonce(ctx.deps, {
      purpose: NEW_KEY_PURPOSE,
      userId: click.userId,
      stepId: target.stepId,
    });
    await ctx.gateway.openView(click.triggerId, buildNewKeyModal({ ...target, nonce }));
    return undefined;
  });

  app.view(NEW_KEY_MODAL_CALLBACK_ID, async ({ ack, view, body, context }) => {
    const userId = body.user.id;
    const value = parseButtonValue(view.private_metadata);
    const read = (id: string) => view.state.values[id]?.[id]?.value?.trim() ?? '';
    const answer = async (): Promise<Answer> => {
      if (!value) return update('That form could not be read; nothing was saved.');
      const actor = await ctx.actorOf(userId);
      const target = await newCredentialTarget(ctx.deps, actor, value.stepId);
      if (!target.ok) return update(`🚫 Nothing was saved. ${target.message}`);
      const empty = CONNECT_FIELDS[target.provider].filter((f) => read(f.id).length === 0);
      if (empty.length > 0) {
        return {
          response_action: 'errors',
          errors: Object.fromEntries(empty.map((f) => [f.id, `Paste the ${f.label}.`])),
        };
      }
      const nonce = await redeemModalNonce(ctx.deps, {
        purpose: NEW_KEY_PURPOSE,
        userId,
        stepId: target.stepId,
        nonce: value.nonce,
      });
      if (!nonce.ok) return update(`🚫 ${nonce.message}`);
      const out = await giveNewCredential(ctx.deps, {
        ...actor,
        stepId: target.stepId,
        credential: credentialOf(target.provider, read),
      });
      if (out.ok) {
        return update(
          `🔐 Reclaim now uses the key ending *…${out.hint}* for \`${out.label}\` (version ${out.version}); it is sealed, and nobody will see it again. Delete every old key in the portal, then Mark done on the card: Reclaim checks that Telnyx refuses each one.`,
        );
      }
      if (out.code !== 'credential_refused') return update(`🚫 Nothing was saved. ${out.message}`);
      const again = await issueModalNonce(ctx.deps, {
        purpose: NEW_KEY_PURPOSE,
        userId,
        stepId: target.stepId,
      });
      return {
        response_action: 'update',
        view: buildNewKeyModal({ ...target, nonce: again, refused: out.message }),
      };
    };
    const work = answer();
    const out = await Promise.race([work, sleep(ANSWER_WITHIN_MS).then(() => null)]).catch((err: unknown) => {
      ctx.logger.error({ what: 'new key', code: normaliseError(err).code }, 'giving the new key failed');
      return update('🚫 Reclaim could not save it; nothing was stored.');
    });
    work.catch(() => undefined);
    await ack(
      out ??
        update(
          'Still checking the key with the provider; the step card shows the key ending once it is saved.',
        ),
    );
    ctx.acked(context, 'view_submission');
  });
}

function update(text: string): Answer {
  return { response_action: 'update', view: buildNewKeyAnswer(text) };
}
