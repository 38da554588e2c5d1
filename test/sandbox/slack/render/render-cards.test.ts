import { describe, expect, it } from 'vitest';
import { renderModal } from '../../../../src/sandbox/slack/render/render-modal.js';
import { buildProgressCard } from '../../../../src/slack/blocks/build-progress-card.js';
import { buildRevealMessage } from '../../../../src/slack/blocks/build-reveal-message.js';
import { buildSkipModal } from '../../../../src/slack/blocks/build-skip-modal.js';
import { buildStepCard } from '../../../../src/slack/blocks/build-step-card.js';
import { EVIL, makeIncident, makeView, NOW } from '../../../slack/blocks/fixtures.js';
import { OTHER_MESSAGES, STEP_CARDS, steps } from './bot-messages.js';
import { blockTypes, html, NAMES, UNSAFE, visibleText } from './render-support.js';

describe('renderBlocks: what the bot sends, drawn by the console', () => {
  it.each([...STEP_CARDS, ...OTHER_MESSAGES])(
    'when %s is drawn, then every block renders and user text stays text',
    (_name, message) => {
      const out = html(message);
      expect(out).not.toContain('bk-unknown');
      for (const unsafe of UNSAFE) expect(out).not.toMatch(unsafe);
      const drawn = {
        header: 'bk-header',
        section: 'bk-section',
        context: 'bk-context',
        actions: 'bk-actions',
      } as Record<string, string>;
      for (const type of blockTypes(message)) expect(out).toContain(drawn[type]);
    },
  );

  it('when a high-risk plan awaits approval, then Approve is a primary button that opens its confirm dialog and Reject is danger', () => {
    const out = html(buildStepCard(makeView()));
    expect(out).toMatch(
      /<button type="button" id="[^"]+" class="bk-button bk-primary" commandfor="([^"]+)" command="show-modal"[^>]*>Approve 3 changes<\/button><dialog id="\1" class="bk-confirm"/,
    );
    expect(out).toContain('<h2 id="m-1-buttons-step_approve-confirm-title">Approve 3 changes?</h2>');
    expect(out).toMatch(
      /<button type="submit" class="bk-button bk-danger" name="action" value="\[&quot;buttons&quot;,&quot;step.approve&quot;\]">Approve<\/button>/,
    );
    expect(out).toMatch(/class="bk-button bk-danger" name="action" value="[^"]+step.reject[^"]+">Reject/);
  });

  it('when a card is shown as history, then its buttons are disabled and open nothing', () => {
    const out = html(buildStepCard(makeView()), false);
    expect(out).not.toContain('<dialog');
    expect(out).toMatch(
      /<button type="button" class="bk-button bk-primary" disabled>Approve 3 changes<\/button>/,
    );
  });

  it('when a manual step has a link, then it is a link that opens elsewhere, not a click', () => {
    const [, manual] = STEP_CARDS.find(([name]) => name === 'a manual step with a link')!;
    expect(html(manual)).toContain(
      '<a class="bk-button" href="https://portal.telnyx.com" target="_blank" rel="noopener noreferrer">Portal</a>',
    );
  });

  it('when the reveal message is drawn, then the value is in a code block, escaped, and mentions become names', () => {
    const out = html(buildRevealMessage('SIP password', 'pa55-word<&>'));
    expect(out).toContain('<pre class="mk-pre">pa55-word&lt;&amp;&gt;</pre>');
    expect(visibleText(html(buildProgressCard({ incident: makeIncident(), steps, now: NOW })))).toContain(
      '@Riley',
    );
  });

  it('when the skip modal is open with the error of a refused submission, then its input is labelled, limited and shows the error', () => {
    const view = buildSkipModal({ stepId: 's-1', digest: 'd', title: EVIL }) as unknown as Record<
      string,
      unknown
    >;
    const out = renderModal(
      {
        id: 'V1',
        user: 'UBOB',
        triggerId: 't',
        state: 'open',
        view,
        versions: [view],
        errors: { reason: 'Say why.' },
      },
      NAMES,
    );
    expect(out).not.toContain('bk-unknown');
    expect(out).toMatch(
      /<label for="view-V1-reason-input">Why skip it\?<\/label><textarea rows="4" id="view-V1-reason-input" name="\[&quot;reason&quot;,&quot;reason&quot;\]" aria-describedby="view-V1-reason-input-hint view-V1-reason-input-error" minlength="3" required maxlength="500"/,
    );
    expect(out).toContain('<p class="bk-error" id="view-V1-reason-input-error" role="alert">Say why.</p>');
    expect(out).toContain('formaction="/console/views/V1/close" formnovalidate>Cancel</button>');
    for (const unsafe of UNSAFE) expect(out).not.toMatch(unsafe);
  });
});
