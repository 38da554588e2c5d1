import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditNow } from '../../src/audit/append-audit.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/db.js';
import { createPgDb } from '../../src/db/pg-db.js';
import { prepareSchema } from '../../src/db/prepare-schema.js';
import { silentLogger } from '../../src/util/logger.js';
import { usingPostgres } from '../support/test-db.js';

const url = process.env.DATABASE_URL ?? '';
const suffix = randomBytes(5).toString('hex');
const schema = `t_owner_${suffix}`;
const role = `reclaim_rt_${suffix}`;
let admin: Db;
let owner: Db;
let runtime: Db;

function withRole(base: string, user: string): string {
  const u = new URL(base);
  u.username = user;
  u.password = '';
  return u.toString();
}

describe.runIf(usingPostgres)('the bot on a least-privilege PostgreSQL role (DATABASE_OWNER_URL)', () => {
  beforeAll(async () => {
    admin = createPgDb({ connectionString: url, max: 1 });
    await admin.exec(
      `CREATE SCHEMA ${schema}; CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`,
    );
    owner = createPgDb({ connectionString: url, schema, max: 1 });
    runtime = createPgDb({ connectionString: withRole(url, role), schema, max: 2 });
    await prepareSchema(runtime, {
      ownerUrl: url,
      logger: silentLogger(),
      openOwner: async () => createPgDb({ connectionString: url, schema, max: 1 }),
    });
  });
  afterAll(async () => {
    await runtime?.close();
    await owner?.close();
    await admin.exec(
      `DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP OWNED BY ${role}; DROP ROLE IF EXISTS ${role}`,
    );
    await admin.close();
  });

  it('when the bot appends and reads audit entries, then it may', async () => {
    await appendAuditNow(runtime, { actor: 'U1', action: 'probe.one', payload: { n: 1 } });
    await appendAuditNow(runtime, { actor: 'U1', action: 'probe.two', payload: { n: 2 } });
    expect(await verifyAuditChain(runtime)).toEqual({ ok: true, count: 2 });
  });

  it.each([
    ['update an entry', `UPDATE audit_log SET actor = 'attacker'`],
    ['delete an entry', 'DELETE FROM audit_log'],
    ['truncate the log', 'TRUNCATE audit_log'],
    ['disable the trigger', 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable'],
    ['drop the trigger', 'DROP TRIGGER audit_log_immutable ON audit_log'],
    ['drop the table', 'DROP TABLE audit_log'],
    ['create a table', 'CREATE TABLE rogue (x int)'],
    ['rewrite the migrations', `UPDATE schema_migrations SET checksum = 'x'`],
  ])('when the bot’s role tries to %s, then PostgreSQL refuses', async (_what, sql) => {
    await expect(runtime.exec(sql)).rejects.toThrow(/permission denied|must be owner|append-only/);
    expect(await verifyAuditChain(owner)).toMatchObject({ ok: true });
  });

  it('when the owner (the bot’s role before) disables the trigger, then it can: the hole the role closes', async () => {
    await owner.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable');
    await owner.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable');
  });

  it('when DATABASE_OWNER_URL reaches another schema than DATABASE_URL, then start-up refuses', async () => {
    const other = `${schema}_other`;
    await admin.exec(`CREATE SCHEMA ${other}`);
    try {
      await expect(
        prepareSchema(runtime, {
          ownerUrl: url,
          logger: silentLogger(),
          openOwner: async () => createPgDb({ connectionString: url, schema: other, max: 1 }),
        }),
      ).rejects.toMatchObject({ code: 'storage_owner_schema_mismatch' });
    } finally {
      await admin.exec(`DROP SCHEMA ${other} CASCADE`);
    }
  });
});
