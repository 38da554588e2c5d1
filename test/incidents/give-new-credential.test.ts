import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConnectionStore } from '../../src/connections/connection-store.js';
import { getStep } from '../../src/db/repos/steps-repo.js';
import { giveNewCredential } from '../../src/incidents/give-new-credential.js';
import { markStepDone } from '../../src/incidents/settle-step.js';
import type { StepDefinition } from '../../src/playbooks/types.js';
import { ProviderError } from '../../src/providers/http/index.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';
import { openFakeIncident } from './fake-incident.js';

const OLD_KEY = 'KEY-old-environment-AAAA';
const NEW_KEY = 'KEY-new-from-portal-CCCC';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
let check: (stepKey: string) => Promise<{ ok: true } | { ok: false; message: string }>;

beforeEach(async () => {
  t = await createTestDb();
  const base = makeDeps(t, new FakeAccount());
  const connections = createConnectionStore(t.db, base.secretKey);
  await t.db.transaction((tx) =>
    connections.add(tx, {
      label: 'telnyx',
      credential: { provider: 'telnyx', apiKey: OLD_KEY },
      accountId: null,
      source: 'env',
      addedBy: 'environment',
      verifiedAt: null,
    }),
  );
  const definition = base.playbooks.definition;
  check = async () => ({ ok: true });
  deps = {
    ...base,
    connections,
    playbooks: {
      ...base.playbooks,
      // The fake playbook's manual step stands in for the API-key card.
      definition: (key) => {
        const d = definition(key);
        return d?.kind === 'manual' ? ({ ...d, takesNewCredential: 'telnyx' } as StepDefinition) : d;
      },
      verifyManualStep: (_incident, stepKey) => check(stepKey),
    },
  };
});
afterEach(() => t.cleanup());

const audit = async () =>
  (
    await t.db.query<{ action: string; payload: unknown }>(
      'SELECT action, payload FROM audit_log ORDER BY seq',
    )
  ).rows;

describe('giving Reclaim the new key from a step card', () => {
  it('when an approver gives a new key, then it is sealed as the connection’s next version and the card redrawn; others, old keys and refused keys are turned away', async () => {
    const { manual } = await openFakeIncident(deps);
    const give = (userId: string, apiKey: string) =>
      giveNewCredential(deps, { userId, stepId: manual.id, credential: { provider: 'telnyx', apiKey } });

    expect(await give('URESPONDER', NEW_KEY)).toMatchObject({ ok: false, code: 'not_an_approver' });
    expect(await give('UAPPROVER2', OLD_KEY)).toMatchObject({
      ok: false,
      code: 'credential_refused',
      message: expect.stringContaining('held that key before'),
    });
    expect(await give('UAPPROVER2', 'KEY-refused-by-telnyx-1')).toMatchObject({
      ok: false,
      code: 'credential_refused',
      message: 'telnyx refused it (401): Authentication failed',
    });
    expect((await deps.connections!.find('telnyx'))?.version).toBe(1);

    const before = await getStep(t.db, manual.id);
    expect(await give('UAPPROVER2', NEW_KEY)).toEqual({
      ok: true,
      label: 'telnyx',
      version: 2,
      hint: 'CCCC',
    });
    expect((await getStep(t.db, manual.id)).version).toBeGreaterThan(before.version);
    expect(deps.notifier.steps).toContain(manual.id);
    const rows = await audit();
    expect(rows.at(-1)).toMatchObject({
      action: 'connection.rotated',
      payload: { label: 'telnyx', version: 2 },
    });
    expect(JSON.stringify(rows)).not.toContain(NEW_KEY);
  });

  it('when the incident is a rehearsal, then there is no key to give', async () => {
    const { manual } = await openFakeIncident(deps, { rehearsal: true });
    expect(
      await giveNewCredential(deps, {
        userId: 'UAPPROVER2',
        stepId: manual.id,
        credential: { provider: 'telnyx', apiKey: NEW_KEY },
      }),
    ).toMatchObject({ ok: false, code: 'step_takes_no_credential' });
  });
});

describe('Mark done on a manual step an API confirms', () => {
  it('when the check says not yet, then the step stays pending with the reason on it; a provider error is kept as such; a pass marks it done and clears the note', async () => {
    const { manual } = await openFakeIncident(deps);
    check = async () => ({ ok: false, message: 'Telnyx still accepts the old key ending …AAAA.' });
    expect(await markStepDone(deps, { userId: 'URESPONDER', stepId: manual.id })).toMatchObject({
      ok: false,
      code: 'step_not_confirmed',
    });
    expect(await getStep(t.db, manual.id)).toMatchObject({
      state: 'pending',
      error: { code: 'step_not_confirmed', message: 'Telnyx still accepts the old key ending …AAAA.' },
    });

    check = async () => {
      throw new ProviderError('provider_unavailable', 'Telnyx is unavailable (503).', {
        provider: 'telnyx',
        operation: 'check the API key (balance)',
        status: 503,
        providerCode: null,
        detail: null,
        requestId: null,
        outcomeUnknown: false,
      });
    };
    await markStepDone(deps, { userId: 'URESPONDER', stepId: manual.id });
    expect(await getStep(t.db, manual.id)).toMatchObject({
      state: 'pending',
      error: {
        code: 'provider_unavailable',
        message: expect.stringContaining('Telnyx is unavailable (503).'),
      },
    });

    // Someone not on the team makes Reclaim call nobody, and changes nothing.
    let called = 0;
    check = async () => {
      called += 1;
      return { ok: true };
    };
    expect(await markStepDone(deps, { userId: 'USTRANGER', stepId: manual.id })).toMatchObject({ ok: false });
    expect(called).toBe(0);

    expect(await markStepDone(deps, { userId: 'URESPONDER', stepId: manual.id })).toMatchObject({ ok: true });
    expect(await getStep(t.db, manual.id)).toMatchObject({ state: 'done', error: null });
    expect(called).toBe(1);
  });
});
