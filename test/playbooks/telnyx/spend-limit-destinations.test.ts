import { describe, expect, it } from 'vitest';
import { trustOf } from '../../../src/playbooks/kit/trust.js';
import {
  destinationGap,
  destinationHistories,
  homeCountries,
  withinDestinations,
} from '../../../src/playbooks/telnyx/spend-limit-destinations.js';
import type { AuditEvent } from '../../../src/providers/telnyx/index.js';
import { createLogger } from '../../../src/util/logger.js';

const trust = trustOf({
  client: null,
  since: new Date('2026-02-26T00:00:00Z'),
  trusted: { hosts: [], ips: [], numbers: [] },
  logger: createLogger({ level: 'silent' }),
});
const IN = '2026-02-27T09:00:00Z';
const BEFORE = '2026-01-10T09:00:00Z';

function change(id: string, from: unknown, to: unknown, at = IN): AuditEvent {
  return {
    id: `e-${id}-${at}`,
    record_type: 'audit_event',
    change_type: 'update',
    change_made_by: 'organization_member',
    user_id: 'u',
    resource_id: id,
    alternate_resource_id: null,
    changes: [{ field: 'whitelisted_destinations', from, to }],
    created_at: at,
  };
}

describe('destination allow-lists', () => {
  it('when a list changed twice in the window, then the history keeps the list before the oldest change', () => {
    // The log lists newest first.
    const histories = destinationHistories([
      change('p', ['US', 'GB'], ['*'], '2026-02-28T00:00:00Z'),
      change('p', ['US'], ['US', 'GB']),
    ]);
    expect(histories.get('p')).toEqual({ before: ['US'] });
    expect(destinationHistories([change('q', 'not a list', ['*'])]).has('q')).toBe(false);
  });

  it.each([
    [
      'added codes are dropped back to the list before',
      ['US', 'CA', 'CU', 'SO'],
      IN,
      ['US', 'CA'],
      ['US', 'CA'],
      /^opened to CU, SO, changed/,
    ],
    [
      'a "*" added is narrowed to the list before',
      ['*'],
      IN,
      ['US'],
      ['US'],
      /^opened to every destination \("\*"\), changed/,
    ],
    ['a list the log shows unchanged in effect is left', ['US', 'CA'], IN, ['US', 'CA'], undefined, null],
    [
      'a "*" with no log entry is narrowed to the home countries',
      ['*'],
      IN,
      undefined,
      ['CA', 'US'],
      /^allows every destination \("\*"\), changed/,
    ],
    [
      'a "*" from before the window is flagged, not narrowed',
      ['*'],
      BEFORE,
      undefined,
      undefined,
      /narrow it in the portal/,
    ],
    [
      'countries with no log entry cannot be judged and are left',
      ['US', 'CU'],
      IN,
      undefined,
      undefined,
      null,
    ],
  ])('when %s', (_name, now, updatedAt, before, narrowTo, reason) => {
    const histories = new Map(before ? [['p', { before }]] : []);
    const gap = destinationGap(
      { id: 'p', whitelisted_destinations: now, updated_at: updatedAt },
      trust,
      histories,
      ['CA', 'US'],
    );
    expect(gap.narrowTo).toEqual(narrowTo);
    if (reason) expect(gap.reasons.join(' ')).toMatch(reason);
    else expect(gap.reasons).toEqual([]);
  });

  it('when the home countries are read, then the numbers’ countries come sorted, the spec default when there are none', () => {
    expect(homeCountries(['US', 'GB', null, 'US', 'bad'])).toEqual(['GB', 'US']);
    expect(homeCountries([])).toEqual(['US', 'CA']);
    expect(withinDestinations(['US'], ['US', 'CA'])).toBe(true);
    expect(withinDestinations(['US', '*'], ['US', 'CA'])).toBe(false);
  });
});
