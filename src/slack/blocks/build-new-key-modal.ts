/** The modal "Give Reclaim the new key" opens: the credential's fields, never prefilled, never echoed. */
import type { ProviderName } from '../../domain/providers.js';
import { credentialInputs } from './build-connect-modal.js';
import { encodeButtonValue } from './button-value.js';
import { clip, escapeMrkdwn, sectionBlock } from './mrkdwn.js';
import type { ModalView } from './types.js';

export const NEW_KEY_MODAL_CALLBACK_ID = 'step.new_key_modal';
/** The purpose the modal's nonce is bound to. */
export const NEW_KEY_PURPOSE = 'new-key';

/**
 * The step id and the modal's server-side nonce ride in private_metadata (button-value format); the
 * connection and provider are the server's to look up again at submission, never the payload's.
 * `refused` (after a refused key) says why, above a fresh, empty field.
 */
export function buildNewKeyModal(input: {
  stepId: string;
  nonce: string;
  provider: ProviderName;
  label: string;
  refused?: string;
}): ModalView {
  const about = `Connection \`${escapeMrkdwn(input.label)}\` of this incident. Reclaim checks the new key with one read-only call, then seals it as the connection's new version (AES-256-GCM): it is never shown, logged or audited. Mark done then checks that every key it held before is refused.`;
  return {
    type: 'modal',
    callback_id: NEW_KEY_MODAL_CALLBACK_ID,
    private_metadata: encodeButtonValue({ stepId: input.stepId, digest: '', nonce: input.nonce }),
    title: { type: 'plain_text', text: 'Give Reclaim the new key' },
    submit: { type: 'plain_text', text: 'Check and save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      ...(input.refused ? [sectionBlock('refused', `🚫 *Not saved:* ${clip(input.refused, 600)}`)] : []),
      sectionBlock('about', about),
      ...credentialInputs(input.provider, 'New '),
    ],
  };
}

/** What the form becomes once the key is saved, or could not be: one sentence, nothing echoed. */
export function buildNewKeyAnswer(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: `${NEW_KEY_MODAL_CALLBACK_ID}.done`,
    title: { type: 'plain_text', text: 'Give Reclaim the new key' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [sectionBlock('answer', text)],
  };
}
