export interface SimulatorStatsSnapshot {
  requests: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  writes: Record<string, number>;
  rateLimited: number;
  faults: number;
}

/**
 * Counters a test or bench reads: requests in total, per route template (`PATCH
 * /credential_connections/{id}`) and per status; writes applied per resource id (so a test can prove
 * each write happened exactly once); 429s sent; faults injected.
 */
export class SimulatorStats {
  requests = 0;
  byRoute: Record<string, number> = {};
  byStatus: Record<string, number> = {};
  writes: Record<string, number> = {};
  rateLimited = 0;
  faults = 0;

  recordRequest(route: string): void {
    this.requests += 1;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
  }

  recordStatus(status: number): void {
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status === 429) this.rateLimited += 1;
  }

  recordWrite(id: string): void {
    this.writes[id] = (this.writes[id] ?? 0) + 1;
  }

  writesTo(id: string): number {
    return this.writes[id] ?? 0;
  }

  totalWrites(): number {
    return Object.values(this.writes).reduce((sum, n) => sum + n, 0);
  }

  routeCount(route: string): number {
    return this.byRoute[route] ?? 0;
  }

  reset(): void {
    this.requests = 0;
    this.byRoute = {};
    this.byStatus = {};
    this.writes = {};
    this.rateLimited = 0;
    this.faults = 0;
  }

  snapshot(): SimulatorStatsSnapshot {
    return {
      requests: this.requests,
      byRoute: { ...this.byRoute },
      byStatus: { ...this.byStatus },
      writes: { ...this.writes },
      rateLimited: this.rateLimited,
      faults: this.faults,
    };
  }
}
