import { describe, expect, it } from 'vitest';
import { SENDGRID_STEPS } from '../../src/playbooks/sendgrid/index.js';
import { TELNYX_STEPS } from '../../src/playbooks/telnyx/index.js';
import { TWILIO_STEPS } from '../../src/playbooks/twilio/index.js';
import type { StepDefinition } from '../../src/playbooks/types.js';

/** What every card's text must hold, in each playbook, and where its manual steps may link. */
describe.each([
  ['Telnyx', TELNYX_STEPS, /^https:\/\/(support|developers|portal)\.telnyx\.com\//, null],
  ['Twilio', TWILIO_STEPS, /^https:\/\/(console|help|www)\.twilio\.com(\/|$)/, / › \*[A-Z]/],
  ['SendGrid', SENDGRID_STEPS, /^https:\/\/app\.sendgrid\.com\//, null],
] as [string, readonly StepDefinition[], RegExp, RegExp | null][])(
  'the %s playbook',
  (_name, steps, link, consolePlace) => {
    it('when a step is shown, then it has a title and a why of one or two sentences', () => {
      for (const s of steps) {
        expect(s.title.length, s.id).toBeGreaterThan(5);
        const sentences = s.why.split(/(?<=[.!?])\s+/).filter(Boolean);
        expect(sentences.length, s.id).toBeGreaterThanOrEqual(1);
        expect(sentences.length, s.id).toBeLessThanOrEqual(2);
      }
    });

    it('when a manual step is shown, then its instructions are numbered from 1 and it links to the provider', () => {
      const manual = steps.filter((s) => s.kind === 'manual');
      expect(manual.length).toBeGreaterThan(0);
      for (const s of manual) {
        if (s.kind !== 'manual') continue;
        const lines = s.instructions.split('\n');
        expect(
          lines.map((l) => Number(l.split('.')[0])),
          s.id,
        ).toEqual(lines.map((_, i) => i + 1));
        if (consolePlace) expect(s.instructions, s.id).toMatch(consolePlace);
        expect(s.link?.url, s.id).toMatch(link);
      }
    });
  },
);
