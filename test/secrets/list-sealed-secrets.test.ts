import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSealedSecrets } from '../../src/secrets/list-sealed-secrets.js';
import { revealSecret } from '../../src/secrets/reveal.js';
import { sealSecret } from '../../src/secrets/seal.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { insertIncidentWithStep, testKey } from './secret-fixtures.js';

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

describe('listSealedSecrets', () => {
  it('when listing by step or by incident, then only metadata of that scope comes back', async () => {
    const key = testKey();
    const mine = await insertIncidentWithStep(t.db);
    const other = await insertIncidentWithStep(t.db);
    const a = await sealSecret(t.db, key, { ...mine, label: 'A', plaintext: 'plain-a' });
    const b = await sealSecret(t.db, key, { incidentId: mine.incidentId, label: 'B', plaintext: 'plain-b' });
    await sealSecret(t.db, key, { ...other, label: 'C', plaintext: 'plain-c' });
    await t.db.transaction((tx) => revealSecret(tx, key, a.id, 'U9'));

    const byStep = await listSealedSecrets(t.db, { stepId: mine.stepId });
    expect(byStep).toEqual([
      {
        id: a.id,
        stepId: mine.stepId,
        label: 'A',
        createdAt: expect.any(Date),
        revealedAt: expect.any(Date),
        revealedBy: 'U9',
      },
    ]);
    const byIncident = await listSealedSecrets(t.db, { incidentId: mine.incidentId });
    expect(byIncident.map((s) => s.id).sort()).toEqual([a.id, b.id].sort());
    expect(byIncident.find((s) => s.id === b.id)).toMatchObject({
      stepId: null,
      revealedAt: null,
      revealedBy: null,
    });
    expect(JSON.stringify(byIncident)).not.toMatch(/ciphertext|auth_tag|authTag|"iv"|plain-/);
  });
});
