import { emptyAccountState } from '../account.js';
import { SeededRandom } from '../random.js';
import { type SimulatorOptions, TelnyxSimulator } from '../simulator.js';
import { SimulatorError } from '../simulator-error.js';
import { seedAccountAccess } from './seed-account-access.js';
import { seedApplications, seedMessagingProfile, seedOutboundProfiles } from './seed-apps.js';
import { SeedBuilder } from './seed-builder.js';
import { seedNumbers } from './seed-numbers.js';
import { seedPortOutAndBilling } from './seed-port-out-and-billing.js';
import { seedSip } from './seed-sip.js';

export interface SeedOptions {
  /** Phone numbers in the account; default 48. */
  numbers?: number;
  /** Of those, how many the attacker made forward to premium destinations; default 3. */
  forwarding?: number;
  /** Credential connections in all, the attacker's one included; default 3. */
  credentialConnections?: number;
  /** PRNG seed: the same seed, `now` and `since` give the same account; default 1. */
  seed?: number;
  /** The account's present; default the current time. */
  now?: Date;
  /** When the attacker got in; default 3 days before `now`. */
  since?: Date;
  /** The key clients must send; default `KEYreclaimsandbox`. */
  apiKey?: string;
  /** Rate limit and clock of the simulator returned; the clock defaults to `now`, then real time. */
  simulator?: SimulatorOptions;
}

/** The fake key a seeded sandbox answers to unless told otherwise; not a credential. */
export const SANDBOX_API_KEY = 'KEYreclaimsandbox';

function count(value: number | undefined, fallback: number, name: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) {
    throw new SimulatorError('simulator_bad_options', `${name} must be an integer of at least ${min}.`);
  }
  return n;
}

/**
 * A simulated Telnyx account with an attacker's changes planted among legitimate resources: a new
 * credential connection; an unknown IP on an otherwise legitimate IP connection; `forwarding`
 * numbers forwarding to premium destinations among numbers that don't forward or forward to the
 * account's own or trusted numbers; a Call Control app and a TeXML app pointing at an unknown
 * host beside legitimate ones on the trusted host; an outbound voice profile with its spend limit
 * off and destinations opened; a messaging profile whose v1 secret leaked. `plantedChanges` lists
 * them; `SEED_TRUSTED` is what the legitimate operator would configure.
 */
export function seedAttackedAccount(options: SeedOptions = {}): TelnyxSimulator {
  const numbers = count(options.numbers, 48, 'numbers', 1);
  const forwarding = count(options.forwarding, 3, 'forwarding', 0);
  const credentialConnections = count(options.credentialConnections, 3, 'credentialConnections', 1);
  if (forwarding > numbers) {
    throw new SimulatorError('simulator_bad_options', 'forwarding cannot exceed numbers.');
  }
  const now = (options.now ?? new Date()).getTime();
  const since = options.since?.getTime() ?? now - 3 * 86_400_000;
  if (!(since < now)) throw new SimulatorError('simulator_bad_options', 'since must be before now.');

  const random = new SeededRandom(options.seed ?? 1);
  const state = emptyAccountState({
    apiKey: options.apiKey ?? SANDBOX_API_KEY,
    organizationId: random.uuid(),
    ownerUserId: random.uuid(),
    random: 0,
  });
  const b = new SeedBuilder(state, random, now, since);
  const profiles = seedOutboundProfiles(b);
  const sip = seedSip(b, {
    credentialConnections,
    legitProfileId: profiles.legitId,
    plantedProfileId: profiles.plantedId,
  });
  const apps = seedApplications(b, profiles);
  const messagingProfileId = seedMessagingProfile(b);
  seedNumbers(b, {
    count: numbers,
    forwarding,
    connectionIds: [...sip.legitConnectionIds, ...apps],
    messagingProfileId,
  });
  seedAccountAccess(b);
  seedPortOutAndBilling(b, { profileId: profiles.plantedId });
  state.auditEvents.sort((x, y) => x.created_at.localeCompare(y.created_at) || x.id.localeCompare(y.id));
  state.random = random.seed;
  return new TelnyxSimulator(state, { clock: clockFrom(now), ...options.simulator });
}

/** A clock that reads `now` at seeding and runs on in real time, so later writes follow the seed's timeline. */
function clockFrom(now: number): () => number {
  const offset = now - Date.now();
  return () => Date.now() + offset;
}
