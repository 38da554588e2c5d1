import { describe, expect, it } from 'vitest';
import { manualStepVerifier } from '../../../src/app/adapters/verify-manual-step.js';
import { createConnectionStore } from '../../../src/connections/connection-store.js';
import type { ProviderCredential } from '../../../src/domain/connection.js';
import { incidentFixture } from '../../support/incident-fixture.js';
import { createTestDb } from '../../support/test-db.js';

const STEP = 'telnyx.replace-api-keys';
const key = (apiKey: string): ProviderCredential => ({ provider: 'telnyx', apiKey });

describe('manualStepVerifier (Telnyx API keys)', () => {
  it('when Mark done is clicked, then it is refused until Reclaim has a new key and Telnyx refuses every older one, naming a working one by its last 4', async () => {
    const t = await createTestDb();
    try {
      const store = createConnectionStore(t.db, Buffer.alloc(32, 5));
      await t.db.transaction((tx) =>
        store.add(tx, {
          label: 'telnyx',
          credential: key('KEY-old-one-AAAA'),
          accountId: null,
          source: 'env',
          addedBy: 'environment',
          verifiedAt: null,
        }),
      );
      const accepted = new Set(['KEY-old-one-AAAA', 'KEY-new-one-CCCC']);
      const tried: string[] = [];
      const check = manualStepVerifier(
        () => store,
        async (c) => {
          const k = (c as { apiKey: string }).apiKey;
          tried.push(k);
          return accepted.has(k)
            ? { ok: true, accountId: null }
            : { ok: false, reason: 'telnyx refused it (401)' };
        },
      );
      const incident = incidentFixture({ id: 'i1', provider: 'telnyx', rehearsal: false });
      expect(await check(incident, STEP)).toEqual({
        ok: false,
        message: expect.stringContaining('give it the new one first'),
      });

      await t.db.transaction((tx) => store.rotate(tx, 'telnyx', key('KEY-new-one-CCCC')));
      const stillWorks = await check(incident, STEP);
      expect(stillWorks).toEqual({ ok: false, message: expect.stringContaining('ending …AAAA') });
      expect(JSON.stringify(stillWorks)).not.toContain('KEY-old-one');
      expect(tried).toEqual(['KEY-old-one-AAAA']);

      accepted.delete('KEY-old-one-AAAA');
      expect(await check(incident, STEP)).toEqual({ ok: true });
      expect(await check(incident, 'telnyx.change-password')).toEqual({ ok: true });
      expect(await check(incidentFixture({ id: 'i2', provider: 'telnyx', rehearsal: true }), STEP)).toEqual({
        ok: true,
      });
    } finally {
      await t.cleanup();
    }
  });
  it('when two older keys still work, then both are named; when Telnyx cannot be asked, then the error is thrown to the caller (not a pass); without a store nothing is checked', async () => {
    const t = await createTestDb();
    try {
      const store = createConnectionStore(t.db, Buffer.alloc(32, 5));
      await t.db.transaction((tx) =>
        store.add(tx, {
          label: 'telnyx:eu',
          credential: key('KEY-first-one-1111'),
          accountId: null,
          source: 'slack',
          addedBy: 'UBOB',
          verifiedAt: null,
        }),
      );
      await t.db.transaction((tx) => store.rotate(tx, 'telnyx:eu', key('KEY-second-one-2222')));
      await t.db.transaction((tx) => store.rotate(tx, 'telnyx:eu', key('KEY-third-one-3333')));
      const incident = incidentFixture({
        id: 'i3',
        provider: 'telnyx',
        rehearsal: false,
        connections: ['telnyx:eu'],
      });
      const tried: string[] = [];
      const allWork = manualStepVerifier(
        () => store,
        async (c) => {
          tried.push((c as { apiKey: string }).apiKey);
          return { ok: true, accountId: null };
        },
      );
      const both = await allWork(incident, STEP);
      expect(both).toEqual({ ok: false, message: expect.stringContaining('old keys ending …2222, …1111') });
      expect(tried).toEqual(['KEY-second-one-2222', 'KEY-first-one-1111']);

      const outage = manualStepVerifier(
        () => store,
        async () => {
          throw new Error('telnyx is unavailable (503)');
        },
      );
      await expect(outage(incident, STEP)).rejects.toThrow('unavailable');
      expect(await manualStepVerifier(() => undefined, allWork as never)(incident, STEP)).toEqual({
        ok: true,
      });
    } finally {
      await t.cleanup();
    }
  });
});
