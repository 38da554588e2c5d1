import type { Config } from '../../config/config.js';
import type { ProviderName } from '../../domain/providers.js';
import type { Incident } from '../../domain/types.js';
import type { StepDefinition } from '../../playbooks/types.js';
import type { ProviderObserver } from '../../providers/http/index.js';
import type { LimiterFactory } from '../../rate-limits/index.js';
import type { Logger } from '../../util/logger.js';
import type { LoadCredential } from './connection-access.js';

/** What every adapter is built with. */
export interface AdapterOptions {
  config: Config;
  logger: Logger;
  limiters: LimiterFactory;
  observer?: ProviderObserver;
  /** A connection's current credential (the store once the database is open); default: the environment's. */
  credential?: LoadCredential;
}

/** One provider as the runtime sees it: its steps and how to reach its account (real or simulated). */
export interface ProviderAdapter {
  provider: ProviderName;
  steps: StepDefinition[];
  /** Credentials are configured for the real account. */
  configured: boolean;
  /** A rehearsal can run against this provider's simulator. */
  rehearsable: boolean;
  /** The client for one incident: the real account, or the incident's own simulated one. */
  client(incident: Incident): Promise<unknown>;
  /** The account its client for this incident names in its limiter key (`telnyx:<account>`), when known. */
  limiterAccount?(incident: Incident): string | undefined;
  /** What a rehearsal's simulated account holds that is "ours" (its legitimate hosts, IPs, numbers). */
  rehearsalTrusted?: { hosts: readonly string[]; ips: readonly string[]; numbers: readonly string[] };
}
