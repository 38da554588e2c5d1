import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { REVEAL_CLAIM_MS, revealCredential } from '../../src/incidents/reveal-credential.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { executedForwarding, FAKE_SECRET } from './fake-incident.js';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  deps = makeDeps(t, new FakeAccount());
});
afterEach(() => t.cleanup());

const sealedRow = async (id: string) =>
  (
    await t.db.query<{ ciphertext: string | null; revealed_at: Date | null; revealed_by: string | null }>(
      'SELECT ciphertext, revealed_at, revealed_by FROM sealed_secrets WHERE id = $1',
      [id],
    )
  ).rows[0]!;

describe('reveal: read, deliver, then wipe', () => {
  it('when the delivery fails, then the credential stays sealed, the failure is audited without it, and it can be revealed again', async () => {
    const { incident, secretId } = await executedForwarding(deps);
    const input = { incidentId: incident.id, secretId };
    const failed = await revealCredential(deps, { ...input, userId: 'UAPPROVER2' }, async () => {
      throw Object.assign(new Error('Request failed with status code 404'), { code: 'ERR_BAD_REQUEST' });
    });
    expect(failed).toMatchObject({ ok: false, code: 'reveal_not_delivered' });
    expect(await sealedRow(secretId)).toMatchObject({ ciphertext: expect.any(String), revealed_at: null });
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.at(-1)).toMatchObject({
      actor: 'UAPPROVER2',
      action: 'secret.reveal_failed',
      payload: { secretId, code: 'ERR_BAD_REQUEST' },
    });
    expect(JSON.stringify(audit)).not.toContain(FAKE_SECRET);

    const delivered: string[] = [];
    const again = await revealCredential(deps, { ...input, userId: 'UAPPROVER3' }, async ({ value }) => {
      delivered.push(value);
    });
    expect(again).toMatchObject({ ok: true });
    expect(delivered).toEqual([FAKE_SECRET]);
    expect(await sealedRow(secretId)).toMatchObject({ ciphertext: null, revealed_by: 'UAPPROVER3' });
    const entries = await exportAudit(t.db, incident.id);
    expect(entries.filter((e) => e.action === 'secret.revealed')).toHaveLength(1);
  });

  it('when the value is wiped, then only after the delivery resolved', async () => {
    const { incident, secretId } = await executedForwarding(deps);
    let sealedWhileDelivering: string | null = null;
    const out = await revealCredential(
      deps,
      { incidentId: incident.id, secretId, userId: 'UAPPROVER2' },
      async () => {
        sealedWhileDelivering = (await sealedRow(secretId)).ciphertext;
      },
    );
    expect(out).toMatchObject({ ok: true });
    expect(sealedWhileDelivering).toEqual(expect.any(String));
    expect((await sealedRow(secretId)).ciphertext).toBeNull();
  });

  it('when a delivery was cut short (a crash), then others wait for its claim to lapse and can then reveal it', async () => {
    const { incident, secretId } = await executedForwarding(deps);
    const at = new Date('2030-01-01T00:00:00Z');
    // What a process that died after claiming, before Slack answered, leaves behind.
    await t.db.query(
      'UPDATE sealed_secrets SET reveal_claimed_by = $2, reveal_claimed_until = $3 WHERE id = $1',
      [secretId, 'UAPPROVER2', new Date(at.getTime() + REVEAL_CLAIM_MS)],
    );
    const input = { incidentId: incident.id, secretId, userId: 'UAPPROVER3' };
    deps.now = () => at;
    expect(await revealCredential(deps, input)).toMatchObject({
      ok: false,
      code: 'secret_reveal_in_progress',
    });
    deps.now = () => new Date(at.getTime() + REVEAL_CLAIM_MS + 1);
    expect(await revealCredential(deps, input)).toEqual({
      ok: true,
      label: 'pin for +15550100',
      value: FAKE_SECRET,
    });
  });
});
