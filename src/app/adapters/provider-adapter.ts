import type { Incident } from '../../domain/types.js';
import type { StepDefinition } from '../../playbooks/types.js';

/** One provider as the runtime sees it: its steps and how to reach its account (real or simulated). */
export interface ProviderAdapter {
  provider: 'telnyx' | 'twilio' | 'sendgrid';
  steps: StepDefinition[];
  /** Credentials are configured for the real account. */
  configured: boolean;
  /** A rehearsal can run against this provider's simulator. */
  rehearsable: boolean;
  /** The client for one incident: the real account, or the incident's own simulated one. */
  client(incident: Incident): Promise<unknown>;
  /** What a rehearsal's simulated account holds that is "ours" (its legitimate hosts, IPs, numbers). */
  rehearsalTrusted?: { hosts: readonly string[]; ips: readonly string[]; numbers: readonly string[] };
}
