import type { Incident } from '../../src/domain/types.js';

/** An open incident as a provider adapter sees it; override what a test is about. */
export function incidentFixture(fields: Partial<Incident> & Pick<Incident, 'id' | 'provider'>): Incident {
  return {
    label: 'test',
    rehearsal: true,
    status: 'open',
    requestedBy: 'UALICE',
    since: null,
    channelId: null,
    progressTs: null,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    closedAt: null,
    closedBy: null,
    closeReason: null,
    ...fields,
  };
}
