import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../src/db/migrate.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('migrate', () => {
  it('when run on an empty database, then applies every migration once and records its checksum', async () => {
    t = await createTestDb({ migrated: false });
    const first = await migrate(t.db);
    expect(first).toContain('0001_init.sql');
    expect(await migrate(t.db)).toEqual([]);
    const { rows } = await t.db.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations',
    );
    expect(rows.map((r) => r.name)).toEqual(first);
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('when an applied migration was edited afterwards, then start-up stops with migration_edited', async () => {
    t = await createTestDb({ migrated: false });
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-mig-'));
    await writeFile(join(dir, '0001_first.sql'), 'CREATE TABLE a (x int);');
    await migrate(t.db, await loadMigrations(dir));
    await writeFile(join(dir, '0001_first.sql'), 'CREATE TABLE a (x int, y int);');
    await expect(migrate(t.db, await loadMigrations(dir))).rejects.toMatchObject({
      code: 'migration_edited',
      message: expect.stringContaining('0001_first.sql was edited after it was applied'),
    });
  });

  it('when a migration fails, then it is rolled back whole and not recorded', async () => {
    t = await createTestDb({ migrated: false });
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-mig-'));
    await writeFile(join(dir, '0001_ok.sql'), 'CREATE TABLE ok (x int);');
    await writeFile(join(dir, '0002_bad.sql'), 'CREATE TABLE half (x int); SELECT no_such_function();');
    await expect(migrate(t.db, await loadMigrations(dir))).rejects.toThrow(/no_such_function/);
    const { rows } = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations');
    expect(rows.map((r) => r.name)).toEqual(['0001_ok.sql']);
    await expect(t.db.query('SELECT * FROM half')).rejects.toThrow();
  });

  it('when a file is misnamed, then loading says how to name it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reclaim-mig-'));
    await writeFile(join(dir, 'init.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toMatchObject({ code: 'migration_bad_name' });
  });
});
