import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revealSecret } from '../../src/secrets/reveal.js';
import { sealSecret } from '../../src/secrets/seal.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { insertIncidentWithStep, testKey } from './secret-fixtures.js';

const PLAINTEXT = 'N3w-S1P-p@ssw0rd';

let t: TestDb;
let key: Buffer;
let ids: { incidentId: string; stepId: string };
beforeEach(async () => {
  t = await createTestDb();
  key = testKey();
  ids = await insertIncidentWithStep(t.db);
});
afterEach(async () => {
  await t.cleanup();
});

const seal = (plaintext = PLAINTEXT) =>
  t.db.transaction((tx) =>
    sealSecret(tx, key, { ...ids, label: 'SIP password for connection 123', plaintext }),
  );
const reveal = (id: string, k = key, user = 'U2') => t.db.transaction((tx) => revealSecret(tx, k, id, user));
const rowOf = async (id: string) =>
  (await t.db.query<Record<string, unknown>>('SELECT * FROM sealed_secrets WHERE id = $1', [id])).rows[0]!;

async function codeOf(promise: Promise<unknown>): Promise<{ code: unknown; message: string }> {
  const err = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: unknown; message?: string } | null;
  return { code: err?.code, message: err?.message ?? '' };
}

describe('sealSecret / revealSecret', () => {
  it('when sealed, then no column of the row holds the plaintext', async () => {
    const { id } = await seal();
    const row = await rowOf(id);
    expect(row.ciphertext).toEqual(expect.any(String));
    expect(JSON.stringify(row)).not.toContain(PLAINTEXT);
    expect(JSON.stringify(row)).not.toContain(Buffer.from(PLAINTEXT).toString('base64'));
  });

  it('when revealed once, then the plaintext comes back and the sealed value is wiped', async () => {
    const { id } = await seal();
    expect(await reveal(id)).toEqual({
      id,
      label: 'SIP password for connection 123',
      plaintext: PLAINTEXT,
      ...ids,
    });
    const row = await rowOf(id);
    expect(row).toMatchObject({ ciphertext: null, iv: null, auth_tag: null, revealed_by: 'U2' });
    expect(row.revealed_at).toBeInstanceOf(Date);
  });

  it('when revealed a second time, then it is refused with secret_already_revealed', async () => {
    const { id } = await seal();
    await reveal(id);
    expect((await codeOf(reveal(id, key, 'U3'))).code).toBe('secret_already_revealed');
    expect((await rowOf(id)).revealed_by).toBe('U2');
  });

  it('when two reveals race, then exactly one gets the plaintext', async () => {
    const { id } = await seal();
    const results = await Promise.allSettled([reveal(id, key, 'U2'), reveal(id, key, 'U3')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'secret_already_revealed' });
  });

  it('when the reveal transaction rolls back, then the secret stays sealed and can be revealed later', async () => {
    const { id } = await seal();
    await t.db
      .transaction(async (tx) => {
        await revealSecret(tx, key, id, 'U2');
        throw new Error('audit failed');
      })
      .catch(() => undefined);
    expect((await rowOf(id)).ciphertext).toEqual(expect.any(String));
    expect((await reveal(id)).plaintext).toBe(PLAINTEXT);
  });

  it('when the stored ciphertext was tampered with, then reveal fails with secret_unreadable and the row stays', async () => {
    const { id } = await seal();
    const row = await rowOf(id);
    const bytes = Buffer.from(String(row.ciphertext), 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    await t.db.query('UPDATE sealed_secrets SET ciphertext = $2 WHERE id = $1', [
      id,
      bytes.toString('base64'),
    ]);
    const err = await codeOf(reveal(id));
    expect(err.code).toBe('secret_unreadable');
    expect(err.message).not.toContain(PLAINTEXT);
    expect((await rowOf(id)).revealed_at).toBeNull();
  });

  it('when the key is not the one it was sealed with, then reveal fails with secret_unreadable', async () => {
    const { id } = await seal();
    const err = await codeOf(reveal(id, testKey()));
    expect(err.code).toBe('secret_unreadable');
    expect(err.message).not.toContain(PLAINTEXT);
    expect(err.message).not.toContain(key.toString('base64'));
  });

  it("when one row's sealed value is copied onto another row, then the copy cannot be opened", async () => {
    const { id: source } = await seal('first');
    const { id: target } = await seal('second');
    await t.db.query(
      `UPDATE sealed_secrets AS t SET ciphertext = s.ciphertext, iv = s.iv, auth_tag = s.auth_tag
       FROM sealed_secrets AS s WHERE s.id = $1 AND t.id = $2`,
      [source, target],
    );
    expect((await codeOf(reveal(target))).code).toBe('secret_unreadable');
  });

  it.each([
    ['an unknown id', () => randomUUID()],
    ['an id that is not a UUID', () => 'secret-1'],
  ])('when revealing %s, then it fails with secret_not_found', async (_name, makeId) => {
    expect((await codeOf(reveal(makeId()))).code).toBe('secret_not_found');
  });
});
