import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditCommand } from '../../src/app/verify-audit-command.js';
import { appendAnchorFile, formatAnchor, readChainHead } from '../../src/audit/anchors.js';
import { appendAuditNow } from '../../src/audit/append-audit.js';
import { AUDIT_GENESIS_HASH, hashAuditEntry } from '../../src/audit/audit-entry.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/db.js';
import { migrate } from '../../src/db/migrate.js';
import { openDb } from '../../src/db/open-db.js';
import { createTestDb, type TestDb, usingPostgres } from '../support/test-db.js';

let dir: string;
let testDb: TestDb | undefined;
let env: NodeJS.ProcessEnv;

/** The database the command reads: the test's PostgreSQL schema, or PGlite in a DATA_DIR of its own. */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (testDb) return fn(testDb.db);
  const db = await openDb({ databaseUrl: undefined, dataDir: join(dir, 'data') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await verifyAuditCommand(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What an attacker with write access to the database does: rows changed, then every later hash recomputed. */
async function rechainFrom(db: Db, seq: number): Promise<void> {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  const { rows } = await db.query<{ hash: string }>(
    'SELECT hash FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1',
    [seq],
  );
  let prev = rows[0]?.hash ?? AUDIT_GENESIS_HASH;
  const tail = await db.query<{
    seq: number;
    incident_id: string | null;
    actor: string;
    action: string;
    payload: Record<string, unknown>;
    created_at: Date;
  }>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [seq]);
  for (const r of tail.rows) {
    const hash = hashAuditEntry(prev, {
      incidentId: r.incident_id,
      actor: r.actor,
      action: r.action,
      payload: r.payload,
      createdAt: r.created_at,
    });
    await db.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1', [r.seq, prev, hash]);
    prev = hash;
  }
  await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reclaim-verify-'));
  env = { DATA_DIR: join(dir, 'data'), RECLAIM_AUDIT_ANCHOR_FILE: join(dir, 'anchors.jsonl') };
  if (usingPostgres) {
    testDb = await createTestDb();
    env.DATABASE_URL = testDb.url;
  } else {
    await withDb((db) => migrate(db).then(() => undefined));
  }
});
afterAll(async () => {
  await testDb?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe('npm run audit:verify', () => {
  beforeEach(async () => {
    await rm(env.RECLAIM_AUDIT_ANCHOR_FILE!, { force: true });
    await withDb(async (db) => {
      await db.exec(
        'ALTER TABLE audit_log DISABLE TRIGGER USER; DELETE FROM audit_log; ALTER TABLE audit_log ENABLE TRIGGER USER',
      );
      for (let i = 1; i <= 6; i += 1) {
        await appendAuditNow(db, { actor: 'U1', action: `step.approved`, payload: { n: i } });
        if (i === 3 || i === 6) {
          const head = (await readChainHead(db))!;
          await appendAnchorFile(env.RECLAIM_AUDIT_ANCHOR_FILE!, {
            ...head,
            at: new Date().toISOString(),
            reason: 'test',
            incidentId: null,
          });
        }
      }
    });
  });

  it('when nothing was touched, then it exits 0 and says how many entries and anchors hold', async () => {
    const result = await run();
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/audit chain verified: 6 entries, 2 anchors hold; head \d+:[0-9a-f]{64}/);
  });

  it('when an entry was altered in place, then it exits 1 naming the entry', async () => {
    const seq = await withDb(async (db) => {
      const { rows } = await db.query<{ seq: number }>(
        'SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1',
      );
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.query(`UPDATE audit_log SET actor = 'U_ATTACKER' WHERE seq = $1`, [rows[0]!.seq]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
      return rows[0]!.seq;
    });
    expect(await run()).toMatchObject({ code: 1, err: expect.stringContaining(`BROKEN at entry ${seq}`) });
  });

  it('when entries were deleted and the chain re-computed, then the links hold but the anchors catch it', async () => {
    // Without anchors this went undetected: every link of the re-computed chain holds.
    await withDb(async (db) => {
      const { rows } = await db.query<{ seq: number }>(
        'SELECT seq FROM audit_log ORDER BY seq LIMIT 1 OFFSET 1',
      );
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.query('DELETE FROM audit_log WHERE seq = $1', [rows[0]!.seq]);
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
      await rechainFrom(db, rows[0]!.seq);
    });
    expect(await withDb((db) => verifyAuditChain(db))).toMatchObject({ ok: true });
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/anchor \d+:[0-9a-f]{64} does not hold: entry \d+ now has hash/);
    expect(result.err).toContain('REWRITTEN: 2 of 2 anchors do not hold');
  });

  it('when the newest entries were cut off, then the anchor past the end says the entry is gone', async () => {
    await withDb(async (db) => {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await db.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)');
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
    });
    expect(await run()).toMatchObject({ code: 1, err: expect.stringMatching(/entry \d+ is gone/) });
  });

  it('when an anchor copied from a channel is given, then it is checked too', async () => {
    const head = await withDb(async (db) => (await readChainHead(db))!);
    const pasted = `Audit chain head: ${formatAnchor(head)} (step settled)`;
    expect(await run('--anchor', pasted)).toMatchObject({
      code: 0,
      out: expect.stringContaining('3 anchors hold'),
    });
    const forged = formatAnchor({ seq: head.seq, hash: 'f'.repeat(64) });
    expect(await run('--anchor', forged)).toMatchObject({ code: 1 });
  });

  it('when an anchor cannot be read, then it exits 2 and says the form', async () => {
    expect(await run('--anchor', 'not-an-anchor')).toMatchObject({
      code: 2,
      err: expect.stringContaining('<seq>:<64 hex digits>'),
    });
  });
});
