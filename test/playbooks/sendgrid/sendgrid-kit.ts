import type { PlannedAction } from '../../../src/domain/types.js';
import { createSendgridSteps } from '../../../src/playbooks/sendgrid/index.js';
import type {
  ActionOutcome,
  AutomatedStepDefinition,
  ContainedChange,
  Discovery,
  PlaybookContext,
} from '../../../src/playbooks/types.js';
import { createProviderHttp } from '../../../src/providers/http/index.js';
import {
  apiKeyIdOf,
  createSendgridClient,
  type SendgridClient,
} from '../../../src/providers/sendgrid/index.js';
import {
  type PlantedKind,
  SANDBOX_SENDGRID_API_KEY,
  SEED_TRUSTED,
  type SendgridSimulator,
  sendgridSimulatorFetch,
} from '../../../src/sandbox/sendgrid/index.js';
import { NOW, SINCE, seeded } from '../../sandbox/sendgrid/sim-kit.js';
import { LogCapture } from '../telnyx/telnyx-kit.js';

export { NOW, SINCE, seeded } from '../../sandbox/sendgrid/sim-kit.js';

/** The steps as the tests run them: the sent-mail review counts its 30 days back from NOW. */
export const STEPS = createSendgridSteps({ now: () => NOW });

export const AUTOMATED: AutomatedStepDefinition<SendgridClient>[] = STEPS.filter(
  (s): s is AutomatedStepDefinition<SendgridClient> => s.kind === 'automated',
);

/** Which planted kinds each automated step must flag, and nothing else. */
export const PLANTED_KINDS_OF_STEP: Record<string, PlantedKind[]> = {
  'sendgrid.contain-now': ['api_key'],
  'sendgrid.replace-api-keys': ['api_key'],
  'sendgrid.review-ip-access': ['allowed_ip', 'access_attempt'],
  'sendgrid.remove-unknown-teammates': ['teammate', 'pending_invite'],
  'sendgrid.disable-unknown-subusers': ['subuser'],
  'sendgrid.review-senders': ['verified_sender', 'authenticated_domain', 'branded_link'],
  'sendgrid.review-webhooks': ['event_webhook'],
  'sendgrid.review-mail-settings': ['mail_setting', 'alert'],
  'sendgrid.review-sent-email': ['sent_subject'],
};

export interface Harness {
  sim: SendgridSimulator;
  client: SendgridClient;
  ctx: PlaybookContext<SendgridClient>;
  logs: LogCapture;
}

/**
 * The real client, limiter and retry code over the simulator in-process: fast pace, retries in
 * milliseconds, every log line captured. `trusted` defaults to what the seed's owner would set.
 */
export function harness(
  sim: SendgridSimulator = seeded(),
  options: {
    trusted?: Partial<PlaybookContext<unknown>['trusted']>;
    since?: Date | null;
    apiKey?: string;
  } = {},
): Harness {
  const logs = new LogCapture();
  const apiKey = options.apiKey ?? SANDBOX_SENDGRID_API_KEY;
  const fetch = sendgridSimulatorFetch(sim);
  const httpFor = (bearer: string) =>
    createProviderHttp({
      provider: 'sendgrid',
      account: 'test',
      baseUrl: 'https://api.sendgrid.com',
      auth: { bearer },
      ratePerSec: 1000,
      timeUnitMs: 1,
      timeoutMs: 5_000,
      fetch,
      logger: logs.logger,
    });
  // Replacing its own key, the client switches to the new one (the engine seals it into the connection).
  const client = createSendgridClient(httpFor(apiKey), { ownApiKeyId: apiKeyIdOf(apiKey), connect: httpFor });
  const trusted = {
    hosts: [...SEED_TRUSTED.hosts],
    ips: [...SEED_TRUSTED.ips],
    numbers: [] as string[],
    ...options.trusted,
  };
  const since = options.since === undefined ? SINCE : options.since;
  return { sim, client, logs, ctx: { client, since, trusted, logger: logs.logger } };
}

export function step(id: string): AutomatedStepDefinition<SendgridClient> {
  const found = AUTOMATED.find((s) => s.id === id);
  if (!found) throw new Error(`no automated step ${id}`);
  return found;
}

export function suspiciousResources(d: Discovery): string[] {
  return d.findings
    .filter((f) => f.suspicious)
    .map((f) => f.resource)
    .sort();
}

/** What the engine hands the steps after Contain now: its done actions with their results. */
export function containedOf(
  actions: readonly PlannedAction[],
  outcomes: readonly ActionOutcome[],
): ContainedChange[] {
  return actions.map((a, i) => ({
    kind: a.kind,
    target: a.target,
    params: a.params,
    result: outcomes[i]?.result ?? null,
  }));
}

/** Every action of a plan in order, as the engine runs them (one at a time). */
export async function executeAll(
  s: AutomatedStepDefinition<SendgridClient>,
  ctx: PlaybookContext<SendgridClient>,
  actions: PlannedAction[],
  recheck = false,
): Promise<ActionOutcome[]> {
  const out: ActionOutcome[] = [];
  for (const action of actions) out.push(await s.execute(ctx, action, { recheck }));
  return out;
}
