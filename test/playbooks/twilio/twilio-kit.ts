import type { PlannedAction } from '../../../src/domain/types.js';
import { TWILIO_STEPS } from '../../../src/playbooks/twilio/index.js';
import type {
  ActionOutcome,
  AutomatedStepDefinition,
  PlaybookContext,
} from '../../../src/playbooks/types.js';
import {
  createTwilioClient,
  type TwilioClient,
  twilioConnector,
} from '../../../src/providers/twilio/index.js';
import { createLimiterFactory } from '../../../src/rate-limits/index.js';
import {
  type PlantedKind,
  SEED_TRUSTED,
  seedAttackedTwilioAccount,
  type TwilioSeedOptions,
  type TwilioSimulator,
  twilioSimulatorFetch,
} from '../../../src/sandbox/twilio/index.js';
import { LogCapture } from '../telnyx/telnyx-kit.js';

export { LogCapture, suspiciousResources } from '../telnyx/telnyx-kit.js';

export const NOW = new Date('2026-03-01T12:00:00Z');
export const SINCE = new Date('2026-02-26T00:00:00Z');

/** The planted kind(s) each automated step must find, and nothing else. */
export const PLANTED_KIND_OF_STEP: Record<string, PlantedKind | PlantedKind[] | null> = {
  'twilio.rotate-auth-token': 'auth_token',
  'twilio.revoke-api-keys': ['api_key', 'subaccount_api_key'],
  'twilio.suspend-subaccounts': 'subaccount',
  'twilio.rotate-subaccount-tokens': 'subaccount_auth_token',
  'twilio.rotate-sip-credentials': null,
  'twilio.remove-unknown-sip-ips': 'ip_address',
  'twilio.remove-sip-domain-mappings': 'sip_domain_mapping',
  'twilio.reset-sip-domain-urls': 'sip_domain',
  'twilio.reset-messaging-service-urls': 'messaging_service',
  'twilio.reset-number-webhooks': ['incoming_phone_number', 'subaccount_phone_number'],
  'twilio.reset-twiml-app-urls': ['application', 'subaccount_application'],
  'twilio.delete-outgoing-caller-ids': 'outgoing_caller_id',
  'twilio.review-account-settings': 'monitor_event',
  'twilio.add-usage-trigger': null,
};

export function seeded(options: TwilioSeedOptions = {}): TwilioSimulator {
  return seedAttackedTwilioAccount({
    seed: 7,
    now: NOW,
    since: SINCE,
    simulator: { rateLimit: null },
    ...options,
  });
}

export interface Harness {
  sim: TwilioSimulator;
  client: TwilioClient;
  ctx: PlaybookContext<TwilioClient>;
  logs: LogCapture;
}

/**
 * The real client, limiter and retry code over the simulator in-process: fast pace, retries in
 * milliseconds, every log line captured. `trusted` defaults to what the seed's owner would set.
 */
export function harness(
  sim: TwilioSimulator = seeded(),
  options: { trusted?: PlaybookContext<unknown>['trusted']; since?: Date | null } = {},
): Harness {
  const logs = new LogCapture();
  const connect = twilioConnector({
    apiUrl: 'https://api.twilio.com',
    ratePerSec: 1000,
    timeUnitMs: 1,
    timeoutMs: 5_000,
    fetch: twilioSimulatorFetch(sim),
    logger: logs.logger,
    limiters: createLimiterFactory({ timeUnitMs: 1, logger: logs.logger }),
  });
  const client = createTwilioClient({ accountSid: sim.accountSid, authToken: sim.authToken, connect });
  const trusted = options.trusted ?? {
    hosts: [...SEED_TRUSTED.hosts],
    ips: [...SEED_TRUSTED.ips],
    numbers: [...SEED_TRUSTED.numbers],
  };
  const since = options.since === undefined ? SINCE : options.since;
  return { sim, client, logs, ctx: { client, since, trusted, logger: logs.logger } };
}

export const AUTOMATED: AutomatedStepDefinition<TwilioClient>[] = TWILIO_STEPS.filter(
  (s): s is AutomatedStepDefinition<TwilioClient> => s.kind === 'automated',
);

export function step(id: string): AutomatedStepDefinition<TwilioClient> {
  const found = AUTOMATED.find((s) => s.id === id);
  if (!found) throw new Error(`no automated step ${id}`);
  return found;
}

/** Every action of a plan in order, as the engine runs them (one at a time). */
export async function executeAll(
  s: AutomatedStepDefinition<TwilioClient>,
  ctx: PlaybookContext<TwilioClient>,
  actions: PlannedAction[],
  recheck = false,
): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  for (const action of actions) out.push(await s.execute(ctx, action, { recheck }));
  return out;
}

/** Discovers and executes every automated step in playbook order. */
export async function remediate(h: Harness) {
  const plans: {
    step: AutomatedStepDefinition<TwilioClient>;
    actions: PlannedAction[];
    outcomes: ActionOutcome[];
  }[] = [];
  for (const s of AUTOMATED) {
    const { actions } = await s.discover(h.ctx);
    plans.push({ step: s, actions, outcomes: await executeAll(s, h.ctx, actions) });
  }
  return plans;
}
