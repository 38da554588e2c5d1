import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/db.js';
import type { ProviderObserver } from '../providers/http/index.js';
import type { Route } from './routes.js';

export interface Metrics {
  registry: Registry;
  /** Hooks for the provider HTTP client. */
  provider: ProviderObserver;
  slackAck(seconds: number, kind: string): void;
  job(kind: string, waitSeconds: number, runSeconds: number, outcome: 'done' | 'failed'): void;
  /** A run of a post-remediation watch (or its baseline) and the alerts it raised. */
  watchRun(outcome: string, alerts: number): void;
  /** Sources read at scrape time (set once the engine is up). */
  watch(sources: { db: Db; limiterQueues?: () => Record<string, number> }): void;
  route: Route;
}

/** Prometheus metrics on `/metrics`: incidents and steps (read at scrape), provider traffic, jobs, Slack acks. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'reclaim_process_' });
  let sources: { db: Db; limiterQueues?: () => Record<string, number> } | null = null;

  new Gauge({
    name: 'reclaim_open_incidents',
    help: 'Incidents not closed yet',
    registers: [registry],
    async collect() {
      if (!sources) return;
      const { rows } = await sources.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM incidents WHERE status = 'open'`,
      );
      this.set(rows[0]?.n ?? 0);
    },
  });
  new Gauge({
    name: 'reclaim_steps',
    help: 'Steps of open incidents by state',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      const { rows } = await sources.db.query<{ state: string; n: number }>(
        `SELECT s.state, count(*)::int AS n FROM steps s JOIN incidents i ON i.id = s.incident_id WHERE i.status = 'open' GROUP BY s.state`,
      );
      this.reset();
      for (const r of rows) this.set({ state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'reclaim_provider_limiter_queued',
    help: 'Provider requests waiting in a rate limiter',
    labelNames: ['limiter'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [limiter, n] of Object.entries(sources?.limiterQueues?.() ?? {})) this.set({ limiter }, n);
    },
  });
  const requests = new Counter({
    name: 'reclaim_provider_requests_total',
    help: 'Provider HTTP requests by provider and status',
    labelNames: ['provider', 'status'],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'reclaim_provider_429_total',
    help: '429 answers received from providers',
    labelNames: ['provider'],
    registers: [registry],
  });
  const jobs = new Histogram({
    name: 'reclaim_job_duration_seconds',
    help: 'Job run time by kind and outcome',
    labelNames: ['kind', 'outcome'],
    buckets: [0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });
  const jobWait = new Histogram({
    name: 'reclaim_job_wait_seconds',
    help: 'Time a job waited in the queue after it was due',
    labelNames: ['kind'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [registry],
  });
  const acks = new Histogram({
    name: 'reclaim_slack_ack_seconds',
    help: 'Time from receiving a Slack request to acking it',
    labelNames: ['kind'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
    registers: [registry],
  });

  const watchRuns = new Counter({
    name: 'reclaim_watch_runs_total',
    help: 'Post-remediation watch runs by outcome (baseline, clean, alerted, failed, ended)',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const watchAlerts = new Counter({
    name: 'reclaim_watch_alerts_total',
    help: 'Alerts the post-remediation watch raised',
    registers: [registry],
  });

  return {
    registry,
    provider: {
      requestFinished: (e) => requests.inc({ provider: e.provider, status: String(e.status) }),
      rateLimited: (e) => limited.inc({ provider: e.provider }),
    },
    slackAck: (seconds, kind) => acks.observe({ kind }, seconds),
    job(kind, waitSeconds, runSeconds, outcome) {
      jobWait.observe({ kind }, Math.max(0, waitSeconds));
      jobs.observe({ kind, outcome }, runSeconds);
    },
    watchRun(outcome, alerts) {
      watchRuns.inc({ outcome });
      if (alerts > 0) watchAlerts.inc(alerts);
    },
    watch(s) {
      sources = s;
    },
    route: {
      path: '/metrics',
      method: 'GET',
      async handler(_req, res) {
        const body = await registry.metrics();
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(body);
      },
    },
  };
}
