/** The form `/compromise start` opens with no arguments: connection, label, since, rehearsal. */
import { sectionBlock } from './mrkdwn.js';
import type { ModalView } from './types.js';

export const START_MODAL_CALLBACK_ID = 'incident.start_modal';
/** Block and action ids: `view.state.values.<id>.<id>`. */
export const START_FIELDS = {
  connection: 'connection',
  label: 'label',
  since: 'since',
  rehearsal: 'rehearsal',
} as const;
/** The option that opens a Telnyx rehearsal against the simulator (`start sandbox`). */
export const SANDBOX_OPTION = 'sandbox';
const DAY_MS = 86_400_000;

const option = (value: string, text: string) => ({ text: { type: 'plain_text' as const, text }, value });

/** `connections`: the labels Reclaim holds; the takeover is assumed to have begun 30 days before `today`. */
export function buildStartModal(input: {
  connections: readonly string[];
  today: Date;
  channelId: string;
}): ModalView {
  const since = new Date(input.today.getTime() - 30 * DAY_MS).toISOString().slice(0, 10);
  const options = [
    ...input.connections.map((label) => option(label, label)),
    option(SANDBOX_OPTION, 'rehearsal (simulated Telnyx account)'),
  ];
  return {
    type: 'modal',
    callback_id: START_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify({ channelId: input.channelId }),
    title: { type: 'plain_text', text: 'Open an incident' },
    submit: { type: 'plain_text', text: 'Open incident' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      sectionBlock(
        'about',
        'Reclaim opens a private channel, posts one card per remediation step and starts discovery (read-only).',
      ),
      {
        type: 'input',
        block_id: START_FIELDS.connection,
        label: { type: 'plain_text', text: 'Account (connection)' },
        element: {
          type: 'static_select',
          action_id: START_FIELDS.connection,
          options,
          ...(options[0] ? { initial_option: options[0] } : {}),
        },
      },
      {
        type: 'input',
        block_id: START_FIELDS.label,
        optional: true,
        label: { type: 'plain_text', text: 'Label' },
        hint: { type: 'plain_text', text: 'A word or two for the channel name, e.g. sip-fraud' },
        element: { type: 'plain_text_input', action_id: START_FIELDS.label, max_length: 40 },
      },
      {
        type: 'input',
        block_id: START_FIELDS.since,
        label: { type: 'plain_text', text: 'The takeover may have started on' },
        hint: { type: 'plain_text', text: 'Changes made after this day are flagged' },
        element: { type: 'datepicker', action_id: START_FIELDS.since, initial_date: since },
      },
      {
        type: 'input',
        block_id: START_FIELDS.rehearsal,
        optional: true,
        label: { type: 'plain_text', text: 'Rehearsal' },
        element: {
          type: 'checkboxes',
          action_id: START_FIELDS.rehearsal,
          options: [option('yes', 'Run against the provider simulator: nothing real changes')],
        },
      },
    ],
  };
}

/** What the form becomes once the incident is being opened. */
export function buildStartAnswer(text: string): ModalView {
  return {
    type: 'modal',
    callback_id: `${START_MODAL_CALLBACK_ID}.done`,
    title: { type: 'plain_text', text: 'Open an incident' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [sectionBlock('answer', text)],
  };
}
