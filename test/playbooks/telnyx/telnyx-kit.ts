import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { isContainStepKey } from '../../../src/domain/containment.js';
import type { PlannedAction } from '../../../src/domain/types.js';
import type { PlaybookRuntime } from '../../../src/incidents/deps.js';
import { TELNYX_STEPS } from '../../../src/playbooks/telnyx/index.js';
import type {
  ActionOutcome,
  AutomatedStepDefinition,
  Discovery,
  PlaybookContext,
  StepDefinition,
} from '../../../src/playbooks/types.js';
import { createProviderHttp } from '../../../src/providers/http/index.js';
import { createTelnyxClient, type TelnyxClient } from '../../../src/providers/telnyx/index.js';
import {
  type PlantedKind,
  SEED_TRUSTED,
  type SeedOptions,
  seedAttackedAccount,
  simulatorFetch,
  type TelnyxSimulator,
} from '../../../src/sandbox/telnyx/index.js';
import { createLogger, type Logger } from '../../../src/util/logger.js';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const SINCE = new Date('2026-02-26T00:00:00Z');

/** Which planted kind (or kinds) each automated step must find, and nothing else. */
export const PLANTED_KIND_OF_STEP: Record<string, PlantedKind | readonly PlantedKind[]> = {
  'telnyx.remove-unknown-users': 'organization_user',
  'telnyx.revoke-oauth-access': ['oauth_grant', 'oauth_client'],
  'telnyx.review-api-allow-list': 'access_ip',
  'telnyx.delete-integration-secrets': 'integration_secret',
  'telnyx.rotate-sip-credentials': 'credential_connection',
  'telnyx.review-ip-connections': ['ip', 'fqdn_connection'],
  'telnyx.regenerate-messaging-secret': 'messaging_profile_secret',
  'telnyx.disable-forwarding': 'call_forwarding',
  'telnyx.review-call-control-apps': 'call_control_application',
  'telnyx.review-texml-apps': 'texml_application',
  'telnyx.set-spend-limits': ['outbound_voice_profile', 'messaging_destinations'],
  'telnyx.rotate-port-out-pins': 'port_out_pin',
  'telnyx.review-billing-alerts': ['notification_channel', 'balance_alert'],
};

export function seeded(options: SeedOptions = {}): TelnyxSimulator {
  return seedAttackedAccount({ seed: 7, now: NOW, since: SINCE, simulator: { rateLimit: null }, ...options });
}

/** Everything the logger wrote, one JSON line per entry, for asserting that no secret is in it. */
export class LogCapture {
  lines: string[] = [];
  readonly logger: Logger;
  constructor() {
    const sink = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.lines.push(chunk.toString('utf8'));
        done();
      },
    });
    this.logger = createLogger({ level: 'trace', destination: sink });
  }
  get text(): string {
    return this.lines.join('');
  }
}

export interface Harness {
  sim: TelnyxSimulator;
  client: TelnyxClient;
  ctx: PlaybookContext<TelnyxClient>;
  logs: LogCapture;
}

/**
 * The real client, limiter and retry code over the simulator in-process: fast pace, retries in
 * milliseconds, every log line captured. `trusted` defaults to what the seed's owner would set.
 */
export function harness(
  sim: TelnyxSimulator = seeded(),
  options: { trusted?: PlaybookContext<unknown>['trusted']; since?: Date | null; timeoutMs?: number } = {},
): Harness {
  const logs = new LogCapture();
  const http = createProviderHttp({
    provider: 'telnyx',
    account: 'test',
    baseUrl: 'https://api.telnyx.com/v2',
    auth: { bearer: sim.apiKey },
    ratePerSec: 1000,
    timeUnitMs: 1,
    timeoutMs: options.timeoutMs ?? 5_000,
    fetch: simulatorFetch(sim),
    logger: logs.logger,
  });
  const client = createTelnyxClient(http);
  const trusted = options.trusted ?? {
    hosts: [...SEED_TRUSTED.hosts],
    ips: [...SEED_TRUSTED.ips],
    numbers: [...SEED_TRUSTED.numbers],
  };
  const since = options.since === undefined ? SINCE : options.since;
  return { sim, client, logs, ctx: { client, since, trusted, logger: logs.logger } };
}

/** The checklist's automated steps (Contain now stops every profile, planted or not: contain-now.test.ts). */
export const AUTOMATED: AutomatedStepDefinition<TelnyxClient>[] = TELNYX_STEPS.filter(
  (s): s is AutomatedStepDefinition<TelnyxClient> => s.kind === 'automated' && !isContainStepKey(s.id),
);

export function step(id: string): AutomatedStepDefinition<TelnyxClient> {
  const found = TELNYX_STEPS.find(
    (s): s is AutomatedStepDefinition<TelnyxClient> => s.id === id && s.kind === 'automated',
  );
  if (!found) throw new Error(`no automated step ${id}`);
  return found;
}

export function suspiciousResources(d: Discovery): string[] {
  return d.findings
    .filter((f) => f.suspicious)
    .map((f) => f.resource)
    .sort();
}

/** Every action of a plan in order, as the engine runs them (one at a time). */
export async function executeAll(
  s: AutomatedStepDefinition<TelnyxClient>,
  ctx: PlaybookContext<TelnyxClient>,
  actions: PlannedAction[],
  recheck = false,
): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  for (const action of actions) out.push(await s.execute(ctx, action, { recheck, seed: seedOf(action) }));
  return out;
}

/** The seed the engine would give `action` (`secrets/action-seed.ts`): the same for every attempt of it. */
export function seedOf(action: PlannedAction): Buffer {
  return createHash('sha256').update(`test seed\0${action.kind}\0${action.target}`).digest();
}

/**
 * The real Telnyx playbook for the engine, every step running against the harness's account; Contain
 * now's Restore is found by its id, as the app's runtime finds it.
 */
export function runtimeFor(h: Harness): PlaybookRuntime {
  const steps = TELNYX_STEPS as StepDefinition[];
  const all = steps.flatMap((s) =>
    s.kind === 'automated' && s.restore ? [s, s.restore as StepDefinition] : [s],
  );
  return {
    supports: (provider) => provider === 'telnyx',
    stepsFor: () => steps,
    definition: (key) => all.find((s) => s.id === key),
    contextFor: async () => h.ctx,
  };
}
