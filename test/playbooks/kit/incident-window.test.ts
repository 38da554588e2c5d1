// The incident window: --since, or the default 30 days before the incident opened, said on every automated card.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_DAYS,
  defaultWindowNote,
  sayingTheWindow,
  windowOf,
} from '../../../src/playbooks/kit/incident-window.js';
import { trustOf } from '../../../src/playbooks/kit/trust.js';
import type { AutomatedStepDefinition, PlaybookContext } from '../../../src/playbooks/types.js';
import { silentLogger } from '../../../src/util/logger.js';

const OPENED = new Date('2026-03-01T12:00:00Z');
const SINCE = new Date('2026-02-26T00:00:00Z');

function context(since: Date | null, openedAt?: Date): PlaybookContext<null> {
  return {
    client: null,
    since,
    ...(openedAt ? { openedAt } : {}),
    trusted: { hosts: [], ips: [], numbers: [] },
    logger: silentLogger(),
  };
}

const probe: AutomatedStepDefinition<null> = {
  id: 'test.probe',
  kind: 'automated',
  title: 'Probe',
  why: 'A step for the test.',
  risk: 'normal',
  discover: async () => ({ findings: [], actions: [], summary: 'Nothing found: nothing here.' }),
  execute: async () => ({ result: {} }),
};

describe('the incident window', () => {
  it('when --since was given, then it is the window and nothing is said about a default', async () => {
    expect(windowOf(context(SINCE, OPENED))).toEqual({ since: SINCE, defaulted: false });
    const step = sayingTheWindow(probe) as AutomatedStepDefinition<null>;
    expect((await step.discover(context(SINCE, OPENED))).summary).toBe('Nothing found: nothing here.');
  });

  it('when no --since was given, then the window starts 30 days before the incident opened, and the card says so', async () => {
    const window = windowOf(context(null, OPENED));
    expect(window).toEqual({ since: new Date('2026-01-30T12:00:00Z'), defaulted: true });
    expect(DEFAULT_WINDOW_DAYS).toBe(30);
    const step = sayingTheWindow(probe) as AutomatedStepDefinition<null>;
    const { summary } = await step.discover(context(null, OPENED));
    expect(summary).toBe(`Nothing found: nothing here. ${defaultWindowNote(window)}`);
    expect(summary).toContain('the default: the 30 days since 2026-01-30');
  });

  it('when the incident’s opening is not known, then the 30 days are counted back from now', () => {
    const before = Date.now() - 30 * 86_400_000;
    const { since, defaulted } = windowOf(context(null));
    expect(defaulted).toBe(true);
    expect(since.getTime()).toBeGreaterThanOrEqual(before);
    expect(since.getTime()).toBeLessThanOrEqual(Date.now() - 30 * 86_400_000);
  });

  it('when a resource changed inside the default window, then its reason says it is the default window, not “after the incident began”', () => {
    const trust = trustOf(context(null, OPENED));
    expect(trust.sinceDefaulted).toBe(true);
    expect(trust.inWindow('2026-02-10T08:00:00Z', 'created')).toBe(
      'created 2026-02-10 08:00 UTC, in the last 30 days (the default window)',
    );
    expect(trust.inWindow('2026-01-20T08:00:00Z', 'created')).toBeUndefined();
    expect(trustOf(context(SINCE, OPENED)).inWindow('2026-02-27T08:00:00Z', 'changed')).toBe(
      'changed 2026-02-27 08:00 UTC, after the incident began',
    );
  });

  it('when a manual step is given, then it is left as it is', () => {
    const manual = {
      id: 'm',
      kind: 'manual' as const,
      title: 't',
      why: 'w',
      risk: 'normal' as const,
      instructions: 'i',
    };
    expect(sayingTheWindow(manual)).toBe(manual);
  });
});
