import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.js';
import { findStep } from '../../src/db/repos/steps-repo.js';
import { normaliseError } from '../../src/domain/errors.js';
import { checkClickPlace } from '../../src/incidents/check-click-place.js';
import { redeemModalNonce } from '../../src/incidents/modal-nonce.js';
import { findStepChannel } from '../../src/incidents/views/find-step-channel.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

/** A database that has gone away: every call fails as pg fails when its connection is cut. */
function unreachable(cause: () => Error): Db {
  const fail = () => Promise.reject(cause());
  return {
    kind: 'postgres',
    query: fail,
    exec: fail,
    transaction: fail,
    session: fail,
    ping: fail,
    close: fail,
  };
}

const CUT = [
  { name: 'a connection reset mid-query', cause: () => new Error('Connection terminated unexpectedly') },
  {
    name: 'a refused connection',
    cause: () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
  },
];

const LOOKUPS = [
  {
    name: "a click's place check",
    run: (db: Db, stepId: string) =>
      checkClickPlace(
        { db },
        { userId: 'UAPPROVER2', stepId, action: 'step.approve', channelId: 'C1', messageTs: '1.2' },
      ),
  },
  { name: "the Skip modal's step lookup", run: (db: Db, stepId: string) => findStepChannel({ db }, stepId) },
  {
    name: "a modal nonce's redemption",
    run: (db: Db, stepId: string) =>
      redeemModalNonce(
        { db, now: () => new Date() },
        { purpose: 'skip', userId: 'UAPPROVER2', stepId, nonce: 'n' },
      ),
  },
];

let t: TestDb | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('step lookups while the database is unreachable', () => {
  for (const cut of CUT) {
    for (const lookup of LOOKUPS) {
      it(`when ${lookup.name} meets ${cut.name}, then it fails as storage_unavailable, never as "no such step"`, async () => {
        const err = await lookup.run(unreachable(cut.cause), randomUUID()).then(
          (out) => ({ resolved: out }),
          (e: unknown) => e,
        );
        expect(normaliseError(err).code).toBe('storage_unavailable');
      });
    }
  }

  it('when a step id is not a UUID (a forged button value), then it names no step and the database is not asked', async () => {
    const db = unreachable(() => new Error('Connection terminated unexpectedly'));
    expect(await findStep(db, 'not-a-step')).toBeNull();
    expect(await findStepChannel({ db }, "1' OR '1'='1")).toBeNull();
    expect(await LOOKUPS[0]!.run(db, 'not-a-step')).toMatchObject({ ok: false, code: 'step_not_found' });
  });

  it('when a UUID names no step, then the click is refused as an unknown step', async () => {
    t = await createTestDb();
    expect(await LOOKUPS[0]!.run(t.db, randomUUID())).toMatchObject({ ok: false, code: 'step_not_found' });
    expect(await findStepChannel({ db: t.db }, randomUUID())).toBeNull();
  });
});
