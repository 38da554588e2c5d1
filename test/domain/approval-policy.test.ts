import { describe, expect, it } from 'vitest';
import {
  type ApprovalDecision,
  type ApprovalInput,
  canActAsApprover,
  decideApproval,
  decideRejection,
  type PolicyIncident,
  type PolicyStep,
  requiredApprovals,
} from '../../src/domain/approval-policy.js';

const DIGEST = 'a'.repeat(64);
const OLD = 'b'.repeat(64);
const REQUESTER = 'U_REQ';
const APPROVERS = new Set(['U_A', 'U_B', 'U_C', REQUESTER]);

type Existing = ApprovalInput['existing'];
interface Row {
  when: string;
  action: 'approve' | 'reject';
  user: string;
  incident?: Partial<PolicyIncident>;
  step?: Partial<PolicyStep>;
  clicked?: string;
  approvers?: ReadonlySet<string>;
  n?: number;
  existing?: Existing;
  outcome: { code: string } | { approvers: string[]; needed: number; complete: boolean };
}

const ok = (approvers: string[], needed: number, complete: boolean) => ({ approvers, needed, complete });
const A = (userId: string) => ({ userId, decision: 'approve' as const });
const R = (userId: string) => ({ userId, decision: 'reject' as const });

const TABLE: Row[] = [
  {
    when: 'an approver approves a normal step',
    action: 'approve',
    user: 'U_A',
    outcome: ok(['U_A'], 1, true),
  },
  {
    when: 'a user off the list approves',
    action: 'approve',
    user: 'U_X',
    outcome: { code: 'not_an_approver' },
  },
  {
    when: 'the requester approves a normal step',
    action: 'approve',
    user: REQUESTER,
    outcome: ok([REQUESTER], 1, true),
  },
  {
    when: 'the requester approves a high-risk step',
    action: 'approve',
    user: REQUESTER,
    step: { risk: 'high' },
    outcome: { code: 'own_request' },
  },
  {
    when: 'the requester rejects a high-risk step',
    action: 'reject',
    user: REQUESTER,
    step: { risk: 'high' },
    outcome: ok([REQUESTER], 1, true),
  },
  {
    when: 'the first of two approves a high-risk step',
    action: 'approve',
    user: 'U_A',
    step: { risk: 'high' },
    outcome: ok(['U_A'], 2, false),
  },
  {
    when: 'the second of two approves a high-risk step',
    action: 'approve',
    user: 'U_B',
    step: { risk: 'high' },
    existing: [A('U_A')],
    outcome: ok(['U_A', 'U_B'], 2, true),
  },
  {
    when: 'the second of three approves a high-risk step',
    action: 'approve',
    user: 'U_B',
    step: { risk: 'high' },
    n: 3,
    existing: [A('U_A')],
    outcome: ok(['U_A', 'U_B'], 3, false),
  },
  {
    when: 'the third of three approves a high-risk step',
    action: 'approve',
    user: 'U_C',
    step: { risk: 'high' },
    n: 3,
    existing: [A('U_A'), A('U_B')],
    outcome: ok(['U_A', 'U_B', 'U_C'], 3, true),
  },
  {
    when: 'the same user approves twice',
    action: 'approve',
    user: 'U_A',
    step: { risk: 'high' },
    existing: [A('U_A')],
    outcome: { code: 'already_decided' },
  },
  {
    when: 'an approver rejects after approving',
    action: 'reject',
    user: 'U_A',
    step: { risk: 'high' },
    existing: [A('U_A')],
    outcome: { code: 'already_decided' },
  },
  {
    when: 'the click carries an older digest',
    action: 'approve',
    user: 'U_A',
    clicked: OLD,
    outcome: { code: 'stale_plan' },
  },
  {
    when: 'a rejection carries an older digest',
    action: 'reject',
    user: 'U_A',
    clicked: OLD,
    outcome: { code: 'stale_plan' },
  },
  {
    when: 'the step has no plan yet',
    action: 'approve',
    user: 'U_A',
    step: { planDigest: null },
    outcome: { code: 'stale_plan' },
  },
  {
    when: 'an approver rejects a high-risk step one approval short',
    action: 'reject',
    user: 'U_B',
    step: { risk: 'high' },
    existing: [A('U_A')],
    outcome: ok(['U_B'], 1, true),
  },
  {
    when: 'a user off the list rejects',
    action: 'reject',
    user: 'U_X',
    outcome: { code: 'not_an_approver' },
  },
  {
    when: 'the step is not awaiting approval',
    action: 'approve',
    user: 'U_A',
    step: { state: 'executing' },
    outcome: { code: 'step_not_awaiting_approval' },
  },
  {
    when: 'the step was already rejected',
    action: 'reject',
    user: 'U_A',
    step: { state: 'rejected' },
    outcome: { code: 'step_not_awaiting_approval' },
  },
  {
    when: 'the incident is closed, even with a stale digest',
    action: 'approve',
    user: 'U_A',
    incident: { status: 'closed' },
    clicked: OLD,
    outcome: { code: 'incident_closed' },
  },
  {
    when: 'no approvers are configured',
    action: 'approve',
    user: 'U_A',
    approvers: new Set(),
    outcome: { code: 'no_approvers_configured' },
  },
  {
    when: 'no approvers are configured and someone rejects',
    action: 'reject',
    user: 'U_A',
    approvers: new Set(),
    outcome: { code: 'no_approvers_configured' },
  },
  {
    when: 'in a rehearsal the requester alone approves a high-risk step',
    action: 'approve',
    user: REQUESTER,
    incident: { rehearsal: true },
    step: { risk: 'high' },
    n: 3,
    approvers: new Set(),
    outcome: ok([REQUESTER], 1, true),
  },
  {
    when: 'in a rehearsal a user off the list approves',
    action: 'approve',
    user: 'U_X',
    incident: { rehearsal: true },
    outcome: ok(['U_X'], 1, true),
  },
  {
    when: 'in a rehearsal anyone rejects',
    action: 'reject',
    user: 'U_X',
    incident: { rehearsal: true },
    approvers: new Set(),
    outcome: ok(['U_X'], 1, true),
  },
  {
    when: 'in a rehearsal the click is stale',
    action: 'approve',
    user: 'U_X',
    incident: { rehearsal: true },
    clicked: OLD,
    outcome: { code: 'stale_plan' },
  },
  {
    when: 'in a closed rehearsal anyone approves',
    action: 'approve',
    user: 'U_X',
    incident: { rehearsal: true, status: 'closed' },
    outcome: { code: 'incident_closed' },
  },
];

