import { afterEach, describe, expect, it } from 'vitest';
import { createPgliteDb, PGLITE_SHARED_BUFFERS, type PgliteDb } from '../../src/db/pglite-db.js';

let db: PgliteDb | undefined;
afterEach(async () => {
  await db?.close().catch(() => undefined);
  db = undefined;
});

describe('createPgliteDb', () => {
  it('when opened, then PostgreSQL runs with the small shared buffers Reclaim asks for', async () => {
    db = await createPgliteDb();
    const { rows } = await db.query<{ shared_buffers: string }>('SHOW shared_buffers');
    expect(rows[0]?.shared_buffers).toBe(PGLITE_SHARED_BUFFERS);
  });

  it('when work holds the database, then ping still answers at once that it is reachable', async () => {
    const opened = await createPgliteDb();
    db = opened;
    await opened.query('SELECT 1');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const started = new Promise<void>((resolve) => (holding = resolve));
    const work = opened.transaction(async (tx) => {
      await tx.query('SELECT 1');
      holding();
      await held;
    });
    await started;
    const first = await Promise.race([
      opened.ping().then((ok) => ({ ok })),
      new Promise((resolve) => setTimeout(() => resolve('ping waited behind the transaction'), 500)),
    ]);
    release();
    await work;
    expect(first).toEqual({ ok: true });
  });

  it('when closed, then ping says the database is not reachable', async () => {
    const opened = await createPgliteDb();
    await opened.query('SELECT 1');
    await opened.close();
    expect(await opened.ping()).toBe(false);
  });
});
