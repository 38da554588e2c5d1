import { readChainHead } from '../../audit/anchors.js';
import { type AuditEntry, exportAudit } from '../../audit/export-audit.js';
import { verifyAuditChain } from '../../audit/verify-chain.js';
import type { Queryable } from '../../db/db.js';
import { listApprovals } from '../../db/repos/approvals-repo.js';
import { getIncident } from '../../db/repos/incidents-repo.js';
import { getPlanSummary, listPlanActions } from '../../db/repos/plans-repo.js';
import { listSteps } from '../../db/repos/steps-repo.js';
import { findWatch, listWatchAlerts, type WatchAlert } from '../../db/repos/watch-repo.js';
import type { AuditAnchor } from '../../domain/audit-anchor.js';
import { restoreKeyOf } from '../../domain/containment.js';
import type { Approval, Incident, PlanAction, Step } from '../../domain/types.js';
import type { Watch } from '../../domain/watch.js';
import { countWipedUnrevealed } from '../../secrets/wipe-unrevealed.js';
import { loadContainmentView } from '../containment/containment-view.js';
import type { ContainmentView } from '../views/view-types.js';

export interface ReportStep {
  step: Step;
  title: string;
  summary: string | null;
  approvals: Approval[];
  actions: PlanAction[];
}

export interface ReportContainment extends ContainmentView {
  stepKey: string;
  /** Resources the Restore step put back (its done actions). */
  restored: number;
}

/** The restored count of a Restore step among the report's steps. */
function restoredCount(steps: readonly ReportStep[], restoreKey: string): number {
  const restore = steps.find((s) => s.step.stepKey === restoreKey);
  return restore ? restore.actions.filter((a) => a.state === 'done').length : 0;
}

export interface ReportData {
  incident: Incident;
  steps: ReportStep[];
  timeline: AuditEntry[];
  chain: { ok: boolean; count: number; brokenAt?: number; reason?: string };
  /** The chain's head when the report was made: an anchor outside the database, once posted. */
  head?: AuditAnchor | null;
  /** Generated credentials nobody revealed, wiped at close: they must be rotated again. */
  wipedSecrets?: number;
  generatedAt: Date;
  /** The post-remediation watch and what it raised. */
  watch?: Watch | null;
  watchAlerts?: WatchAlert[];
  /** Each Contain now step: time to containment and whether it was restored. */
  containment?: ReportContainment[];
}

/** Everything the close report says, read from the database (the audit log is the timeline). */
export async function loadReport(
  q: Queryable,
  incidentId: string,
  titleOf: (stepKey: string) => string,
  now: Date,
): Promise<ReportData> {
  const incident = await getIncident(q, incidentId);
  const steps: ReportStep[] = [];
  for (const step of await listSteps(q, incidentId)) {
    const digest = step.planDigest;
    steps.push({
      step,
      title: titleOf(step.stepKey),
      summary: digest ? await getPlanSummary(q, step.id, digest) : null,
      approvals: await listApprovals(q, step.id),
      actions: digest ? await listPlanActions(q, step.id, digest) : [],
    });
  }
  const containment: ReportContainment[] = [];
  for (const s of steps) {
    const view = await loadContainmentView(q, incident, s.step, s.actions);
    if (!view) continue;
    const restored = restoredCount(steps, restoreKeyOf(s.step.stepKey));
    containment.push({ ...view, stepKey: s.step.stepKey, restored });
  }
  const chain = await verifyAuditChain(q);
  const timeline = await exportAudit(q, incidentId);
  const wipedSecrets = await countWipedUnrevealed(q, incidentId);
  const watch = await findWatch(q, incidentId);
  const watchAlerts = await listWatchAlerts(q, incidentId);
  return {
    incident,
    steps,
    timeline,
    chain,
    head: await readChainHead(q),
    wipedSecrets,
    generatedAt: now,
    watch,
    watchAlerts,
    containment,
  };
}
