/** The modal `/compromise connect` opens: the credential's fields, never prefilled, never echoed back. */
import type { ProviderName } from '../../domain/providers.js';
import { sectionBlock } from './mrkdwn.js';
import type { ModalView } from './types.js';

export const CONNECT_MODAL_CALLBACK_ID = 'connection.connect_modal';

/** The input block (and action) ids per provider: `view.state.values.<id>.<id>.value`. */
export const CONNECT_FIELDS: Readonly<
  Record<ProviderName, readonly { id: string; label: string; hint: string }[]>
> = {
  telnyx: [
    {
      id: 'api_key',
      label: 'Telnyx API key',
      hint: 'Mission Control › Account settings › Keys & credentials › API keys',
    },
  ],
  twilio: [
    {
      id: 'account_sid',
      label: 'Account SID',
      hint: 'AC followed by 32 hex digits (Console › Account info)',
    },
    {
      id: 'auth_token',
      label: 'Auth Token',
      hint: 'Console › Account info; or an API key’s secret is not enough here',
    },
  ],
  sendgrid: [
    {
      id: 'api_key',
      label: 'SendGrid API key',
      hint: 'Settings › API Keys; it needs at least user.profile.read',
    },
  ],
};

/** What rides in private_metadata: the label and where to answer (the credential never does). */
export function buildConnectModal(input: {
  provider: ProviderName;
  label: string;
  channelId: string;
  incidentId?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: CONNECT_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify({
      label: input.label,
      channelId: input.channelId,
      ...(input.incidentId ? { incidentId: input.incidentId } : {}),
    }),
    title: { type: 'plain_text', text: 'Give Reclaim access' },
    submit: { type: 'plain_text', text: 'Check and save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      sectionBlock(
        'about',
        `Connection \`${input.label}\`. Reclaim checks the credential with one read-only call, then keeps it sealed (AES-256-GCM); it is never shown, logged or audited.`,
      ),
      ...credentialInputs(input.provider),
    ],
  };
}

/** One empty, required input per field of the provider's credential (`label` prefixed, e.g. "New "). */
export function credentialInputs(provider: ProviderName, labelPrefix = '') {
  return CONNECT_FIELDS[provider].map((f) => ({
    type: 'input',
    block_id: f.id,
    label: { type: 'plain_text', text: `${labelPrefix}${f.label}` },
    hint: { type: 'plain_text', text: f.hint },
    element: { type: 'plain_text_input', action_id: f.id, min_length: 4, max_length: 400 },
  }));
}

/** What the form becomes once submitted: one sentence, no input, nothing echoed. */
export function buildConnectAnswer(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: `${CONNECT_MODAL_CALLBACK_ID}.done`,
    title: { type: 'plain_text', text: 'Give Reclaim access' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [sectionBlock('answer', text)],
  };
}