function inputFor(row: Row): ApprovalInput {
  return {
    incident: { rehearsal: false, requestedBy: REQUESTER, status: 'open', ...row.incident },
    step: { state: 'awaiting_approval', risk: 'normal', planDigest: DIGEST, ...row.step },
    userId: row.user,
    clickedDigest: row.clicked ?? DIGEST,
    approvers: row.approvers ?? APPROVERS,
    highRiskApprovals: row.n ?? 2,
    existing: row.existing ?? [],
  };
}

function run(row: Row): ApprovalDecision {
  return row.action === 'approve' ? decideApproval(inputFor(row)) : decideRejection(inputFor(row));
}

describe('approval policy table', () => {
  it.each(TABLE)('when $when, then the policy decides as the table says', (row) => {
    const decision = run(row);
    if ('code' in row.outcome) {
      expect(decision).toMatchObject({ allowed: false, code: row.outcome.code });
      if (!decision.allowed) expect(decision.message).toMatch(/^[A-Z][^\n]*\.$/);
    } else {
      expect(decision).toMatchObject({ allowed: true, ...row.outcome });
    }
  });
});

describe('approval policy wording', () => {
  it('when a rehearsal approval is accepted, then the note says one approval from anyone is enough', () => {
    const decision = run({
      when: '',
      action: 'approve',
      user: 'U_X',
      incident: { rehearsal: true },
      outcome: ok([], 1, true),
    });
    expect(decision).toMatchObject({ note: 'Rehearsal: one approval from anyone is enough.' });
  });

  it('when a real approval is not yet enough, then the note says how many more are needed', () => {
    const row: Row = {
      when: '',
      action: 'approve',
      user: 'U_A',
      step: { risk: 'high' },
      n: 3,
      outcome: ok([], 3, false),
    };
    expect(run(row)).toMatchObject({ note: 'Approved by 1 of 3; 2 more approvers needed.' });
  });

  it('when the plan is stale, then the message asks to look at the new plan', () => {
    const row: Row = {
      when: '',
      action: 'approve',
      user: 'U_A',
      clicked: OLD,
      outcome: { code: 'stale_plan' },
    };
    expect(run(row)).toMatchObject({
      message: 'The plan changed since this card was drawn; look at the new plan and click again.',
    });
  });

  it('when no approvers are configured, then the message names both variables', () => {
    const row: Row = {
      when: '',
      action: 'approve',
      user: 'U_A',
      approvers: new Set(),
      outcome: { code: '' },
    };
    const decision = run(row);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.message).toMatch(/RECLAIM_APPROVERS.*RECLAIM_APPROVER_GROUP/);
  });

  it('when the earlier decisions repeat one approver, then that approver counts once', () => {
    const row: Row = {
      when: '',
      action: 'approve',
      user: 'U_B',
      step: { risk: 'high' },
      n: 3,
      existing: [A('U_A'), A('U_A'), R('U_C')],
      outcome: ok([], 3, false),
    };
    expect(run(row)).toMatchObject({ allowed: true, approvers: ['U_A', 'U_B'], complete: false });
  });
});

