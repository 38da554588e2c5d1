import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeIncident } from '../../src/incidents/close-incident.js';
import { MAX_OPEN_REHEARSALS_PER_USER, mayOpenIncident } from '../../src/incidents/may-open-incident.js';
import { startIncident } from '../../src/incidents/start-incident.js';
import { listIncidentsFor } from '../../src/incidents/views/list-incidents-for.js';
import { FakeAccount, makeDeps } from '../support/fake-playbook.js';
import { createTestDb, type TestDb } from '../support/test-db.js';

let t: TestDb;
let deps: ReturnType<typeof makeDeps>;
beforeEach(async () => {
  t = await createTestDb();
  deps = makeDeps(t, new FakeAccount());
});
afterEach(() => t.cleanup());

const open = (requestedBy: string, rehearsal = true) =>
  startIncident(deps, { provider: 'telnyx', label: 'x', since: null, rehearsal, requestedBy });

describe('who may open an incident', () => {
  it('when no team is configured, then nobody may open a real incident and the refusal names what to set; a rehearsal is open to anyone', async () => {
    deps = makeDeps(t, new FakeAccount(), { approverIds: [], responders: [] });
    const real = await mayOpenIncident(deps, { userId: 'UANYONE', rehearsal: false });
    expect(real).toMatchObject({ ok: false, code: 'no_team_configured' });
    const message = real.ok ? '' : real.message;
    for (const variable of ['RECLAIM_APPROVERS', 'RECLAIM_APPROVER_GROUP', 'RECLAIM_RESPONDERS'])
      expect(message).toContain(variable);
    expect(await mayOpenIncident(deps, { userId: 'UANYONE', rehearsal: true })).toEqual({ ok: true });
  });

  it('when a team is configured, then its members may open a real incident and others are refused', async () => {
    expect(await mayOpenIncident(deps, { userId: 'URESPONDER', rehearsal: false })).toEqual({ ok: true });
    expect(await mayOpenIncident(deps, { userId: 'UAPPROVER2', rehearsal: false })).toEqual({ ok: true });
    expect(await mayOpenIncident(deps, { userId: 'UOUTSIDER', rehearsal: false })).toMatchObject({
      ok: false,
      code: 'not_on_team',
    });
  });

  it('when someone outside the team has the most open rehearsals, then the next is refused until one closes', async () => {
    const mine = [];
    for (let i = 0; i < MAX_OPEN_REHEARSALS_PER_USER; i += 1) mine.push((await open('UOUTSIDER')).incident);
    await open('UOUTSIDER', false); // a real incident (opened earlier) is not a rehearsal
    await open('USOMEONE');
    const refused = await mayOpenIncident(deps, { userId: 'UOUTSIDER', rehearsal: true });
    expect(refused).toMatchObject({ ok: false, code: 'too_many_rehearsals' });
    expect(refused.ok ? '' : refused.message).toContain('/compromise close');
    expect(await mayOpenIncident(deps, { userId: 'USOMEONE', rehearsal: true })).toEqual({ ok: true });
    const closed = await closeIncident(deps, {
      incidentId: mine[0]!.id,
      userId: 'UOUTSIDER',
      force: true,
      reason: 'practice over',
    });
    expect(closed).toMatchObject({ ok: true });
    expect(await mayOpenIncident(deps, { userId: 'UOUTSIDER', rehearsal: true })).toEqual({ ok: true });
  });

  it('when a team member has many rehearsals open, then the limit does not apply to her', async () => {
    for (let i = 0; i <= MAX_OPEN_REHEARSALS_PER_USER; i += 1) await open('URESPONDER');
    expect(await mayOpenIncident(deps, { userId: 'URESPONDER', rehearsal: true })).toEqual({ ok: true });
  });
});

describe('who may list the open incidents', () => {
  it('when a team is configured, then its members see every open incident and others are refused', async () => {
    await open('UAPPROVER1', false);
    await open('UOUTSIDER');
    expect(await listIncidentsFor(deps, { userId: 'UOUTSIDER' })).toMatchObject({
      ok: false,
      code: 'not_on_team',
    });
    const forResponder = await listIncidentsFor(deps, { userId: 'URESPONDER' });
    expect(forResponder.ok && forResponder.incidents.map((i) => i.requestedBy)).toEqual([
      'UAPPROVER1',
      'UOUTSIDER',
    ]);
    const grouped = makeDeps(t, new FakeAccount(), {
      approverIds: [],
      responders: [],
      hasApproverGroup: true,
    });
    const member = await listIncidentsFor(grouped, { userId: 'UCAROL', inApproverGroup: true });
    expect(member.ok && member.incidents).toHaveLength(2);
    expect(await listIncidentsFor(grouped, { userId: 'UCAROL', inApproverGroup: false })).toMatchObject({
      ok: false,
    });
  });

  it('when no team is configured, then each person sees only the incidents they opened', async () => {
    deps = makeDeps(t, new FakeAccount(), { approverIds: [], responders: [] });
    await open('UALICE');
    await open('UERIN');
    await open('UERIN');
    const alice = await listIncidentsFor(deps, { userId: 'UALICE' });
    expect(alice.ok && alice.incidents.map((i) => i.requestedBy)).toEqual(['UALICE']);
    const erin = await listIncidentsFor(deps, { userId: 'UERIN' });
    expect(erin.ok && erin.incidents).toHaveLength(2);
  });
});
