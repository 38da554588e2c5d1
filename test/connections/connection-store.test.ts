import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionStore } from '../../src/connections/connection-store.js';
import { syncEnvConnections } from '../../src/connections/env-connections.js';
import type { ProviderCredential } from '../../src/domain/connection.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

const KEY = Buffer.alloc(32, 3);
const OLD: ProviderCredential = {
  provider: 'twilio',
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'old-token-0001',
};
const NEW: ProviderCredential = {
  provider: 'twilio',
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'new-token-0002',
};

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.cleanup());

describe('the connection store', () => {
  it('when a credential is rotated in a transaction, then the new one is current and the old one is still held', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD]);
    await t.db.transaction((tx) => store.rotate(tx, 'twilio', NEW));
    const { connection, credential } = await store.current('twilio');
    expect(credential).toEqual(NEW);
    expect(connection).toMatchObject({ label: 'twilio', provider: 'twilio', version: 2, source: 'env' });
    expect((await store.held('twilio')).map((h) => [h.version, h.hint])).toEqual([
      [2, '0002'],
      [1, '0001'],
    ]);
  });

  it('when the transaction that rotates rolls back, then the old credential stays in use', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD]);
    await t.db
      .transaction(async (tx) => {
        await store.rotate(tx, 'twilio', NEW);
        throw new Error('the action was not recorded');
      })
      .catch(() => undefined);
    expect((await store.current('twilio')).credential).toEqual(OLD);
  });

  it('when Reclaim restarts with the old token still in the environment, then the promoted one stays in use', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD]);
    await t.db.transaction((tx) => store.rotate(tx, 'twilio', NEW));
    await syncEnvConnections(t.db, createConnectionStore(t.db, KEY), [OLD]);
    expect((await store.current('twilio')).credential).toEqual(NEW);
  });

  it('when the operator puts a key it never held in the environment, then it becomes a new version, audited', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD]);
    const operators: ProviderCredential = { ...OLD, authToken: 'operator-token-0003' };
    await syncEnvConnections(t.db, store, [operators]);
    expect((await store.current('twilio')).credential).toEqual(operators);
    const { rows } = await t.db.query<{ action: string; payload: Record<string, unknown> }>(
      `SELECT action, payload FROM audit_log ORDER BY seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(['connection.added', 'connection.rotated']);
    expect(JSON.stringify(rows)).not.toContain('token');
  });

  it('when the database holds a connection, then no credential is stored in clear', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD, { provider: 'telnyx', apiKey: 'KEY-telnyx-secret-9876' }]);
    const { rows } = await t.db.query('SELECT * FROM connection_credentials');
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain('old-token');
    expect(dump).not.toContain('KEY-telnyx-secret');
    expect(rows).toHaveLength(2);
  });

  it('when a sealed credential is moved to another connection, then it does not open', async () => {
    const store = createConnectionStore(t.db, KEY);
    await syncEnvConnections(t.db, store, [OLD, { provider: 'telnyx', apiKey: 'KEY-telnyx-secret-9876' }]);
    await t.db.exec(
      `UPDATE connection_credentials SET ciphertext = (SELECT ciphertext FROM connection_credentials WHERE label = 'twilio'),
         iv = (SELECT iv FROM connection_credentials WHERE label = 'twilio'),
         auth_tag = (SELECT auth_tag FROM connection_credentials WHERE label = 'twilio') WHERE label = 'telnyx'`,
    );
    await expect(store.current('telnyx')).rejects.toMatchObject({ code: 'secret_unreadable' });
  });
});
