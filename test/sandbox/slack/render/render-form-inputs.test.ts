import { describe, expect, it } from 'vitest';
import { formInputState } from '../../../../src/sandbox/slack/render/render-form-inputs.js';
import { renderModal } from '../../../../src/sandbox/slack/render/render-modal.js';
import type { RenderNames } from '../../../../src/sandbox/slack/render/types.js';
import { buildStartModal } from '../../../../src/slack/blocks/build-start-modal.js';

const view = buildStartModal({
  connections: ['telnyx', 'telnyx:eu'],
  today: new Date('2026-12-02T10:00:00Z'),
  channelId: 'CGENERAL',
}) as unknown as Record<string, unknown>;
const blocks = view.blocks as { block_id: string; element: Record<string, unknown> }[];
const element = (id: string) => blocks.find((b) => b.block_id === id)!.element;

describe('Reclaim Local: the start form', () => {
  it('when the start modal is rendered, then its select, date and checkbox are real form controls, nothing shows as unknown', () => {
    const names: RenderNames = { user: (id) => id, channel: (id) => id };
    const html = renderModal(
      { id: 'V1', user: 'U1', triggerId: 't', state: 'open', view, versions: [] },
      names,
    );
    expect(html).not.toContain('bk-unknown');
    expect(html).toContain('<option value="telnyx:eu">telnyx:eu</option>');
    expect(html).toContain('type="date"');
    expect(html).toContain('value="2026-11-02"');
    expect(html).toContain('type="checkbox"');
  });

  it('when the form comes back, then each control becomes the state Slack sends for it', () => {
    expect(formInputState(element('connection'), ['telnyx:eu'])).toMatchObject({
      selected_option: { value: 'telnyx:eu' },
    });
    expect(formInputState(element('since'), ['2026-11-20'])).toEqual({
      type: 'datepicker',
      selected_date: '2026-11-20',
    });
    expect(formInputState(element('rehearsal'), [])).toEqual({ type: 'checkboxes', selected_options: [] });
    expect(formInputState(element('rehearsal'), ['yes'])).toMatchObject({
      selected_options: [{ value: 'yes' }],
    });
  });
});
