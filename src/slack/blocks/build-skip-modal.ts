import { encodeButtonValue } from './button-value.js';
import { clip, sectionBlock } from './mrkdwn.js';
import type { ModalView } from './types.js';

export const SKIP_MODAL_CALLBACK_ID = 'step.skip_modal';
/** The block and action id of the reason input: `view.state.values.reason.reason.value`. */
export const SKIP_REASON_ID = 'reason';
export const MAX_SKIP_REASON = 500;
/** The purpose the Skip modal's nonce is bound to. */
export const SKIP_PURPOSE = 'skip';

/**
 * The modal Skip opens: a required reason (it goes to the audit log and the report). The step id,
 * the plan digest the card was drawn with and the modal's server-side nonce ride in
 * private_metadata, in the button-value format.
 */
export function buildSkipModal(input: {
  stepId: string;
  digest: string;
  title: string;
  nonce?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: SKIP_MODAL_CALLBACK_ID,
    private_metadata: encodeButtonValue({
      stepId: input.stepId,
      digest: input.digest,
      ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
    }),
    title: { type: 'plain_text', text: 'Skip step' },
    submit: { type: 'plain_text', text: 'Skip step' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      sectionBlock('step', `Skipping *${clip(input.title, 300)}*. Nothing will be changed for this step.`),
      {
        type: 'input',
        block_id: SKIP_REASON_ID,
        label: { type: 'plain_text', text: 'Why skip it?' },
        hint: { type: 'plain_text', text: 'This goes into the audit log and the incident report.' },
        element: {
          type: 'plain_text_input',
          action_id: SKIP_REASON_ID,
          multiline: true,
          min_length: 3,
          max_length: MAX_SKIP_REASON,
          placeholder: { type: 'plain_text', text: 'e.g. done by hand in the provider portal' },
        },
      },
    ],
  };
}
