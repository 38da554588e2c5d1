/** The read use case behind `/compromise list`: the incidents not closed yet, oldest first. */
import { listOpenIncidents } from '../../db/repos/incidents-repo.js';
import type { Incident } from '../../domain/types.js';
import type { UseCaseDeps } from '../deps.js';

export function loadOpenIncidents(deps: Pick<UseCaseDeps, 'db'>): Promise<Incident[]> {
  return listOpenIncidents(deps.db);
}
