import { randomUUID } from 'node:crypto';
import { appendAuditNow } from '../../audit/append-audit.js';
import { type Actor, approverAuthority } from '../../domain/actor.js';
import { providerOfLabel } from '../../domain/connection.js';
import { isContainmentKey } from '../../domain/containment.js';
import type { PostureReport } from '../../domain/posture.js';
import type { ProviderName } from '../../domain/providers.js';
import type { Incident } from '../../domain/types.js';
import { type Refusal, refuse, type UseCaseDeps } from '../deps.js';
import { rediscover } from './rediscover.js';

export type { PostureReport, PostureStep } from '../../domain/posture.js';

export const NOT_AN_APPROVER_TO_CHECK =
  'Only approvers (RECLAIM_APPROVERS or the RECLAIM_APPROVER_GROUP) may check an account: it reads all of it.';

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
  const report = await readPosture(deps, { label: input.label, provider, rehearsal, by: input.userId });
  return { ok: true, report };
}

/**
 * Every automated step's discovery, read-only, on the account behind `label` (the caller checked
 * who may ask); audited as done by `by` (a person, or `reclaim` on the schedule).
 */
export async function readPosture(
  deps: UseCaseDeps,
  input: { label: string; provider: ProviderName; rehearsal: boolean; by: string },
): Promise<PostureReport> {
  const { label, provider, rehearsal } = input;
  const now = deps.now();
  // Discovery runs against an incident; a check is none, so it gets one that is never stored.
  const probe: Incident = {
    id: randomUUID(),
    provider,
    label: 'posture check',
    rehearsal,
    status: 'open',
    requestedBy: input.by,
    since: null,
    channelId: null,
    progressTs: null,
    createdAt: now,
    closedAt: null,
    closedBy: null,
    closeReason: null,
    connections: rehearsal ? [] : [label],
  };
  // Contain now and its Restore are not the account's posture.
  const automated = deps.playbooks
    .stepsFor(probe)
    .filter((d) => d.kind === 'automated' && !isContainmentKey(d.id));
  const results = await rediscover(
    deps,
    probe,
    automated.map((d) => d.id),
  );
  const report: PostureReport = {
    label,
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
    actor: input.by,
    action: 'posture.checked',
    payload: {
      label,
      risky: report.steps.reduce((n, s) => n + s.risky.length, 0),
      unreadable: report.steps.filter((s) => s.error).map((s) => s.stepKey),
    },
  });
  return report;
}
