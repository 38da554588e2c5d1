import { SeededRandom } from '../../telnyx/random.js';
import { SimulatorError } from '../../telnyx/simulator-error.js';
import { emptyAccountState } from '../account.js';
import { newSid, newToken, rfc2822 } from '../sim-context.js';
import { TwilioSimulator, type TwilioSimulatorOptions } from '../simulator.js';
import { plantLeakedAuthToken, seedKeys, seedSubaccounts } from './seed-access.js';
import { SeedBuilder } from './seed-builder.js';
import { seedIdentity } from './seed-identity.js';
import { seedRouting } from './seed-routing.js';
import { seedCredentialLists, seedIpAccessControlLists } from './seed-sip.js';
import { seedUsage } from './seed-usage.js';
import { seedApplications, seedNumbers } from './seed-voice.js';

export interface TwilioSeedOptions {
  /** Incoming phone numbers; default 24. */
  numbers?: number;
  /** Of those, how many the attacker pointed at their host; default 1. */
  repointed?: number;
  /** Legitimate TwiML applications; default 2. */
  applications?: number;
  /** Legitimate API keys; default 3. */
  keys?: number;
  /** SIP credential lists, and credentials in each; defaults 2 and 3. */
  credentialLists?: number;
  credentialsPerList?: number;
  /** IP access control lists besides "Office PBX" and "Datacenter"; default 0. */
  extraSites?: number;
  /** PRNG seed: the same seed, `now` and `since` give the same account; default 1. */
  seed?: number;
  /** The account's present; default the current time. */
  now?: Date;
  /** When the attacker got in; default 3 days before `now`. */
  since?: Date;
  /** Rate limit and clock of the simulator; the clock defaults to `now`, then real time. */
  simulator?: TwilioSimulatorOptions;
}

function count(value: number | undefined, fallback: number, name: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) {
    throw new SimulatorError('simulator_bad_options', `${name} must be an integer of at least ${min}.`);
  }
  return n;
}

/**
 * A simulated Twilio account with an attacker's changes planted among legitimate resources: its
 * Auth Token presumed leaked; a new API key; an active subaccount created in the window; an
 * unknown IP on an otherwise legitimate IP access control list; `repointed` numbers whose voice
 * URL moved to the attacker's host; a TwiML app on that host. `plantedTwilioChanges` lists them;
 * `SEED_TRUSTED` is what the legitimate operator would configure.
 */
export function seedAttackedTwilioAccount(options: TwilioSeedOptions = {}): TwilioSimulator {
  const numbers = count(options.numbers, 24, 'numbers', 1);
  const repointed = count(options.repointed, 1, 'repointed', 0);
  if (repointed > numbers)
    throw new SimulatorError('simulator_bad_options', 'repointed cannot exceed numbers.');
  const now = (options.now ?? new Date()).getTime();
  const since = options.since?.getTime() ?? now - 3 * 86_400_000;
  if (!(since < now)) throw new SimulatorError('simulator_bad_options', 'since must be before now.');

  const random = new SeededRandom(options.seed ?? 1);
  const mainSid = newSid({ random }, 'AC');
  const created = rfc2822(since - 700 * 86_400_000);
  const state = emptyAccountState(
    {
      sid: mainSid,
      friendly_name: 'Acme Voice',
      status: 'active',
      owner_account_sid: mainSid,
      type: 'Full',
      auth_token: newToken({ random }),
      date_created: created,
      date_updated: created,
    },
    0,
  );
  const b = new SeedBuilder(state, random, now, since);
  plantLeakedAuthToken(b);
  seedKeys(b, count(options.keys, 3, 'keys', 0));
  seedSubaccounts(b);
  seedCredentialLists(
    b,
    count(options.credentialLists, 2, 'credentialLists', 0),
    count(options.credentialsPerList, 3, 'credentialsPerList', 0),
  );
  seedIpAccessControlLists(b, count(options.extraSites, 0, 'extraSites', 0));
  const appSid = seedApplications(b, count(options.applications, 2, 'applications', 0));
  seedNumbers(b, numbers, repointed, appSid);
  seedUsage(b);
  seedRouting(b);
  seedIdentity(b);
  state.random = random.seed;
  return new TwilioSimulator(state, { clock: clockFrom(now), ...options.simulator });
}

/** A clock that reads `now` at seeding and runs on in real time, so later writes follow the seed's timeline. */
function clockFrom(now: number): () => number {
  const offset = now - Date.now();
  return () => Date.now() + offset;
}
