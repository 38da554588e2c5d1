import { z } from 'zod';
import { parseSavedAccount, savedPlanted, savedRandom } from '../kit/saved-account.js';
import { ACCOUNT_STATE_VERSION, type TwilioAccountState } from './account.js';
import { emptyIdentityState } from './identity-state.js';
import { emptyRoutingState } from './routing-state.js';

const records = z.array(z.looseObject({ sid: z.string() }));

/** The saved form of an account: checked down to each record's `sid`, the rest kept as saved. */
const accountSchema = z.object({
  version: z.literal(ACCOUNT_STATE_VERSION),
  account: z.looseObject({ sid: z.string(), auth_token: z.string().min(1) }),
  secondaryAuthToken: z.object({ token: z.string().min(1), date_created: z.string() }).nullable(),
  random: savedRandom,
  subaccounts: records,
  keys: records,
  credentialLists: records,
  credentials: records,
  ipAccessControlLists: records,
  ipAddresses: records,
  incomingPhoneNumbers: records,
  applications: records,
  usage: z.array(z.looseObject({ category: z.string(), date: z.string() })),
  usageTriggers: records,
  routing: z
    .object({
      trunks: records,
      trunkMembers: records,
      sipDomains: records,
      domainMappings: records,
      messagingServices: records,
      dialingCountries: z.array(z.looseObject({ iso_code: z.string() })),
      messagingGeo: z.array(z.looseObject({ country_code: z.string() })),
    })
    .optional(),
  identity: z
    .object({
      subaccounts: z.record(
        z.string(),
        z.object({
          secondaryAuthToken: z.object({ token: z.string().min(1), date_created: z.string() }).nullable(),
          keys: records,
          incomingPhoneNumbers: records,
          applications: records,
          outgoingCallerIds: records,
        }),
      ),
      outgoingCallerIds: records,
      events: records,
    })
    .optional(),
  planted: savedPlanted,
});

/** Parses a saved account; a file from another version or a damaged one is `simulator_bad_state`. */
export function parseAccountState(json: unknown): TwilioAccountState {
  const state = parseSavedAccount<TwilioAccountState>(accountSchema, json, 'Twilio simulator account');
  // A file saved before the routing resources existed has none: the account simply has none yet.
  state.routing ??= emptyRoutingState();
  state.identity ??= emptyIdentityState();
  return state;
}
