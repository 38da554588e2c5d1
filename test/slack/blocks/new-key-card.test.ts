import { describe, expect, it } from 'vitest';
import type { Step } from '../../../src/domain/types.js';
import type { StepCardView } from '../../../src/incidents/views/view-types.js';
import { buildNewKeyAnswer, buildNewKeyModal } from '../../../src/slack/blocks/build-new-key-modal.js';
import { buildStepCard } from '../../../src/slack/blocks/build-step-card.js';
import { parseButtonValue } from '../../../src/slack/blocks/button-value.js';
import { buttonsOf, makeView, textOf } from './fixtures.js';
import { assertWithinSlackLimits } from './slack-limits.js';

const keyCard = (over: Partial<StepCardView> = {}, step: Partial<Step> = {}) =>
  makeView(
    {
      definition: {
        title: 'Delete the API keys and create new ones',
        why: 'Keys work without the password.',
        risk: 'high',
        kind: 'manual',
        instructions: '1. Open API Keys',
        takesNewCredential: 'telnyx',
      },
      actions: [],
      connectionKey: { label: 'telnyx:eu', hint: 'abcd' },
      ...over,
    },
    { kind: 'manual', risk: 'high', state: 'pending', planDigest: null, findings: null, ...step },
  );

describe('the API-key card and its modal', () => {
  it.each([
    {
      name: 'no check yet',
      view: keyCard(),
      buttons: ['step.give_key', 'step.done', 'step.skip'],
      done: 'Mark done',
      says: ['Reclaim uses the key ending *…abcd* (connection `telnyx:eu`)'],
      not: ['Not done yet', 'Not checked'],
    },
    {
      name: 'an old key still works',
      view: keyCard(
        {},
        { error: { code: 'step_not_confirmed', message: 'Telnyx still accepts the old key ending …AAAA.' } },
      ),
      buttons: ['step.give_key', 'step.done', 'step.skip'],
      done: 'Mark done',
      says: ['⏳ *Not done yet:* Telnyx still accepts the old key ending …AAAA.'],
      not: ['Not checked'],
    },
    {
      name: 'the provider could not be asked',
      view: keyCard({}, { error: { code: 'provider_unavailable', message: 'Telnyx is unavailable (503).' } }),
      buttons: ['step.give_key', 'step.done', 'step.skip'],
      done: 'Retry',
      says: ['⚠️ *Not checked:* Telnyx is unavailable (503).', 'nothing was marked done'],
      not: ['Not done yet'],
    },
    {
      name: 'a rehearsal (no connection key)',
      view: keyCard({ connectionKey: null }),
      buttons: ['step.done', 'step.skip'],
      done: 'Mark done',
      says: [],
      not: ['Reclaim uses the key'],
    },
  ])('when the card is drawn with $name, then it offers $buttons and says so', (c) => {
    const card = buildStepCard(c.view);
    assertWithinSlackLimits(card);
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => b.action_id)).toEqual(c.buttons);
    expect(buttons.find((b) => b.action_id === 'step.done')?.text.text).toBe(c.done);
    for (const s of c.says) expect(textOf(card)).toContain(s);
    for (const s of c.not) expect(textOf(card)).not.toContain(s);
  });

  it('when the step is done, then the card offers no button and no longer says what the last check found', () => {
    const card = buildStepCard(keyCard({}, { state: 'done', decidedBy: 'UALICE', error: null }));
    expect(buttonsOf(card)).toEqual([]);
    expect(textOf(card)).toContain('Marked done');
  });

  it('when the modal is built, then it carries only the step and the nonce, an empty input, and a refusal when given', () => {
    const modal = buildNewKeyModal({ stepId: 's-1', nonce: 'n-1', provider: 'telnyx', label: 'telnyx' });
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(parseButtonValue(modal.private_metadata)).toEqual({ stepId: 's-1', digest: '', nonce: 'n-1' });
    const input = modal.blocks.find((b) => b.type === 'input') as unknown as {
      element: Record<string, unknown>;
    };
    expect(input.element).toEqual({
      type: 'plain_text_input',
      action_id: 'api_key',
      min_length: 4,
      max_length: 400,
    });
    expect(JSON.stringify(modal)).not.toContain('Not saved');
    const again = buildNewKeyModal({
      stepId: 's-1',
      nonce: 'n-2',
      provider: 'telnyx',
      label: 'telnyx',
      refused: 'telnyx refused it (401): nope',
    });
    expect(JSON.stringify(again.blocks[0])).toContain('Not saved:* telnyx refused it (401): nope');
    expect(buildNewKeyAnswer('saved').blocks).toHaveLength(1);
  });
});
