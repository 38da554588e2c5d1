import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditNow } from '../../src/audit/append-audit.js';
import { AUDIT_GENESIS_HASH, hashAuditEntry } from '../../src/audit/audit-entry.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { newIncidentId } from './audit-fixtures.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe('appendAudit', () => {
  it('when the first entry is appended, then it links to the genesis hash and its hash covers its contents', async () => {
    const incidentId = newIncidentId();
    const entry = await appendAuditNow(t.db, {
      incidentId,
      actor: 'U1',
      action: 'incident.opened',
      payload: { provider: 'telnyx' },
    });
    expect(entry).toMatchObject({
      incidentId,
      actor: 'U1',
      action: 'incident.opened',
      prevHash: AUDIT_GENESIS_HASH,
    });
    expect(entry.createdAt).toBeInstanceOf(Date);
    expect(entry.hash).toBe(hashAuditEntry(AUDIT_GENESIS_HASH, entry));
    expect(entry.hash).not.toBe(hashAuditEntry(AUDIT_GENESIS_HASH, { ...entry, action: 'incident.closed' }));
  });

  it('when entries are appended one after another, then each prev_hash is the hash of the one before', async () => {
    const a = await appendAuditNow(t.db, { actor: 'reclaim', action: 'a' });
    const b = await appendAuditNow(t.db, { actor: 'reclaim', action: 'b', incidentId: null });
    const c = await appendAuditNow(t.db, { actor: 'reclaim', action: 'c', payload: { n: 1 } });
    expect([b.prevHash, c.prevHash]).toEqual([a.hash, b.hash]);
    expect(a.seq < b.seq && b.seq < c.seq).toBe(true);
    expect(b.incidentId).toBeNull();
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 3 });
  });

  it('when 50 transactions append at once, then the chain does not fork and verifies', async () => {
    const incidentId = newIncidentId();
    const entries = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.db.transaction((tx) =>
          appendAudit(tx, { incidentId, actor: `U${i}`, action: 'step.approved', payload: { i } }),
        ),
      ),
    );
    expect(new Set(entries.map((e) => e.prevHash)).size).toBe(50);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 50 });
  });

  it('when the caller rolls back, then its entry is gone and the next one links to the last committed', async () => {
    const kept = await appendAuditNow(t.db, { actor: 'reclaim', action: 'kept' });
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'reclaim', action: 'lost' });
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');
    const next = await appendAuditNow(t.db, { actor: 'reclaim', action: 'next' });
    expect(next.prevHash).toBe(kept.hash);
    const { rows } = await t.db.query<{ action: string }>('SELECT action FROM audit_log ORDER BY seq');
    expect(rows.map((r) => r.action)).toEqual(['kept', 'next']);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2 });
  });

  it('when the payload carries secret-looking keys, then neither the row nor the hash holds the secret', async () => {
    const entry = await appendAuditNow(t.db, {
      actor: 'reclaim',
      action: 'step.executed',
      payload: {
        connection: { id: 'c1', sip_password: 'Sup3rS3cret!' },
        headers: { Authorization: 'Bearer tok' },
      },
    });
    expect(entry.payload).toEqual({
      connection: { id: 'c1', sip_password: '[redacted]' },
      headers: { Authorization: '[redacted]' },
    });
    const { rows } = await t.db.query<{ payload: unknown }>('SELECT payload FROM audit_log WHERE seq = $1', [
      entry.seq,
    ]);
    expect(JSON.stringify(rows[0]?.payload)).not.toMatch(/Sup3rS3cret|Bearer tok/);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 1 });
  });

  it('when the payload holds dates, undefined members and an upper-case incident id, then what is stored still verifies', async () => {
    const incidentId = newIncidentId().toUpperCase();
    const entry = await appendAuditNow(t.db, {
      incidentId,
      actor: 'U1',
      action: 'incident.opened',
      payload: {
        since: new Date('2024-05-01T10:00:00.123Z'),
        skipped: undefined,
        list: [1, 'two', null],
        ratio: 0.1,
      },
    });
    expect(entry.incidentId).toBe(incidentId.toLowerCase());
    expect(entry.payload).toEqual({ since: '2024-05-01T10:00:00.123Z', list: [1, 'two', null], ratio: 0.1 });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 1 });
  });

  it.each([
    ['a BigInt', { n: 1n }],
    ['a NUL character', { note: 'a\u0000b' }],
  ])(
    'when the payload holds %s, then the append is refused with audit_payload_invalid',
    async (_name, payload) => {
      await expect(appendAuditNow(t.db, { actor: 'reclaim', action: 'x', payload })).rejects.toMatchObject({
        code: 'audit_payload_invalid',
      });
    },
  );

  it('when the incident id is not a UUID, then the append is refused with audit_bad_incident_id', async () => {
    await expect(
      appendAuditNow(t.db, { incidentId: 'INC-1', actor: 'U1', action: 'x' }),
    ).rejects.toMatchObject({
      code: 'audit_bad_incident_id',
    });
  });
});
