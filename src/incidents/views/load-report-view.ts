/** The read use case behind the close report: the incident's story as the report tells it. */
import type { UseCaseDeps } from '../deps.js';
import { loadReport, type ReportData } from '../report/load-report.js';
import { stepDefinitionView } from './step-definition-view.js';

export function loadReportView(
  deps: Pick<UseCaseDeps, 'db' | 'playbooks' | 'now'>,
  incidentId: string,
): Promise<ReportData> {
  return loadReport(deps.db, incidentId, (key) => stepDefinitionView(deps.playbooks, key).title, deps.now());
}
