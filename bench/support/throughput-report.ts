/** Turns the bench's raw measurements into the numbers it prints and the lines it prints them on. */
import { TELNYX_MAX_PAGE_SIZE } from '../../src/providers/telnyx/index.js';
import type { SimulatorReport } from './simulator-process.js';

export interface ProviderThroughputResult {
  rate: number;
  wallSeconds: number;
  /** Requests made ÷ rate: no client can be faster against this limit. */
  floorSeconds: number;
  ratio: number;
  requests: number;
  /** Listing pages at the largest page size plus one write per planned action. */
  minimum: number;
  pages: number;
  actions: number;
  /** 429s the simulator sent. */
  rateLimited: number;
  failures: number;
  /** Planted forwarding and credential connections still in effect afterwards (should be 0). */
  unresolved: number;
  inProcess: boolean;
  pacing: Pacing;
}

export interface Exchange {
  startMs: number;
  durationMs: number;
  method: string;
}

/** Where the time beyond the floor went, from the client's side of each exchange. */
export interface Pacing {
  discoverySeconds: number;
  executeSeconds: number;
  /** Mean time between the starts of consecutive requests; the pace is 1000/rate ms. */
  meanGapMs: number;
  /** Time lost to gaps longer than the pace (the limiter had nothing ready to send), in seconds. */
  idleSeconds: number;
  /** Gaps longer than 1.5 × the pace. */
  longGaps: number;
  meanReadMs: number;
  meanWriteMs: number;
}

export function pacingOf(
  exchanges: Exchange[],
  rate: number,
  discoverySeconds: number,
  wallSeconds: number,
): Pacing {
  const pace = 1000 / rate;
  const starts = exchanges.map((e) => e.startMs).sort((a, b) => a - b);
  const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    discoverySeconds,
    executeSeconds: wallSeconds - discoverySeconds,
    meanGapMs: mean(gaps),
    idleSeconds: gaps.reduce((sum, g) => sum + Math.max(0, g - pace), 0) / 1000,
    longGaps: gaps.filter((g) => g > 1.5 * pace).length,
    meanReadMs: mean(exchanges.filter((e) => e.method === 'GET').map((e) => e.durationMs)),
    meanWriteMs: mean(exchanges.filter((e) => e.method !== 'GET').map((e) => e.durationMs)),
  };
}

/** The lines the bench prints, with the goals next to the numbers. */
export function report(r: ProviderThroughputResult): string[] {
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.requests)).toFixed(2)}%`;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  return [
    `rate limit         ${r.rate}/s (simulator bucket and client pace); simulator ${r.inProcess ? 'in this process' : 'in a child process'}`,
    `wall time          ${r.wallSeconds.toFixed(2)} s`,
    `floor              ${r.floorSeconds.toFixed(2)} s  (${r.requests} requests ÷ ${r.rate}/s)`,
    `ratio              ${r.ratio.toFixed(3)}  goal ≤ 1.05: ${verdict(r.ratio <= 1.05)}`,
    `requests           ${r.requests} made, minimum ${r.minimum} (${r.pages} pages + ${r.actions} writes)  ${verdict(r.requests === r.minimum)}`,
    `429s received      ${r.rateLimited} (${pct(r.rateLimited)})  goal ≤ 0.5%: ${verdict(r.rateLimited <= r.requests * 0.005)}`,
    `failures           ${r.failures}  goal 0: ${verdict(r.failures === 0)}`,
    `phases             discovery ${r.pacing.discoverySeconds.toFixed(2)} s (floor ${(r.pages / r.rate).toFixed(2)} s), execution ${r.pacing.executeSeconds.toFixed(2)} s (floor ${(r.actions / r.rate).toFixed(2)} s)`,
    `client pacing      mean gap between request starts ${r.pacing.meanGapMs.toFixed(2)} ms (pace ${(1000 / r.rate).toFixed(2)} ms); ${r.pacing.idleSeconds.toFixed(2)} s in gaps beyond the pace, ${r.pacing.longGaps} gaps > 1.5× pace`,
    `latency            reads ${r.pacing.meanReadMs.toFixed(1)} ms, writes ${r.pacing.meanWriteMs.toFixed(1)} ms (mean, client side)`,
    `left in effect     ${r.unresolved} planted forwarding/credential changes  ${verdict(r.unresolved === 0)}`,
  ];
}

/** Pages of one full listing of `count` items (an empty listing still costs one request). */
const pagesOf = (count: number) => Math.max(1, Math.ceil(count / TELNYX_MAX_PAGE_SIZE));

/** The listings discovery of every automated step walks, by the collection each reads. */
export function minimumPages(sizes: SimulatorReport['sizes']): number {
  const listings = [
    'credentialConnections', // rotate-sip-credentials
    'telephonyCredentials',
    'ipConnections', // review-ip-connections
    'ips',
    'fqdnConnections',
    'fqdns',
    'messagingProfiles', // regenerate-messaging-secret
    'phoneNumbers', // disable-forwarding (the voice-settings listing)
    'callControlApplications',
    'texmlApplications',
    'outboundVoiceProfiles', // set-spend-limits
    'messagingProfiles',
  ];
  return listings.reduce((sum, name) => sum + pagesOf(sizes[name] ?? 0), 0);
}