describe('requiredApprovals', () => {
  it.each([
    [false, 'normal', 3, 1],
    [false, 'high', 2, 2],
    [false, 'high', 3, 3],
    [false, 'high', 0, 1],
    [true, 'high', 3, 1],
    [true, 'normal', 3, 1],
  ] as const)(
    'when rehearsal=%s and risk=%s with N=%i, then %i approvals are needed',
    (rehearsal, risk, n, needed) => {
      const incident = { rehearsal, requestedBy: REQUESTER, status: 'open' } as const;
      expect(requiredApprovals(incident, { state: 'awaiting_approval', risk, planDigest: DIGEST }, n)).toBe(
        needed,
      );
    },
  );
});

describe('canActAsApprover', () => {
  const none = new Set<string>();
  it.each([
    { who: 'an approver on an open incident', userId: 'U_A', over: {}, approvers: APPROVERS, code: null },
    { who: 'a user off the list', userId: 'U_X', over: {}, approvers: APPROVERS, code: 'not_an_approver' },
    {
      who: 'anyone with no approver configured',
      userId: 'U_A',
      over: {},
      approvers: none,
      code: 'no_approvers_configured',
    },
    { who: 'anyone in a rehearsal', userId: 'U_X', over: { rehearsal: true }, approvers: none, code: null },
    {
      who: 'an approver on a closed incident',
      userId: 'U_A',
      over: { status: 'closed' },
      approvers: APPROVERS,
      code: 'incident_closed',
    },
    {
      who: 'anyone in a closed rehearsal',
      userId: 'U_X',
      over: { rehearsal: true, status: 'closed' },
      approvers: APPROVERS,
      code: 'incident_closed',
    },
  ] as const)('when $who acts, then the refusal code is $code', ({ userId, over, approvers, code }) => {
    const incident: PolicyIncident = { rehearsal: false, requestedBy: REQUESTER, status: 'open', ...over };
    const answer = canActAsApprover({ incident, userId, approvers });
    if (code === null) expect(answer).toEqual({ allowed: true });
    else
      expect(answer).toMatchObject({
        allowed: false,
        code,
        message: expect.stringMatching(/^[A-Z][^\n]*\.$/),
      });
  });
});
