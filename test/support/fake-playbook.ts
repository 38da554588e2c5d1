import type { PlannedAction } from '../../src/domain/types.js';
import { definitionKeyOf } from '../../src/domain/watch.js';
import type { IncidentNotifier, PlaybookRuntime, UseCaseDeps } from '../../src/incidents/deps.js';
import type { AutomatedStepDefinition, StepDefinition } from '../../src/playbooks/types.js';
import { silentLogger } from '../../src/util/logger.js';
import type { TestDb } from './test-db.js';

/** A small in-memory "provider" the fake playbook reads and writes, with a switch to fail writes. */
export class FakeAccount {
  forwarding = new Map<string, string | null>([
    ['+15550100', '+88216555'],
    ['+15550101', null],
    ['+15550102', '+19005550'],
  ]);
  writes: string[] = [];
  /** Targets whose next write throws (once each). */
  failNext = new Set<string>();
  /** Targets whose next write applies the change but reports an unknown outcome (a timeout). */
  timeoutNext = new Set<string>();
  rechecks: string[] = [];
  /** Targets whose write waits until the promise settles (to watch a step mid-execution). */
  holdUntil = new Map<string, Promise<void>>();
}

class UnknownOutcome extends Error {
  readonly outcomeUnknown = true;
}

export function fakeSteps(): StepDefinition<FakeAccount>[] {
  const forwarding: AutomatedStepDefinition<FakeAccount> = {
    id: 'test.disable-forwarding',
    title: 'Disable suspicious forwarding',
    why: 'Attackers forward calls to premium numbers.',
    risk: 'high',
    kind: 'automated',
    async discover({ client }) {
      const actions: PlannedAction[] = [...client.forwarding]
        .filter(([, to]) => to !== null)
        .map(([n, to]) => ({
          kind: 'disable_forwarding',
          target: n,
          params: { forwardsTo: to },
          description: `Disable forwarding on ${n}`,
        }));
      return {
        findings: [...client.forwarding].map(([n, to]) => ({
          resource: n,
          summary: `${n} → ${to ?? 'none'}`,
          suspicious: to !== null,
          reasons: [],
        })),
        actions,
        summary: `${actions.length} numbers forward.`,
      };
    },
    async execute({ client }, action, { recheck }) {
      if (recheck) {
        client.rechecks.push(action.target);
        if (client.forwarding.get(action.target) === null) return { result: { alreadyOff: true } };
      }
      await client.holdUntil.get(action.target);
      if (client.failNext.delete(action.target)) throw new Error(`provider refused ${action.target}`);
      client.writes.push(action.target);
      client.forwarding.set(action.target, null);
      if (client.timeoutNext.delete(action.target)) throw new UnknownOutcome('timed out after sending');
      return {
        result: { forwarding: 'off' },
        secrets:
          action.target === '+15550100'
            ? [{ label: `pin for ${action.target}`, value: 'S3cr3t-Value-xyz' }]
            : [],
      };
    },
  };
  const review: AutomatedStepDefinition<FakeAccount> = {
    id: 'test.review-nothing',
    title: 'Review something clean',
    why: 'Nothing to see.',
    risk: 'normal',
    kind: 'automated',
    async discover() {
      return { findings: [], actions: [], summary: 'Nothing found.' };
    },
    async execute() {
      return { result: {} };
    },
  };
  return [
    {
      id: 'test.change-password',
      title: 'Change the password',
      why: 'The attacker knows it.',
      risk: 'high',
      kind: 'manual',
      instructions: '1. Change it.',
    },
    forwarding as StepDefinition<FakeAccount>,
    review as StepDefinition<FakeAccount>,
  ];
}

export class RecordingNotifier implements IncidentNotifier {
  steps: string[] = [];
  incidents: string[] = [];
  stepChanged(stepId: string): void {
    this.steps.push(stepId);
  }
  incidentChanged(incidentId: string): void {
    this.incidents.push(incidentId);
  }
  alerts: string[] = [];
  watchAlerted(_incidentId: string, stepId: string): void {
    this.alerts.push(stepId);
  }
}

export function fakeRuntime(account: FakeAccount): PlaybookRuntime {
  const steps = fakeSteps() as StepDefinition[];
  return {
    supports: () => true,
    stepsFor: () => steps,
    definition: (key) => steps.find((s) => s.id === definitionKeyOf(key)),
    contextFor: async () => ({
      client: account,
      since: null,
      trusted: { hosts: [], ips: [], numbers: [] },
      logger: silentLogger(),
    }),
    // The fake provider refuses any credential that says so, as a provider answers a bad key.
    verifyCredential: async (c) => {
      const secret = c.provider === 'twilio' ? c.authToken : c.apiKey;
      if (secret.includes('refused'))
        return { ok: false, reason: `${c.provider} refused it (401): Authentication failed` };
      return { ok: true, accountId: c.provider === 'twilio' ? c.accountSid : null };
    },
  };
}

export function makeDeps(
  t: TestDb,
  account: FakeAccount,
  overrides: Partial<UseCaseDeps> & { approverIds?: string[] } = {},
): UseCaseDeps & { notifier: RecordingNotifier } {
  const { approverIds = ['UAPPROVER1', 'UAPPROVER2', 'UAPPROVER3'], ...rest } = overrides;
  return {
    db: t.db,
    logger: silentLogger(),
    now: () => new Date(),
    notifier: new RecordingNotifier(),
    playbooks: fakeRuntime(account),
    approvers: approverIds,
    hasApproverGroup: false,
    responders: ['URESPONDER'],
    highRiskApprovals: 2,
    secretKey: Buffer.alloc(32, 7),
    ...rest,
  } as UseCaseDeps & { notifier: RecordingNotifier };
}
