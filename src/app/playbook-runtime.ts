import type { Config } from '../config/config.js';
import { containmentFirst } from '../domain/containment.js';
import { PROVIDERS_OF } from '../domain/providers.js';
import type { Incident } from '../domain/types.js';
import { definitionKeyOf } from '../domain/watch.js';
import type { PlaybookRuntime } from '../incidents/deps.js';
import type { StepDefinition } from '../playbooks/types.js';
import { limiterKey, type ProviderObserver } from '../providers/http/index.js';
import { createLimiterFactory, type LimiterFactory } from '../rate-limits/index.js';
import type { Logger } from '../util/logger.js';
import { createReadMemo } from '../util/read-memo.js';
import { connectionAccess } from './adapters/connection-access.js';
import type { ProviderAdapter } from './adapters/provider-adapter.js';
import { subaccountReader } from './adapters/read-subaccount.js';
import { sendgridAdapter } from './adapters/sendgrid-adapter.js';
import { telnyxAdapter } from './adapters/telnyx-adapter.js';
import { twilioAdapter } from './adapters/twilio-adapter.js';
import { credentialVerifier } from './adapters/verify-credential.js';
import { manualStepVerifier } from './adapters/verify-manual-step.js';

/**
 * How long a discovery's account-wide read (a 100,000-number listing, the audit log) stays for the
 * incident's other steps after it resolved. The steps discovered at the start join it while in
 * flight; a few seconds more cover one that asks a little late. Not longer: 100,000 numbers held
 * 30 s were the bench's peak of memory, and a later Retry must see the account as it is. Once the
 * incident has no step left to discover, its reads go at once (`discoveryEnded`).
 */
export const SHARED_READ_KEEP_MS = 5_000;

export interface RuntimeOptions {
  limiters?: LimiterFactory;
  observer?: ProviderObserver;
}

/**
 * The playbooks of this release and the clients they run with. A step's provider is the prefix of
 * its id (`telnyx.disable-forwarding`), so an incident covering two providers finds each client.
 */
export interface RuntimeHandle extends PlaybookRuntime {
  /** Resolves once the rate limiters can be used (Redis answered, when REDIS_URL is set). */
  ready(): Promise<void>;
  close(): Promise<void>;
  /** Requests waiting per limiter (metrics). */
  queued(): Record<string, number>;
}

export function createPlaybookRuntime(
  config: Config,
  logger: Logger,
  options: RuntimeOptions = {},
): RuntimeHandle {
  const limiters =
    options.limiters ??
    createLimiterFactory(config.redisUrl ? { redis: { url: config.redisUrl }, logger } : { logger });
  const adapters = new Map<string, ProviderAdapter>();
  const access = connectionAccess(config);
  const verify = credentialVerifier(config, logger);
  const adapterOptions = {
    config,
    logger,
    limiters,
    credential: access.load,
    ...(options.observer ? { observer: options.observer } : {}),
  };
  for (const adapter of [
    telnyxAdapter(adapterOptions),
    twilioAdapter(adapterOptions),
    sendgridAdapter(adapterOptions),
  ]) {
    adapters.set(adapter.provider, adapter);
  }
  const definitions = new Map<string, StepDefinition>();
  for (const adapter of adapters.values()) {
    for (const step of adapter.steps) {
      definitions.set(step.id, step);
      // Contain now's Restore is not a card of its own at the start: its button raises it.
      if (step.kind === 'automated' && step.restore) definitions.set(step.restore.id, step.restore);
    }
  }

  const sharedReads = createReadMemo(SHARED_READ_KEEP_MS);
  const partsOf = (provider: Incident['provider']) => PROVIDERS_OF[provider].map((p) => adapters.get(p));

  return {
    ready: () => limiters.ready(),
    useConnections: access.use,
    verifyCredential: verify,
    readSubaccount: subaccountReader(config, logger, limiters),
    verifyManualStep: manualStepVerifier(access.store, verify),
    queued: () => limiters.queued(),
    close: () => limiters.close(),
    supports(provider, rehearsal) {
      return partsOf(provider).every((a) => a !== undefined && (rehearsal ? a.rehearsable : true));
    },
    stepsFor(incident) {
      return containmentFirst(partsOf(incident.provider).flatMap((a) => a?.steps ?? []));
    },
    // A watch alert's step key names the playbook step it re-ran (`<id>@watch-<run>`).
    definition: (stepKey) => definitions.get(definitionKeyOf(stepKey)),
    discoveryEnded: (incidentId) => sharedReads.forget(`${incidentId}:`),
    paceFor(incident, stepKey) {
      const adapter = adapters.get(stepKey.split('.')[0] ?? '');
      const account = adapter?.limiterAccount?.(incident);
      if (!adapter || account === undefined) return undefined;
      const key = limiterKey(adapter.provider, account);
      return () => limiters.pace(key)?.read();
    },
    async contextFor(incident, stepKey, purpose) {
      const adapter = adapters.get(stepKey.split('.')[0] ?? '');
      if (!adapter) throw new Error(`no provider runs step "${stepKey}"`);
      const extra = incident.rehearsal ? adapter.rehearsalTrusted : undefined;
      return {
        client: await adapter.client(incident),
        since: incident.since,
        openedAt: incident.createdAt,
        trusted: extra
          ? {
              hosts: [...config.trusted.hosts, ...extra.hosts],
              ips: [...config.trusted.ips, ...extra.ips],
              numbers: [...config.trusted.numbers, ...extra.numbers],
            }
          : config.trusted,
        logger: logger.child({ incidentId: incident.id, step: stepKey }),
        ...(purpose?.discovery
          ? { shared: { once: (key, read) => sharedReads.once(`${incident.id}:${key}`, read) } }
          : {}),
      };
    },
  };
}
