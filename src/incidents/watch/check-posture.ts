import { randomUUID } from 'node:crypto';
import { appendAuditNow } from '../../audit/append-audit.js';
import { type Actor, approverAuthority } from '../../domain/actor.js';
import { providerOfLabel } from '../../domain/connection.js';
import type { Finding, Incident } from '../../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from '../deps.js';
import { rediscover } from './rediscover.js';

export const NOT_AN_APPROVER_TO_CHECK =
  'Only approvers (RECLAIM_APPROVERS or the RECLAIM_APPROVER_GROUP) may check an account: it reads all of it.';

export interface PostureStep {
  stepKey: string;
  title: string;
  /** What looks risky now; empty when the step found nothing. */
  risky: Finding[];
  /** Changes the step would plan in an incident. */
  planned: number;
  /** Set when the step could not read the account. */
  error?: string;
}

export interface PostureReport {
  label: string;
  rehearsal: boolean;
  checkedAt: Date;
  steps: PostureStep[];
}

/**
 * `/compromise check <connection>`: every automated step's discovery, read-only, against one
 * account, with no incident: what looks risky now. Only approvers may (it reads the whole account);
 * `sandbox` checks a freshly seeded simulated account. Audited (who, which connection, the counts).
 */
export async function checkPosture(
  deps: UseCaseDeps,
  input: Actor & { label: string },
): Promise<{ ok: true; report: PostureReport } | Refusal> {
  const rehearsal = input.label === 'sandbox';
  const provider = rehearsal ? 'telnyx' : providerOfLabel(input.label);
  if (!provider) return refuse('connection_label_invalid', `\`${input.label}\` is not a connection.`);
  const { approvers } = approverAuthority(deps, input);
  if (!approvers.has(input.userId)) return refuse('not_an_approver', NOT_AN_APPROVER_TO_CHECK);
  if (!rehearsal && !(await deps.connections?.find(input.label))) {
    return refuse(
      'connection_not_found',
      `No connection \`${input.label}\`: \`/compromise connections\` lists them.`,
    );
  }
  const now = deps.now();
  // Discovery runs against an incident; a check is none, so it gets one that is never stored.
  const probe: Incident = {
    id: randomUUID(),
    provider,
    label: 'posture check',
    rehearsal,
    status: 'open',
    requestedBy: input.userId,
    since: null,
    channelId: null,
    progressTs: null,
    createdAt: now,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    connections: rehearsal ? [] : [input.label],
  };
  const automated = deps.playbooks.stepsFor(probe).filter((d) => d.kind === 'automated');
  const results = await rediscover(
    deps,
    probe,
    automated.map((d) => d.id),
  );
  const report: PostureReport = {
    label: input.label,
    rehearsal,
    checkedAt: now,
    steps: results.map((r) => ({
      stepKey: r.stepKey,
      title: deps.playbooks.definition(r.stepKey)?.title ?? r.stepKey,
      risky: r.ok ? r.discovery.findings.filter((f) => f.suspicious) : [],
      planned: r.ok ? r.discovery.actions.length : 0,
      ...(r.ok ? {} : { error: `${r.code}: ${r.message}` }),
    })),
  };
  await appendAuditNow(deps.db, {
    incidentId: null,
    actor: input.userId,
    action: 'posture.checked',
    payload: {
      label: input.label,
      risky: report.steps.reduce((n, s) => n + s.risky.length, 0),
      unreadable: report.steps.filter((s) => s.error).map((s) => s.stepKey),
    },
  });
  return { ok: true, report };
}
