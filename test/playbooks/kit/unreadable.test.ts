// Records Reclaim could not read become findings for a person, never a silent skip.
import { describe, expect, it } from 'vitest';
import { unreadableFinding, withUnreadable } from '../../../src/playbooks/kit/unreadable.js';
import type { UnreadableRecord } from '../../../src/providers/http/index.js';

const record = (id: string | null, provider = 'telnyx'): UnreadableRecord => ({
  provider,
  operation: 'list credential connections',
  id,
  field: 'active',
  problem: 'expected boolean, received string',
});

describe('unreadable records', () => {
  it('when a record has an id, then its finding names it, the listing and the field at fault, and says where to look', () => {
    expect(unreadableFinding(record('cc-7'), 0)).toEqual({
      resource: 'cc-7',
      summary:
        'Record cc-7 from “list credential connections” could not be read: review it in the Telnyx portal (https://portal.telnyx.com)',
      suspicious: true,
      reasons: ['active: expected boolean, received string'],
    });
  });

  it('when a record has no id, then its finding still has a resource of its own', () => {
    const finding = unreadableFinding(record(null, 'twilio'), 1);
    expect(finding.resource).toBe('unreadable:list credential connections:2');
    expect(finding.summary).toContain('review it in the Twilio Console');
  });

  it('when a discovery read unreadable records, then each is a finding and the summary says how many, planning nothing for them', () => {
    const d = withUnreadable({ findings: [], actions: [], summary: 'Nothing found: 2 connections.' }, [
      record('a'),
      record('b', 'sendgrid'),
    ]);
    expect(d.findings.map((f) => f.resource)).toEqual(['a', 'b']);
    expect(d.actions).toEqual([]);
    expect(d.summary).toBe(
      'Nothing found: 2 connections. 2 records could not be read and are left as they are: review them in the Telnyx portal (https://portal.telnyx.com) and the SendGrid console (https://app.sendgrid.com).',
    );
  });

  it('when nothing was unreadable, then the discovery is unchanged', () => {
    const d = { findings: [], actions: [], summary: 'Nothing found.' };
    expect(withUnreadable(d, [])).toBe(d);
  });
});
