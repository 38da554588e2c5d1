import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, appendAuditNow } from '../../src/audit/append-audit.js';
import { hashAuditEntry } from '../../src/audit/audit-entry.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { tamperWithAuditLog } from './audit-fixtures.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

async function appendMany(n: number): Promise<number[]> {
  const seqs: number[] = [];
  await t.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      seqs.push((await appendAudit(tx, { actor: 'reclaim', action: 'tick', payload: { i } })).seq);
    }
  });
  return seqs;
}

describe('verifyAuditChain', () => {
  it('when the log is empty, then the chain verifies with no entries', async () => {
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 0 });
  });

  it.each([
    ['an UPDATE', `UPDATE audit_log SET payload = '{"i": 99}' WHERE seq = $1`],
    ['a DELETE', 'DELETE FROM audit_log WHERE seq = $1'],
  ])('when %s of one audit row is tried, then the database refuses it', async (_name, sql) => {
    const [seq] = await appendMany(3);
    await expect(t.db.query(sql, [seq])).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 3 });
  });

  it('when a TRUNCATE is tried, then the database refuses it', async () => {
    await appendMany(2);
    await expect(t.db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2 });
  });

  it('when a row was altered with the trigger disabled, then verify names that seq as a hash mismatch', async () => {
    const seqs = await appendMany(5);
    await tamperWithAuditLog(t.db, `UPDATE audit_log SET payload = '{"i": 99}' WHERE seq = $1`, [seqs[2]]);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      count: 2,
      brokenAt: seqs[2],
      reason: expect.stringContaining('hash mismatch'),
    });
  });

  it('when a middle row was deleted, then verify names the entry after it as not linking', async () => {
    const seqs = await appendMany(5);
    await tamperWithAuditLog(t.db, 'DELETE FROM audit_log WHERE seq = $1', [seqs[2]]);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: false,
      count: 2,
      brokenAt: seqs[3],
      reason: `prev_hash does not link to the hash of entry ${seqs[1]}`,
    });
  });

  it('when the first row was deleted, then verify names the new first entry as not linking to genesis', async () => {
    const seqs = await appendMany(3);
    await tamperWithAuditLog(t.db, 'DELETE FROM audit_log WHERE seq = $1', [seqs[0]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({
      ok: false,
      count: 0,
      brokenAt: seqs[1],
      reason: 'prev_hash does not link to the genesis hash',
    });
  });

  it('when a row was altered and its own hash recomputed, then verify names the next entry', async () => {
    const seqs = await appendMany(4);
    const { rows } = await t.db.query<{ prev_hash: string; incident_id: string | null; created_at: Date }>(
      'SELECT prev_hash, incident_id, created_at FROM audit_log WHERE seq = $1',
      [seqs[1]],
    );
    const row = rows[0]!;
    const forged = hashAuditEntry(row.prev_hash, {
      incidentId: row.incident_id,
      actor: 'reclaim',
      action: 'tick',
      payload: { i: 99 },
      createdAt: row.created_at,
    });
    await tamperWithAuditLog(t.db, `UPDATE audit_log SET payload = '{"i": 99}', hash = $2 WHERE seq = $1`, [
      seqs[1],
      forged,
    ]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, count: 2, brokenAt: seqs[2] });
  });

  it('when the chain spans several pages and an entry on a later page was altered, then verify names it', async () => {
    const seqs = await appendMany(520);
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 520 });
    await tamperWithAuditLog(t.db, `UPDATE audit_log SET actor = 'mallory' WHERE seq = $1`, [seqs[510]]);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, count: 510, brokenAt: seqs[510] });
  });

  it('when an append rolled back and left a gap in seq, then the chain still verifies', async () => {
    await appendAuditNow(t.db, { actor: 'reclaim', action: 'a' });
    await t.db
      .transaction(async (tx) => {
        await appendAudit(tx, { actor: 'reclaim', action: 'lost' });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await appendAuditNow(t.db, { actor: 'reclaim', action: 'b' });
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, count: 2 });
  });
});
