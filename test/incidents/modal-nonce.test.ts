import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportAudit } from '../../src/audit/export-audit.js';
import { issueModalNonce, MODAL_NONCE_TTL_MS, redeemModalNonce } from '../../src/incidents/modal-nonce.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { openFakeIncident } from './fake-incident.js';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  deps = makeDeps(t, new FakeAccount());
});
afterEach(() => t.cleanup());

describe('modal nonces', () => {
  it('when a modal is submitted, then its nonce counts once, for the user and step it was issued to, before it expires', async () => {
    const { incident, manual, forwarding } = await openFakeIncident(deps);
    const binding = { purpose: 'skip', userId: 'UAPPROVER2', stepId: manual.id };
    const nonce = await issueModalNonce(deps, binding);
    const refusals = [
      { ...binding, nonce: undefined },
      { ...binding, nonce: `${nonce}x` },
      { ...binding, nonce, userId: 'UAPPROVER3' },
      { ...binding, nonce, stepId: forwarding.id },
      { ...binding, nonce, stepId: 'not-a-step' },
      { ...binding, nonce, purpose: 'other' },
    ];
    for (const attempt of refusals)
      expect(await redeemModalNonce(deps, attempt)).toMatchObject({ ok: false, code: 'modal_nonce_invalid' });
    expect(await redeemModalNonce(deps, { ...binding, nonce })).toEqual({ ok: true });
    expect(await redeemModalNonce(deps, { ...binding, nonce })).toMatchObject({ ok: false });
    const audit = await exportAudit(t.db, incident.id);
    expect(audit.filter((e) => e.action === 'modal.refused')).toHaveLength(refusals.length);

    const later = await issueModalNonce(deps, binding);
    const issuedAt = deps.now().getTime();
    deps.now = () => new Date(issuedAt + MODAL_NONCE_TTL_MS + 1_000);
    expect(await redeemModalNonce(deps, { ...binding, nonce: later })).toMatchObject({ ok: false });
  });

  it('when a nonce is stored, then only its hash is kept', async () => {
    const { manual } = await openFakeIncident(deps);
    const nonce = await issueModalNonce(deps, { purpose: 'skip', userId: 'UAPPROVER2', stepId: manual.id });
    const { rows } = await t.db.query('SELECT * FROM modal_nonces');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(nonce);
  });
});
