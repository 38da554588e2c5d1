import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditNow } from '../../src/audit/append-audit.js';
import { exportAudit } from '../../src/audit/export-audit.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { newIncidentId } from './audit-fixtures.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe('exportAudit', () => {
  it('when two incidents interleave, then export returns only the asked incident, oldest first', async () => {
    const mine = newIncidentId();
    const other = newIncidentId();
    for (const [incidentId, action] of [
      [mine, 'incident.opened'],
      [other, 'incident.opened'],
      [null, 'reclaim.started'],
      [mine, 'step.approved'],
      [other, 'step.skipped'],
      [mine, 'incident.closed'],
    ] as const) {
      await appendAuditNow(t.db, { incidentId, actor: 'U1', action, payload: { by: 'U1' } });
    }
    const entries = await exportAudit(t.db, mine);
    expect(entries.map((e) => e.action)).toEqual(['incident.opened', 'step.approved', 'incident.closed']);
    expect(entries.every((e) => e.incidentId === mine)).toBe(true);
    expect(entries[0]).toMatchObject({
      actor: 'U1',
      payload: { by: 'U1' },
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(entries[0]?.createdAt).toBeInstanceOf(Date);
    expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((a, b) => a - b));
  });

  it('when the incident has no entries, then export returns an empty list', async () => {
    await appendAuditNow(t.db, { incidentId: newIncidentId(), actor: 'U1', action: 'incident.opened' });
    expect(await exportAudit(t.db, newIncidentId())).toEqual([]);
  });

  it('when the incident id is not a UUID, then export refuses it with audit_bad_incident_id', async () => {
    await expect(exportAudit(t.db, 'not-an-id')).rejects.toMatchObject({ code: 'audit_bad_incident_id' });
  });
});
