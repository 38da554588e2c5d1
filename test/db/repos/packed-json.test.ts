// Findings stored gzip-compressed: what is read back is what was written, and rows from before migration 0010 still read.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../src/db/migrate.js';
import { insertIncident } from '../../../src/db/repos/incidents-repo.js';
import { packJson, unpackJson } from '../../../src/db/repos/packed-json.js';
import { getStep, insertStep, updateStep } from '../../../src/db/repos/steps-repo.js';
import { listBaselines, saveBaseline } from '../../../src/db/repos/watch-repo.js';
import type { Finding } from '../../../src/domain/types.js';
import { createTestDb, type TestDb } from '../../support/test-db.js';

const findings = (n: number): Finding[] =>
  Array.from({ length: n }, (_, i) => ({
    resource: String(2_000_000_000_000_000_000 + i),
    summary: `+1 555 010 ${i} forwards to +882 16 5555 0101 (always) “quoted” ✓`,
    suspicious: i % 2 === 0,
    reasons: i % 2 === 0 ? ['forwards to a premium-rate prefix (+882, International Networks)'] : [],
  }));

describe('packed JSON', () => {
  it('when a value is packed, then it unpacks to the same value and is much smaller than its JSON', () => {
    const value = findings(2_000);
    const packed = packJson(value);
    expect(unpackJson(packed)).toEqual(value);
    expect(packed.length).toBeLessThan(JSON.stringify(value).length / 10);
  });

  it('when the bytes are plain UTF-8 JSON (a row from before), then they are read as JSON; null stays null', () => {
    expect(unpackJson(new TextEncoder().encode('[{"resource":"r","summary":"s ✓"}]'))).toEqual([
      { resource: 'r', summary: 's ✓' },
    ]);
    expect(unpackJson(null)).toBeNull();
  });
});

describe('findings in the database (steps and watch baselines)', () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb({ migrated: false });
  });
  afterEach(() => t.cleanup());

  /** The schema as it was before migration 0010; returns every migration, to run the rest. */
  async function migratedBefore10() {
    const all = await loadMigrations();
    await migrate(
      t.db,
      all.filter((m) => m.version < 10),
    );
    return all;
  }

  async function incidentWithStep(): Promise<{ incidentId: string; stepId: string }> {
    const incident = await insertIncident(t.db, {
      id: randomUUID(),
      provider: 'telnyx',
      label: 'packed',
      rehearsal: false,
      requestedBy: 'UREQ',
      since: null,
    });
    const step = await insertStep(t.db, {
      id: randomUUID(),
      incidentId: incident.id,
      position: 0,
      stepKey: 'telnyx.disable-forwarding',
      kind: 'automated',
      risk: 'high',
      state: 'pending',
    });
    return { incidentId: incident.id, stepId: step.id };
  }

  it('when findings are written, then the row holds gzip, not their text, and getStep reads them back', async () => {
    await migrate(t.db);
    const { stepId } = await incidentWithStep();
    const written = findings(500);
    await updateStep(t.db, stepId, { findings: written });
    const { rows } = await t.db.query<{ findings: Uint8Array }>('SELECT findings FROM steps WHERE id = $1', [
      stepId,
    ]);
    const raw = Buffer.from(rows[0]!.findings);
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
    expect(raw.toString('latin1')).not.toContain('forwards to');
    expect((await getStep(t.db, stepId)).findings).toEqual(written);
    await updateStep(t.db, stepId, { findings: null });
    expect((await getStep(t.db, stepId)).findings).toBeNull();
  });

  it('when a step was discovered before migration 0010, then its jsonb findings read the same after it', async () => {
    const all = await migratedBefore10();
    const { stepId } = await incidentWithStep();
    const before = findings(50);
    await t.db.query('UPDATE steps SET findings = $2::jsonb WHERE id = $1', [stepId, JSON.stringify(before)]);
    await migrate(t.db, all);
    expect((await getStep(t.db, stepId)).findings).toEqual(before);
  });

  it('when a baseline was recorded before migration 0010, then it reads the same after it, and one recorded after is gzip', async () => {
    const all = await migratedBefore10();
    const { incidentId } = await incidentWithStep();
    const before = findings(30);
    await t.db.query(
      `INSERT INTO watch_baselines (incident_id, step_key, digest, findings, recorded_at)
       VALUES ($1, 'telnyx.disable-forwarding', 'd1', $2::jsonb, now())`,
      [incidentId, JSON.stringify(before)],
    );
    await migrate(t.db, all);
    expect(await listBaselines(t.db, incidentId)).toEqual([
      { stepKey: 'telnyx.disable-forwarding', digest: 'd1', findings: before },
    ]);
    const after = findings(300);
    await saveBaseline(
      t.db,
      incidentId,
      { stepKey: 'telnyx.review-nothing', digest: 'd2', findings: after },
      new Date(),
    );
    const { rows } = await t.db.query<{ findings: Uint8Array }>(
      `SELECT findings FROM watch_baselines WHERE step_key = 'telnyx.review-nothing'`,
    );
    expect([...Buffer.from(rows[0]!.findings).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    expect((await listBaselines(t.db, incidentId))[1]?.findings).toEqual(after);
  });
});
